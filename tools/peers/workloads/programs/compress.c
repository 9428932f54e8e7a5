/* Peer harness program: a compression round trip of our own (an LZ77 variant with a hash
 * chain of depth 8 and byte-aligned tokens) over generated text, decompressed and checked
 * byte for byte. argv[1]: rounds. Prints the sizes and a checksum. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WINDOW 4096
#define MIN_MATCH 4
#define MAX_MATCH 130
#define HASH_BITS 13

static uint32_t hash4(const uint8_t *p) {
    uint32_t v = p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
    return (v * 2654435761u) >> (32 - HASH_BITS);
}

/* Token stream: a control byte; < 128: that many + 1 literals follow; >= 128: a match of
 * length (control - 128 + MIN_MATCH) at a 2-byte distance. */
static size_t compress(const uint8_t *in, size_t n, uint8_t *out) {
    static int32_t head[1 << HASH_BITS];
    static int32_t prev[WINDOW];
    memset(head, -1, sizeof head);
    size_t o = 0, lit_start = 0, i = 0;
    while (i < n) {
        size_t best_len = 0, best_dist = 0;
        if (i + MIN_MATCH <= n) {
            uint32_t h = hash4(in + i);
            int32_t cand = head[h];
            for (int depth = 0; depth < 8 && cand >= 0 && i - cand < WINDOW; depth++) {
                size_t len = 0;
                while (i + len < n && len < MAX_MATCH && in[cand + len] == in[i + len]) len++;
                if (len > best_len) { best_len = len; best_dist = i - cand; }
                cand = prev[cand % WINDOW];
            }
            prev[i % WINDOW] = head[h];
            head[h] = (int32_t)i;
        }
        if (best_len >= MIN_MATCH) {
            while (lit_start < i) {
                size_t run = i - lit_start > 128 ? 128 : i - lit_start;
                out[o++] = (uint8_t)(run - 1);
                memcpy(out + o, in + lit_start, run);
                o += run;
                lit_start += run;
            }
            out[o++] = (uint8_t)(128 + best_len - MIN_MATCH);
            out[o++] = (uint8_t)best_dist;
            out[o++] = (uint8_t)(best_dist >> 8);
            for (size_t k = 1; k < best_len && i + k + MIN_MATCH <= n; k++) {
                uint32_t h = hash4(in + i + k);
                prev[(i + k) % WINDOW] = head[h];
                head[h] = (int32_t)(i + k);
            }
            i += best_len;
            lit_start = i;
        } else {
            i++;
        }
    }
    while (lit_start < n) {
        size_t run = n - lit_start > 128 ? 128 : n - lit_start;
        out[o++] = (uint8_t)(run - 1);
        memcpy(out + o, in + lit_start, run);
        o += run;
        lit_start += run;
    }
    return o;
}

static size_t decompress(const uint8_t *in, size_t n, uint8_t *out) {
    size_t i = 0, o = 0;
    while (i < n) {
        uint8_t c = in[i++];
        if (c < 128) {
            memcpy(out + o, in + i, c + 1u);
            i += c + 1u;
            o += c + 1u;
        } else {
            size_t len = c - 128 + MIN_MATCH;
            size_t dist = in[i] | in[i + 1] << 8;
            i += 2;
            for (size_t k = 0; k < len; k++, o++) out[o] = out[o - dist];
        }
    }
    return o;
}

int main(int argc, char **argv) {
    int rounds = argc > 1 ? atoi(argv[1]) : 10;
    static const char *words[] = {"kestrel", "falcon", "wasm", "module", "instance", "stack",
                                  "register", "value", "the", "a", "of", "compile", "debug",
                                  "trap", "memory", "table", "global", "function", "call"};
    size_t n = 1 << 20;
    uint8_t *text = malloc(n), *packed = malloc(n + n / 64 + 16), *back = malloc(n);
    uint32_t seed = 1;
    size_t len = 0;
    while (len < n - 16) {
        seed = seed * 1103515245u + 12345u;
        const char *w = words[(seed >> 16) % (sizeof words / sizeof words[0])];
        size_t wl = strlen(w);
        memcpy(text + len, w, wl);
        len += wl;
        text[len++] = (seed >> 8) % 11 == 0 ? '\n' : ' ';
    }
    size_t packed_len = 0;
    uint32_t sum = 0;
    for (int r = 0; r < rounds; r++) {
        text[(r * 7919) % len] ^= (uint8_t)r; /* each round compresses different bytes */
        packed_len = compress(text, len, packed);
        size_t out_len = decompress(packed, packed_len, back);
        if (out_len != len || memcmp(back, text, len) != 0) {
            printf("round %d: round trip FAILED\n", r);
            return 1;
        }
        for (size_t k = 0; k < packed_len; k += 61) sum = sum * 31 + packed[k];
    }
    printf("compress: %d rounds, %zu -> %zu bytes, checksum %08x\n", rounds, len, packed_len, sum);
    return 0;
}
