/* Peer harness program: a CoreMark-like mix (our own code, not CoreMark): linked-list
 * search, reversal and merge sort; integer matrix multiply and sum; a state machine that
 * scans a text of numbers; all folded into one CRC printed at the end. argv[1]: rounds. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint32_t crc_byte(uint32_t crc, uint8_t b) {
    crc ^= b;
    for (int k = 0; k < 8; k++) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1)));
    return crc;
}

static uint32_t crc_u32(uint32_t crc, uint32_t v) {
    for (int i = 0; i < 4; i++) crc = crc_byte(crc, (uint8_t)(v >> (8 * i)));
    return crc;
}

typedef struct Node {
    struct Node *next;
    int32_t key;
    int32_t value;
} Node;

static Node *list_merge(Node *a, Node *b) {
    Node head, *tail = &head;
    while (a && b) {
        if (a->key <= b->key) { tail->next = a; a = a->next; }
        else { tail->next = b; b = b->next; }
        tail = tail->next;
    }
    tail->next = a ? a : b;
    return head.next;
}

static Node *list_sort(Node *list) {
    if (!list || !list->next) return list;
    Node *slow = list, *fast = list->next;
    while (fast && fast->next) { slow = slow->next; fast = fast->next->next; }
    Node *second = slow->next;
    slow->next = NULL;
    return list_merge(list_sort(list), list_sort(second));
}

static Node *list_reverse(Node *list) {
    Node *prev = NULL;
    while (list) { Node *next = list->next; list->next = prev; prev = list; list = next; }
    return prev;
}

static uint32_t list_work(Node *nodes, int n, uint32_t seed, uint32_t crc) {
    for (int i = 0; i < n; i++) {
        seed = seed * 1103515245u + 12345u;
        nodes[i].key = (int32_t)(seed >> 8) % 1000;
        nodes[i].value = i;
        nodes[i].next = i + 1 < n ? &nodes[i + 1] : NULL;
    }
    Node *list = list_sort(&nodes[0]);
    for (int probe = 0; probe < 64; probe++) {
        int found = -1;
        for (Node *p = list; p; p = p->next)
            if (p->key == probe * 13) { found = p->value; break; }
        crc = crc_u32(crc, (uint32_t)found);
    }
    list = list_reverse(list);
    crc = crc_u32(crc, (uint32_t)list->key);
    return crc;
}

#define M 24
static uint32_t matrix_work(int32_t a[M][M], int32_t b[M][M], int32_t c[M][M], uint32_t seed,
                            uint32_t crc) {
    for (int i = 0; i < M; i++)
        for (int j = 0; j < M; j++) {
            seed = seed * 1664525u + 1013904223u;
            a[i][j] = (int32_t)(seed >> 20) - 2048;
            b[i][j] = (int32_t)(seed >> 9) & 0xff;
        }
    for (int i = 0; i < M; i++)
        for (int j = 0; j < M; j++) {
            int32_t s = 0;
            for (int k = 0; k < M; k++) s += a[i][k] * b[k][j];
            c[i][j] = s;
        }
    int64_t total = 0;
    for (int i = 0; i < M; i++)
        for (int j = 0; j < M; j++) total += c[i][j] ^ (c[j][i] >> 3);
    return crc_u32(crc_u32(crc, (uint32_t)total), (uint32_t)(total >> 32));
}

enum State { START, INT, FRAC, EXP, SKIP };

static uint32_t state_machine_work(const char *text, uint32_t crc) {
    enum State s = START;
    uint32_t ints = 0, fracs = 0, exps = 0, bad = 0;
    for (const char *p = text; *p; p++) {
        char ch = *p;
        switch (s) {
        case START:
            if (ch >= '0' && ch <= '9') s = INT;
            else if (ch != ' ' && ch != ',') { s = SKIP; bad++; }
            break;
        case INT:
            if (ch == '.') s = FRAC;
            else if (ch == 'e') s = EXP;
            else if (ch == ',' || ch == ' ') { s = START; ints++; }
            else if (ch < '0' || ch > '9') { s = SKIP; bad++; }
            break;
        case FRAC:
            if (ch == 'e') s = EXP;
            else if (ch == ',' || ch == ' ') { s = START; fracs++; }
            else if (ch < '0' || ch > '9') { s = SKIP; bad++; }
            break;
        case EXP:
            if (ch == ',' || ch == ' ') { s = START; exps++; }
            else if (ch < '0' || ch > '9') { s = SKIP; bad++; }
            break;
        case SKIP:
            if (ch == ',' || ch == ' ') s = START;
            break;
        }
    }
    crc = crc_u32(crc, ints);
    crc = crc_u32(crc, fracs);
    crc = crc_u32(crc, exps);
    return crc_u32(crc, bad);
}

int main(int argc, char **argv) {
    int rounds = argc > 1 ? atoi(argv[1]) : 100;
    int n = 2000;
    Node *nodes = malloc(n * sizeof *nodes);
    static int32_t a[M][M], b[M][M], c[M][M];
    char *text = malloc(64 * 1024);
    uint32_t seed = 7, crc = 0xFFFFFFFFu;
    int len = 0;
    while (len < 64 * 1024 - 32) {
        seed = seed * 1103515245u + 12345u;
        switch ((seed >> 16) % 5) {
        case 0: len += sprintf(text + len, "%u, ", seed % 100000); break;
        case 1: len += sprintf(text + len, "%u.%u ", seed % 1000, (seed >> 10) % 100); break;
        case 2: len += sprintf(text + len, "%ue%u,", seed % 100, (seed >> 4) % 20); break;
        case 3: len += sprintf(text + len, "x%u ", seed % 10); break;
        default: len += sprintf(text + len, "%u.%ue%u ", seed % 10, seed % 7, seed % 3); break;
        }
    }
    text[len] = 0;
    for (int r = 0; r < rounds; r++) {
        crc = list_work(nodes, n, seed + r, crc);
        crc = matrix_work(a, b, c, seed ^ (uint32_t)r, crc);
        crc = state_machine_work(text, crc);
    }
    printf("mixed: %d rounds, crc %08x\n", rounds, crc ^ 0xFFFFFFFFu);
    return 0;
}
