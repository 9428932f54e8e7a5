#!/usr/bin/env sh
# Rebuilds the peer harness's WASI programs (our own C) with Debian's clang and wasi-libc:
#   apt-get install clang-14 lld-14 wasi-libc libclang-rt-14-dev-wasm32
# The built .wasm files are committed; the harness embeds them.
set -eu
cd "$(dirname "$0")"
for src in *.c; do
    clang-14 --target=wasm32-wasi -O2 "$src" -o "${src%.c}.wasm"
done
