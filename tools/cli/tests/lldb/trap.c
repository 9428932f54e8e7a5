/* Kestrel LLDB test program: traps. argv[1] "null" calls through a null function
 * pointer; "oob" reads far outside linear memory. Line numbers are part of the test. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef int (*op)(int);

static int twice(int x) { return 2 * x; }

int call_through(op f, int x) {
    return f(x);
}

int read_far(unsigned offset) {
    volatile int *p = (volatile int *)(uintptr_t)offset;
    return *p;
}

int main(int argc, char **argv) {
    op table[2] = {twice, NULL};
    int which = argc > 1 && strcmp(argv[1], "null") == 0;
    if (argc > 1 && strcmp(argv[1], "oob") == 0)
        printf("%d\n", read_far(0xfffffff0u));
    printf("%d\n", call_through(table[which], 21));
    return 0;
}
