#!/usr/bin/env sh
# Rebuilds the Rust LLDB test program with Debian's rustc 1.63 and its wasm32-wasi std:
#   apt-get install rustc libstd-rust-dev-wasm32
# (/usr/bin/rustc, not a rustup toolchain.) The built .wasm is committed, so the tests
# need lldb-22 but no Rust compiler for wasm.
set -eu
cd "$(dirname "$0")"
/usr/bin/rustc --target wasm32-wasi -g -C opt-level=0 rustprog.rs -o rustprog.wasm
