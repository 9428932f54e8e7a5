/* Peer harness program (SIMD): add-rotate-xor mixing over i32x4 lanes, in the style of
 * ChaCha. A 4x4 state of u32 words is kept as four v128 rows; a quarter round works on all
 * four columns at once (i32x4 add, xor, and rotations built from shl, shr_u and or), and
 * the diagonal rounds rotate rows b, c, d with i32x4 shuffles before and after. A keystream
 * generator (ChaCha20's block structure: 10 double rounds, feed-forward add, a 64-bit block
 * counter) encrypts a 1 MiB buffer in place; a sponge-like hash then absorbs the buffer 64
 * bytes at a time (xor into the rows, two double rounds) and squeezes a 128-bit digest.
 * A scalar block function checks the vector one first. argv[1]: rounds (each encrypts and
 * hashes the buffer once). Prints the digest and a running checksum. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wasm_simd128.h>

#define BUFFER_BYTES (1u << 20)

#define ROTL(x, n) wasm_v128_or(wasm_i32x4_shl((x), (n)), wasm_u32x4_shr((x), 32 - (n)))

typedef struct {
    v128_t a, b, c, d;
} state;

static void quarter_rounds(state *s) {
    s->a = wasm_i32x4_add(s->a, s->b);
    s->d = ROTL(wasm_v128_xor(s->d, s->a), 16);
    s->c = wasm_i32x4_add(s->c, s->d);
    s->b = ROTL(wasm_v128_xor(s->b, s->c), 12);
    s->a = wasm_i32x4_add(s->a, s->b);
    s->d = ROTL(wasm_v128_xor(s->d, s->a), 8);
    s->c = wasm_i32x4_add(s->c, s->d);
    s->b = ROTL(wasm_v128_xor(s->b, s->c), 7);
}

/* A column round, then a diagonal round (rows rotated into columns and back). */
static void double_round(state *s) {
    quarter_rounds(s);
    s->b = wasm_i32x4_shuffle(s->b, s->b, 1, 2, 3, 0);
    s->c = wasm_i32x4_shuffle(s->c, s->c, 2, 3, 0, 1);
    s->d = wasm_i32x4_shuffle(s->d, s->d, 3, 0, 1, 2);
    quarter_rounds(s);
    s->b = wasm_i32x4_shuffle(s->b, s->b, 3, 0, 1, 2);
    s->c = wasm_i32x4_shuffle(s->c, s->c, 2, 3, 0, 1);
    s->d = wasm_i32x4_shuffle(s->d, s->d, 1, 2, 3, 0);
}

/* One 64-byte keystream block for (key, counter, nonce). */
static void block_vector(const uint32_t key[8], uint64_t counter, uint64_t nonce,
                         uint8_t out[64]) {
    state in = {
        wasm_i32x4_const(0x61707865, 0x3320646e, 0x79622d32, 0x6b206574),
        wasm_v128_load(key),
        wasm_v128_load(key + 4),
        wasm_i32x4_make((int32_t)counter, (int32_t)(counter >> 32), (int32_t)nonce,
                        (int32_t)(nonce >> 32)),
    };
    state s = in;
    for (int i = 0; i < 10; i++) double_round(&s);
    wasm_v128_store(out, wasm_i32x4_add(s.a, in.a));
    wasm_v128_store(out + 16, wasm_i32x4_add(s.b, in.b));
    wasm_v128_store(out + 32, wasm_i32x4_add(s.c, in.c));
    wasm_v128_store(out + 48, wasm_i32x4_add(s.d, in.d));
}

/* The same block function on scalar words, as the check. */
static uint32_t rotl32(uint32_t x, int n) { return x << n | x >> (32 - n); }
#define QR(a, b, c, d)                                                                        \
    do {                                                                                      \
        a += b; d = rotl32(d ^ a, 16);                                                        \
        c += d; b = rotl32(b ^ c, 12);                                                        \
        a += b; d = rotl32(d ^ a, 8);                                                         \
        c += d; b = rotl32(b ^ c, 7);                                                         \
    } while (0)

