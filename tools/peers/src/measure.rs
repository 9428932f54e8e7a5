//! Timing, statistics and reporting: clocks (wall, process CPU, resident memory), medians,
//! the per-workload blocks printed as results arrive, the final summary table, and the
//! machine-readable lines (`bench <workload> <runtime> <median_ns>` and friends).

use std::time::Instant;

/// What happened to one runtime on one workload.
pub enum Outcome {
    /// Timed samples in nanoseconds (one per repetition), plus derived metrics.
    Timed {
        samples_ns: Vec<f64>,
        metrics: Vec<Metric>,
    },
    /// The runtime is not part of this build.
    NotBuilt(String),
    /// Compiling, instantiating or running failed, or the result was wrong.
    Failed(String),
}

/// A derived number reported beside the median time, e.g. MB/s or bytes per instance.
pub struct Metric {
    /// Key of its machine-readable line: `<key> <workload> <runtime> <value>`.
    pub key: &'static str,
    pub value: f64,
    /// How the table shows it.
    pub display: String,
}

/// One workload's results, one entry per runtime in table order (Kestrel first).
pub struct WorkloadResult {
    pub name: &'static str,
    pub describe: String,
    pub rows: Vec<(&'static str, Outcome)>,
    /// Remarks printed under the workload's block.
    pub notes: Vec<String>,
}

/// Nanoseconds since `start`.
pub fn elapsed_ns(start: Instant) -> f64 {
    start.elapsed().as_nanos() as f64
}

/// User plus system CPU time of the whole process (all threads), in nanoseconds.
pub fn cpu_time_ns() -> f64 {
    // SAFETY: getrusage only writes the struct we pass, which is plain data.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_SELF, &mut usage);
        usage
    };
    let ns = |t: libc::timeval| t.tv_sec as f64 * 1e9 + t.tv_usec as f64 * 1e3;
    ns(usage.ru_utime) + ns(usage.ru_stime)
}

/// The process's resident set size in bytes (VmRSS), after returning freed heap memory to
/// the kernel so that earlier frees do not hide or inflate the next reading.
pub fn resident_bytes() -> Option<f64> {
    // SAFETY: malloc_trim has no preconditions; it only releases free heap pages.
    unsafe { libc::malloc_trim(0) };
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024.0)
}

pub fn median(samples: &[f64]) -> f64 {
    let mut sorted = samples.to_vec();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    if n == 0 {
        f64::NAN
    } else if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
    }
}

/// A duration with a unit that keeps three or four significant digits.
pub fn format_ns(ns: f64) -> String {
    if ns >= 1e9 {
        format!("{:.3} s", ns / 1e9)
    } else if ns >= 1e6 {
        format!("{:.2} ms", ns / 1e6)
    } else if ns >= 1e3 {
        format!("{:.2} µs", ns / 1e3)
    } else {
        format!("{ns:.0} ns")
    }
}

pub fn format_bytes(bytes: f64) -> String {
    if bytes.abs() >= 1024.0 * 1024.0 {
        format!("{:.2} MiB", bytes / (1024.0 * 1024.0))
    } else if bytes.abs() >= 1024.0 {
        format!("{:.1} KiB", bytes / 1024.0)
    } else {
        format!("{bytes:.0} B")
    }
}

impl WorkloadResult {
    fn median_of(&self, runtime: &str) -> Option<f64> {
        self.rows.iter().find_map(|(name, outcome)| match outcome {
            Outcome::Timed { samples_ns, .. } if *name == runtime => Some(median(samples_ns)),
            _ => None,
        })
    }

    /// The median of Kestrel (plain), which every ratio divides by.
    fn baseline(&self) -> Option<f64> {
        self.median_of("kestrel")
    }

