/* fp-ops.c - scalar floating point: float and double arithmetic, fused
 * multiply-add, square root, int<->float conversions (with rounding edge
 * cases), the rounding functions (frint*), fmin/fmax, comparisons with NaN,
 * printf("%a"/"%.17g") and strtod.  Results are printed bit-exactly (%a or
 * hex bit patterns).  Out-of-range float->int conversions, undefined in C,
 * are done with inline asm where AArch64 defines them (saturation, NaN->0).
 * The FPCR rounding mode is only changed around rint/nearbyint/lrint.
 */
#include <fenv.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NOIPA __attribute__((noipa))

static uint64_t dbits(double d) { uint64_t u; memcpy(&u, &d, 8); return u; }
static uint32_t fbits(float f) { uint32_t u; memcpy(&u, &f, 4); return u; }
static double bitsd(uint64_t u) { double d; memcpy(&d, &u, 8); return d; }

static uint64_t checksum = 0xcbf29ce484222325ull;
static void mix(uint64_t v)
{
    for (int i = 0; i < 8; i++) {
        checksum ^= (v >> (8 * i)) & 0xff;
        checksum *= 0x100000001b3ull;
    }
}

/* Print a double as its bit pattern; NaNs are printed with their payload
 * so that default-NaN generation is checked too. */
static void pd(const char *name, double d) { printf(" %s %016llx", name, (unsigned long long)dbits(d)); mix(dbits(d)); }
static void pf(const char *name, float f) { printf(" %s %08x", name, fbits(f)); mix(fbits(f)); }

static double dvals[] = {
    0.0, -0.0, 1.0, -1.0, 0.5, 0.1, -0.3, 1.0 / 3.0, 2.5, -2.5, 3.5, 1e10,
    -123456.789, 4503599627370496.0 /* 2^52 */, 9007199254740993.0 /* rounds to 2^53 */,
    1e300, -1e300, DBL_MAX, DBL_MIN, 4.9406564584124654e-324 /* min subnormal */,
    2.2250738585072009e-308 /* max subnormal */, INFINITY, -INFINITY, NAN,
    2147483647.5, -2147483648.5, 4294967296.0, 9.2233720368547758e18, 1.8446744073709552e19,
};
#define ND (int)(sizeof dvals / sizeof dvals[0])

NOIPA static void dbinops(double a, double b)
{
    printf("d %a %a:", a, b);
    pd("+", a + b); pd("-", a - b); pd("*", a * b); pd("/", a / b);
    pd("fma", fma(a, b, 0.25)); pd("fms", fma(-a, b, 1.0));
    pd("fnma", -fma(a, b, -3.0)); pd("nmul", -(a * b));
    pd("min", fmin(a, b)); pd("max", fmax(a, b));
    pd("sel", a < b ? a : b); pd("abd", fabs(a - b)); pd("cps", copysign(a, b));
    unsigned c = (a == b) | (a != b) << 1 | (a < b) << 2 | (a <= b) << 3 |
                 (a > b) << 4 | (a >= b) << 5 | isunordered(a, b) << 6 |
                 isless(a, b) << 7 | islessgreater(a, b) << 8;
    printf(" cmp %03x\n", c);
    mix(c);
}

NOIPA static void fbinops(float a, float b)
{
    printf("f %a %a:", (double)a, (double)b);
    pf("+", a + b); pf("-", a - b); pf("*", a * b); pf("/", a / b);
    pf("fma", fmaf(a, b, 0.25f)); pf("min", fminf(a, b)); pf("max", fmaxf(a, b));
    unsigned c = (a == b) | (a < b) << 1 | (a <= b) << 2 | isunordered(a, b) << 3;
    printf(" cmp %x\n", c);
    mix(c);
}

/* Saturating conversions, as the hardware does them. */
#define CVT(insn, dst, src) __asm__(insn " %" dst "0, %" src "1" : "=r"(r) : "w"(x))

