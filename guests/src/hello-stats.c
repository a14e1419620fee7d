/* hello-stats.c - the default `npm start` guest.
 *
 * Does a few visibly interesting, fully deterministic computations
 * (primes, an ASCII Mandelbrot in integer fixed point, a Collatz record,
 * a checksum) so that a JIT has enough work (~tens of millions of guest
 * instructions) to warm up.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static int is_prime(uint32_t n)
{
    if (n < 2) return 0;
    for (uint32_t d = 2; d * d <= n; d++)
        if (n % d == 0) return 0;
    return 1;
}

/* Mandelbrot in 4.28 signed fixed point. */
#define FRAC 28
#define FIX(x) ((int64_t)((x) * (double)(1 << FRAC)))

static int mandel_iter(int64_t cr, int64_t ci, int maxit)
{
    int64_t zr = 0, zi = 0;
    int it;
    for (it = 0; it < maxit; it++) {
        int64_t zr2 = (zr * zr) >> FRAC;
        int64_t zi2 = (zi * zi) >> FRAC;
        if (zr2 + zi2 > ((int64_t)4 << FRAC)) break;
        int64_t t = zr2 - zi2 + cr;
        zi = ((zr * zi) >> (FRAC - 1)) + ci;
        zr = t;
    }
    return it;
}

static uint32_t fnv1a(const void *p, size_t n, uint32_t h)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++) {
        h ^= b[i];
        h *= 16777619u;
    }
    return h;
}

int main(void)
{
    uint32_t sum = 2166136261u;

    printf("jitvisor hello-stats guest\n\n");

    printf("First 20 primes:");
    int found = 0;
    for (uint32_t n = 2; found < 20; n++)
        if (is_prime(n)) { printf(" %u", n); found++; }
    printf("\n");

    /* Count primes below 100000 by trial division: the bulk of the work. */
    uint32_t count = 0, last = 0;
    for (uint32_t n = 2; n < 100000; n++)
        if (is_prime(n)) { count++; last = n; }
    printf("Primes below 100000: %u (largest %u)\n\n", count, last);
    sum = fnv1a(&count, sizeof count, sum);

    const int W = 60, H = 20, MAXIT = 200;
    /* Escape-time bands: iterations below limit[k] get shades[k]. */
    static const int limit[] = { 2, 3, 4, 6, 8, 12, 20, 40, 200 };
    const char *shades = " .:-=+*#%@";
    printf("Mandelbrot set (%dx%d, %d iterations, 4.28 fixed point):\n", W, H, MAXIT);
    for (int y = 0; y < H; y++) {
        char line[64];
        int64_t ci = FIX(-1.2) + (int64_t)y * (FIX(2.4) / (H - 1));
        for (int x = 0; x < W; x++) {
            int64_t cr = FIX(-2.1) + (int64_t)x * (FIX(3.0) / (W - 1));
            int it = mandel_iter(cr, ci, MAXIT);
            int k = 0;
            while (k < 9 && it >= limit[k]) k++;
            line[x] = shades[k];
        }
        line[W] = 0;
        printf("|%s|\n", line);
        sum = fnv1a(line, W, sum);
    }
    printf("\n");

    /* Longest Collatz chain below 30000. */
    uint32_t best = 0, best_n = 0;
    for (uint32_t n = 1; n < 30000; n++) {
        uint64_t x = n;
        uint32_t steps = 0;
        while (x != 1) {
            x = (x & 1) ? 3 * x + 1 : x >> 1;
            steps++;
        }
        if (steps > best) { best = steps; best_n = n; }
    }
    printf("Longest Collatz chain below 30000: n=%u, %u steps\n", best_n, best);
    sum = fnv1a(&best_n, sizeof best_n, sum);

    printf("Checksum: %08x\n", sum);
    return 0;
}
