//! Times compiling a module file plain and instrumented: `cargo run -p kestrel-fuzz --example time_compile -- FILE`.
fn main() {
    let path = std::env::args().nth(1).expect("a module file");
    let bytes = std::fs::read(&path).expect("readable");
    for debug in [false, true] {
        let mut c = kestrel::Config::new();
        c.debug_instrumentation(debug);
        let engine = kestrel::Engine::new(&c);
        let t = std::time::Instant::now();
        let m = kestrel::Module::new(&engine, &bytes);
        println!(
            "debug={debug}: {:?} in {:?}",
            m.map(|m| m.code().len()),
            t.elapsed()
        );
    }
}
