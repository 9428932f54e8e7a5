/* Peer harness program (SIMD): byte and substring search over generated text (1 MiB per
 * round up to 8 MiB, so small round counts stay small).
 * memchr-like scans compare 16 bytes at a time with i8x16.eq, turn the result into a
 * 16-bit mask with i8x16.bitmask and find the first hit with ctz; line counting adds the
 * masks' popcounts; substring search compares the needle's first and last bytes at the
 * matching offsets, ANDs the two masks and checks each candidate (ctz, clear lowest bit)
 * with one more 16-byte compare. Words are laid down with 16-byte stores.
 * A scalar search checks the vector one on a prefix first. Each round searches for a
 * different needle and walks a chain of memchr calls through the whole text.
 * argv[1]: rounds. Prints the counts and a hash of the positions found. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wasm_simd128.h>

#define MAX_TEXT_BYTES (8u << 20)

static const char *const WORDS[] = {
    "the",     "quick",   "brown",  "fox",     "jumps",    "over",   "lazy",     "dog",
    "kestrel", "falcon",  "hovers", "above",   "meadow",   "while",  "wind",     "blows",
    "vector",  "lanes",   "shuffle", "compare", "bitmask", "search", "needle",   "haystack",
    "a",       "an",      "of",     "in",      "to",       "and",    "wasm",     "simd",
};
#define WORD_COUNT (sizeof WORDS / sizeof WORDS[0])

static const char *const NEEDLES[] = {
    "kestrel", "the lazy", "needle in", "fox", "simd lanes", "zzz", "dog\nthe", "a wasm",
};
#define NEEDLE_COUNT (sizeof NEEDLES / sizeof NEEDLES[0])

static uint32_t rng = 0x7f4a7c15u;
static uint32_t next_random(void) {
    rng ^= rng << 13;
    rng ^= rng >> 17;
    rng ^= rng << 5;
    return rng;
}

/* The first c in [p, p + n), or NULL; reads up to 15 bytes past the end (the buffer has
 * slack), ignoring hits there. */
static const uint8_t *find_byte(const uint8_t *p, size_t n, uint8_t c) {
    v128_t needle = wasm_i8x16_splat((int8_t)c);
    for (size_t i = 0; i < n; i += 16) {
        uint32_t mask = wasm_i8x16_bitmask(wasm_i8x16_eq(wasm_v128_load(p + i), needle));
        if (mask) {
            size_t at = i + (size_t)__builtin_ctz(mask);
            return at < n ? p + at : NULL;
        }
    }
    return NULL;
}

/* How many c in [p, p + n), n a multiple of 64. */
static size_t count_byte(const uint8_t *p, size_t n, uint8_t c) {
    v128_t needle = wasm_i8x16_splat((int8_t)c);
    size_t count = 0;
    for (size_t i = 0; i < n; i += 64) {
        uint32_t m0 = wasm_i8x16_bitmask(wasm_i8x16_eq(wasm_v128_load(p + i), needle));
        uint32_t m1 = wasm_i8x16_bitmask(wasm_i8x16_eq(wasm_v128_load(p + i + 16), needle));
        uint32_t m2 = wasm_i8x16_bitmask(wasm_i8x16_eq(wasm_v128_load(p + i + 32), needle));
        uint32_t m3 = wasm_i8x16_bitmask(wasm_i8x16_eq(wasm_v128_load(p + i + 48), needle));
        count += (size_t)__builtin_popcount(m0 | m1 << 16);
        count += (size_t)__builtin_popcount(m2 | m3 << 16);
    }
    return count;
}

/* Every occurrence of needle (length 2 <= k <= 16, stored in a zero-padded 16-byte buffer)
 * starting in [0, n - k]: the count, and a hash of the positions in *hash. A candidate is
 * checked by comparing 16 bytes at once and keeping the first k lanes of the mask. */
