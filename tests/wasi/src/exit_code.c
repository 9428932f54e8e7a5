/* Kestrel WASI test: the exit status is the program's. argv[1]: the status; with a second
 * argument the program calls exit() from a nested function after printing. */
#include <stdio.h>
#include <stdlib.h>

static void leave(int status) {
    printf("leaving with %d\n", status);
    fflush(stdout);
    exit(status);
}

int main(int argc, char **argv) {
    int status = argc > 1 ? atoi(argv[1]) : 0;
    if (argc > 2) leave(status);
    return status;
}