static void block_scalar(const uint32_t key[8], uint64_t counter, uint64_t nonce,
                         uint8_t out[64]) {
    uint32_t in[16] = {0x61707865, 0x3320646e, 0x79622d32, 0x6b206574};
    memcpy(in + 4, key, 32);
    in[12] = (uint32_t)counter, in[13] = (uint32_t)(counter >> 32);
    in[14] = (uint32_t)nonce, in[15] = (uint32_t)(nonce >> 32);
    uint32_t x[16];
    memcpy(x, in, sizeof x);
    for (int i = 0; i < 10; i++) {
        QR(x[0], x[4], x[8], x[12]);
        QR(x[1], x[5], x[9], x[13]);
        QR(x[2], x[6], x[10], x[14]);
        QR(x[3], x[7], x[11], x[15]);
        QR(x[0], x[5], x[10], x[15]);
        QR(x[1], x[6], x[11], x[12]);
        QR(x[2], x[7], x[8], x[13]);
        QR(x[3], x[4], x[9], x[14]);
    }
    for (int i = 0; i < 16; i++) x[i] += in[i];
    memcpy(out, x, 64);
}

/* XORs the keystream into n bytes (n a multiple of 64). */
static void encrypt(const uint32_t key[8], uint64_t nonce, uint8_t *p, size_t n) {
    uint8_t ks[64];
    for (size_t i = 0; i < n; i += 64) {
        block_vector(key, i / 64, nonce, ks);
        for (int k = 0; k < 64; k += 16)
            wasm_v128_store(p + i + k,
                            wasm_v128_xor(wasm_v128_load(p + i + k), wasm_v128_load(ks + k)));
    }
}

/* Absorbs n bytes (a multiple of 64) and squeezes 16 bytes. */
static v128_t hash(const uint8_t *p, size_t n, uint32_t seed) {
    state s = {
        wasm_i32x4_make((int32_t)seed, 0x243f6a88, (int32_t)0x85a308d3, 0x13198a2e),
        wasm_i32x4_const(0x03707344, (int32_t)0xa4093822, 0x299f31d0, 0x082efa98),
        wasm_i32x4_const((int32_t)0xec4e6c89, 0x452821e6, 0x38d01377, (int32_t)0xbe5466cf),
        wasm_i32x4_make((int32_t)n, 0x34e90c6c, (int32_t)0xc0ac29b7, (int32_t)0xc97c50dd),
    };
    for (size_t i = 0; i < n; i += 64) {
        s.a = wasm_v128_xor(s.a, wasm_v128_load(p + i));
        s.b = wasm_v128_xor(s.b, wasm_v128_load(p + i + 16));
        s.c = wasm_i32x4_add(s.c, wasm_v128_load(p + i + 32));
        s.d = wasm_i32x4_add(s.d, wasm_v128_load(p + i + 48));
        double_round(&s);
        double_round(&s);
    }
    for (int i = 0; i < 4; i++) double_round(&s);
    return wasm_v128_xor(wasm_v128_xor(s.a, s.b), wasm_v128_xor(s.c, s.d));
}

int main(int argc, char **argv) {
    int rounds = argc > 1 ? atoi(argv[1]) : 250;
    uint32_t key[8];
    for (int i = 0; i < 8; i++) key[i] = 0x01010101u * (uint32_t)(4 * i) + 0x03020100u;
    for (uint64_t counter = 0; counter < 300; counter += 37) {
        uint8_t v[64], s[64];
        block_vector(key, counter << 29, 0x4a00000009ull, v);
        block_scalar(key, counter << 29, 0x4a00000009ull, s);
        if (memcmp(v, s, 64) != 0) {
            printf("vector and scalar blocks differ at counter %llu\n",
                   (unsigned long long)counter);
            return 1;
        }
    }
    uint8_t *buffer = malloc(BUFFER_BYTES);
    for (size_t i = 0; i < BUFFER_BYTES; i++) buffer[i] = (uint8_t)(i * 7 + (i >> 10));
    uint32_t checksum = 0;
    v128_t digest = wasm_i32x4_splat(0);
    for (int r = 0; r < rounds; r++) {
        uint32_t words[4];
        wasm_v128_store(words, digest);
        key[r & 7] ^= words[r & 3];
        encrypt(key, (uint64_t)r, buffer, BUFFER_BYTES);
        digest = hash(buffer, BUFFER_BYTES, (uint32_t)r);
        checksum = (checksum ^ (uint32_t)wasm_i32x4_extract_lane(digest, 0)) * 0x01000193u +
                   (uint32_t)wasm_i32x4_extract_lane(digest, 3);
    }
    printf("hash rounds=%d bytes=%u digest=%08x%08x%08x%08x checksum=%08x\n", rounds,
           BUFFER_BYTES, (uint32_t)wasm_i32x4_extract_lane(digest, 0),
           (uint32_t)wasm_i32x4_extract_lane(digest, 1),
           (uint32_t)wasm_i32x4_extract_lane(digest, 2),
           (uint32_t)wasm_i32x4_extract_lane(digest, 3), checksum);
    return 0;
}
