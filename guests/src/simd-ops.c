/* simd-ops.c - loops that GCC -O3 auto-vectorizes into AdvSIMD code:
 * element-wise arithmetic on int8/16/32/64 and float/double arrays,
 * min/max, reductions, compare+select, widening/narrowing, interleaved
 * (ld2/ld3/ld4-style) accesses, byte reversal and shuffles.  Array lengths
 * are odd so that the scalar epilogues run too.  Every test prints a CRC
 * of its output array (and reductions print their value).
 * Built with -O3 (see Makefile).
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define NOIPA __attribute__((noipa))
#define N 1027

static uint32_t crc_table[256];
static void crc_init(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++) c = (c >> 1) ^ (0xEDB88320u & -(c & 1));
        crc_table[i] = c;
    }
}
static uint32_t crc(const void *p, size_t n)
{
    const unsigned char *b = p;
    uint32_t c = ~0u;
    while (n--) c = crc_table[(c ^ *b++) & 0xff] ^ (c >> 8);
    return ~c;
}

static uint32_t seed = 1;
static uint32_t rnd(void) { seed = seed * 1664525u + 1013904223u; return seed; }

static int8_t a8[N], b8[N], r8[N];
static uint8_t ua8[N], ub8[N], ur8[N];
static int16_t a16[N], b16[N], r16[N];
static uint16_t ur16[N];
static int32_t a32[N], b32[N], r32[N];
static uint32_t ua32[N], ur32[N];
static int64_t a64[N], b64[N], r64[N];
static float af[N], bf[N], rf[N];
static double ad[N], bd[N], rd[N];
static uint8_t rgb[3 * N], gray[N], quad[4 * N];

#define REPORT(name, arr) printf("%-22s %08x\n", name, crc(arr, sizeof arr))

NOIPA static void add8(void) { for (int i = 0; i < N; i++) r8[i] = (int8_t)(a8[i] + b8[i]); }
NOIPA static void sub16(void) { for (int i = 0; i < N; i++) r16[i] = (int16_t)(a16[i] - b16[i]); }
NOIPA static void mul32(void) { for (int i = 0; i < N; i++) r32[i] = (int32_t)((uint32_t)a32[i] * (uint32_t)b32[i]); }
NOIPA static void mla64(void) { for (int i = 0; i < N; i++) r64[i] = (int64_t)((uint64_t)a64[i] * 3u + (uint64_t)b64[i]); }
NOIPA static void mul16(void) { for (int i = 0; i < N; i++) r16[i] = (int16_t)(a16[i] * b16[i]); }
NOIPA static void mul8(void) { for (int i = 0; i < N; i++) ur8[i] = (uint8_t)(ua8[i] * ub8[i]); }
NOIPA static void minmax8(void) { for (int i = 0; i < N; i++) r8[i] = a8[i] < b8[i] ? a8[i] : b8[i]; for (int i = 0; i < N; i++) ur8[i] = ua8[i] > ub8[i] ? ua8[i] : ub8[i]; }
NOIPA static void minmax16(void) { for (int i = 0; i < N; i++) r16[i] = a16[i] > b16[i] ? a16[i] : b16[i]; for (int i = 0; i < N; i++) ur16[i] = (uint16_t)a16[i] < (uint16_t)b16[i] ? (uint16_t)a16[i] : (uint16_t)b16[i]; }
NOIPA static void minmax32(void) { for (int i = 0; i < N; i++) r32[i] = a32[i] < b32[i] ? a32[i] : b32[i]; for (int i = 0; i < N; i++) ur32[i] = ua32[i] > (uint32_t)b32[i] ? ua32[i] : (uint32_t)b32[i]; }
NOIPA static void minmax64(void) { for (int i = 0; i < N; i++) r64[i] = a64[i] > b64[i] ? a64[i] : b64[i]; }
NOIPA static void abs32(void) { for (int i = 0; i < N; i++) r32[i] = a32[i] < 0 ? (int32_t)(0u - (uint32_t)a32[i]) : a32[i]; }
NOIPA static void absdiff8(void) { for (int i = 0; i < N; i++) ur8[i] = ua8[i] > ub8[i] ? ua8[i] - ub8[i] : ub8[i] - ua8[i]; }
NOIPA static void avg8(void) { for (int i = 0; i < N; i++) ur8[i] = (uint8_t)((ua8[i] + ub8[i] + 1) >> 1); }
NOIPA static void shifts(void)
{
    for (int i = 0; i < N; i++) r32[i] = (a32[i] >> 5) ^ (int32_t)((uint32_t)b32[i] << 3) ^ (int32_t)(ua32[i] >> 27);
    for (int i = 0; i < N; i++) r16[i] = (int16_t)(a16[i] >> (b16[i] & 15));
    for (int i = 0; i < N; i++) r64[i] = (int64_t)((uint64_t)a64[i] >> (b64[i] & 63));
}
NOIPA static void logic(void) { for (int i = 0; i < N; i++) ua32[i] = (ua32[i] & ~(uint32_t)b32[i]) | ((uint32_t)a32[i] ^ 0x5a5a5a5au); }
NOIPA static void select32(void) { for (int i = 0; i < N; i++) r32[i] = a32[i] > b32[i] ? (int32_t)((uint32_t)a32[i] - (uint32_t)b32[i]) : (a32[i] == b32[i] ? 7 : b32[i]); }
NOIPA static void select8(void) { for (int i = 0; i < N; i++) r8[i] = (a8[i] & 1) ? b8[i] : (int8_t)-a8[i]; }
NOIPA static void widen(void)
{
    for (int i = 0; i < N; i++) r16[i] = (int16_t)(a8[i] * b8[i]);                /* smull */
    for (int i = 0; i < N; i++) r32[i] = a16[i] * b16[i];                          /* smull */
    for (int i = 0; i < N; i++) r64[i] = (int64_t)a32[i] * b32[i];                 /* smull */
    for (int i = 0; i < N; i++) ur16[i] = (uint16_t)(ua8[i] + ub8[i]);              /* uaddl */
}
NOIPA static void narrow(void)
{
    for (int i = 0; i < N; i++) r8[i] = (int8_t)(a16[i] >> 4);                     /* shrn */
    for (int i = 0; i < N; i++) r16[i] = (int16_t)a32[i];                           /* xtn */
    for (int i = 0; i < N; i++) ur8[i] = a16[i] < 0 ? 0 : a16[i] > 255 ? 255 : (uint8_t)a16[i]; /* sqxtun-ish */
}
NOIPA static int64_t red_sum8(void) { int s = 0; for (int i = 0; i < N; i++) s += a8[i]; return s; }
NOIPA static int64_t red_sum16(void) { int s = 0; for (int i = 0; i < N; i++) s += a16[i]; return s; }
NOIPA static int64_t red_sum32(void) { uint32_t s = 0; for (int i = 0; i < N; i++) s += (uint32_t)a32[i]; return (int32_t)s; }
NOIPA static int64_t red_sum64(void) { uint64_t s = 0; for (int i = 0; i < N; i++) s += (uint64_t)a64[i]; return (int64_t)s; }
NOIPA static int64_t red_dot16(void) { int64_t s = 0; for (int i = 0; i < N; i++) s += a16[i] * b16[i]; return s; }
NOIPA static int64_t red_sad8(void) { int s = 0; for (int i = 0; i < N; i++) s += ua8[i] > ub8[i] ? ua8[i] - ub8[i] : ub8[i] - ua8[i]; return s; }
NOIPA static int64_t red_max32(void) { int32_t m = INT32_MIN; for (int i = 0; i < N; i++) m = a32[i] > m ? a32[i] : m; return m; }
NOIPA static int64_t red_min8(void) { uint8_t m = 255; for (int i = 0; i < N; i++) m = ua8[i] < m ? ua8[i] : m; return m; }
NOIPA static int64_t red_count(void) { int c = 0; for (int i = 0; i < N; i++) c += a32[i] > b32[i]; return c; }
NOIPA static int64_t red_xor64(void) { uint64_t x = 0; for (int i = 0; i < N; i++) x ^= (uint64_t)a64[i]; return (int64_t)x; }
NOIPA static int64_t red_popcnt(void) { int c = 0; for (int i = 0; i < N; i++) c += __builtin_popcount(ua32[i]); return c; }
NOIPA static void bswap(void)
{
    for (int i = 0; i < N; i++) ur32[i] = __builtin_bswap32(ua32[i]);
    for (int i = 0; i < N; i++) ur16[i] = __builtin_bswap16((uint16_t)a16[i]);
    for (int i = 0; i < N; i++) r64[i] = (int64_t)__builtin_bswap64((uint64_t)a64[i]);
}
NOIPA static void reverse(void) { for (int i = 0; i < N; i++) r32[i] = a32[N - 1 - i]; for (int i = 0; i < N; i++) ur8[i] = ua8[N - 1 - i]; }
NOIPA static void rgb2gray(void)        /* ld3 */
{
    for (int i = 0; i < N; i++)
        gray[i] = (uint8_t)((rgb[3 * i] * 77 + rgb[3 * i + 1] * 150 + rgb[3 * i + 2] * 29) >> 8);
}
NOIPA static void swap_pairs(void)      /* ld2/st2 */
{
    for (int i = 0; i < N / 2; i++) { int16_t t = a16[2 * i]; r16[2 * i] = b16[2 * i + 1]; r16[2 * i + 1] = t; }
    r16[N - 1] = 0;
}
NOIPA static void rgba(void)            /* ld4/st4 */
{
    for (int i = 0; i < N; i++) {
        uint8_t r = quad[4 * i], g = quad[4 * i + 1], b = quad[4 * i + 2], a = quad[4 * i + 3];
        quad[4 * i] = b; quad[4 * i + 1] = (uint8_t)(g + a); quad[4 * i + 2] = r; quad[4 * i + 3] = (uint8_t)~a;
    }
}
NOIPA static void fp32(void)
{
    for (int i = 0; i < N; i++) rf[i] = af[i] * bf[i] + af[i] - bf[i] / 3.0f;
    for (int i = 0; i < N; i++) rf[i] = rf[i] > af[i] ? rf[i] : fminf(af[i], bf[i]);
    for (int i = 0; i < N; i++) rf[i] += sqrtf(fabsf(af[i])) + fmaxf(af[i], 0.5f);
}
NOIPA static void fp64(void)
{
    for (int i = 0; i < N; i++) rd[i] = ad[i] * bd[i] - ad[i] / (fabs(bd[i]) + 1.0);
    for (int i = 0; i < N; i++) rd[i] = ad[i] < bd[i] ? rd[i] : sqrt(fabs(rd[i]));
}
NOIPA static void fpconv(void)
{
    for (int i = 0; i < N; i++) r32[i] = (int32_t)(af[i] * 100.0f);     /* fcvtzs */
    for (int i = 0; i < N; i++) rf[i] = (float)a32[i] * 0.5f;            /* scvtf */
    for (int i = 0; i < N; i++) rd[i] = (double)af[i] + (double)b32[i];  /* fcvtl */
    for (int i = 0; i < N; i++) bf[i] = (float)(ad[i] * 0.25);           /* fcvtn */
    for (int i = 0; i < N; i++) r64[i] = (int64_t)rint(ad[i] * 1000.0);  /* frintx */
}
NOIPA static double red_fsum(void) { double s = 0; for (int i = 0; i < N; i++) s += ad[i] * bd[i]; return s; }
NOIPA static float red_fmax(void) { float m = -INFINITY; for (int i = 0; i < N; i++) m = af[i] > m ? af[i] : m; return m; }
NOIPA static void saxpy(float a) { for (int i = 0; i < N; i++) bf[i] = a * af[i] + bf[i]; }
NOIPA static void stencil(void) { for (int i = 1; i < N - 1; i++) r32[i] = (a32[i - 1] >> 2) + (a32[i] >> 1) + (a32[i + 1] >> 2); r32[0] = r32[N - 1] = 0; }
NOIPA static void histogram_like(void) { for (int i = 0; i < N; i++) ur8[i] = (uint8_t)(ua8[i] < 64 ? 0 : ua8[i] < 128 ? 1 : ua8[i] < 192 ? 2 : 3); }
NOIPA static void copy_convert(void) { for (int i = 0; i < N; i++) { r32[i] = ua8[i]; r64[i] = a16[i]; } }

