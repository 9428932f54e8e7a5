/* Peer harness program: tight loops that update many counters (our own code). First a
 * token-bucket rate limiter over a generated stream of requests from 8 clients: each
 * request advances the clock, refills its client's bucket for the time elapsed (capped),
 * and is allowed (tokens taken) or denied, updating the client's allowed, denied, spent
 * and denial-streak counters. Then a sequential hash over a generated 1 MiB buffer: four
 * multiply-rotate accumulator lanes fed 16 bytes a step, with running counts (odd words,
 * words holding a zero byte, rising words, the largest word) kept in locals, merged and
 * mixed at the end. argv[1]: rounds (each runs both once). Prints the totals. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CLIENTS 8
#define REQUESTS (1u << 20)
#define BUFFER_BYTES (1u << 20)
#define SCALE 1000u /* tokens are kept in thousandths */

typedef struct {
    uint32_t rate;     /* thousandths of a token per tick */
    uint32_t capacity; /* in thousandths */
    uint32_t tokens;
    uint32_t last;
    uint32_t allowed, denied;
    uint32_t streak, worst_streak;
    uint64_t spent;
} Bucket;

typedef struct {
    uint64_t allowed, denied, spent;
    uint32_t worst_streak, check;
} LimiterTotals;

static void limiter_round(Bucket *b, uint32_t seed, LimiterTotals *t) {
    for (int i = 0; i < CLIENTS; i++) {
        b[i].rate = 40u + 35u * (uint32_t)i;
        b[i].capacity = (4u + (uint32_t)i) * SCALE;
        b[i].tokens = b[i].capacity;
        b[i].last = 0;
        b[i].allowed = b[i].denied = b[i].streak = b[i].worst_streak = 0;
        b[i].spent = 0;
    }
    uint32_t now = 0, x = seed;
    for (uint32_t r = 0; r < REQUESTS; r++) {
        x = x * 1664525u + 1013904223u;
        /* skewed: the low-numbered clients (slow refill) send most requests */
        uint32_t id = (x >> 29) & (x >> 26) & 7;
        now += (x >> 20) & 7;
        uint32_t cost = (1 + ((x >> 12) & 3)) * SCALE;
        Bucket *c = &b[id];
        uint32_t refill = (now - c->last) * c->rate;
        c->tokens = c->capacity - c->tokens <= refill ? c->capacity : c->tokens + refill;
        c->last = now;
        if (c->tokens >= cost) {
            c->tokens -= cost;
            c->allowed++;
            c->spent += cost;
            c->streak = 0;
        } else {
            c->denied++;
            if (++c->streak > c->worst_streak) c->worst_streak = c->streak;
        }
    }
    for (int i = 0; i < CLIENTS; i++) {
        t->allowed += b[i].allowed;
        t->denied += b[i].denied;
        t->spent += b[i].spent;
        if (b[i].worst_streak > t->worst_streak) t->worst_streak = b[i].worst_streak;
        t->check = t->check * 31 + b[i].allowed * 7 + b[i].tokens;
    }
}

static inline uint32_t rotl(uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }

#define K1 0x9E3779B1u
#define K2 0x85EBCA77u
#define K3 0xC2B2AE3Du

typedef struct {
    uint64_t odd, zero_byte, rises;
    uint32_t largest, hash;
} HashTotals;

static void hash_round(const uint8_t *data, size_t n, uint32_t seed, HashTotals *t) {
    uint32_t a0 = seed + K1, a1 = seed ^ K2, a2 = seed, a3 = seed - K1;
    uint32_t odd = 0, zero_byte = 0, rises = 0, largest = 0, prev = 0;
    for (size_t i = 0; i + 16 <= n; i += 16) {
        uint32_t w[4];
        memcpy(w, data + i, sizeof w); /* wasm memory is little-endian */
        a0 = rotl(a0 + w[0] * K2, 13) * K1;
        a1 = rotl(a1 + w[1] * K2, 13) * K1;
        a2 = rotl(a2 + w[2] * K2, 13) * K1;
        a3 = rotl(a3 + w[3] * K2, 13) * K1;
        for (int k = 0; k < 4; k++) {
            uint32_t v = w[k];
            odd += v & 1;
            zero_byte += ((v - 0x01010101u) & ~v & 0x80808080u) != 0;
            rises += v > prev;
            largest = v > largest ? v : largest;
            prev = v;
        }
    }
    uint32_t h = rotl(a0, 1) + rotl(a1, 7) + rotl(a2, 12) + rotl(a3, 18) + (uint32_t)n;
    h ^= odd * K3 + zero_byte + rises * K1 + largest;
    h ^= h >> 15;
    h *= K2;
    h ^= h >> 13;
    h *= K3;
    h ^= h >> 16;
    t->odd += odd;
    t->zero_byte += zero_byte;
    t->rises += rises;
    if (largest > t->largest) t->largest = largest;
    t->hash = rotl(t->hash, 5) ^ h;
}

int main(int argc, char **argv) {
    int rounds = argc > 1 ? atoi(argv[1]) : 20;
    static Bucket buckets[CLIENTS];
    size_t n = BUFFER_BYTES;
    uint8_t *data = malloc(n);
    uint32_t seed = 99991;
    for (size_t i = 0; i < n; i++) {
        seed = seed * 1103515245u + 12345u;
        /* a zero byte now and then, so the zero-byte count varies */
        data[i] = (seed >> 16) % 23 == 0 ? 0 : (uint8_t)(seed >> 20);
    }
    LimiterTotals lim = {0};
    HashTotals hs = {0};
    for (int r = 0; r < rounds; r++) {
        limiter_round(buckets, 17u + (uint32_t)r * 7919u, &lim);
        hash_round(data, n, (uint32_t)r, &hs);
        data[((size_t)r * 65537u) % n] ^= 0x5A;
    }
    printf("counters: %d rounds, allowed %llu, denied %llu, spent %llu, worst streak %u, "
           "odd %llu, zero-byte %llu, rises %llu, largest %08x, check %08x, hash %08x\n",
           rounds, (unsigned long long)lim.allowed, (unsigned long long)lim.denied,
           (unsigned long long)lim.spent, lim.worst_streak, (unsigned long long)hs.odd,
           (unsigned long long)hs.zero_byte, (unsigned long long)hs.rises, hs.largest,
           lim.check, hs.hash);
    return 0;
}
