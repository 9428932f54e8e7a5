//! Prints a generator's module for a seed as text: `cargo run -p kestrel-fuzz --example show -- GENERATOR SEED`.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let generator = kestrel_fuzz::Generator::by_name(&args[1]).expect("a generator name");
    let seed: u64 = args[2].parse().expect("a seed");
    match generator.generate(seed) {
        Some(m) => println!("{}", wasmprinter::print_bytes(&m).unwrap()),
        None => println!("(no module for this seed)"),
    }
}
