/* Kestrel WASI test: reads all of stdin, writes it back upper-cased, counts the bytes. */
#include <ctype.h>
#include <stdio.h>

int main(void) {
    long count = 0;
    int c;
    while ((c = getchar()) != EOF) {
        putchar(toupper(c));
        count++;
    }
    fprintf(stderr, "read %ld bytes\n", count);
    return 0;
}
