//! Build script: the build fingerprint, a hash of everything that decides the code Kestrel
//! generates (its sources, and through `Cargo.lock` the versions of the crates it is built
//! with, the assembler among them), given to the crate as `KESTREL_BUILD_FINGERPRINT`.
//! Compiled-module files and cache entries name it, so that a file written by another
//! build of the same version is refused (`artifact`).

use std::path::{Path, PathBuf};

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files_under(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn main() {
    let root = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let mut files = Vec::new();
    files_under(&root.join("src"), &mut files);
    files.push(root.join("Cargo.lock"));
    files.sort();
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    for file in &files {
        let rel = file.strip_prefix(&root).unwrap_or(file);
        hasher.update(rel.to_string_lossy().as_bytes());
        hasher.update(&[0]);
        // A file that cannot be read (Cargo.lock outside a workspace checkout) counts
        // as empty.
        let contents = std::fs::read(file).unwrap_or_default();
        hasher.update(&(contents.len() as u64).to_le_bytes());
        hasher.update(&contents);
    }
    println!(
        "cargo:rustc-env=KESTREL_BUILD_FINGERPRINT={:016x}",
        hasher.digest()
    );
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=Cargo.lock");
    println!("cargo:rerun-if-changed=build.rs");
}
