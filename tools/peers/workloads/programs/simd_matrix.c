/* Peer harness program (SIMD): chains of 4x4 f32 matrix products with f32x4 intrinsics.
 * Matrices are column-major, one v128 per column; a product column is the sum of the left
 * matrix's columns scaled by the right column's lanes (lane extract, splat, mul, add).
 * Each round multiplies a running product through a table of 256 generated matrices
 * (four times, in a round-dependent order), renormalises it by its largest magnitude
 * (abs, max, lane shuffles), transposes it with shuffles, transforms a batch of points
 * with it (clamped with pmin/pmax) and folds everything into f32x4 accumulators. All
 * arithmetic is plain IEEE f32 (no fused operations in wasm SIMD), so every runtime
 * prints the same bits.
 * argv[1]: rounds. Prints the final product's lanes and a checksum, as floats and bits. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wasm_simd128.h>

#define TABLE 256
#define POINTS 1024

typedef struct {
    v128_t col[4];
} mat4;

static mat4 mul(const mat4 *a, const mat4 *b) {
    mat4 r;
    for (int j = 0; j < 4; j++) {
        v128_t c = b->col[j];
        v128_t s = wasm_f32x4_mul(a->col[0], wasm_f32x4_splat(wasm_f32x4_extract_lane(c, 0)));
        s = wasm_f32x4_add(s, wasm_f32x4_mul(a->col[1],
                                             wasm_f32x4_splat(wasm_f32x4_extract_lane(c, 1))));
        s = wasm_f32x4_add(s, wasm_f32x4_mul(a->col[2],
                                             wasm_f32x4_splat(wasm_f32x4_extract_lane(c, 2))));
        s = wasm_f32x4_add(s, wasm_f32x4_mul(a->col[3],
                                             wasm_f32x4_splat(wasm_f32x4_extract_lane(c, 3))));
        r.col[j] = s;
    }
    return r;
}

static mat4 transpose(const mat4 *m) {
    v128_t t0 = wasm_i32x4_shuffle(m->col[0], m->col[1], 0, 4, 1, 5);
    v128_t t1 = wasm_i32x4_shuffle(m->col[2], m->col[3], 0, 4, 1, 5);
    v128_t t2 = wasm_i32x4_shuffle(m->col[0], m->col[1], 2, 6, 3, 7);
    v128_t t3 = wasm_i32x4_shuffle(m->col[2], m->col[3], 2, 6, 3, 7);
    mat4 r;
    r.col[0] = wasm_i64x2_shuffle(t0, t1, 0, 2);
    r.col[1] = wasm_i64x2_shuffle(t0, t1, 1, 3);
    r.col[2] = wasm_i64x2_shuffle(t2, t3, 0, 2);
    r.col[3] = wasm_i64x2_shuffle(t2, t3, 1, 3);
    return r;
}

/* The largest |element|, in every lane. */
static v128_t max_magnitude(const mat4 *m) {
    v128_t a = wasm_f32x4_max(wasm_f32x4_abs(m->col[0]), wasm_f32x4_abs(m->col[1]));
    v128_t b = wasm_f32x4_max(wasm_f32x4_abs(m->col[2]), wasm_f32x4_abs(m->col[3]));
    v128_t x = wasm_f32x4_max(a, b);
    x = wasm_f32x4_max(x, wasm_i32x4_shuffle(x, x, 2, 3, 0, 1));
    return wasm_f32x4_max(x, wasm_i32x4_shuffle(x, x, 1, 0, 3, 2));
}

static v128_t transform(const mat4 *m, v128_t p) {
    v128_t r = wasm_f32x4_mul(m->col[0], wasm_i32x4_shuffle(p, p, 0, 0, 0, 0));
    r = wasm_f32x4_add(r, wasm_f32x4_mul(m->col[1], wasm_i32x4_shuffle(p, p, 1, 1, 1, 1)));
    r = wasm_f32x4_add(r, wasm_f32x4_mul(m->col[2], wasm_i32x4_shuffle(p, p, 2, 2, 2, 2)));
    return wasm_f32x4_add(r, wasm_f32x4_mul(m->col[3], wasm_i32x4_shuffle(p, p, 3, 3, 3, 3)));
}

static uint32_t rng = 0x2545f491u;
static float random_unit(void) { /* in [-1, 1), exact in f32 */
    rng ^= rng << 13;
    rng ^= rng >> 17;
    rng ^= rng << 5;
    return (float)(int32_t)(rng >> 8 & 0xffff) / 32768.0f - 1.0f;
}

