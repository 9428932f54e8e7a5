/* Attaching to a running instance: `spin` is called over and over by many instances of
 * the module; a debugger attaches to one of them while it loops. */
__attribute__((export_name("spin"))) int spin(int rounds) {
    unsigned acc = 1;
    for (int i = 0; i < rounds; i++) {
        acc = acc * 31 + (unsigned)i;
        acc ^= acc >> 7;
    }
    return (int)(acc & 0x7fffffff);
}
