#!/usr/bin/env sh
# Rebuilds the WASI test programs from src/ with Debian's clang and wasi-libc:
#   apt-get install clang-14 lld-14 wasi-libc libclang-rt-14-dev-wasm32
# The built .wasm files are committed, so `cargo test` needs no C compiler.
set -eu
cd "$(dirname "$0")"
for src in src/*.c; do
    name=$(basename "$src" .c)
    case "$name" in
        kernels) continue ;; # built below, at three optimization levels
    esac
    clang-14 --target=wasm32-wasi -O2 "$src" -o "$name.wasm"
done
for opt in O0 O2 Os; do
    clang-14 --target=wasm32-wasi -"$opt" src/kernels.c -o "kernels-$opt.wasm"
    clang-14 --target=wasm32-wasi -"$opt" -mexec-model=reactor -DKERNELS_LIBRARY \
        src/kernels.c -o "kernels-lib-$opt.wasm"
done
