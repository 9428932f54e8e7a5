// A program with vectors (clang's wasm_simd128.h, built with -msimd128) for the LLDB
// tests: a v128_t parameter and locals, shown by LLDB lane by lane.
#include <stdio.h>
#include <wasm_simd128.h>

__attribute__((noinline)) static int lanes_sum(v128_t v, int scale) {
    v128_t scaled = wasm_i32x4_mul(v, wasm_i32x4_splat(scale));
    v128_t halves = wasm_f32x4_convert_i32x4(scaled);
    int s = wasm_i32x4_extract_lane(scaled, 0) + wasm_i32x4_extract_lane(scaled, 3);
    s += (int)wasm_f32x4_extract_lane(halves, 1);
    return s;
}

int main(void) {
    v128_t v = wasm_i32x4_make(1, 2, 3, 40);
    int s = lanes_sum(v, 3);
    printf("sum %d\n", s);
    return s == 129 ? 0 : 1;
}
