//! Prints every step's observation on Kestrel (plain) and wasmi side by side:
//! `cargo run -p kestrel-fuzz --example compare -- FILE.wat [--legacy | --wasmtime]`
//! (against wasmi 2.0 by default, wasmi 0.31 or wasmtime on request).
fn main() {
    let path = std::env::args().nth(1).expect("a module file");
    let bytes = wat::parse_file(&path).expect("a module");
    let ours = kestrel_fuzz::oracle::run_kestrel(&kestrel::Engine::default(), &bytes).unwrap();
    let legacy = std::env::args().any(|a| a == "--legacy");
    let reference = if legacy {
        kestrel_fuzz::oracle::run_wasmi_legacy(&bytes).unwrap()
    } else if std::env::args().any(|a| a == "--wasmtime") {
        kestrel_fuzz::oracle::run_wasmtime(&bytes).unwrap()
    } else {
        kestrel_fuzz::oracle::run_wasmi(&bytes).unwrap()
    };
    for (a, b) in ours.iter().zip(&reference) {
        let mark = if a == b { " " } else { "*" };
        println!(
            "{mark} {}: kestrel {:?} | reference {:?}",
            a.step, a.outcome, b.outcome
        );
        if a != b && a.outcome == b.outcome {
            println!("    kestrel   {a:?}\n    reference {b:?}");
        }
    }
}
