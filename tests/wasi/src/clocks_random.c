/* Kestrel WASI test: clocks move forward, sleeping takes time, random bytes vary. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static long long ns(clockid_t id) {
    struct timespec t;
    clock_gettime(id, &t);
    return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

int main(void) {
    long long wall = ns(CLOCK_REALTIME);
    /* 2026-01-01 < now < 2100-01-01 */
    printf("realtime plausible: %d\n", wall > 1767225600LL * 1000000000LL &&
                                          wall < 4102444800LL * 1000000000LL);
    long long t0 = ns(CLOCK_MONOTONIC);
    struct timespec nap = {0, 20 * 1000 * 1000};
    nanosleep(&nap, NULL);
    long long t1 = ns(CLOCK_MONOTONIC);
    printf("slept at least 20 ms: %d\n", t1 - t0 >= 20 * 1000 * 1000);
    printf("slept less than 2 s: %d\n", t1 - t0 < 2000LL * 1000 * 1000);
    struct timespec res;
    clock_getres(CLOCK_MONOTONIC, &res);
    printf("resolution positive: %d\n", res.tv_sec > 0 || res.tv_nsec > 0);
    printf("process clock readable: %d\n", ns(CLOCK_PROCESS_CPUTIME_ID) >= 0);
    unsigned char a[32], b[32];
    getentropy(a, sizeof a);
    getentropy(b, sizeof b);
    int zeros = 0;
    for (int i = 0; i < 32; i++) zeros += a[i] == 0;
    printf("random not all zero: %d\n", zeros < 32);
    printf("random differs: %d\n", memcmp(a, b, sizeof a) != 0);
    printf("time(): %d\n", time(NULL) > 1767225600);
    return 0;
}
