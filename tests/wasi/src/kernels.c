/* Kestrel WASI test: compute kernels whose results are compared with the wasmi
 * interpreter, at -O0, -O2 and -Os. As a command, main prints every kernel's result;
 * built with -DKERNELS_LIBRARY (a reactor), the kernels are exported to be called one by
 * one. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef KERNELS_LIBRARY
#define EXPORT(name) __attribute__((export_name(name)))
#else
#define EXPORT(name)
#endif

static uint64_t rng_state;
static uint64_t next_random(void) {
    /* xorshift64* */
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545F4914F6CDD1DULL;
}

/* FNV-1a 64 and CRC-32 over n pseudo-random bytes, mixed. */
EXPORT("kernel_hash") uint64_t kernel_hash(int n) {
    rng_state = 0x9E3779B97F4A7C15ULL;
    uint64_t fnv = 0xcbf29ce484222325ULL;
    uint32_t crc = 0xFFFFFFFFu;
    for (int i = 0; i < n; i++) {
        uint8_t byte = (uint8_t)(next_random() >> 56);
        fnv = (fnv ^ byte) * 0x100000001b3ULL;
        crc ^= byte;
        for (int k = 0; k < 8; k++) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1)));
    }
    return fnv ^ ((uint64_t)~crc << 17);
}

static int cmp_i32(const void *a, const void *b) {
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return (x > y) - (x < y);
}

static void merge_sort(int32_t *v, int32_t *tmp, int n) {
    if (n < 2) return;
    int h = n / 2;
    merge_sort(v, tmp, h);
    merge_sort(v + h, tmp, n - h);
    int i = 0, j = h, k = 0;
    while (i < h && j < n) tmp[k++] = v[i] <= v[j] ? v[i++] : v[j++];
    while (i < h) tmp[k++] = v[i++];
    while (j < n) tmp[k++] = v[j++];
    memcpy(v, tmp, n * sizeof *v);
}

/* Sorts n numbers with qsort and with a merge sort; checks they agree; a checksum. */
EXPORT("kernel_sort") uint64_t kernel_sort(int n) {
    rng_state = 12345;
    int32_t *a = malloc(n * sizeof *a), *b = malloc(n * sizeof *b), *t = malloc(n * sizeof *t);
    for (int i = 0; i < n; i++) a[i] = b[i] = (int32_t)next_random();
    qsort(a, n, sizeof *a, cmp_i32);
    merge_sort(b, t, n);
    uint64_t sum = 0;
    for (int i = 0; i < n; i++) {
        if (a[i] != b[i]) return 0xBAD;
        sum = sum * 31 + (uint32_t)a[i];
    }
    free(a);
    free(b);
    free(t);
    return sum;
}

/* A tiny stack machine interpreting a program that counts primes below n. */
enum { PUSH, LOAD, STORE, ADD, SUB, MUL, MOD, LT, JZ, JMP, HALT };
EXPORT("kernel_interp") int64_t kernel_interp(int n) {
    /* vars: 0 candidate, 1 divisor, 2 count, 3 limit, 4 is_prime */
    static const int32_t prog[] = {
        PUSH, 2, STORE, 0,             /* 0: c = 2 */
        /* 4: loop over c */
        LOAD, 0, LOAD, 3, LT, JZ, 0,   /* if !(c < limit) halt (target set below) */
        PUSH, 1, STORE, 4, PUSH, 2, STORE, 1, /* prime = 1; d = 2 */
        /* 19: inner loop while d*d <= c  <=> !(c < d*d) */
        LOAD, 0, LOAD, 1, LOAD, 1, MUL, LT, JZ, 31, JMP, 51,
        /* 31: if c % d == 0 { prime = 0; goto done } */
        LOAD, 0, LOAD, 1, MOD, JZ, 47,
        LOAD, 1, PUSH, 1, ADD, STORE, 1, JMP, 19,
        /* 47: */ PUSH, 0, STORE, 4,
        /* 51: count += prime; c += 1 */
        LOAD, 2, LOAD, 4, ADD, STORE, 2,
        LOAD, 0, PUSH, 1, ADD, STORE, 0, JMP, 4,
        /* 67 */ HALT};
    int32_t code[sizeof prog / sizeof prog[0]];
    memcpy(code, prog, sizeof prog);
    int64_t vars[5] = {0, 0, 0, n, 0}, stack[16];
    int sp = 0, pc = 0;
    code[10] = sizeof code / sizeof code[0] - 1; /* the loop's exit: HALT */
    for (;;) {
        switch (code[pc]) {
        case PUSH: stack[sp++] = code[pc + 1]; pc += 2; break;
        case LOAD: stack[sp++] = vars[code[pc + 1]]; pc += 2; break;
        case STORE: vars[code[pc + 1]] = stack[--sp]; pc += 2; break;
        case ADD: sp--; stack[sp - 1] += stack[sp]; pc++; break;
        case SUB: sp--; stack[sp - 1] -= stack[sp]; pc++; break;
        case MUL: sp--; stack[sp - 1] *= stack[sp]; pc++; break;
        case MOD: sp--; stack[sp - 1] %= stack[sp]; pc++; break;
        case LT: sp--; stack[sp - 1] = stack[sp - 1] < stack[sp]; pc++; break;
        case JZ: pc = stack[--sp] ? pc + 2 : code[pc + 1]; break;
        case JMP: pc = code[pc + 1]; break;
        default: return vars[2] * 1000003 + pc;
        }
    }
}

/* Floating point: a Mandelbrot escape count and a damped oscillator, summed. */
EXPORT("kernel_float") double kernel_float(int n) {
    long escaped = 0;
    for (int y = 0; y < n; y++) {
        for (int x = 0; x < n; x++) {
            double cr = -2.0 + 2.5 * x / n, ci = -1.25 + 2.5 * y / n, zr = 0, zi = 0;
            int i = 0;
            while (i < 200 && zr * zr + zi * zi <= 4.0) {
                double t = zr * zr - zi * zi + cr;
                zi = 2 * zr * zi + ci;
                zr = t;
                i++;
            }
            escaped += i;
        }
    }
    double pos = 1.0, vel = 0.0, energy = 0.0;
    for (int i = 0; i < n * 100; i++) {
        double acc = -pos * 0.5 - vel * 0.01;
        vel += acc * 0.01;
        pos += vel * 0.01;
        energy += pos * pos + vel * vel;
    }
    return (double)escaped + energy / (n * 100.0);
}

#ifndef KERNELS_LIBRARY
int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 1000;
    printf("hash %llu\n", (unsigned long long)kernel_hash(n * 100));
    printf("sort %llu\n", (unsigned long long)kernel_sort(n * 10));
    printf("interp %lld\n", (long long)kernel_interp(n * 10));
    double f = kernel_float(n / 10);
    uint64_t bits;
    memcpy(&bits, &f, sizeof bits);
    printf("float %.17g %016llx\n", f, (unsigned long long)bits);
    return 0;
}
#endif
