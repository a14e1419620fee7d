/* int-ops.c - integer arithmetic of every width, printed for a table of
 * edge-value inputs.
 *
 * Every operation is in a noipa function so GCC cannot constant-fold it:
 * the instructions really run in the guest.  Signed overflow is avoided
 * (arithmetic goes through unsigned types), division by zero and
 * MIN / -1 are only done in inline asm, where AArch64 defines them
 * (result 0, and MIN respectively).  A few further sections use inline
 * asm for instructions with exactly defined results that plain C rarely
 * produces (NZCV flags after adds/subs/adcs/sbcs/ands, rbit, cls, extr).
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define NOIPA __attribute__((noipa))

typedef unsigned __int128 u128;
typedef __int128 s128;

static uint64_t checksum = 0xcbf29ce484222325ull;
static void mix(uint64_t v)
{
    for (int i = 0; i < 8; i++) {
        checksum ^= (v >> (8 * i)) & 0xff;
        checksum *= 0x100000001b3ull;
    }
}

static uint64_t lcg_state = 0x2545F4914F6CDD1Dull;
static uint64_t lcg(void)
{
    lcg_state = lcg_state * 6364136223846793005ull + 1442695040888963407ull;
    return lcg_state;
}

/* Inputs: edge values, then pseudo-random ones (filled in main). */
#define NVAL 24
static uint64_t vals[NVAL] = {
    0, 1, 2, 3, 7,
    0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff,
    0x7fffffffull, 0x80000000ull, 0xffffffffull, 0x100000000ull,
    0x7fffffffffffffffull, 0x8000000000000000ull, 0xffffffffffffffffull,
    0xfffffffffffffffeull, 0xfffffffffffffff9ull, 0x123456789abcdef0ull,
    /* 3 LCG values */
};

/* Per-width binary operations.  T is the signed type, U the unsigned one. */
#define DEFINE_BINOPS(W, T, U)                                                \
NOIPA static void binops##W(U a, U b)                                         \
{                                                                             \
    T sa = (T)a, sb = (T)b;                                                   \
    unsigned sh = (unsigned)b & (W - 1);                                      \
    U add = (U)(a + b), sub = (U)(a - b), mul = (U)(a * b);                   \
    U udv = b ? (U)(a / b) : 0, urm = b ? (U)(a % b) : 0;                     \
    T sdv = 0, srm = 0;                                                       \
    if (sb != 0 && !(sa == (T)((U)1 << (W - 1)) && sb == -1)) {              \
        sdv = (T)(sa / sb); srm = (T)(sa % sb);                               \
    }                                                                         \
    U shl = (U)(a << sh), lsr = (U)(a >> sh);                                 \
    T asr = (T)(sa >> sh);                                                    \
    U ror = (U)((a >> sh) | (U)(a << ((W - sh) & (W - 1))));                  \
    U rol = (U)((a << sh) | (U)(a >> ((W - sh) & (W - 1))));                  \
    U andn = a & (U)~b, orn = a | (U)~b, eon = a ^ (U)~b;                     \
    U madd = (U)(a * b + (U)0x1234567), msub = (U)((U)0x1234567 - a * b);    \
    unsigned cmp = (a == b) | (a != b) << 1 | (sa < sb) << 2 |                \
        (sa <= sb) << 3 | (sa > sb) << 4 | (sa >= sb) << 5 | (a < b) << 6 |   \
        (a <= b) << 7 | (a > b) << 8 | (a >= b) << 9;                         \
    T smin = sa < sb ? sa : sb, smax = sa > sb ? sa : sb;                     \
    U umin = a < b ? a : b, umax = a > b ? a : b;                             \
    U sel1 = sa < sb ? (U)(a + 1) : b;        /* csinc */                     \
    U sel2 = a != b ? (U)~a : b;              /* csinv */                     \
    U sel3 = a >= b ? (U)-a : b;              /* csneg */                     \
    printf("w%d %llx %llx: + %llx - %llx * %llx /u %llx %%u %llx /s %llx "    \
           "%%s %llx << %llx >>u %llx >>s %llx ror %llx rol %llx &~ %llx "    \
           "|~ %llx ^~ %llx madd %llx msub %llx cmp %03x min %llx %llx "      \
           "max %llx %llx sel %llx %llx %llx\n", W,                           \
           (unsigned long long)a, (unsigned long long)b,                      \
           (unsigned long long)add, (unsigned long long)sub,                  \
           (unsigned long long)mul, (unsigned long long)udv,                  \
           (unsigned long long)urm, (unsigned long long)(U)sdv,               \
           (unsigned long long)(U)srm, (unsigned long long)shl,               \
           (unsigned long long)lsr, (unsigned long long)(U)asr,               \
           (unsigned long long)ror, (unsigned long long)rol,                  \
           (unsigned long long)andn, (unsigned long long)orn,                 \
           (unsigned long long)eon, (unsigned long long)madd,                 \
           (unsigned long long)msub, cmp,                                     \
           (unsigned long long)(U)smin, (unsigned long long)umin,             \
           (unsigned long long)(U)smax, (unsigned long long)umax,             \
           (unsigned long long)sel1, (unsigned long long)sel2,                \
           (unsigned long long)sel3);                                         \
    mix(add); mix(sub); mix(mul); mix(udv); mix(urm); mix((U)sdv);            \
    mix((U)srm); mix(shl); mix(lsr); mix((U)asr); mix(ror); mix(cmp);         \
}