    /// Prints this workload's block: one line per runtime with median, ratio to Kestrel,
    /// spread (max - min over median) and metrics.
    pub fn print_block(&self) {
        println!();
        println!("== {}: {}", self.name, self.describe);
        println!(
            "   {:<20} {:>12} {:>11} {:>7}  notes",
            "runtime", "median", "vs kestrel", "spread"
        );
        let baseline = self.baseline();
        for (runtime, outcome) in &self.rows {
            match outcome {
                Outcome::Timed {
                    samples_ns,
                    metrics,
                } => {
                    let m = median(samples_ns);
                    let max = samples_ns.iter().copied().fold(f64::MIN, f64::max);
                    let min = samples_ns.iter().copied().fold(f64::MAX, f64::min);
                    let ratio = baseline.map_or("-".into(), |b| format!("{:.2}x", m / b));
                    let notes: Vec<&str> = metrics.iter().map(|x| x.display.as_str()).collect();
                    println!(
                        "   {:<20} {:>12} {:>11} {:>6.1}%  {}",
                        runtime,
                        format_ns(m),
                        ratio,
                        (max - min) / m * 100.0,
                        notes.join(", ")
                    );
                }
                Outcome::NotBuilt(reason) => println!("   {runtime:<20} not built: {reason}"),
                Outcome::Failed(reason) => println!("   {runtime:<20} FAILED: {reason}"),
            }
        }
        for note in &self.notes {
            println!("   note: {note}");
        }
    }
}

/// The summary: a Markdown table, one row per workload and one column per runtime, each
/// cell the median and its ratio to Kestrel (plain); "n/b" not built, "fail" failed.
pub fn print_summary(results: &[WorkloadResult], runtimes: &[&'static str]) {
    println!();
    println!("Summary: median time per sample (ratio to kestrel; above 1.00x is slower)");
    println!();
    let mut header = String::from("| workload |");
    let mut rule = String::from("|---|");
    for r in runtimes {
        header.push_str(&format!(" {r} |"));
        rule.push_str("---:|");
    }
    println!("{header}");
    println!("{rule}");
    for result in results {
        let baseline = result.baseline();
        let mut line = format!("| {} |", result.name);
        for runtime in runtimes {
            let cell = match result.rows.iter().find(|(name, _)| name == runtime) {
                Some((_, Outcome::Timed { samples_ns, .. })) => {
                    let m = median(samples_ns);
                    match baseline {
                        Some(b) => format!("{} ({:.2}x)", format_ns(m), m / b),
                        None => format_ns(m),
                    }
                }
                Some((_, Outcome::NotBuilt(_))) => "n/b".into(),
                Some((_, Outcome::Failed(_))) => "fail".into(),
                None => "-".into(),
            };
            line.push_str(&format!(" {cell} |"));
        }
        println!("{line}");
    }
    // Derived metrics get their own rows, e.g. compile MB/s and bytes per instance.
    for result in results {
        let mut keys: Vec<&'static str> = Vec::new();
        for (_, outcome) in &result.rows {
            if let Outcome::Timed { metrics, .. } = outcome {
                for m in metrics {
                    if !keys.contains(&m.key) {
                        keys.push(m.key);
                    }
                }
            }
        }
        for key in keys {
            let mut line = format!("| {} ({key}) |", result.name);
            for runtime in runtimes {
                let cell = result
                    .rows
                    .iter()
                    .find(|(name, _)| name == runtime)
                    .and_then(|(_, outcome)| match outcome {
                        Outcome::Timed { metrics, .. } => metrics.iter().find(|m| m.key == key),
                        _ => None,
                    })
                    .map_or("-".into(), |m| m.display.clone());
                line.push_str(&format!(" {cell} |"));
            }
            println!("{line}");
        }
    }
}

/// The machine-readable lines: `bench <workload> <runtime> <median_ns>` for every timed
/// measurement, `<metric> <workload> <runtime> <value>` for derived metrics, and
/// `failed`/`notbuilt <workload> <runtime>` so nothing silently disappears.
pub fn print_machine_lines(results: &[WorkloadResult]) {
    println!();
    for result in results {
        for (runtime, outcome) in &result.rows {
            match outcome {
                Outcome::Timed {
                    samples_ns,
                    metrics,
                } => {
                    println!(
                        "bench {} {} {:.0}",
                        result.name,
                        runtime,
                        median(samples_ns)
                    );
                    for m in metrics {
                        println!("{} {} {} {:.3}", m.key, result.name, runtime, m.value);
                    }
                }
                Outcome::NotBuilt(_) => println!("notbuilt {} {}", result.name, runtime),
                Outcome::Failed(_) => println!("failed {} {}", result.name, runtime),
            }
        }
    }
}
