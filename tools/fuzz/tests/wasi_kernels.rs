//! Real compiler output against the reference: the compute kernels of
//! `tests/wasi/src/kernels.c` (hashing, sorting, a bytecode interpreter, floating point),
//! built by clang at -O0, -O2 and -Os, run on Kestrel (plain and instrumented) and on the
//! wasmi interpreter, which must agree on every result. The command builds of the same
//! source run as WASI programs and must print the values wasmi computes.

use kestrel::wasi::{self, OutputBuffer, OutputStream, WasiCtxBuilder};
use std::path::PathBuf;

fn wasm(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/wasi")
        .join(format!("{name}.wasm"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The four kernels' results at size `n`, as raw bits.
type Results = [u64; 4];

fn on_wasmi(bytes: &[u8], n: i32) -> Results {
    let engine = wasmi::Engine::default();
    let module = wasmi::Module::new(&engine, bytes).unwrap();
    let mut store = wasmi::Store::new(&engine, ());
    let linker = wasmi::Linker::<()>::new(&engine);
    let instance = linker.instantiate_and_start(&mut store, &module).unwrap();
    if let Ok(init) = instance.get_typed_func::<(), ()>(&store, "_initialize") {
        init.call(&mut store, ()).unwrap();
    }
    let int = |store: &mut wasmi::Store<()>, name: &str, arg: i32| -> u64 {
        let f = instance.get_typed_func::<i32, i64>(&*store, name).unwrap();
        f.call(store, arg).unwrap() as u64
    };
    let hash = int(&mut store, "kernel_hash", n * 100);
    let sort = int(&mut store, "kernel_sort", n * 10);
    let interp = int(&mut store, "kernel_interp", n * 10);
    let float = instance
        .get_typed_func::<i32, f64>(&store, "kernel_float")
        .unwrap()
        .call(&mut store, n / 10)
        .unwrap();
    [hash, sort, interp, float.to_bits()]
}

fn on_kestrel(bytes: &[u8], n: i32, instrumented: bool) -> Results {
    let mut config = kestrel::Config::new();
    config.debug_instrumentation(instrumented);
    let engine = kestrel::Engine::new(&config);
    let module = kestrel::Module::new(&engine, bytes).unwrap();
    let mut linker = kestrel::Linker::new(&engine);
    wasi::add_to_linker(&mut linker, &WasiCtxBuilder::new().build());
    let instance = linker.instantiate(&module).unwrap();
    if let Ok(init) = instance.get_typed_func::<(), ()>("_initialize") {
        init.call(()).unwrap();
    }
    let int = |name: &str, arg: i32| -> u64 {
        instance
            .get_typed_func::<i32, i64>(name)
            .unwrap()
            .call(arg)
            .unwrap() as u64
    };
    let float = instance
        .get_typed_func::<i32, f64>("kernel_float")
        .unwrap()
        .call(n / 10)
        .unwrap();
    [
        int("kernel_hash", n * 100),
        int("kernel_sort", n * 10),
        int("kernel_interp", n * 10),
        float.to_bits(),
    ]
}

#[test]
fn kernels_agree_with_wasmi_at_every_optimization_level() {
    for opt in ["O0", "O2", "Os"] {
        let lib = wasm(&format!("kernels-lib-{opt}"));
        for n in [1, 10, 57, 300] {
            let reference = on_wasmi(&lib, n);
            for instrumented in [false, true] {
                assert_eq!(
                    on_kestrel(&lib, n, instrumented),
                    reference,
                    "-{opt}, n = {n}, instrumented = {instrumented}"
                );
            }
        }
    }
}

#[test]
fn kernel_commands_print_what_wasmi_computes() {
    let n = 300;
    let reference = on_wasmi(&wasm("kernels-lib-O2"), n);
    let expected = format!(
        "hash {}\nsort {}\ninterp {}\nfloat {:.17} {:016x}\n",
        reference[0],
        reference[1],
        reference[2] as i64,
        f64::from_bits(reference[3]),
        reference[3]
    );
    for opt in ["O0", "O2", "Os"] {
        let engine = kestrel::Engine::default();
        let module = kestrel::Module::new(&engine, wasm(&format!("kernels-{opt}"))).unwrap();
        let out = OutputBuffer::new();
        let ctx = WasiCtxBuilder::new()
            .args(["kernels", &n.to_string()])
            .stdout(OutputStream::Buffer(out.clone()))
            .build();
        let mut linker = kestrel::Linker::new(&engine);
        wasi::add_to_linker(&mut linker, &ctx);
        let instance = linker.instantiate(&module).unwrap();
        assert_eq!(wasi::run_start(&instance).unwrap(), 0);
        let printed = String::from_utf8(out.contents()).unwrap();
        // %.17g and Rust's {:.17} print the float differently; compare its bits, printed
        // by the program in hex, and the integers exactly.
        let (p_ints, p_float) = printed.rsplit_once("float ").unwrap();
        let (e_ints, e_float) = expected.rsplit_once("float ").unwrap();
        assert_eq!(p_ints, e_ints, "-{opt}");
        assert_eq!(
            p_float.split_whitespace().nth(1),
            e_float.split_whitespace().nth(1),
            "-{opt}"
        );
    }
}