DEFINE_BINOPS(8, int8_t, uint8_t)
DEFINE_BINOPS(16, int16_t, uint16_t)
DEFINE_BINOPS(32, int32_t, uint32_t)
DEFINE_BINOPS(64, int64_t, uint64_t)

/* Unary operations of one 64-bit value, at every width. */
NOIPA static void unops(uint64_t x)
{
    uint32_t w = (uint32_t)x;
    int64_t s = (int64_t)x;
    int32_t sw = (int32_t)w;
    int clz64 = x ? __builtin_clzll(x) : 64, ctz64 = x ? __builtin_ctzll(x) : 64;
    int clz32 = w ? __builtin_clz(w) : 32, ctz32 = w ? __builtin_ctz(w) : 32;
    printf("u %llx: clz %d %d ctz %d %d pop %d %d clrsb %d %d par %d %d "
           "bswap %llx %x %x rev16 %x neg %llx not %llx abs %llx %x "
           "sx %llx %llx %llx zx %llx %llx %llx ubfx %llx sbfx %llx bfi %llx\n",
           (unsigned long long)x, clz64, clz32, ctz64, ctz32,
           __builtin_popcountll(x), __builtin_popcount(w),
           __builtin_clrsbll(s), __builtin_clrsb(sw),
           __builtin_parityll(x), __builtin_parity(w),
           (unsigned long long)__builtin_bswap64(x), __builtin_bswap32(w),
           __builtin_bswap16((uint16_t)x),
           ((w & 0xff00ff00u) >> 8) | ((w & 0x00ff00ffu) << 8),
           (unsigned long long)(0 - x), (unsigned long long)~x,
           (unsigned long long)(s < 0 ? 0 - x : x),
           (unsigned)(sw < 0 ? 0u - w : w),
           (unsigned long long)(int64_t)(int8_t)x,
           (unsigned long long)(int64_t)(int16_t)x,
           (unsigned long long)(int64_t)(int32_t)x,
           (unsigned long long)(uint8_t)x, (unsigned long long)(uint16_t)x,
           (unsigned long long)(uint32_t)x,
           (unsigned long long)((x >> 13) & 0x7ffff),
           (unsigned long long)((int64_t)((uint64_t)s << 20) >> 43),
           (unsigned long long)((x & ~(0xfffull << 20)) | ((x & 0xfff) << 20)));
    mix(clz64); mix(ctz64); mix(__builtin_popcountll(x)); mix(__builtin_bswap64(x));
}

/* Widening multiplies and 128-bit arithmetic. */
NOIPA static void wideops(uint64_t a, uint64_t b)
{
    u128 up = (u128)a * b;
    s128 sp = (s128)(int64_t)a * (int64_t)b;
    uint64_t umull = (uint64_t)(uint32_t)a * (uint32_t)b;
    int64_t smull = (int64_t)(int32_t)a * (int32_t)b;
    uint64_t umaddl = umull + a, smsubl = (uint64_t)(int64_t)b - (uint64_t)smull;
    u128 sum = ((u128)a << 64 | b) + ((u128)b << 64 | a);
    u128 dif = ((u128)a << 64 | b) - ((u128)b << 64 | a);
    u128 shl = ((u128)a << 64 | b) << (b & 127);
    u128 shr = ((u128)a << 64 | b) >> (a & 127);
    s128 sar = (s128)((u128)a << 64 | b) >> (a & 127);
    u128 q = 0, r = 0;
    if (b) { q = ((u128)a << 64 | b) / b; r = ((u128)a << 64 | b) % b; }
    printf("m %llx %llx: umulh %llx lo %llx smulh %llx umull %llx smull %llx "
           "umaddl %llx smsubl %llx add128 %llx:%llx sub128 %llx:%llx "
           "shl %llx:%llx shr %llx:%llx sar %llx:%llx div128 %llx:%llx rem %llx\n",
           (unsigned long long)a, (unsigned long long)b,
           (unsigned long long)(up >> 64), (unsigned long long)up,
           (unsigned long long)((u128)sp >> 64),
           (unsigned long long)umull, (unsigned long long)smull,
           (unsigned long long)umaddl, (unsigned long long)smsubl,
           (unsigned long long)(sum >> 64), (unsigned long long)sum,
           (unsigned long long)(dif >> 64), (unsigned long long)dif,
           (unsigned long long)(shl >> 64), (unsigned long long)shl,
           (unsigned long long)(shr >> 64), (unsigned long long)shr,
           (unsigned long long)((u128)sar >> 64), (unsigned long long)sar,
           (unsigned long long)(q >> 64), (unsigned long long)q,
           (unsigned long long)r);
    mix(up >> 64); mix((u128)sp >> 64); mix(sum); mix(q); mix(r);
}

