/* bench-coremark-like.c - a from-scratch benchmark in the spirit of
 * CoreMark: linked-list processing, integer matrix multiply, a state
 * machine scanning numeric text, and CRC-16, all feeding one checksum.
 * Usage: bench-coremark-like [iterations]   (default 4000)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LIST_N 200
#define MAT_N 24
#define TEXT_N 2048

static uint16_t crc16(uint16_t crc, uint8_t data)
{
    crc ^= data;
    for (int i = 0; i < 8; i++)
        crc = (crc & 1) ? (uint16_t)((crc >> 1) ^ 0xA001) : (uint16_t)(crc >> 1);
    return crc;
}
static uint16_t crc16_u32(uint16_t crc, uint32_t v)
{
    for (int i = 0; i < 4; i++) crc = crc16(crc, (uint8_t)(v >> (8 * i)));
    return crc;
}

/* ---- linked list ---- */
struct node { struct node *next; int16_t key; int16_t val; };
static struct node pool[LIST_N];

static struct node *list_build(uint32_t seed)
{
    struct node *head = NULL;
    for (int i = 0; i < LIST_N; i++) {
        seed = seed * 1103515245u + 12345u;
        pool[i].key = (int16_t)(seed >> 17);
        pool[i].val = (int16_t)i;
        pool[i].next = head;
        head = &pool[i];
    }
    return head;
}
static struct node *list_reverse(struct node *h)
{
    struct node *prev = NULL;
    while (h) { struct node *n = h->next; h->next = prev; prev = h; h = n; }
    return prev;
}
static struct node *list_find(struct node *h, int16_t key)
{
    while (h && h->key != key) h = h->next;
    return h;
}
/* merge sort on the list by key (then val) */
static struct node *list_sort(struct node *h)
{
    int insize = 1;
    if (!h) return NULL;
    for (;;) {
        struct node *p = h, *tail = NULL;
        int merges = 0;
        h = NULL;
        while (p) {
            merges++;
            struct node *q = p;
            int psize = 0;
            for (int i = 0; i < insize && q; i++) { psize++; q = q->next; }
            int qsize = insize;
            while (psize > 0 || (qsize > 0 && q)) {
                struct node *e;
                if (psize == 0) { e = q; q = q->next; qsize--; }
                else if (qsize == 0 || !q) { e = p; p = p->next; psize--; }
                else if (p->key < q->key || (p->key == q->key && p->val <= q->val)) { e = p; p = p->next; psize--; }
                else { e = q; q = q->next; qsize--; }
                if (tail) tail->next = e; else h = e;
                tail = e;
            }
            p = q;
        }
        tail->next = NULL;
        if (merges <= 1) return h;
        insize *= 2;
    }
}
static uint16_t bench_list(uint32_t seed, uint16_t crc)
{
    struct node *h = list_build(seed);
    for (int i = 0; i < 8; i++) {
        struct node *f = list_find(h, pool[(i * 37 + seed) % LIST_N].key);
        crc = crc16_u32(crc, f ? (uint32_t)f->val : 0xffff);
        h = list_reverse(h);
    }
    h = list_sort(h);
    uint32_t acc = 0;
    for (struct node *p = h; p; p = p->next) acc = acc * 3 + (uint32_t)(int32_t)p->key;
    return crc16_u32(crc, acc);
}

/* ---- matrix ---- */
static int16_t ma[MAT_N][MAT_N], mb[MAT_N][MAT_N];
static int32_t mc[MAT_N][MAT_N];

