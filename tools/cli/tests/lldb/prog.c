/* Kestrel LLDB test program: recursion, a loop over an array, a struct, a pointer. The
 * line numbers are part of the test (tools/cli/tests/lldb.rs): keep them. */
#include <stdio.h>

struct point { int x; int y; };

int fib(int n) {
    if (n < 2)
        return n;
    return fib(n - 1) + fib(n - 2);
}

int sum(const int *values, int count) {
    int total = 0;
    for (int i = 0; i < count; i++)
        total += values[i];
    return total;
}

int main(void) {
    int numbers[4] = {3, 5, 7, 11};
    struct point p = {4, 9};
    int *ptr = &numbers[2];
    int f = fib(10);
    int s = sum(numbers, 4);
    printf("fib %d sum %d point %d,%d ptr %d\n", f, s, p.x, p.y, *ptr);
    return f == 55 ? 3 : 1;
}
