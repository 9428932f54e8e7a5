/* Peer harness program (SIMD): a separable 1-4-6-4-1 gaussian blur and an unsharp mask over
 * a generated 1024x768 u8 image, 16 pixels per step. Pixels widen to u16 lanes
 * (extend_low/high), neighbours are summed with adds and shifts (x4 = shl 2, x6 = shl 2 +
 * shl 1), rounded, shifted right by 4 and narrowed back to u8; the sharpen step computes
 * (3 * pixel - blurred) / 2 in i16 lanes (arithmetic shift) and narrows with unsigned
 * saturation. Edges are clamped by replicating border pixels into a margin. Each round
 * sprinkles some noise, blurs and sharpens, and sums the image with pairwise extending adds.
 * argv[1]: rounds. Prints the sums of the blurred and the sharpened image and a hash. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wasm_simd128.h>

#define W 1024
#define H 768
#define MARGIN 16           /* columns left and right of the image */
#define STRIDE (W + 2 * MARGIN)
#define ROWS (H + 4)        /* two margin rows above and below */

/* The pixel (x, y) of a buffer; x in -MARGIN..W+MARGIN, y in -2..H+2. */
#define AT(buf, x, y) ((buf) + (size_t)((y) + 2) * STRIDE + MARGIN + (x))

static void fill_column_margins(uint8_t *img) {
    for (int y = 0; y < H; y++) {
        uint8_t *row = AT(img, 0, y);
        row[-2] = row[-1] = row[0];
        row[W] = row[W + 1] = row[W - 1];
    }
}

static void fill_row_margins(uint8_t *img) {
    memcpy(AT(img, -MARGIN, -2), AT(img, -MARGIN, 0), STRIDE);
    memcpy(AT(img, -MARGIN, -1), AT(img, -MARGIN, 0), STRIDE);
    memcpy(AT(img, -MARGIN, H), AT(img, -MARGIN, H - 1), STRIDE);
    memcpy(AT(img, -MARGIN, H + 1), AT(img, -MARGIN, H - 1), STRIDE);
}

/* (a + 4b + 6c + 4d + e + 8) >> 4 on eight u16 lanes. */
static v128_t kernel(v128_t a, v128_t b, v128_t c, v128_t d, v128_t e) {
    v128_t outer = wasm_i16x8_add(a, e);
    v128_t inner = wasm_i16x8_shl(wasm_i16x8_add(b, d), 2);
    v128_t mid = wasm_i16x8_add(wasm_i16x8_shl(c, 2), wasm_i16x8_shl(c, 1));
    v128_t sum = wasm_i16x8_add(wasm_i16x8_add(outer, inner), mid);
    return wasm_u16x8_shr(wasm_i16x8_add(sum, wasm_i16x8_splat(8)), 4);
}

/* The kernel over five rows of 16 pixels each. */
static v128_t blur16(v128_t a, v128_t b, v128_t c, v128_t d, v128_t e) {
    v128_t lo = kernel(wasm_u16x8_extend_low_u8x16(a), wasm_u16x8_extend_low_u8x16(b),
                       wasm_u16x8_extend_low_u8x16(c), wasm_u16x8_extend_low_u8x16(d),
                       wasm_u16x8_extend_low_u8x16(e));
    v128_t hi = kernel(wasm_u16x8_extend_high_u8x16(a), wasm_u16x8_extend_high_u8x16(b),
                       wasm_u16x8_extend_high_u8x16(c), wasm_u16x8_extend_high_u8x16(d),
                       wasm_u16x8_extend_high_u8x16(e));
    return wasm_u8x16_narrow_i16x8(lo, hi);
}

static void blur_horizontal(const uint8_t *src, uint8_t *dst) {
    for (int y = 0; y < H; y++) {
        const uint8_t *s = AT(src, 0, y);
        uint8_t *d = AT(dst, 0, y);
        for (int x = 0; x < W; x += 16)
            wasm_v128_store(d + x, blur16(wasm_v128_load(s + x - 2), wasm_v128_load(s + x - 1),
                                          wasm_v128_load(s + x), wasm_v128_load(s + x + 1),
                                          wasm_v128_load(s + x + 2)));
    }
}

