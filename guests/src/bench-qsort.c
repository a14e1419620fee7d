/* bench-qsort.c - sorting: glibc qsort (indirect comparator calls) on
 * integers and on records with string keys, plus a hand-written
 * introsort-like quicksort on 64-bit keys.
 * Usage: bench-qsort [n]   (default 300000)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng = 88172645463325252ull;
static uint64_t xorshift(void) { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return rng; }

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

struct rec { char name[12]; uint32_t id; };
static int cmp_rec(const void *a, const void *b)
{
    const struct rec *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    return c ? c : (x->id > y->id) - (x->id < y->id);
}

static void insertion(uint64_t *a, long n)
{
    for (long i = 1; i < n; i++) {
        uint64_t v = a[i];
        long j = i - 1;
        while (j >= 0 && a[j] > v) { a[j + 1] = a[j]; j--; }
        a[j + 1] = v;
    }
}

static void quick(uint64_t *a, long n)
{
    while (n > 16) {
        uint64_t x = a[0], y = a[n / 2], z = a[n - 1];
        uint64_t p = x < y ? (y < z ? y : (x < z ? z : x)) : (x < z ? x : (y < z ? z : y));
        long i = 0, j = n - 1;
        for (;;) {
            while (a[i] < p) i++;
            while (a[j] > p) j--;
            if (i >= j) break;
            uint64_t t = a[i]; a[i] = a[j]; a[j] = t;
            i++; j--;
        }
        if (j + 1 < n - j - 1) { quick(a, j + 1); a += j + 1; n -= j + 1; }
        else { quick(a + j + 1, n - j - 1); n = j + 1; }
    }
    insertion(a, n);
}

static uint64_t fnv(const void *p, size_t n)
{
    const unsigned char *b = p;
    uint64_t h = 0xcbf29ce484222325ull;
    while (n--) { h ^= *b++; h *= 0x100000001b3ull; }
    return h;
}

int main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 300000;
    uint32_t *u = malloc(n * sizeof *u);
    struct rec *r = malloc(n * sizeof *r);
    uint64_t *k = malloc(n * sizeof *k);
    if (!u || !r || !k) { printf("out of memory\n"); return 1; }
    for (long i = 0; i < n; i++) {
        u[i] = (uint32_t)xorshift();
        k[i] = xorshift() % 1000000007ull;   /* duplicates */
        uint64_t v = xorshift();
        for (int j = 0; j < 8; j++) r[i].name[j] = (char)('a' + (v >> (5 * j)) % 6);
        r[i].name[8] = 0;
        r[i].id = (uint32_t)i;
    }
    qsort(u, n, sizeof *u, cmp_u32);
    qsort(r, n, sizeof *r, cmp_rec);
    quick(k, n);
    long bad = 0;
    for (long i = 1; i < n; i++)
        bad += u[i - 1] > u[i] || cmp_rec(&r[i - 1], &r[i]) > 0 || k[i - 1] > k[i];
    printf("qsort: n=%ld, out of order: %ld\n", n, bad);
    printf("u32 min %u median %u max %u hash %016llx\n", u[0], u[n / 2], u[n - 1],
           (unsigned long long)fnv(u, n * sizeof *u));
    printf("records first %s/%u last %s/%u hash %016llx\n", r[0].name, r[0].id, r[n - 1].name,
           r[n - 1].id, (unsigned long long)fnv(r, n * sizeof *r));
    printf("u64 quicksort median %llu hash %016llx\n", (unsigned long long)k[n / 2],
           (unsigned long long)fnv(k, n * sizeof *k));
    free(u); free(r); free(k);
    return bad != 0;
}