NOIPA static void dunops(double x)
{
    uint64_t r;
    printf("u %a:", x);
    pd("sqrt", sqrt(x)); pd("floor", floor(x)); pd("ceil", ceil(x));
    pd("round", round(x)); pd("trunc", trunc(x)); pd("rint", rint(x));
    pd("nearby", nearbyint(x)); pd("neg", -x); pd("abs", fabs(x));
    pf("tof", (float)x); pd("recip", 1.0 / x);
#ifdef __aarch64__
    CVT("fcvtzs", "x", "d"); printf(" s64 %llx", (unsigned long long)r); mix(r);
    CVT("fcvtzu", "x", "d"); printf(" u64 %llx", (unsigned long long)r); mix(r);
    CVT("fcvtzs", "w", "d"); printf(" s32 %llx", (unsigned long long)r); mix(r);
    CVT("fcvtzu", "w", "d"); printf(" u32 %llx", (unsigned long long)r); mix(r);
    CVT("fcvtas", "x", "d"); printf(" as %llx", (unsigned long long)r); mix(r);
    CVT("fcvtms", "x", "d"); printf(" ms %llx", (unsigned long long)r); mix(r);
    CVT("fcvtps", "x", "d"); printf(" ps %llx", (unsigned long long)r); mix(r);
    CVT("fcvtns", "x", "d"); printf(" ns %llx", (unsigned long long)r); mix(r);
#else
    (void)r;
#endif
    printf(" cls %d%d%d%d%d\n", fpclassify(x) == FP_NORMAL, fpclassify(x) == FP_SUBNORMAL,
           isinf(x) != 0, isnan(x) != 0, signbit(x) != 0);
    if (fabs(x) < 1e18) {          /* in range: plain C conversions */
        long long ll = (long long)x;
        int i = (int)fmax(fmin(x, 2147483647.0), -2147483648.0);
        printf("  c: ll %lld i %d lround %ld llrint %lld\n", ll, i, lround(x), llrint(x));
        mix((uint64_t)ll); mix((uint64_t)i);
    }
}

static const int64_t ivals[] = {
    0, 1, -1, 3, 16777217 /* 2^24+1 */, -16777217, 2147483647, -2147483647 - 1,
    9007199254740993LL /* 2^53+1 */, -9007199254740993LL, 0x7fffffffffffffffLL,
    -0x7fffffffffffffffLL - 1, 0x123456789abcdefLL, 0x7ffffe0000000001LL,
};

NOIPA static void intconv(int64_t v)
{
    uint64_t u = (uint64_t)v;
    printf("i %llx:", (unsigned long long)u);
    pd("s64", (double)v); pd("u64", (double)u); pf("s64f", (float)v); pf("u64f", (float)u);
    pd("s32", (double)(int32_t)v); pd("u32", (double)(uint32_t)v);
    pf("s32f", (float)(int32_t)v); pf("u32f", (float)(uint32_t)v);
    pd("q16", (double)(int32_t)v / 65536.0);
    printf("\n");
}

static const char *strs[] = {
    "0", "-0", "0.1", "1e-320", "0x1.8p3", "inf", "-Infinity", "nan", "1.5e", "  42abc",
    "123456789012345678901234567890", "2.2250738585072011e-308",
    "1.7976931348623157e308", "1.8e308", "4.9e-324", "2e-324", "3.14159265358979323846",
    "0.30000000000000004", "9007199254740993", "-1e-5", "1e23", "8.5e-7",
};

