/* mem-ops.c - glibc's string and memory routines (which are hand-written
 * AArch64 assembly using ldp/stp, SIMD registers, dc zva and unaligned
 * accesses) on many sizes and alignments, checked against plain byte-by-
 * byte reference loops; plus qsort and struct copies.
 *
 * Output: one line per size with hashes of the results and the number
 * of mismatches against the reference (which must be 0), then a summary.
 */
#define _GNU_SOURCE
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define NOIPA __attribute__((noipa))
#define MAXN 300
#define BUF (MAXN + 96)

static unsigned errors;
/* A fast word-at-a-time hash of a byte range (FNV-style multiply/xorshift). */
static uint32_t hash(uint32_t seed, const void *p, size_t n)
{
    const unsigned char *b = p;
    uint64_t h = (seed ^ 0x9e3779b97f4a7c15ull) + n;
    for (; n >= 8; b += 8, n -= 8) {
        uint64_t w;
        memcpy(&w, b, 8);
        h = (h ^ w) * 0x100000001b3ull;
        h ^= h >> 29;
    }
    while (n--) h = (h ^ *b++) * 0x100000001b3ull;
    h ^= h >> 32;
    return (uint32_t)h;
}

static uint32_t rng = 12345;
static unsigned char rnd(void)
{
    rng = rng * 1103515245u + 12345u;
    return (unsigned char)(rng >> 16);
}

/* Pseudo-random bytes without NULs, four per generator step. */
static void fill(unsigned char *p, size_t n)
{
    while (n >= 4) {
        rng = rng * 1103515245u + 12345u;
        uint32_t w = (rng ^ (rng >> 15)) | 0x01010101u;
        memcpy(p, &w, 4);
        p += 4; n -= 4;
    }
    while (n--) *p++ = rnd() | 1;
}

/* Reference implementations go through volatile pointers so that GCC
 * cannot turn them back into calls to the routines under test. */
static void ref_copy(unsigned char *d, const unsigned char *s, size_t n)
{
    volatile unsigned char *vd = d;
    unsigned char tmp[BUF * 2];
    volatile unsigned char *vt = tmp;
    for (size_t i = 0; i < n; i++) vt[i] = s[i];
    for (size_t i = 0; i < n; i++) vd[i] = vt[i];
}

static int check(const unsigned char *a, const unsigned char *b, size_t n)
{
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t x, y;
        memcpy(&x, a + i, 8);
        memcpy(&y, b + i, 8);
        if (x != y) return 1;
    }
    for (; i < n; i++)
        if (((const volatile unsigned char *)a)[i] != b[i]) return 1;
    return 0;
}

struct rec { uint32_t key; uint16_t id; char name[10]; };

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}
static int cmp_rec(const void *a, const void *b)
{
    const struct rec *x = a, *y = b;
    if (x->key != y->key) return x->key < y->key ? -1 : 1;
    return x->id < y->id ? -1 : x->id > y->id;
}
static int cmp_name(const void *a, const void *b)
{
    return strcmp(((const struct rec *)a)->name, ((const struct rec *)b)->name);
}

static int sign(int x) { return (x > 0) - (x < 0); }

static unsigned char src[BUF], dst[BUF], ref[BUF], big[BUF], bigref[BUF];

