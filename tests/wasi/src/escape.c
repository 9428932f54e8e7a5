/* Kestrel WASI test: attempts to leave the preopened directory argv[1]. Each attempt
 * prints "refused" with the errno name, or "ESCAPED". The host test checks that nothing
 * outside changed. The sandbox holds `link_out`, a symlink to a file outside, and
 * `abs_link`, a symlink with an absolute target, both made by the host test. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void report(const char *what, int result) {
    if (result < 0)
        printf("%s: refused %s\n", what, errno == ENOTCAPABLE ? "ENOTCAPABLE" : strerror(errno));
    else
        printf("%s: ESCAPED\n", what);
}

int main(int argc, char **argv) {
    char p[512], q[512];
    const char *dir = argv[1];
    snprintf(p, sizeof p, "%s/../outside.txt", dir);
    report("read ../", open(p, O_RDONLY));
    snprintf(p, sizeof p, "%s/sub/../../outside.txt", dir);
    report("read sub/../../", open(p, O_RDONLY));
    snprintf(p, sizeof p, "%s/../created.txt", dir);
    report("create ../", open(p, O_CREAT | O_WRONLY, 0644));
    snprintf(p, sizeof p, "%s/link_out", dir);
    report("read symlink out", open(p, O_RDONLY));
    snprintf(p, sizeof p, "%s/link_out", dir);
    report("write symlink out", open(p, O_WRONLY | O_TRUNC));
    snprintf(p, sizeof p, "%s/abs_link", dir);
    report("read absolute symlink", open(p, O_RDONLY));
    report("read /etc/passwd", open("/etc/passwd", O_RDONLY));
    snprintf(p, sizeof p, "%s/inside.txt", dir);
    snprintf(q, sizeof q, "%s/../stolen.txt", dir);
    report("rename out", rename(p, q));
    snprintf(q, sizeof q, "%s/../outside.txt", dir);
    snprintf(p, sizeof p, "%s/imported.txt", dir);
    report("rename in", rename(q, p));
    snprintf(p, sizeof p, "%s/new_link", dir);
    report("symlink to absolute", symlink("/etc/passwd", p));
    snprintf(p, sizeof p, "%s/../made_dir", dir);
    report("mkdir ../", mkdir(p, 0755));
    snprintf(p, sizeof p, "%s/..", dir);
    report("opendir ..", open(p, O_RDONLY | O_DIRECTORY));
    snprintf(p, sizeof p, "%s/../outside.txt", dir);
    report("unlink ../", unlink(p));
    snprintf(p, sizeof p, "%s/inside.txt", dir);
    snprintf(q, sizeof q, "%s/../hardlink.txt", dir);
    report("link out", link(p, q));
    /* Still usable afterwards: an allowed read succeeds. */
    snprintf(p, sizeof p, "%s/inside.txt", dir);
    int fd = open(p, O_RDONLY);
    char buf[32] = {0};
    read(fd, buf, sizeof buf - 1);
    printf("inside: %s", buf);
    return 0;
}
