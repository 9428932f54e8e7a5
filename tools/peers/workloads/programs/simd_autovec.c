/* Peer harness program (SIMD, no intrinsics): plain scalar C loops that clang -O2 -msimd128
 * vectorizes by itself: an i32 multiply-add over arrays, a saturating u8 brightness
 * adjustment, an i16 dot product widened to i32, min/max and equality-count reductions, u8
 * to f32 conversion with scaling, an elementwise f32 multiply-add and an f32 to i32
 * truncation. (Float sums are kept out of reductions: without -ffast-math clang keeps
 * them in order, and scalar.) Each round feeds the previous round's arrays into the next.
 * argv[1]: rounds. Prints the reductions and a checksum. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define N (1 << 16)

static int32_t xi[N], yi[N];
static uint8_t pixels[N], bright[N];
static int16_t sa[N], sb[N];
static float fa[N], fb[N], fc[N];

static void madd_i32(int32_t *restrict y, const int32_t *restrict x, int32_t a, int n) {
    for (int i = 0; i < n; i++) y[i] = a * x[i] + (y[i] >> 1);
}

static void brighten(uint8_t *restrict out, const uint8_t *restrict in, int k, int n) {
    for (int i = 0; i < n; i++) {
        int v = in[i] + k;
        out[i] = (uint8_t)(v > 255 ? 255 : v);
    }
}

static int32_t dot_i16(const int16_t *restrict a, const int16_t *restrict b, int n) {
    int32_t sum = 0;
    for (int i = 0; i < n; i++) sum += (int32_t)a[i] * b[i];
    return sum;
}

static void min_max(const int32_t *restrict x, int n, int32_t *lo, int32_t *hi) {
    int32_t mn = INT32_MAX, mx = INT32_MIN;
    for (int i = 0; i < n; i++) {
        mn = x[i] < mn ? x[i] : mn;
        mx = x[i] > mx ? x[i] : mx;
    }
    *lo = mn, *hi = mx;
}

static int count_equal(const uint8_t *restrict a, const uint8_t *restrict b, int n) {
    int count = 0;
    for (int i = 0; i < n; i++) count += a[i] == b[i];
    return count;
}

static void to_float(float *restrict out, const uint8_t *restrict in, float scale, int n) {
    for (int i = 0; i < n; i++) out[i] = (float)in[i] * scale;
}

static void fmadd(float *restrict c, const float *restrict a, const float *restrict b, int n) {
    for (int i = 0; i < n; i++) c[i] = a[i] * b[i] + c[i] * 0.25f;
}

static void to_int(int16_t *restrict out, const float *restrict in, int n) {
    for (int i = 0; i < n; i++) out[i] = (int16_t)(int32_t)in[i];
}

int main(int argc, char **argv) {
    int rounds = argc > 1 ? atoi(argv[1]) : 5000;
    uint32_t r = 0x9e3779b9u;
    for (int i = 0; i < N; i++) {
        r = r * 1664525u + 1013904223u;
        xi[i] = (int32_t)(r >> 8) - (1 << 23);
        yi[i] = (int32_t)(r >> 12);
        pixels[i] = (uint8_t)(r >> 24);
        sa[i] = (int16_t)(r >> 16);
        sb[i] = (int16_t)(r ^ (r >> 9));
        fb[i] = (float)(int32_t)(r >> 20) / 2048.0f;
        fc[i] = 0.0f;
    }
    int64_t dots = 0, equal = 0;
    int32_t lo = 0, hi = 0;
    uint32_t check = 0;
    for (int round = 0; round < rounds; round++) {
        madd_i32(yi, xi, 3 + (round & 7), N);
        min_max(yi, N, &lo, &hi);
        brighten(bright, pixels, round & 63, N);
        equal += count_equal(bright, pixels, N);
        to_float(fa, bright, 1.0f / 64.0f, N);
        fmadd(fc, fa, fb, N);
        to_int(sb, fc, N);
        dots += dot_i16(sa, sb, N);
        pixels[(uint32_t)(lo ^ hi) % N] ^= (uint8_t)(round | 1);
        check = (check ^ (uint32_t)lo ^ (uint32_t)hi << 7) * 0x01000193u;
    }
    printf("autovec rounds=%d min=%d max=%d equal=%lld dots=%lld check=%08x\n", rounds, lo, hi,
           (long long)equal, (long long)dots, check);
    return 0;
}