/* Overflow-checking builtins. */
NOIPA static void ovfops(uint64_t a, uint64_t b)
{
    int32_t r32; uint32_t u32; int64_t r64; uint64_t u64;
    unsigned f = 0;
    f |= __builtin_add_overflow((int32_t)a, (int32_t)b, &r32) << 0;  mix((uint32_t)r32);
    f |= __builtin_sub_overflow((int32_t)a, (int32_t)b, &r32) << 1;  mix((uint32_t)r32);
    f |= __builtin_mul_overflow((int32_t)a, (int32_t)b, &r32) << 2;  mix((uint32_t)r32);
    f |= __builtin_add_overflow((uint32_t)a, (uint32_t)b, &u32) << 3; mix(u32);
    f |= __builtin_sub_overflow((uint32_t)a, (uint32_t)b, &u32) << 4; mix(u32);
    f |= __builtin_mul_overflow((uint32_t)a, (uint32_t)b, &u32) << 5; mix(u32);
    f |= __builtin_add_overflow((int64_t)a, (int64_t)b, &r64) << 6;  mix(r64);
    f |= __builtin_sub_overflow((int64_t)a, (int64_t)b, &r64) << 7;  mix(r64);
    f |= __builtin_mul_overflow((int64_t)a, (int64_t)b, &r64) << 8;  mix(r64);
    f |= __builtin_add_overflow(a, b, &u64) << 9;                    mix(u64);
    f |= __builtin_sub_overflow(a, b, &u64) << 10;                   mix(u64);
    f |= __builtin_mul_overflow(a, b, &u64) << 11;                   mix(u64);
    printf("o %llx %llx: %03x\n", (unsigned long long)a, (unsigned long long)b, f);
    mix(f);
}

#ifdef __aarch64__
/* NZCV after flag-setting instructions, read back with mrs. */
#define FLAGS(insn, a, b, setc)                                               \
    ({ uint64_t _r, _f;                                                       \
       __asm__ volatile("cmp %3, #1\n\t" /* C = setc */                       \
                        insn "\n\t"                                           \
                        "mrs %1, nzcv"                                        \
                        : "=&r"(_r), "=r"(_f)                                 \
                        : "r"(a), "r"((uint64_t)(setc)), "r"(b) : "cc");      \
       mix(_r); (unsigned)(_f >> 28); })

NOIPA static void flagops(uint64_t a, uint64_t b)
{
    unsigned f[12];
    f[0] = FLAGS("adds %x0, %x2, %x4", a, b, 0);
    f[1] = FLAGS("subs %x0, %x2, %x4", a, b, 0);
    f[2] = FLAGS("adcs %x0, %x2, %x4", a, b, 1);
    f[3] = FLAGS("sbcs %x0, %x2, %x4", a, b, 0);
    f[4] = FLAGS("ands %x0, %x2, %x4", a, b, 1);
    f[5] = FLAGS("adds %w0, %w2, %w4", a, b, 0);
    f[6] = FLAGS("subs %w0, %w2, %w4", a, b, 0);
    f[7] = FLAGS("adcs %w0, %w2, %w4", a, b, 1);
    f[8] = FLAGS("sbcs %w0, %w2, %w4", a, b, 0);
    f[9] = FLAGS("bics %w0, %w2, %w4", a, b, 1);
    f[10] = FLAGS("ccmp %x2, %x4, #5, ne\n\tmov %x0, #0", a, b, 1);
    f[11] = FLAGS("ccmn %w2, %w4, #10, cs\n\tmov %x0, #0", a, b, 1);
    printf("f %llx %llx:", (unsigned long long)a, (unsigned long long)b);
    for (int i = 0; i < 12; i++) printf(" %x", f[i]);
    printf("\n");
}