static void init(void)
{
    for (int i = 0; i < N; i++) {
        uint32_t x = rnd(), y = rnd();
        a8[i] = (int8_t)(x >> 24); b8[i] = (int8_t)(y >> 24);
        ua8[i] = (uint8_t)(x >> 16); ub8[i] = (uint8_t)(y >> 16);
        a16[i] = (int16_t)(x >> 8); b16[i] = (int16_t)(y >> 8);
        a32[i] = (int32_t)x; b32[i] = (int32_t)(y ^ (x << 7));
        ua32[i] = y;
        a64[i] = (int64_t)((uint64_t)x << 32 | y); b64[i] = (int64_t)((uint64_t)rnd() << 32 | rnd());
        af[i] = (float)((int32_t)x >> 8) / 4096.0f; bf[i] = (float)((int32_t)y >> 10) / 512.0f;
        ad[i] = (double)(int32_t)rnd() / 65536.0; bd[i] = (double)(int32_t)rnd() / 1048576.0;
    }
    /* edge values at the start */
    a8[0] = INT8_MIN; b8[0] = -1; a16[0] = INT16_MIN; b16[0] = INT16_MIN;
    a32[0] = INT32_MIN; b32[0] = INT32_MAX; a64[0] = INT64_MIN; b64[0] = -1;
    ua8[1] = 255; ub8[1] = 255; a8[1] = b8[1] = a16[1] = b16[1] = a32[1] = b32[1] = 5;
    for (int i = 0; i < 3 * N; i++) rgb[i] = (uint8_t)(rnd() >> 13);
    for (int i = 0; i < 4 * N; i++) quad[i] = (uint8_t)(rnd() >> 11);
}