int main(void)
{
    printf("== mem-ops: sizes 0..%d, offsets 0..15\n", MAXN);

    for (size_t n = 0; n <= MAXN; n++) {
        uint32_t c_cpy = 0, c_move = 0, c_set = 0, c_cmp = 0, c_str = 0, c_chr = 0;
        unsigned err0 = errors;
        size_t W = n + 96;   /* all the bytes a test can touch */

        for (unsigned so = 0; so < 16; so++) {
            unsigned dof = (so * 7 + n) & 15;

            /* memcpy */
            fill(src, W); fill(dst, W); memcpy(ref, dst, W);
            memcpy(dst + dof, src + so, n);
            ref_copy(ref + dof, src + so, n);
            errors += check(dst, ref, W);
            c_cpy = hash(c_cpy, dst, W);

            /* memmove, overlapping in both directions */
            fill(big, W); memcpy(bigref, big, W);
            memmove(big + dof, big + so, n);
            ref_copy(bigref + dof, bigref + so, n);
            memmove(big + 40 + so, big + 40 + so + dof + 1, n);
            ref_copy(bigref + 40 + so, bigref + 40 + so + dof + 1, n);
            errors += check(big, bigref, W);
            c_move = hash(c_move, big, W);

            /* memset */
            int v = (so & 3) == 0 ? 0 : (so & 3) == 1 ? 0xff : (int)(so * 37);
            memcpy(ref, dst, W);
            memset(dst + so, v, n);
            { volatile unsigned char *r = ref + so; for (size_t i = 0; i < n; i++) r[i] = (unsigned char)v; }
            errors += check(dst, ref, W);
            c_set = hash(c_set, dst, W);

            /* memcmp / strncmp / strcmp: equal, then differing at one spot */
            fill(src, W); memcpy(dst + dof, src + so, n);
            dst[dof + n] = 0; src[so + n] = 0;
            int r1 = memcmp(dst + dof, src + so, n);
            int r2 = strcmp((char *)dst + dof, (char *)src + so);
            errors += r1 != 0 || r2 != 0;
            int sgn = 0;
            if (n > 0) {
                size_t pos = (n * 13 + so) % n;
                dst[dof + pos] = (unsigned char)(src[so + pos] + 1 + (so & 1) * 0x80);
                if (dst[dof + pos] == 0) dst[dof + pos] = 1;
                int want = sign((int)dst[dof + pos] - (int)src[so + pos]);
                int m = sign(memcmp(dst + dof, src + so, n));
                int s = sign(strcmp((char *)dst + dof, (char *)src + so));
                int sn = sign(strncmp((char *)dst + dof, (char *)src + so, pos + 1));
                int sz = strncmp((char *)dst + dof, (char *)src + so, pos);
                errors += m != want || s != want || sn != want || sz != 0;
                sgn = m;
            }
            c_cmp = hash(c_cmp, &sgn, sizeof sgn);

            /* strlen / strnlen / strcpy / strncpy / stpcpy */
            fill(src, W); src[so + n] = 0;
            size_t len = strlen((char *)src + so);
            size_t nl = strnlen((char *)src + so, n / 2);
            errors += len != n || nl != n / 2;
            memset(dst, 0xee, W); memset(ref, 0xee, W);
            char *e = stpcpy((char *)dst + dof, (char *)src + so);
            ref_copy(ref + dof, src + so, n + 1);
            errors += e != (char *)dst + dof + n || check(dst, ref, W);
            strcpy((char *)dst + dof, (char *)src + so);
            errors += check(dst, ref, W);
            size_t lim = n / 2 + so;
            memset(dst, 0xee, W); memset(ref, 0xee, W);
            strncpy((char *)dst + dof, (char *)src + so, lim);
            {
                volatile unsigned char *r = ref + dof;
                size_t i = 0;
                for (; i < lim && src[so + i]; i++) r[i] = src[so + i];
                for (; i < lim; i++) r[i] = 0;
            }
            errors += check(dst, ref, W);
            c_str = hash(c_str, dst, W);

            /* strchr / strrchr / memchr / memrchr / rawmemchr */
            fill(src, W); src[so + n] = 0;
            unsigned char needle = (unsigned char)(rnd() | 1);
            ptrdiff_t want_first = -1, want_last = -1;
            for (size_t i = 0; i < n; i++)
                if (src[so + i] == needle) { if (want_first < 0) want_first = (ptrdiff_t)i; want_last = (ptrdiff_t)i; }
            char *p1 = strchr((char *)src + so, needle);
            char *p2 = strrchr((char *)src + so, needle);
            unsigned char *p3 = memchr(src + so, needle, n);
            unsigned char *p4 = memrchr(src + so, needle, n);
            ptrdiff_t g1 = p1 ? p1 - (char *)src - so : -1;
            ptrdiff_t g2 = p2 ? p2 - (char *)src - so : -1;
            ptrdiff_t g3 = p3 ? p3 - src - so : -1;
            ptrdiff_t g4 = p4 ? p4 - src - so : -1;
            errors += g1 != want_first || g2 != want_last || g3 != want_first || g4 != want_last;
            errors += strchr((char *)src + so, 0) != (char *)src + so + n;
            errors += (unsigned char *)rawmemchr(src + so, 0) != src + so + n;
            int32_t pos[4] = { (int32_t)g1, (int32_t)g2, (int32_t)g3, (int32_t)g4 };
            c_chr = hash(c_chr, pos, sizeof pos);
        }
        printf("n=%zu cpy %08x move %08x set %08x cmp %08x str %08x chr %08x err %u\n",
               n, c_cpy, c_move, c_set, c_cmp, c_str, c_chr, errors - err0);
    }

    /* Large blocks: glibc uses dc zva for big zeroing memsets and a
     * different loop for big copies. */
    printf("== large blocks\n");
    for (size_t n = 1024; n <= 262144; n *= 4) {
        unsigned char *a = malloc(n + 64), *b = malloc(n + 64);
        for (size_t i = 0; i < n + 64; i++) a[i] = (unsigned char)(i * 7 + (i >> 8));
        for (unsigned off = 0; off < 64; off += 21) {
            memset(b, 0x55, n + 64);
            memset(b + off, 0, n - off);
            size_t bad = 0;
            for (size_t i = 0; i < n + 64; i++)
                bad += b[i] != ((i >= off && i < n) ? 0 : 0x55);
            memcpy(b + off, a + (63 - off), n - off);
            bad += memcmp(b + off, a + (63 - off), n - off) != 0;
            memmove(b + 1, b + off + 2, n - off - 2);
            memmove(a + off + 3, a, n - 3 - off);
            printf("large n=%zu off=%u bad=%zu hash %08x %08x\n", n, off, bad,
                   hash(0, b, n + 64), hash(0, a, n + 64));
            errors += bad;
        }
        free(a); free(b);
    }

    /* Strings ending right before an inaccessible page: the SIMD routines
     * must not fault (they only read aligned blocks). */
    printf("== page boundary\n");
    long pg = sysconf(_SC_PAGESIZE);
    unsigned char *pages = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE,
                                MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (pages == MAP_FAILED || mprotect(pages + pg, pg, PROT_NONE) != 0) {
        printf("mmap/mprotect failed\n");
        return 1;
    }
    uint32_t c_pg = 0;
    for (size_t n = 0; n < 70; n++) {
        char *s = (char *)pages + pg - n - 1;
        memset(s, 'a' + n % 26, n);
        s[n] = 0;
        size_t l = strlen(s);
        char *c = strchr(s, 'z');
        char *r = strrchr(s, 'a' + n % 26);
        void *m = memchr(s, 0, n + 1);
        int cmp = strcmp(s, s);
        char tmp[80];
        strcpy(tmp, s);
        errors += l != n || (void *)m != (void *)(s + n) || cmp != 0 || strcmp(tmp, s) != 0;
        int32_t v[3] = { (int32_t)l, c ? (int32_t)(c - s) : -1, r ? (int32_t)(r - s) : -1 };
        c_pg = hash(c_pg, v, sizeof v);
    }
    munmap(pages, 2 * pg);
    printf("page boundary hash %08x\n", c_pg);

    /* strstr / strspn / strcspn / strtok_r */
    printf("== misc string functions\n");
    {
        const char *hay = "the quick brown fox jumps over the lazy dog; the end.";
        const char *needles[] = { "the", "fox", "dog;", "end.", "cat", "", "e l", "over the lazy" };
        for (unsigned i = 0; i < sizeof needles / sizeof *needles; i++) {
            const char *p = strstr(hay, needles[i]);
            printf("strstr(\"%s\") = %ld\n", needles[i], p ? (long)(p - hay) : -1L);
        }
        printf("strspn %zu strcspn %zu\n", strspn(hay, "the qu"), strcspn(hay, ";."));
        char buf[64], *save, *tok;
        strcpy(buf, "alpha,beta,,gamma;delta");
        printf("tokens:");
        for (tok = strtok_r(buf, ",;", &save); tok; tok = strtok_r(NULL, ",;", &save))
            printf(" [%s]", tok);
        printf("\n");
    }

    /* qsort of ints, of strings and of structs. */
    printf("== qsort\n");
    {
        enum { N = 2000 };
        static int ints[N];
        static struct rec recs[N];
        for (int i = 0; i < N; i++) {
            uint32_t x = rnd();
            x = x << 8 | rnd();
            x = x << 8 | rnd();
            x = x << 8 | rnd();
            ints[i] = (int)x;
            recs[i].key = rnd() % 100;
            recs[i].id = (uint16_t)i;
            snprintf(recs[i].name, sizeof recs[i].name, "r%04d", (i * 7919) % N);
        }
        qsort(ints, N, sizeof ints[0], cmp_int);
        int sorted = 1;
        for (int i = 1; i < N; i++) sorted &= ints[i - 1] <= ints[i];
        printf("ints sorted=%d min %d max %d median %d hash %08x\n", sorted, ints[0],
               ints[N - 1], ints[N / 2], hash(0, ints, sizeof ints));
        qsort(recs, N, sizeof recs[0], cmp_rec);
        printf("recs by key: first %u/%u/%s last %u/%u/%s hash %08x\n", recs[0].key,
               recs[0].id, recs[0].name, recs[N - 1].key, recs[N - 1].id,
               recs[N - 1].name, hash(0, recs, sizeof recs));
        qsort(recs, N, sizeof recs[0], cmp_name);
        printf("recs by name: %s %s %s hash %08x\n", recs[0].name, recs[1].name,
               recs[N - 1].name, hash(0, recs, sizeof recs));
        void *f = bsearch(&ints[1234], ints, N, sizeof ints[0], cmp_int);
        printf("bsearch found index %ld\n", f ? (long)((int *)f - ints) : -1L);
    }

    /* Struct copies and struct returns of odd sizes. */
    printf("== struct copies\n");
    {
        struct s3 { char c[3]; };
        struct s12 { int a, b, c; };
        struct s24 { long a; short b; char c[13]; };
        struct s72 { double d[9]; };
        struct s200 { char c[200]; };
        static struct s3 a3[8]; static struct s12 a12[8]; static struct s24 a24[8];
        static struct s72 a72[8]; static struct s200 a200[8];
        fill((unsigned char *)a3, sizeof a3); fill((unsigned char *)a12, sizeof a12);
        fill((unsigned char *)a24, sizeof a24); fill((unsigned char *)a72, sizeof a72);
        fill((unsigned char *)a200, sizeof a200);
        for (int r = 0; r < 20; r++)
            for (int i = 0; i < 8; i++) {
                int j = (i * 3 + r) & 7;
                struct s3 t3 = a3[i]; a3[i] = a3[j]; a3[j] = t3;
                struct s12 t12 = a12[i]; a12[i] = a12[j]; a12[j] = t12;
                struct s24 t24 = a24[i]; a24[i] = a24[j]; a24[j] = t24;
                struct s72 t72 = a72[i]; a72[i] = a72[j]; a72[j] = t72;
                struct s200 t200 = a200[j]; t200.c[r] ^= 1; a200[j] = a200[i]; a200[i] = t200;
            }
        printf("structs hash %08x %08x %08x %08x %08x\n", hash(0, a3, sizeof a3),
               hash(0, a12, sizeof a12), hash(0, a24, sizeof a24), hash(0, a72, sizeof a72),
               hash(0, a200, sizeof a200));
    }

    /* Unaligned scalar loads/stores of every width and sign-extending loads. */
    printf("== unaligned access\n");
    {
        unsigned char buf[64];
        fill(buf, sizeof buf);
        uint64_t acc = 0;
        for (int off = 0; off < 16; off++) {
            uint16_t h; uint32_t w; uint64_t d; int8_t sb; int16_t sh; int32_t sw;
            memcpy(&h, buf + off, 2); memcpy(&w, buf + off, 4); memcpy(&d, buf + off, 8);
            memcpy(&sb, buf + off, 1); memcpy(&sh, buf + off, 2); memcpy(&sw, buf + off, 4);
            acc = acc * 31 + h + w + d + (uint64_t)(int64_t)sb + (uint64_t)(int64_t)sh + (uint64_t)(int64_t)sw;
            d += acc; memcpy(buf + off + 1, &d, 8);
            w ^= (uint32_t)acc; memcpy(buf + off + 3, &w, 4);
        }
        printf("unaligned acc %016llx hash %08x\n", (unsigned long long)acc, hash(0, buf, sizeof buf));
    }

    printf("== total mismatches: %u\n", errors);
    return errors != 0;
}