/* Instructions with defined results that C code cannot express portably. */
NOIPA static void asmops(uint64_t a, uint64_t b)
{
    uint64_t sdx, udx, sdw, udw, rbit, cls, clsw, extr, extrw;
    __asm__("sdiv %x0, %x1, %x2" : "=r"(sdx) : "r"(a), "r"(b));
    __asm__("udiv %x0, %x1, %x2" : "=r"(udx) : "r"(a), "r"(b));
    __asm__("sdiv %w0, %w1, %w2" : "=r"(sdw) : "r"(a), "r"(b));
    __asm__("udiv %w0, %w1, %w2" : "=r"(udw) : "r"(a), "r"(b));
    __asm__("rbit %x0, %x1" : "=r"(rbit) : "r"(a));
    __asm__("cls %x0, %x1" : "=r"(cls) : "r"(a));
    __asm__("cls %w0, %w1" : "=r"(clsw) : "r"(a));
    __asm__("extr %x0, %x1, %x2, #13" : "=r"(extr) : "r"(a), "r"(b));
    __asm__("extr %w0, %w1, %w2, #7" : "=r"(extrw) : "r"(a), "r"(b));
    printf("a %llx %llx: sdiv %llx udiv %llx sdivw %llx udivw %llx rbit %llx "
           "cls %llu %llu extr %llx %llx\n",
           (unsigned long long)a, (unsigned long long)b,
           (unsigned long long)sdx, (unsigned long long)udx,
           (unsigned long long)sdw, (unsigned long long)udw,
           (unsigned long long)rbit, (unsigned long long)cls,
           (unsigned long long)clsw, (unsigned long long)extr,
           (unsigned long long)extrw);
    mix(sdx); mix(udx); mix(sdw); mix(udw); mix(rbit); mix(extr);
}

#endif /* __aarch64__ */

/* Bit-fields in a struct: GCC uses bfi/bfxil/ubfx/sbfx for these. */
struct bits { unsigned a : 3; signed b : 5; unsigned c : 11; signed d : 13; unsigned long long e : 31; };

NOIPA static uint64_t bitfields(uint64_t x)
{
    struct bits s = { 0 };
    s.a = x; s.b = x >> 3; s.c = x >> 8; s.d = x >> 19; s.e = x >> 32;
    s.b += 3; s.c ^= 0x555; s.d -= 1000; s.e *= 3;
    return (uint64_t)s.a ^ ((uint64_t)(int64_t)s.b << 3) ^ ((uint64_t)s.c << 8) ^
           ((uint64_t)(int64_t)s.d << 19) ^ ((uint64_t)s.e << 32);
}

/* Count distinct values after truncation to a width, for the tables. */
static int distinct(uint64_t *out, unsigned width)
{
    uint64_t mask = width == 64 ? ~0ull : (1ull << width) - 1;
    int n = 0;
    for (int i = 0; i < NVAL; i++) {
        uint64_t v = vals[i] & mask;
        int seen = 0;
        for (int j = 0; j < n; j++) if (out[j] == v) seen = 1;
        if (!seen) out[n++] = v;
    }
    return n;
}

int main(void)
{
    uint64_t tv[NVAL];
    for (int i = 21; i < NVAL; i++) vals[i] = lcg();

    printf("== int-ops: %d input values\n", NVAL);
    static const unsigned widths[4] = { 8, 16, 32, 64 };
    for (int k = 0; k < 4; k++) {
        int n = distinct(tv, widths[k]);
        printf("== binary ops, width %u, %d distinct values\n", widths[k], n);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) {
                switch (widths[k]) {
                case 8: binops8(tv[i], tv[j]); break;
                case 16: binops16(tv[i], tv[j]); break;
                case 32: binops32(tv[i], tv[j]); break;
                default: binops64(tv[i], tv[j]); break;
                }
            }
    }
    printf("== unary ops\n");
    for (int i = 0; i < NVAL; i++) unops(vals[i]);
    printf("== bit-fields\n");
    for (int i = 0; i < NVAL; i++)
        printf("bf %llx: %llx\n", (unsigned long long)vals[i],
               (unsigned long long)bitfields(vals[i]));
    printf("== wide multiplies, 128-bit\n");
    for (int i = 0; i < NVAL; i += 2)
        for (int j = 1; j < NVAL; j += 2) wideops(vals[i], vals[j]);
    printf("== overflow builtins\n");
    for (int i = 0; i < NVAL; i++)
        for (int j = 0; j < NVAL; j += 3) ovfops(vals[i], vals[j]);
#ifdef __aarch64__
    printf("== NZCV flags\n");
    for (int i = 0; i < NVAL; i++)
        for (int j = 0; j < NVAL; j += 2) flagops(vals[i], vals[j]);
    printf("== asm: div by zero, MIN/-1, rbit, cls, extr\n");
    static const int divisors[] = { 0, 1, 2, 4, 12, 13, 15, 16, 17, 19, 22 };
    for (int i = 0; i < NVAL; i++)
        for (int j = 0; j < (int)(sizeof divisors / sizeof divisors[0]); j++)
            asmops(vals[i], vals[divisors[j]]);
#endif
    printf("== checksum %016llx\n", (unsigned long long)checksum);
    return 0;
}
