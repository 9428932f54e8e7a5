/* Kestrel WASI test: files under a preopened directory. Every step prints what it saw, so
 * the test compares the whole transcript. argv[1] is the guest path of the directory. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char path_buf[512];

static const char *at(const char *dir, const char *name) {
    snprintf(path_buf, sizeof path_buf, "%s/%s", dir, name);
    return path_buf;
}

static int cmp(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void list(const char *dir) {
    DIR *d = opendir(dir);
    if (!d) {
        printf("opendir %s: %s\n", dir, strerror(errno));
        return;
    }
    char *names[64];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 64) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
        names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof names[0], cmp);
    printf("list:");
    for (int i = 0; i < n; i++) {
        printf(" %s", names[i]);
        free(names[i]);
    }
    printf("\n");
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: files DIR\n");
        return 2;
    }
    const char *dir = argv[1];

    /* Write, then read back. */
    FILE *f = fopen(at(dir, "notes.txt"), "w");
    if (!f) {
        printf("fopen w: %s\n", strerror(errno));
        return 1;
    }
    fputs("first line\nsecond line\n", f);
    fclose(f);
    char line[128];
    f = fopen(at(dir, "notes.txt"), "r");
    while (fgets(line, sizeof line, f)) printf("read: %s", line);
    fclose(f);

    /* Append. */
    f = fopen(at(dir, "notes.txt"), "a");
    fputs("third line\n", f);
    fclose(f);
    struct stat st;
    stat(at(dir, "notes.txt"), &st);
    printf("size after append: %lld\n", (long long)st.st_size);
    printf("is regular: %d\n", S_ISREG(st.st_mode));

    /* Seeking, pread/pwrite, truncation through a descriptor. */
    int fd = open(at(dir, "notes.txt"), O_RDWR);
    off_t end = lseek(fd, 0, SEEK_END);
    printf("seek end: %lld\n", (long long)end);
    lseek(fd, 6, SEEK_SET);
    char word[5] = {0};
    read(fd, word, 4);
    printf("word at 6: %s\n", word);
    printf("position: %lld\n", (long long)lseek(fd, 0, SEEK_CUR));
    lseek(fd, -5, SEEK_CUR);
    read(fd, word, 4);
    printf("word at 5: %s\n", word);
    pwrite(fd, "FIRST", 5, 0);
    char head[12] = {0};
    pread(fd, head, 11, 0);
    printf("pread: %s\n", head);
    ftruncate(fd, 10);
    fstat(fd, &st);
    printf("size after truncate: %lld\n", (long long)st.st_size);
    printf("seek past start: %lld errno=%s\n", (long long)lseek(fd, -100, SEEK_SET),
           strerror(errno));
    close(fd);

    /* Directories, renames, links. */
    printf("mkdir: %d\n", mkdir(at(dir, "sub"), 0755));
    printf("mkdir again: %d %s\n", mkdir(at(dir, "sub"), 0755), strerror(errno));
    f = fopen(at(dir, "sub/inner.txt"), "w");
    fputs("inner\n", f);
    fclose(f);
    printf("rename: %d\n", rename(at(dir, "notes.txt"), "x") == 0 ? 1 : 0);
    char from[512], to[512];
    snprintf(from, sizeof from, "%s/notes.txt", dir);
    snprintf(to, sizeof to, "%s/sub/moved.txt", dir);
    printf("rename into sub: %d\n", rename(from, to));
    printf("old name gone: %d\n", access(from, F_OK) != 0);
    list(dir);
    snprintf(from, sizeof from, "%s/sub", dir);
    list(from);
    snprintf(to, sizeof to, "%s/link.txt", dir);
    printf("symlink: %d\n", symlink("sub/inner.txt", to));
    char target[64] = {0};
    printf("readlink: %d %s\n", (int)readlink(to, target, sizeof target - 1), target);
    f = fopen(to, "r");
    fgets(line, sizeof line, f);
    fclose(f);
    printf("through link: %s", line);
    lstat(to, &st);
    printf("lstat is link: %d\n", S_ISLNK(st.st_mode));
    printf("unlink link: %d\n", unlink(to));
    printf("rmdir non-empty: %d %s\n", rmdir(from), strerror(errno));
    printf("unlink inner: %d\n", unlink(at(dir, "sub/inner.txt")));
    printf("unlink moved: %d\n", unlink(at(dir, "sub/moved.txt")));
    printf("rmdir: %d\n", rmdir(from));
    printf("open missing: %d %s\n", open(at(dir, "missing"), O_RDONLY), strerror(errno));
    printf("create exclusive: %d\n", (fd = open(at(dir, "new.txt"), O_CREAT | O_EXCL | O_WRONLY, 0644)) >= 0);
    close(fd);
    printf("create exclusive again: %d %s\n",
           open(at(dir, "new.txt"), O_CREAT | O_EXCL | O_WRONLY, 0644), strerror(errno));
    printf("unlink new: %d\n", unlink(at(dir, "new.txt")));
    list(dir);
    return 0;
}
