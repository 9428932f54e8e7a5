#!/usr/bin/env sh
# Rebuilds the LLDB test programs with Debian's clang and wasi-libc, with DWARF:
#   apt-get install clang-14 lld-14 wasi-libc libclang-rt-14-dev-wasm32
# The built .wasm files are committed, so the tests need lldb-22 but no C compiler.
set -eu
cd "$(dirname "$0")"
clang-14 --target=wasm32-wasi -g -O0 prog.c -o prog.wasm
clang-14 --target=wasm32-wasi -g -O0 trap.c -o trap.wasm
clang-14 --target=wasm32-wasi -g -O1 loop.c -o loop.wasm
clang-14 --target=wasm32-wasi -g -O0 frames.c -o frames-O0.wasm
clang-14 --target=wasm32-wasi -g -O1 frames.c -o frames-O1.wasm
