/* Kestrel LLDB test program, built at -O1: a loop that runs until interrupted when
 * argv[1] is "forever", and a function with parameters to inspect. */
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) int scale(int value, int factor) {
    int result = value * factor;
    return result + 1;
}

int main(int argc, char **argv) {
    volatile int spins = 0;
    int forever = argc > 1 && argv[1][0] == 'f';
    while (forever) spins++;
    int r = scale(argc + 4, 7);
    printf("scale %d\n", r);
    return r == 36 ? 0 : 1;
}