int main(void)
{
    printf("== fp-ops\n== double binary ops (bit patterns)\n");
    for (int i = 0; i < ND; i++)
        for (int j = 0; j < ND; j += 2) dbinops(dvals[i], dvals[j]);
    printf("== float binary ops\n");
    for (int i = 0; i < ND; i += 2)
        for (int j = 1; j < ND; j += 3) fbinops((float)dvals[i], (float)dvals[j]);
    printf("== double unary ops and conversions\n");
    for (int i = 0; i < ND; i++) dunops(dvals[i]);
    printf("== float unary\n");
    for (int i = 0; i < ND; i++) {
        float f = (float)dvals[i];
        printf("uf %a:", (double)f);
        pf("sqrt", sqrtf(f)); pf("floor", floorf(f)); pf("round", roundf(f));
        pf("rint", rintf(f)); pd("tod", (double)f);
        printf(" i %lld\n", fabsf(f) < 1e18f ? (long long)f : 0);
    }
    printf("== int to float\n");
    for (unsigned i = 0; i < sizeof ivals / sizeof ivals[0]; i++) intconv(ivals[i]);

    printf("== rounding modes\n");
    static const int modes[] = { FE_TONEAREST, FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO };
    static const char *mnames[] = { "nearest", "upward", "downward", "towardzero" };
    static const double rv[] = { 0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4999, -7.75, 1e16 + 2 };
    for (int m = 0; m < 4; m++) {
        fesetround(modes[m]);
        printf("%-10s (fegetround ok %d):", mnames[m], fegetround() == modes[m]);
        for (unsigned i = 0; i < sizeof rv / sizeof rv[0]; i++) {
            volatile double x = rv[i];
            printf(" %g/%g/%ld", rint(x), nearbyint(x), lrint(x));
        }
        printf("\n");
    }
    fesetround(FE_TONEAREST);

    printf("== printf\n");
    static const double pv[] = { 0.1, 1.0 / 3.0, 2.0 / 3.0, 1e21, 1e-7, 123.456, -0.0,
                                 5e-324, DBL_MAX, M_PI, 1e100, 0.5, 1.5e-10 };
    for (unsigned i = 0; i < sizeof pv / sizeof pv[0]; i++)
        printf("%a | %.17g | %.6e | %g | %.3f | %10.4f|\n", pv[i], pv[i], pv[i], pv[i], pv[i], pv[i]);
    printf("%f %f %f %F\n", INFINITY, -INFINITY, NAN, INFINITY);
    printf("float %a %.9g %g\n", (double)(float)0.1, (double)(float)0.1, (double)FLT_MAX);

    printf("== strtod / strtof\n");
    for (unsigned i = 0; i < sizeof strs / sizeof strs[0]; i++) {
        char *end;
        double d = strtod(strs[i], &end);
        float f = strtof(strs[i], NULL);
        printf("\"%s\" -> %016llx %a rest \"%s\" float %08x\n", strs[i],
               (unsigned long long)dbits(d), d, end, fbits(f));
        mix(dbits(d));
    }

    printf("== libm\n");
    static const double mv[] = { 0.5, 1.0, 2.0, 10.0, -3.25, 100.0, 1e-5, 0.7853981633974483 };
    for (unsigned i = 0; i < sizeof mv / sizeof mv[0]; i++) {
        double x = mv[i];
        printf("x=%-10g exp %.17g log %.17g sin %.17g cos %.17g tan %.17g\n", x, exp(x),
               log(fabs(x)), sin(x), cos(x), tan(x));
        printf("    pow %.17g atan2 %.17g cbrt %.17g hypot %.17g expf %.9g\n", pow(fabs(x), 1.7),
               atan2(x, 3.0), cbrt(x), hypot(x, 4.0), (double)expf((float)x));
        mix(dbits(exp(x))); mix(dbits(sin(x))); mix(dbits(pow(fabs(x), 1.7)));
    }

    /* Kahan summation and a dot product: chains of dependent FP ops. */
    {
        double s = 0, c = 0, dot = 0;
        float sf = 0;
        for (int i = 1; i <= 20000; i++) {
            double t = 1.0 / ((double)i * i);
            double y = t - c, z = s + y;
            c = (z - s) - y; s = z;
            dot += sin(i * 0.001) * cos(i * 0.002);
            sf += 1.0f / (float)i;
        }
        printf("kahan %.17g (pi^2/6 %.17g) dot %.17g harmonic-float %.9g\n", s,
               M_PI * M_PI / 6, dot, (double)sf);
        mix(dbits(s)); mix(dbits(dot));
    }
    (void)bitsd;
    printf("== checksum %016llx\n", (unsigned long long)checksum);
    return 0;
}
