/* Kestrel WASI test: the smallest command. Prints one line and exits with 0. */
#include <stdio.h>

int main(void) {
    printf("hello from wasi\n");
    return 0;
}
