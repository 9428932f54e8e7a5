//! A service of many instances that LLDB can attach to at any time: runs 100 instances
//! of a module (debuggable), each calling its export over and over on one of four
//! threads, and lists each instance with the port a debugger attaches on
//! (`gdb::AttachListener`). Attaching stops that instance where it is; detaching lets it
//! run on; the other instances never stop.
//!
//! `cargo run --release --example attach_service -- MODULE.wasm EXPORT [ARG] [FIRST_PORT]`
//! (EXPORT takes one i32, ARG, default 1000000; ports from FIRST_PORT, default any free
//! ones), then for instance N:
//! `lldb-22 -o "process connect --plugin wasm connect://127.0.0.1:PORT_N"`.
//! `tools/cli/tests/lldb/attach.wasm spin` is such a module.

use kestrel::gdb::AttachListener;
use kestrel::{Config, Engine, Instance, Linker, Module, Val};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

const INSTANCES: usize = 100;
const THREADS: usize = 4;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(file), Some(export)) = (args.get(1), args.get(2)) else {
        return Err("usage: attach_service MODULE.wasm EXPORT [ARG] [FIRST_PORT]".into());
    };
    let arg: i32 = args.get(3).map_or(Ok(1_000_000), |a| a.parse())?;
    let first_port: u16 = args.get(4).map_or(Ok(0), |p| p.parse())?;

    let mut config = Config::new();
    config.debug_instrumentation(true);
    let engine = Engine::new(&config);
    let module = Module::from_file(&engine, file)?;
    let linker = Linker::new(&engine);
    let instances = (0..INSTANCES)
        .map(|_| linker.instantiate(&module))
        .collect::<kestrel::Result<Vec<Instance>>>()?;

    let mut listener = AttachListener::new("127.0.0.1".parse()?);
    for (i, instance) in instances.iter().enumerate() {
        let port = if first_port == 0 {
            0
        } else {
            first_port + i as u16
        };
        let port = listener.add(&format!("instance-{i}"), instance, port)?;
        println!("instance {i}: port {port}");
    }
    let _running = listener.start()?;

    let calls = Arc::new(AtomicU64::new(0));
    let workers: Vec<_> = (0..THREADS)
        .map(|t| {
            let mine: Vec<Instance> = instances.iter().skip(t).step_by(THREADS).cloned().collect();
            let (calls, export) = (calls.clone(), export.clone());
            std::thread::spawn(move || -> kestrel::Result<()> {
                loop {
                    for instance in &mine {
                        let func = instance.get_func(&export).ok_or_else(|| {
                            kestrel::Error::Usage(format!("no export named `{export}`"))
                        })?;
                        func.call(&[Val::I32(arg)])?;
                        calls.fetch_add(1, Ordering::Relaxed);
                    }
                }
            })
        })
        .collect();
    for worker in workers {
        match worker.join() {
            Ok(result) => result?,
            Err(_) => return Err("a worker panicked".into()),
        }
    }
    Ok(())
}
