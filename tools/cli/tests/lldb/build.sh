#!/usr/bin/env sh
# Rebuilds the LLDB test programs with Debian's clang and wasi-libc, with DWARF:
#   apt-get install clang-14 lld-14 wasi-libc libclang-rt-14-dev-wasm32
#   apt-get install clang-19 lld-19 libclang-rt-19-dev-wasm32   (watch-O1 only, below)
# The built .wasm files are committed, so the tests need lldb-22 but no C compiler.
# Their DWARF names the sources' directory as /kestrel/tools/cli/tests/lldb wherever they
# were built, and the tests map that name to wherever the checkout is (LLDB's
# target.source-map, lldb-dap's sourceMap): a checkout anywhere finds the sources.
set -eu
cd "$(dirname "$0")"
prefix="-fdebug-prefix-map=$PWD=/kestrel/tools/cli/tests/lldb"
clang-14 --target=wasm32-wasi "$prefix" -g -O0 prog.c -o prog.wasm
clang-14 --target=wasm32-wasi "$prefix" -g -O0 trap.c -o trap.wasm
clang-14 --target=wasm32-wasi "$prefix" -g -O1 loop.c -o loop.wasm
clang-14 --target=wasm32-wasi "$prefix" -g -O0 frames.c -o frames-O0.wasm
clang-14 --target=wasm32-wasi "$prefix" -g -O1 frames.c -o frames-O1.wasm
clang-14 --target=wasm32-wasi "$prefix" -g -O0 -msimd128 simd.c -o simd-O0.wasm
clang-14 --target=wasm32-wasi "$prefix" -g -O1 -msimd128 simd.c -o simd-O1.wasm
clang-14 --target=wasm32-wasi "$prefix" -g -O0 watch.c -o watch-O0.wasm
# clang-14 gives an -O1 loop counter a location only around its increment; clang-19
# keeps it in a wasm local across the loop body, so LLDB can show it at the store.
clang-19 --target=wasm32-wasi "$prefix" -g -O1 watch.c -o watch-O1.wasm
clang-14 --target=wasm32-wasi "$prefix" -g -O0 -nostdlib -Wl,--no-entry attach.c -o attach.wasm
