#!/usr/bin/env sh
# Rebuilds the peer harness's WASI programs (our own C) with Debian's clang and wasi-libc:
#   apt-get install clang-14 lld-14 wasi-libc libclang-rt-14-dev-wasm32
# The built .wasm files are committed; the harness embeds them (and tests/simd_programs.rs
# the simd_*.wasm ones). simd_*.c use 128-bit SIMD (wasm_simd128.h intrinsics, or loops
# clang vectorizes) and are built with -msimd128; the others are scalar.
set -eu
cd "$(dirname "$0")"
for src in *.c; do
    case "$src" in
    simd_*) flags="-O2 -msimd128" ;;
    *) flags="-O2" ;;
    esac
    # shellcheck disable=SC2086 # $flags is a list of flags
    clang-14 --target=wasm32-wasi $flags "$src" -o "${src%.c}.wasm"
done
