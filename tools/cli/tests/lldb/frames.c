/* Kestrel LLDB test program, built at -O0 and -O1 (frames-O0.wasm, frames-O1.wasm):
 * every frame's variables, in a recursion and in the callers around it. The line numbers
 * are part of the test (tools/cli/tests/lldb.rs): keep them. */
#include <stdio.h>

__attribute__((noinline)) int depth_sum(int n, int acc) {
    int here = n * 10 + acc;
    if (n == 0)
        return here;
    int below = depth_sum(n - 1, here % 7);
    return below + here;
}

__attribute__((noinline)) long weigh(const int *values, int count, int bias) {
    long total = bias;
    for (int i = 0; i < count; i++)
        total += (long)values[i] * (i + 1) + depth_sum(i, bias);
    return total;
}

int main(int argc, char **argv) {
    int values[5] = {4, 8, 15, 16, 23};
    int bias = argc + 2;
    long w = weigh(values, 5, bias);
    printf("weigh %ld\n", w);
    return w == 495 ? 0 : 1;
}
