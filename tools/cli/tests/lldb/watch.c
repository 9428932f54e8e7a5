/* Watchpoints: a global array written in a loop and read back, and a heap buffer filled
 * by memcpy. Exits with the sum of the table modulo 7 (360 % 7 = 3). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int table[16];
static const char message[] = "watch me change";

__attribute__((noinline)) int triple(int x) {
    return x * 3;
}

int total(void) {
    int sum = 0;
    for (int i = 0; i < 16; i++)
        sum += table[i];
    return sum;
}

int main(void) {
    for (int i = 0; i < 16; i++)
        table[i] = triple(i);
    char *buf = malloc(32);
    memcpy(buf, message, sizeof message);
    int sum = total();
    printf("%d %s\n", sum, buf);
    return sum % 7;
}
