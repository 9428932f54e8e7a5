/* Peer harness program: a scalar hash in the style of BLAKE3's compression function (our
 * own code). A 64-byte block is read as 16 message words; the working state is the 8
 * chaining words, 4 IV words, a 64-bit block counter, the block length and flags. 7 rounds
 * each mix the columns and then the diagonals with G (two adds of a message word, xor and
 * rotate right by 16/12/8/7), the message words being permuted between rounds; the new
 * chaining value is the xor of the two halves of the state. A 1 MiB buffer is hashed block
 * after block as one chain (no tree), first and last blocks flagged; each round flips one
 * byte and keys the chain with the previous digest. argv[1]: rounds. Prints the digest. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BUFFER_BYTES (1u << 20)
#define BLOCK 64
#define FIRST_BLOCK 1u
#define LAST_BLOCK 2u

static const uint32_t IV[8] = {0x6A09E667u, 0xBB67AE85u, 0x3C6EF372u, 0xA54FF53Au,
                               0x510E527Fu, 0x9B05688Cu, 0x1F83D9ABu, 0x5BE0CD19u};

/* Where each message word moves between rounds. */
static const uint8_t SHUFFLE[16] = {2, 6, 3, 10, 7, 0, 4, 13, 1, 11, 12, 5, 9, 14, 15, 8};

static inline uint32_t rotr(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

#define G(v, a, b, c, d, x, y)                                \
    do {                                                      \
        v[a] += v[b] + (x); v[d] = rotr(v[d] ^ v[a], 16);     \
        v[c] += v[d];       v[b] = rotr(v[b] ^ v[c], 12);     \
        v[a] += v[b] + (y); v[d] = rotr(v[d] ^ v[a], 8);      \
        v[c] += v[d];       v[b] = rotr(v[b] ^ v[c], 7);      \
    } while (0)

/* Compresses one block into the chaining value h. */
static void compress(uint32_t h[8], const uint8_t block[BLOCK], uint64_t counter, uint32_t len,
                     uint32_t flags) {
    uint32_t m[16], t[16], v[16];
    memcpy(m, block, sizeof m); /* wasm memory is little-endian */
    for (int i = 0; i < 8; i++) v[i] = h[i];
    for (int i = 0; i < 4; i++) v[8 + i] = IV[i];
    v[12] = (uint32_t)counter;
    v[13] = (uint32_t)(counter >> 32);
    v[14] = len;
    v[15] = flags;
    for (int r = 0; r < 7; r++) {
        G(v, 0, 4, 8, 12, m[0], m[1]);
        G(v, 1, 5, 9, 13, m[2], m[3]);
        G(v, 2, 6, 10, 14, m[4], m[5]);
        G(v, 3, 7, 11, 15, m[6], m[7]);
        G(v, 0, 5, 10, 15, m[8], m[9]);
        G(v, 1, 6, 11, 12, m[10], m[11]);
        G(v, 2, 7, 8, 13, m[12], m[13]);
        G(v, 3, 4, 9, 14, m[14], m[15]);
        if (r < 6) {
            for (int i = 0; i < 16; i++) t[i] = m[SHUFFLE[i]];
            memcpy(m, t, sizeof m);
        }
    }
    for (int i = 0; i < 8; i++) h[i] = v[i] ^ v[8 + i];
}

/* Hashes n bytes (a whole number of blocks, at least one) with the chain keyed by key. */
static void hash(const uint32_t key[8], const uint8_t *data, size_t n, uint32_t out[8]) {
    uint32_t h[8];
    memcpy(h, key, sizeof h);
    size_t blocks = n / BLOCK;
    for (size_t b = 0; b < blocks; b++) {
        uint32_t flags = (b == 0 ? FIRST_BLOCK : 0) | (b + 1 == blocks ? LAST_BLOCK : 0);
        compress(h, data + b * BLOCK, b, BLOCK, flags);
    }
    memcpy(out, h, sizeof h);
}

int main(int argc, char **argv) {
    int rounds = argc > 1 ? atoi(argv[1]) : 20;
    size_t n = BUFFER_BYTES;
    uint8_t *data = malloc(n);
    uint32_t seed = 12345;
    for (size_t i = 0; i < n; i++) {
        seed = seed * 1103515245u + 12345u;
        data[i] = (uint8_t)(seed >> 16);
    }
    uint32_t digest[8] = {0}; /* so the first round's key is the IV */
    for (int r = 0; r < rounds; r++) {
        data[((size_t)r * 104729u) % n] ^= (uint8_t)(r | 1); /* each round hashes other bytes */
        uint32_t key[8];
        for (int i = 0; i < 8; i++) key[i] = IV[i] ^ digest[i];
        hash(key, data, n, digest);
    }
    char hex[65];
    for (int i = 0; i < 32; i++)
        sprintf(hex + 2 * i, "%02x", (unsigned)(digest[i / 4] >> (8 * (i % 4))) & 0xffu);
    printf("blake: %d rounds, %zu bytes, digest %s\n", rounds, n, hex);
    return 0;
}