/* A generated matrix: elements in [-1, 1) plus a diagonal of 1.5, so products neither
 * vanish nor explode between renormalisations. */
static mat4 generated(void) {
    mat4 m;
    for (int k = 0; k < 4; k++) {
        float e[4];
        for (int l = 0; l < 4; l++) e[l] = random_unit() + (k == l ? 1.5f : 0.0f);
        m.col[k] = wasm_f32x4_make(e[0], e[1], e[2], e[3]);
    }
    return m;
}

static uint32_t bits(float f) {
    uint32_t u;
    memcpy(&u, &f, 4);
    return u;
}

int main(int argc, char **argv) {
    int rounds = argc > 1 ? atoi(argv[1]) : 30000;
    static mat4 table[TABLE];
    static v128_t points[POINTS];
    for (int i = 0; i < TABLE; i++) table[i] = generated();
    for (int i = 0; i < POINTS; i++)
        points[i] = wasm_f32x4_make(random_unit(), random_unit(), random_unit(), 1.0f);

    mat4 acc;
    acc.col[0] = wasm_f32x4_make(1, 0, 0, 0);
    acc.col[1] = wasm_f32x4_make(0, 1, 0, 0);
    acc.col[2] = wasm_f32x4_make(0, 0, 1, 0);
    acc.col[3] = wasm_f32x4_make(0, 0, 0, 1);
    v128_t check = wasm_f32x4_splat(0.0f);
    for (int r = 0; r < rounds; r++) {
        /* A chain of products through the table, in a round-dependent order. */
        for (int i = 0; i < 4 * TABLE; i++) {
            const mat4 *m = &table[(i * 37 + r * 11) & (TABLE - 1)];
            acc = (i & 1) ? mul(&acc, m) : mul(m, &acc);
            if ((i & 15) == 15) {
                v128_t inv = wasm_f32x4_div(wasm_f32x4_splat(1.0f), max_magnitude(&acc));
                for (int k = 0; k < 4; k++) acc.col[k] = wasm_f32x4_mul(acc.col[k], inv);
            }
        }
        /* Products of the running matrix with its transpose, and a batch of points. */
        mat4 t = transpose(&acc);
        mat4 sym = mul(&acc, &t);
        v128_t inv = wasm_f32x4_div(wasm_f32x4_splat(1.0f), max_magnitude(&sym));
        v128_t sum = wasm_f32x4_splat(0.0f);
        for (int p = 0; p < POINTS; p++) {
            v128_t q = transform(&acc, points[p]);
            q = wasm_f32x4_mul(transform(&sym, q), inv);
            q = wasm_f32x4_pmin(wasm_f32x4_pmax(q, wasm_f32x4_splat(-4.0f)),
                                wasm_f32x4_splat(4.0f));
            sum = wasm_f32x4_add(sum, wasm_f32x4_abs(q));
            points[p] = wasm_f32x4_replace_lane(wasm_f32x4_mul(q, wasm_f32x4_splat(0.5f)), 3,
                                                1.0f);
        }
        check = wasm_f32x4_add(wasm_f32x4_mul(check, wasm_f32x4_splat(0.5f)),
                               wasm_f32x4_mul(sum, wasm_f32x4_splat(1.0f / POINTS)));
    }
    uint32_t hash = 0;
    for (int k = 0; k < 4; k++) {
        float lanes[4];
        wasm_v128_store(lanes, acc.col[k]);
        for (int l = 0; l < 4; l++) hash = (hash ^ bits(lanes[l])) * 0x01000193u;
    }
    for (int p = 0; p < POINTS; p++)
        hash = (hash ^ (uint32_t)wasm_i32x4_extract_lane(points[p], 0)) * 0x01000193u;
    printf("matrix rounds=%d col0=(%.6f %.6f %.6f %.6f) check=(%.6f %.6f %.6f %.6f) "
           "hash=%08x\n",
           rounds, wasm_f32x4_extract_lane(acc.col[0], 0), wasm_f32x4_extract_lane(acc.col[0], 1),
           wasm_f32x4_extract_lane(acc.col[0], 2), wasm_f32x4_extract_lane(acc.col[0], 3),
           wasm_f32x4_extract_lane(check, 0), wasm_f32x4_extract_lane(check, 1),
           wasm_f32x4_extract_lane(check, 2), wasm_f32x4_extract_lane(check, 3), hash);
    return 0;
}
