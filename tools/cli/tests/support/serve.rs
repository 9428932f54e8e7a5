//! `kestrel run -g PORT FILE ARGS` for the debugging tests (`lldb.rs`, `dap.rs`): the
//! program served on a free port, once kestrel waits for its debugger.

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

const KESTREL: &str = env!("CARGO_BIN_EXE_kestrel");

/// The directory the committed programs' DWARF names for their sources (tests/lldb/
/// build.sh maps the build directory to it), so that their bytes do not depend on where
/// they were built; a debugger maps it to `program_dir()` to find the sources.
pub const DWARF_SOURCE_DIR: &str = "/kestrel/tools/cli/tests/lldb";

/// Where the test programs and their sources are in this checkout.
pub fn program_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/lldb")
}

/// A port nobody listens on now.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// `kestrel run -g PORT FILE ARGS` with its stdout piped, once it is waiting for the
/// debugger (its stderr is drained meanwhile, so it never blocks on it).
pub fn serve(file: &Path, args: &[&str]) -> (Child, u16) {
    serve_with(file, &[], args, "waiting for a debugger")
}

/// `kestrel run -g PORT OPTIONS FILE ARGS`, once its first line on stderr says `ready`.
pub fn serve_with(file: &Path, options: &[&str], args: &[&str], ready: &str) -> (Child, u16) {
    let port = free_port();
    let mut child = Command::new(KESTREL)
        .args(["run", "-g", &port.to_string()])
        .args(options)
        .arg(file)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run kestrel");
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    stderr.read_line(&mut line).unwrap();
    assert!(line.contains(ready), "{line}");
    std::thread::spawn(move || {
        let mut rest = String::new();
        let _ = stderr.read_to_string(&mut rest);
    });
    (child, port)
}
