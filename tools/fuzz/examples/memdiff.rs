//! Calls the exports of a module in the oracle's order on Kestrel (plain) and wasmi 0.31
//! and prints the memory bytes that differ after each call:
//! `cargo run -p kestrel-fuzz --example memdiff -- FILE`.
use kestrel::{Engine, Extern, Linker, Module};
use wasmi_legacy as w;

fn main() {
    let path = std::env::args().nth(1).expect("a module file");
    let bytes = wat::parse_file(&path).expect("a module");
    let engine = Engine::default();
    let module = Module::new(&engine, &bytes).unwrap();
    let instance = Linker::new(&engine).instantiate(&module).unwrap();
    let mut exports = instance.exports();
    exports.sort_by(|a, b| a.0.cmp(&b.0));
    let wengine = w::Engine::default();
    let wmodule = w::Module::new(&wengine, &bytes[..]).unwrap();
    let mut store = w::Store::new(&wengine, ());
    let winst = w::Linker::<()>::new(&wengine)
        .instantiate(&mut store, &wmodule)
        .unwrap()
        .start(&mut store)
        .unwrap();
    for round in 0..2 {
        for (name, ext) in &exports {
            let Extern::Func(f) = ext else { continue };
            let args = kestrel_fuzz::oracle::args_for(f.ty().params(), round);
            let ours = f.call(&args);
            let wf = winst.get_func(&store, name).unwrap();
            let ty = wf.ty(&store);
            let wargs: Vec<w::Value> = args
                .iter()
                .map(|v| match v {
                    kestrel::Val::I32(x) => w::Value::I32(*x),
                    kestrel::Val::I64(x) => w::Value::I64(*x),
                    kestrel::Val::F32(b) => w::Value::F32(f32::from_bits(*b).into()),
                    kestrel::Val::F64(b) => w::Value::F64(f64::from_bits(*b).into()),
                    _ => w::Value::default(w::core::ValueType::FuncRef),
                })
                .collect();
            let mut res: Vec<w::Value> =
                ty.results().iter().map(|t| w::Value::default(*t)).collect();
            let theirs = wf.call(&mut store, &wargs, &mut res);
            println!(
                "{name}: kestrel {:?} / wasmi-0.31 {:?} {:?}",
                ours.map(|v| format!("{v:?}")),
                theirs.is_ok(),
                res
            );
            for (mname, mext) in &exports {
                let Extern::Memory(m) = mext else { continue };
                let mut a = vec![0; m.data_size()];
                m.read(0, &mut a).unwrap();
                let b = winst
                    .get_memory(&store, mname)
                    .unwrap()
                    .data(&store)
                    .to_vec();
                if let Ok(dir) = std::env::var("MEMDIFF_DUMP") {
                    let _ = std::fs::write(format!("{dir}/k-{round}-{name}.bin"), &a);
                }
                for (i, (x, y)) in a.iter().zip(&b).enumerate() {
                    if x != y {
                        println!("  {mname}[{i}]: kestrel {x:#04x} wasmi {y:#04x}");
                    }
                }
            }
        }
    }
}