static size_t find_all(const uint8_t *text, size_t n, const uint8_t needle[16], size_t k,
                       uint32_t *hash) {
    v128_t first = wasm_i8x16_splat((int8_t)needle[0]);
    v128_t last = wasm_i8x16_splat((int8_t)needle[k - 1]);
    v128_t whole = wasm_v128_load(needle);
    uint32_t want = (1u << k) - 1;
    size_t count = 0;
    for (size_t i = 0; i + k <= n; i += 16) {
        v128_t a = wasm_i8x16_eq(wasm_v128_load(text + i), first);
        v128_t b = wasm_i8x16_eq(wasm_v128_load(text + i + k - 1), last);
        uint32_t mask = wasm_i8x16_bitmask(wasm_v128_and(a, b));
        while (mask) {
            size_t at = i + (size_t)__builtin_ctz(mask);
            mask &= mask - 1;
            uint32_t same = wasm_i8x16_bitmask(wasm_i8x16_eq(wasm_v128_load(text + at), whole));
            if (at + k <= n && (same & want) == want) {
                count++;
                *hash = (*hash ^ (uint32_t)at) * 0x01000193u;
            }
        }
    }
    return count;
}

/* The same with a byte loop at every position (no libc calls: they would dominate). */
static size_t find_all_scalar(const uint8_t *text, size_t n, const uint8_t needle[16],
                              size_t k, uint32_t *hash) {
    size_t count = 0;
    for (size_t at = 0; at + k <= n; at++) {
        size_t j = 0;
        while (j < k && text[at + j] == needle[j]) j++;
        if (j == k) {
            count++;
            *hash = (*hash ^ (uint32_t)at) * 0x01000193u;
        }
    }
    return count;
}

/* A string in a zero-padded 16-byte buffer, and its length. */
static size_t padded(const char *s, uint8_t out[16]) {
    size_t k = strlen(s);
    memset(out, 0, 16);
    memcpy(out, s, k);
    return k;
}

int main(int argc, char **argv) {
    int rounds = argc > 1 ? atoi(argv[1]) : 150;
    size_t n = rounds >= 8 ? MAX_TEXT_BYTES : (size_t)(rounds > 0 ? rounds : 1) << 20;
    uint8_t *text = malloc(n + 64);
    /* Words in padded 16-byte slots: each is written with one vector store. */
    static uint8_t words[WORD_COUNT][16];
    static size_t word_len[WORD_COUNT];
    for (size_t w = 0; w < WORD_COUNT; w++) word_len[w] = padded(WORDS[w], words[w]);
    static uint8_t needles[NEEDLE_COUNT][16];
    static size_t needle_len[NEEDLE_COUNT];
    for (size_t j = 0; j < NEEDLE_COUNT; j++) needle_len[j] = padded(NEEDLES[j], needles[j]);
    size_t len = 0;
    while (len < n) {
        size_t w = next_random() % WORD_COUNT, wl = word_len[w];
        if (len + wl + 1 > n) break;
        wasm_v128_store(text + len, wasm_v128_load(words[w]));
        len += wl;
        uint32_t r = next_random() % 16;
        text[len++] = r == 0 ? '\n' : r == 1 ? '.' : ' ';
    }
    while (len < n) text[len++] = ' ';
    memset(text + n, 0, 64);

    /* The vector search against the scalar one on a prefix with an odd length. */
    for (size_t j = 0; j < NEEDLE_COUNT; j++) {
        uint32_t h1 = 0, h2 = 0;
        size_t c1 = find_all(text, 100003, needles[j], needle_len[j], &h1);
        size_t c2 = find_all_scalar(text, 100003, needles[j], needle_len[j], &h2);
        if (c1 != c2 || h1 != h2) {
            printf("mismatch for needle %zu: %zu vs %zu\n", j, c1, c2);
            return 1;
        }
    }

    size_t lines = 0, matches = 0, hops = 0;
    uint32_t hash = 0;
    for (int r = 0; r < rounds; r++) {
        lines += count_byte(text, n, '\n');
        size_t j = (size_t)r % NEEDLE_COUNT;
        matches += find_all(text, n, needles[j], needle_len[j], &hash);
        /* A chain of memchr calls: from each '.', jump to the next 'k'. */
        const uint8_t *p = text, *end = text + n;
        uint8_t targets[2] = {'.', (uint8_t)('a' + r % 26)};
        for (int t = 0; p && p < end; t ^= 1) {
            p = find_byte(p, (size_t)(end - p), targets[t]);
            if (p) {
                hops++;
                hash = (hash ^ (uint32_t)(p - text)) * 0x01000193u;
                p++;
            }
        }
    }
    printf("search rounds=%d bytes=%zu lines=%zu matches=%zu hops=%zu hash=%08x\n", rounds, n,
           lines, matches, hops, hash);
    return 0;
}