static uint16_t bench_matrix(uint32_t seed, uint16_t crc)
{
    for (int i = 0; i < MAT_N; i++)
        for (int j = 0; j < MAT_N; j++) {
            seed = seed * 1664525u + 1013904223u;
            ma[i][j] = (int16_t)((seed >> 20) - 2048);
            mb[i][j] = (int16_t)((seed >> 8) & 0xff);
        }
    /* C = A * B, then add a constant, then multiply by a vector */
    for (int i = 0; i < MAT_N; i++)
        for (int j = 0; j < MAT_N; j++) {
            int32_t s = 0;
            for (int k = 0; k < MAT_N; k++) s += ma[i][k] * mb[k][j];
            mc[i][j] = s;
        }
    int32_t sum = 0;
    for (int i = 0; i < MAT_N; i++)
        for (int j = 0; j < MAT_N; j++) {
            int32_t v = mc[i][j] + 7;
            sum = (int32_t)((uint32_t)sum + (uint32_t)(v > 100000 ? 1 : v < -100000 ? -1 : 0));
            sum ^= v >> 3;
        }
    for (int i = 0; i < MAT_N; i++) {
        uint32_t s = 0;   /* wraps: unsigned */
        for (int j = 0; j < MAT_N; j++) s += (uint32_t)mc[i][j] * (uint32_t)(int32_t)ma[j][i];
        crc = crc16_u32(crc, s);
    }
    return crc16_u32(crc, (uint32_t)sum);
}

/* ---- state machine ---- */
enum state { S_START, S_INT, S_FRAC, S_EXP, S_EXPSIGN, S_EXPINT, S_INVALID, S_NSTATES };
static char text[TEXT_N];

static uint16_t bench_state(uint32_t seed, uint16_t crc)
{
    static const char *tokens[] = { "123", "-45.67", "8e10", "1.5E-3", "abc", "0x1f", "+9", "3.14", "2e", "--1" };
    int pos = 0;
    while (pos < TEXT_N - 16) {
        seed = seed * 1103515245u + 12345u;
        const char *t = tokens[(seed >> 16) % 10];
        size_t l = strlen(t);
        memcpy(text + pos, t, l);
        pos += (int)l;
        text[pos++] = ',';
    }
    text[pos] = 0;
    uint32_t counts[S_NSTATES] = { 0 }, transitions = 0;
    enum state s = S_START;
    for (const char *p = text; *p; p++) {
        char c = *p;
        enum state prev = s;
        if (c == ',') { counts[s]++; s = S_START; continue; }
        switch (s) {
        case S_START:
            s = (c >= '0' && c <= '9') || c == '+' || c == '-' ? S_INT : c == '.' ? S_FRAC : S_INVALID;
            break;
        case S_INT:
            if (c == '.') s = S_FRAC;
            else if (c == 'e' || c == 'E') s = S_EXP;
            else if (!(c >= '0' && c <= '9')) s = S_INVALID;
            break;
        case S_FRAC:
            if (c == 'e' || c == 'E') s = S_EXP;
            else if (!(c >= '0' && c <= '9')) s = S_INVALID;
            break;
        case S_EXP:
            s = c == '+' || c == '-' ? S_EXPSIGN : (c >= '0' && c <= '9') ? S_EXPINT : S_INVALID;
            break;
        case S_EXPSIGN:
        case S_EXPINT:
            s = (c >= '0' && c <= '9') ? S_EXPINT : S_INVALID;
            break;
        default:
            break;
        }
        transitions += s != prev;
    }
    for (int i = 0; i < S_NSTATES; i++) crc = crc16_u32(crc, counts[i]);
    return crc16_u32(crc, transitions);
}

int main(int argc, char **argv)
{
    int iters = argc > 1 ? atoi(argv[1]) : 4000;
    uint16_t crc = 0;
    uint16_t lst = 0, mat = 0, st = 0;
    for (int i = 0; i < iters; i++) {
        uint32_t seed = (uint32_t)i * 2654435761u;
        lst = bench_list(seed, lst);
        mat = bench_matrix(seed, mat);
        st = bench_state(seed, st);
        /* a little plain CRC work over the text buffer too */
        for (int k = 0; k < 256; k++) crc = crc16(crc, (uint8_t)text[k * 7]);
    }
    crc = crc16_u32(crc16_u32(crc16_u32(crc, lst), mat), st);
    printf("coremark-like: %d iterations\n", iters);
    printf("crc list %04x matrix %04x state %04x final %04x\n", lst, mat, st, crc);
    return 0;
}