static void blur_vertical(const uint8_t *src, uint8_t *dst) {
    for (int y = 0; y < H; y++) {
        const uint8_t *s = AT(src, 0, y);
        uint8_t *d = AT(dst, 0, y);
        for (int x = 0; x < W; x += 16)
            wasm_v128_store(d + x, blur16(wasm_v128_load(s + x - 2 * STRIDE),
                                          wasm_v128_load(s + x - STRIDE), wasm_v128_load(s + x),
                                          wasm_v128_load(s + x + STRIDE),
                                          wasm_v128_load(s + x + 2 * STRIDE)));
    }
}

/* img = saturate((3 * img - blurred) >> 1), arithmetic shift in i16 lanes. */
static v128_t sharpen8(v128_t p, v128_t b) {
    v128_t three = wasm_i16x8_add(wasm_i16x8_shl(p, 1), p);
    return wasm_i16x8_shr(wasm_i16x8_sub(three, b), 1);
}

static void sharpen(uint8_t *img, const uint8_t *blurred) {
    for (int y = 0; y < H; y++) {
        uint8_t *p = AT(img, 0, y);
        const uint8_t *b = AT(blurred, 0, y);
        for (int x = 0; x < W; x += 16) {
            v128_t pv = wasm_v128_load(p + x), bv = wasm_v128_load(b + x);
            v128_t lo = sharpen8(wasm_u16x8_extend_low_u8x16(pv), wasm_u16x8_extend_low_u8x16(bv));
            v128_t hi =
                sharpen8(wasm_u16x8_extend_high_u8x16(pv), wasm_u16x8_extend_high_u8x16(bv));
            wasm_v128_store(p + x, wasm_u8x16_narrow_i16x8(lo, hi));
        }
    }
}

/* Sum of all pixels (u8 -> u16 -> u32 pairwise adds) and a position-sensitive hash. */
static uint32_t image_sum(const uint8_t *img, uint32_t *hash) {
    v128_t sum = wasm_i32x4_splat(0), h = wasm_i32x4_const(1, 2, 3, 4);
    for (int y = 0; y < H; y++) {
        const uint8_t *p = AT(img, 0, y);
        for (int x = 0; x < W; x += 16) {
            v128_t v = wasm_v128_load(p + x);
            sum = wasm_i32x4_add(
                sum, wasm_u32x4_extadd_pairwise_u16x8(wasm_u16x8_extadd_pairwise_u8x16(v)));
            h = wasm_i32x4_add(wasm_i32x4_mul(h, wasm_i32x4_splat(31)), v);
        }
    }
    *hash = *hash * 1000003u ^ (uint32_t)(wasm_i32x4_extract_lane(h, 0) ^
                                           wasm_i32x4_extract_lane(h, 1) ^
                                           wasm_i32x4_extract_lane(h, 2) ^
                                           wasm_i32x4_extract_lane(h, 3));
    return (uint32_t)(wasm_i32x4_extract_lane(sum, 0) + wasm_i32x4_extract_lane(sum, 1) +
                      wasm_i32x4_extract_lane(sum, 2) + wasm_i32x4_extract_lane(sum, 3));
}

static uint32_t rng = 0x1234567u;
static uint32_t next_random(void) {
    rng ^= rng << 13;
    rng ^= rng >> 17;
    rng ^= rng << 5;
    return rng;
}

int main(int argc, char **argv) {
    int rounds = argc > 1 ? atoi(argv[1]) : 1000;
    size_t bytes = (size_t)STRIDE * ROWS;
    uint8_t *img = calloc(bytes, 1), *tmp = calloc(bytes, 1), *blurred = calloc(bytes, 1);
    /* Gradients, rings and noise. */
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) {
            int dx = x - W / 2, dy = y - H / 2;
            int ring = ((dx * dx + dy * dy) >> 9) & 1 ? 90 : 0;
            *AT(img, x, y) = (uint8_t)((x / 5 + y / 3 + ring + (next_random() & 31)) & 255);
        }
    uint64_t blurred_total = 0, sharp_total = 0;
    uint32_t hash = 0;
    for (int r = 0; r < rounds; r++) {
        for (int k = 0; k < 256; k++)
            *AT(img, next_random() % W, next_random() % H) = (uint8_t)next_random();
        fill_column_margins(img);
        blur_horizontal(img, tmp);
        fill_row_margins(tmp);
        blur_vertical(tmp, blurred);
        sharpen(img, blurred);
        blurred_total += image_sum(blurred, &hash);
        sharp_total += image_sum(img, &hash);
    }
    printf("blur rounds=%d %dx%d blurred=%llu sharpened=%llu hash=%08x\n", rounds, W, H,
           (unsigned long long)blurred_total, (unsigned long long)sharp_total, hash);
    return 0;
}
