/* Peer harness program: a scalar add-rotate-xor stream cipher in the style of ChaCha20 (our
 * own code). The state is 16 u32 words: 4 constants, 8 key words, a block counter and 3
 * nonce words; a block is 10 double rounds (a quarter round of add, xor and rotate by
 * 16/12/8/7 on the four columns, then on the four diagonals) with the input state added
 * back, and its 64 bytes are XORed over the data. Each round first derives a subkey from
 * the key and the first 16 bytes of a 24-byte extended nonce (the same 20 rounds without the
 * final add, keeping words 0-3 and 12-15, as XChaCha does), then encrypts a 1 MiB buffer
 * with the subkey and the rest of the nonce, decrypts it again, checks the round trip and
 * folds the ciphertext into a checksum. argv[1]: rounds. Prints the checksum. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BUFFER_BYTES (1u << 20)

static inline uint32_t rotl(uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }

/* One quarter round on four words of the state, in place. */
#define QUARTER(s, a, b, c, d)                          \
    do {                                                \
        s[a] += s[b]; s[d] = rotl(s[d] ^ s[a], 16);     \
        s[c] += s[d]; s[b] = rotl(s[b] ^ s[c], 12);     \
        s[a] += s[b]; s[d] = rotl(s[d] ^ s[a], 8);      \
        s[c] += s[d]; s[b] = rotl(s[b] ^ s[c], 7);      \
    } while (0)

/* 20 rounds: 10 pairs of a column round and a diagonal round. */
static void permute(uint32_t s[16]) {
    for (int i = 0; i < 10; i++) {
        QUARTER(s, 0, 4, 8, 12);
        QUARTER(s, 1, 5, 9, 13);
        QUARTER(s, 2, 6, 10, 14);
        QUARTER(s, 3, 7, 11, 15);
        QUARTER(s, 0, 5, 10, 15);
        QUARTER(s, 1, 6, 11, 12);
        QUARTER(s, 2, 7, 8, 13);
        QUARTER(s, 3, 4, 9, 14);
    }
}

/* "expand 32-byte k" as four little-endian words. */
static const uint32_t SIGMA[4] = {0x61707865u, 0x3320646eu, 0x79622d32u, 0x6b206574u};

static uint32_t load32(const uint8_t *p) {
    return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Subkey from the key and 16 nonce bytes: the permutation without the feed-forward. */
static void derive_subkey(const uint32_t key[8], const uint8_t nonce16[16], uint32_t out[8]) {
    uint32_t s[16];
    for (int i = 0; i < 4; i++) s[i] = SIGMA[i];
    for (int i = 0; i < 8; i++) s[4 + i] = key[i];
    for (int i = 0; i < 4; i++) s[12 + i] = load32(nonce16 + 4 * i);
    permute(s);
    for (int i = 0; i < 4; i++) {
        out[i] = s[i];
        out[4 + i] = s[12 + i];
    }
}

/* XOR the keystream for (key, counter from `counter`, nonce) over n bytes of in into out.
 * Whole blocks are read and written as u32 words (wasm memory is little-endian). */
static void crypt(const uint32_t key[8], uint32_t counter, const uint32_t nonce[3],
                  const uint8_t *in, uint8_t *out, size_t n) {
    uint32_t input[16], s[16];
    for (int i = 0; i < 4; i++) input[i] = SIGMA[i];
    for (int i = 0; i < 8; i++) input[4 + i] = key[i];
    input[12] = counter;
    for (int i = 0; i < 3; i++) input[13 + i] = nonce[i];
    size_t pos = 0;
    while (pos < n) {
        memcpy(s, input, sizeof s);
        permute(s);
        for (int i = 0; i < 16; i++) s[i] += input[i];
        if (n - pos >= 64) {
            for (int i = 0; i < 16; i++) {
                uint32_t w;
                memcpy(&w, in + pos + 4 * i, 4);
                w ^= s[i];
                memcpy(out + pos + 4 * i, &w, 4);
            }
            pos += 64;
        } else {
            for (int i = 0; pos < n; i++, pos++)
                out[pos] = in[pos] ^ (uint8_t)(s[i / 4] >> (8 * (i % 4)));
        }
        input[12]++;
    }
}

/* Extended-nonce encryption: subkey from nonce[0..16], then the stream with nonce words
 * (0, nonce[16..20], nonce[20..24]). */
static void xcrypt(const uint32_t key[8], const uint8_t nonce24[24], const uint8_t *in,
                   uint8_t *out, size_t n) {
    uint32_t subkey[8], nonce[3];
    derive_subkey(key, nonce24, subkey);
    nonce[0] = 0;
    nonce[1] = load32(nonce24 + 16);
    nonce[2] = load32(nonce24 + 20);
    crypt(subkey, 1, nonce, in, out, n);
}

int main(int argc, char **argv) {
    int rounds = argc > 1 ? atoi(argv[1]) : 20;
    size_t n = BUFFER_BYTES;
    uint8_t *plain = malloc(n), *cipher = malloc(n), *back = malloc(n);
    uint32_t seed = 0x2545F491u;
    for (size_t i = 0; i < n; i++) {
        seed = seed * 1664525u + 1013904223u;
        plain[i] = (uint8_t)(seed >> 24);
    }
    uint32_t key[8];
    for (int i = 0; i < 8; i++) key[i] = 0x01010101u * (uint32_t)(i + 1) ^ 0xA5C3E187u;
    uint8_t nonce[24];
    for (int i = 0; i < 24; i++) nonce[i] = (uint8_t)(i * 37 + 11);
    uint32_t sum = 0;
    for (int r = 0; r < rounds; r++) {
        nonce[r % 24] ^= (uint8_t)(r + 1); /* every round uses another nonce */
        xcrypt(key, nonce, plain, cipher, n);
        xcrypt(key, nonce, cipher, back, n);
        if (memcmp(back, plain, n) != 0) {
            printf("round %d: round trip FAILED\n", r);
            return 1;
        }
        for (size_t k = 0; k < n; k += 4) sum = rotl(sum, 5) ^ load32(cipher + k);
        key[r % 8] += sum; /* and chains the key through the checksum */
    }
    printf("arx: %d rounds, %zu bytes, checksum %08x\n", rounds, n, sum);
    return 0;
}