int main(void)
{
    crc_init();
    init();
    printf("== simd-ops, N=%d\n", N);
    add8(); REPORT("add8", r8);
    sub16(); REPORT("sub16", r16);
    mul32(); REPORT("mul32", r32);
    mla64(); REPORT("mla64", r64);
    mul16(); REPORT("mul16", r16);
    mul8(); REPORT("mul8", ur8);
    minmax8(); REPORT("min8", r8); REPORT("umax8", ur8);
    minmax16(); REPORT("max16", r16); REPORT("umin16", ur16);
    minmax32(); REPORT("min32", r32); REPORT("umax32", ur32);
    minmax64(); REPORT("max64", r64);
    abs32(); REPORT("abs32", r32);
    absdiff8(); REPORT("uabd8", ur8);
    avg8(); REPORT("urhadd8", ur8);
    shifts(); REPORT("shift32", r32); REPORT("shift16", r16); REPORT("shift64", r64);
    select32(); REPORT("select32", r32);
    select8(); REPORT("select8", r8);
    widen(); REPORT("smull8", r16); REPORT("smull16", r32); REPORT("smull32", r64); REPORT("uaddl8", ur16);
    narrow(); REPORT("shrn", r8); REPORT("xtn", r16); REPORT("clamp8", ur8);
    printf("%-22s %lld\n", "sum8", (long long)red_sum8());
    printf("%-22s %lld\n", "sum16", (long long)red_sum16());
    printf("%-22s %lld\n", "sum32", (long long)red_sum32());
    printf("%-22s %lld\n", "sum64", (long long)red_sum64());
    printf("%-22s %lld\n", "dot16", (long long)red_dot16());
    printf("%-22s %lld\n", "sad8", (long long)red_sad8());
    printf("%-22s %lld\n", "max32", (long long)red_max32());
    printf("%-22s %lld\n", "umin8", (long long)red_min8());
    printf("%-22s %lld\n", "count-gt", (long long)red_count());
    printf("%-22s %lld\n", "xor64", (long long)red_xor64());
    printf("%-22s %lld\n", "popcount", (long long)red_popcnt());
    bswap(); REPORT("rev32", ur32); REPORT("rev16", ur16); REPORT("rev64", r64);
    reverse(); REPORT("reverse32", r32); REPORT("reverse8", ur8);
    rgb2gray(); REPORT("rgb2gray (ld3)", gray);
    swap_pairs(); REPORT("swap pairs (ld2)", r16);
    rgba(); REPORT("rgba (ld4/st4)", quad);
    logic(); REPORT("bic/eor", ua32);
    fp32(); REPORT("fp32", rf);
    fp64(); REPORT("fp64", rd);
    printf("%-22s %a\n", "fsum", red_fsum());
    printf("%-22s %a\n", "fmax", (double)red_fmax());
    fpconv(); REPORT("fcvtzs", r32); REPORT("scvtf", rf); REPORT("fcvtl", rd); REPORT("fcvtn", bf); REPORT("frintx", r64);
    saxpy(1.5f); REPORT("saxpy", bf);
    stencil(); REPORT("stencil", r32);
    histogram_like(); REPORT("bucket8", ur8);
    copy_convert(); REPORT("uxtl", r32); REPORT("sxtl", r64);

    /* A few rounds that feed results back, so errors compound. */
    uint32_t acc = 0;
    for (int round = 0; round < 20; round++) {
        add8(); mul16(); minmax32(); select32(); widen(); narrow(); bswap(); fp32();
        memcpy(a8, r8, sizeof a8); memcpy(b16, r16, sizeof b16);
        memcpy(a32, r32, sizeof a32); memcpy(ua32, ur32, sizeof ua32);
        for (int i = 0; i < N; i++) af[i] = rf[i] * 0.001f;
        acc ^= crc(r8, sizeof r8) ^ crc(r16, sizeof r16) ^ crc(r32, sizeof r32) ^ crc(rf, sizeof rf);
    }
    printf("%-22s %08x\n", "feedback rounds", acc);
    return 0;
}
