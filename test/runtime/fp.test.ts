/**
 * Hand-computed cases for the exported per-element FP functions
 * (helpers/fp.ts): rounding modes, tininess before rounding, FZ/DN, NaN
 * payloads and signs, fused multiply-add double-rounding traps, conversions.
 */
import t from 'tap';
import { Slot } from '../../src/backend-js/abi.js';
import * as fp from '../../src/runtime/helpers/fp.js';

const RN = 0, RP = 1 << 22, RM = 2 << 22, RZ = 3 << 22;
const FZ = 1 << 24, DN = 1 << 25;
const IOC = 1, DZC = 2, OFC = 4, UFC = 8, IXC = 16, IDC = 128;

const F32 = new Float32Array(1);
const U32 = new Uint32Array(F32.buffer);
const F64 = new Float64Array(1);
const W = new Uint32Array(F64.buffer);
const fb = (x: number): number => {
  F32[0] = x;
  return U32[0]!;
};
const db = (x: number): bigint => {
  F64[0] = x;
  return (BigInt(W[1]!) << 32n) | BigInt(W[0]!);
};

function st(fpcr = 0): Int32Array {
  const s = new Int32Array(Slot.SIZE);
  s[Slot.FPCR] = fpcr;
  return s;
}
const lo = (b: bigint) => Number(b & 0xffffffffn) | 0;
const hi = (b: bigint) => Number(b >> 32n) | 0;
/** Call a 64-bit function on bigint patterns; returns [result, fpsr]. */
function d2(fpcr: number, f: (s: Int32Array, al: number, ah: number, bl: number, bh: number) => number, a: bigint, b: bigint): [string, number] {
  const s = st(fpcr);
  const l = f(s, lo(a), hi(a), lo(b), hi(b));
  return [((BigInt(s[Slot.RET_HI]! >>> 0) << 32n) | BigInt(l >>> 0)).toString(16), s[Slot.FPSR]!];
}
function s2(fpcr: number, f: (s: Int32Array, a: number, b: number) => number, a: number, b: number): [string, number] {
  const s = st(fpcr);
  const r = f(s, a, b) >>> 0;
  return [r.toString(16), s[Slot.FPSR]!];
}
const hx = (v: bigint | number) => v.toString(16);

t.test('rounding modes: 1 + 2^-60 and -1 - 2^-60', async (t) => {
  const one = 0x3ff0000000000000n, tiny = db(2 ** -60), mone = 0xbff0000000000000n, mtiny = db(-(2 ** -60));
  t.same(d2(RN, fp.fpAdd64, one, tiny), [hx(one), IXC]);
  t.same(d2(RP, fp.fpAdd64, one, tiny), ['3ff0000000000001', IXC]);
  t.same(d2(RM, fp.fpAdd64, one, tiny), [hx(one), IXC]);
  t.same(d2(RZ, fp.fpAdd64, one, tiny), [hx(one), IXC]);
  t.same(d2(RN, fp.fpAdd64, mone, mtiny), [hx(mone), IXC]);
  t.same(d2(RP, fp.fpAdd64, mone, mtiny), [hx(mone), IXC]);
  t.same(d2(RM, fp.fpAdd64, mone, mtiny), ['bff0000000000001', IXC]);
  t.same(d2(RZ, fp.fpAdd64, mone, mtiny), [hx(mone), IXC]);
  // 1 - 2^-60: RZ and RM go below 1
  t.same(d2(RZ, fp.fpSub64, one, tiny), ['3fefffffffffffff', IXC]);
  t.same(d2(RN, fp.fpSub64, one, tiny), [hx(one), IXC]);
  // single precision: 1 + 2^-30
  t.same(s2(RP, fp.fpAdd32, 0x3f800000, fb(2 ** -30)), ['3f800001', IXC]);
  t.same(s2(RM, fp.fpAdd32, 0xbf800000, fb(-(2 ** -30))), ['bf800001', IXC]);
  // exact zero results: +0 except in RM
  t.same(s2(RN, fp.fpSub32, 0x40000000, 0x40000000), ['0', 0]);
  t.same(s2(RM, fp.fpSub32, 0x40000000, 0x40000000), ['80000000', 0]);
  t.same(s2(RM, fp.fpAdd32, 0, 0x80000000), ['80000000', 0]);
  t.same(s2(RP, fp.fpAdd32, 0x80000000, 0x80000000), ['80000000', 0]);
  // overflow: RN -> inf, RZ -> max, RM positive -> max, RM negative -> -inf
  t.same(d2(RN, fp.fpMul64, 0x7fefffffffffffffn, 0x4000000000000000n), ['7ff0000000000000', OFC | IXC]);
  t.same(d2(RZ, fp.fpMul64, 0x7fefffffffffffffn, 0x4000000000000000n), ['7fefffffffffffff', OFC | IXC]);
  t.same(d2(RM, fp.fpMul64, 0x7fefffffffffffffn, 0x4000000000000000n), ['7fefffffffffffff', OFC | IXC]);
  t.same(d2(RM, fp.fpMul64, 0xffefffffffffffffn, 0x4000000000000000n), ['fff0000000000000', OFC | IXC]);
});

t.test('underflow: tininess detected before rounding; UFC only when inexact', async (t) => {
  // 2^-126 * (1 - 2^-24) = 2^-126 - 2^-150: a tie that rounds (to even) up to the
  // smallest normal; tiny before rounding and inexact -> UFC (after-rounding detection would not).
  t.same(s2(RN, fp.fpMul32, 0x00800000, 0x3f7fffff), ['800000', UFC | IXC]);
  // exact denormal results raise nothing
  t.same(s2(RN, fp.fpMul32, 0x00800000, 0x3f000000), ['400000', 0]);
  // 2^-149 * 0.5 = 2^-150: tie between 0 and 2^-149 -> 0 (even); RP -> 2^-149
  t.same(s2(RN, fp.fpMul32, 0x00000001, 0x3f000000), ['0', UFC | IXC]);
  t.same(s2(RP, fp.fpMul32, 0x00000001, 0x3f000000), ['1', UFC | IXC]);
  t.same(s2(RN, fp.fpMul32, 0x80000001, 0x3f000000), ['80000000', UFC | IXC]);
  // double: 2^-1022 * (1 - 2^-53) -> rounds to 2^-1022, UFC
  t.same(d2(RN, fp.fpMul64, 0x0010000000000000n, 0x3fefffffffffffffn), ['10000000000000', UFC | IXC]);
  // FZ: tiny results flush to zero with UFC only (no IXC); denormal inputs flush with IDC
  t.same(s2(FZ, fp.fpMul32, 0x00800000, 0x3f000000), ['0', UFC]);
  t.same(s2(FZ, fp.fpMul32, 0x80800000, 0x3f000000), ['80000000', UFC]);
  t.same(s2(FZ, fp.fpAdd32, 0x00000001, 0x80000000), ['0', IDC]); // flushed to +0; +0 + -0 = +0 in RN
});

t.test('NaNs: payloads, order, quieting, default NaN (positive)', async (t) => {
  t.same(d2(RN, fp.fpAdd64, 0x7ff0000000000001n, 0x3ff0000000000000n), ['7ff8000000000001', IOC]);
  t.same(d2(RN, fp.fpAdd64, 0x7ff8000000000002n, 0x7ff0000000000001n), ['7ff8000000000001', IOC]); // sNaN wins over an earlier qNaN
  t.same(d2(RN, fp.fpAdd64, 0xfff8000000000002n, 0x7ff8000000000003n), ['fff8000000000002', 0]); // first qNaN, sign kept
  t.same(d2(DN, fp.fpAdd64, 0xfff8000000000002n, 0x7ff8000000000003n), ['7ff8000000000000', 0]);
  t.same(d2(RN, fp.fpSub64, 0x7ff0000000000000n, 0x7ff0000000000000n), ['7ff8000000000000', IOC]);
  t.same(s2(RN, fp.fpMul32, 0xff800000, 0), ['7fc00000', IOC]); // -inf * 0: default NaN is positive
  t.same(s2(RN, fp.fpDiv32, 0, 0x80000000), ['7fc00000', IOC]);
  t.same(s2(RN, fp.fpDiv32, 0xbf800000, 0x80000000), ['7f800000', DZC]); // -1 / -0 = +inf
  t.same(s2(RN, fp.fpSqrt32 as never, 0x80000000, 0), ['80000000', 0]); // sqrt(-0) = -0
  // FMAXNM / FMINNM: a single quiet NaN loses; a signalling NaN still wins
  t.same(s2(RN, fp.fpMaxNum32, 0x7fc00000, 0xff800000), ['ff800000', 0]);
  t.same(s2(RN, fp.fpMinNum32, 0x3f800000, 0xffc00001), ['3f800000', 0]);
  t.same(s2(RN, fp.fpMinNum32, 0x7fc00001, 0x7fc00002), ['7fc00001', 0]);
  t.same(s2(RN, fp.fpMaxNum32, 0x7f800001, 0x3f800000), ['7fc00001', IOC]);
  // FMAX/FMIN of zeros
  t.same(s2(RN, fp.fpMax32, 0x80000000, 0), ['0', 0]);
  t.same(s2(RN, fp.fpMin32, 0, 0x80000000), ['80000000', 0]);
  // FMULX: inf * 0 = 2.0 with the product's sign
  t.same(s2(RN, fp.fpMulX32, 0xff800000, 0), ['c0000000', 0]);
  // compares: EQ quiet on qNaN, GE signals
  const s = st();
  t.equal(fp.fpCompareEQ32(s, 0x7fc00000, 0x7fc00000), false);
  t.equal(s[Slot.FPSR], 0);
  t.equal(fp.fpCompareGE32(s, 0x7fc00000, 0), false);
  t.equal(s[Slot.FPSR], IOC);
  t.equal(fp.fpCompare64(st(), 0, 0x80000000, 0, 0, false), 0b0110, '-0 == +0');
});

t.test('fused multiply-add: one rounding, double-rounding traps', async (t) => {
  // single: a*b = 1 + 2^-24 exactly (a midpoint), + 2^-60 -> must round up
  const a = fb(24929), b = fb(673 * 2 ** -24); // 24929 * 673 = 2^24 + 1
  const s = st();
  t.equal(hx(fp.fpMulAdd32(s, fb(2 ** -60), a, b)), '3f800001');
  t.equal(s[Slot.FPSR], IXC);
  t.equal(hx(fp.fpMulAdd32(st(), fb(-(2 ** -60)), a, b)), '3f800000');
  t.equal(hx(fp.fpMulAdd32(st(), 0, a, b)), '3f800000', 'exact tie -> even');
  t.equal(hx(fp.fpMulAdd32(st(RP), fb(-(2 ** -60)), a, b)), '3f800001');
  // double: a*b = 1 + 2^-53 exactly (321 * 28059810762433 = 2^53 + 1), + 2^-120
  const A = db(321), B = db(28059810762433 * 2 ** -53);
  const fma = (fpcr: number, c: number): [string, number] => {
    const s = st(fpcr);
    const C = db(c);
    const l = fp.fpMulAdd64(s, lo(C), hi(C), lo(A), hi(A), lo(B), hi(B));
    return [hx((BigInt(s[Slot.RET_HI]! >>> 0) << 32n) | BigInt(l >>> 0)), s[Slot.FPSR]!];
  };
  t.same(fma(RN, 2 ** -120), ['3ff0000000000001', IXC]);
  t.same(fma(RN, -(2 ** -120)), ['3ff0000000000000', IXC]);
  t.same(fma(RN, 0), ['3ff0000000000000', IXC]);
  t.same(fma(RZ, 2 ** -120), ['3ff0000000000000', IXC]);
  t.same(fma(RP, -(2 ** -120)), ['3ff0000000000001', IXC]);
  t.same(fma(RN, -1), ['3ca0000000000000', 0], 'a*b - 1 = 2^-53 exactly');
  // the addend's quiet NaN does not hide the invalid inf * 0
  const s3 = st();
  t.equal(hx(fp.fpMulAdd32(s3, 0x7fc00001, 0x7f800000, 0)), '7fc00000');
  t.equal(s3[Slot.FPSR], IOC);
  // FRECPS: 2 - a*b; inf * 0 gives 2.0 without exception
  t.same(s2(RN, fp.fpRecipStepFused32, 0x7f800000, 0), ['40000000', 0]);
  t.same(s2(RN, fp.fpRecipStepFused32, 0x40000000, 0x3f000000), ['3f800000', 0]);
  // FRSQRTS: (3 - a*b) / 2
  t.same(s2(RN, fp.fpRSqrtStepFused32, 0x40000000, 0x3f800000), ['3f000000', 0]);
  t.same(s2(RN, fp.fpRSqrtStepFused32, 0, 0xff800000), ['3fc00000', 0]);
});

t.test('conversions', async (t) => {
  const r = (fpcr: number, f: (s: Int32Array) => number): [string, number] => {
    const s = st(fpcr);
    const v = f(s);
    return [hx(v >>> 0), s[Slot.FPSR]!];
  };
  // FCVTXN (round to odd): 1 + 2^-30 -> 1 + 2^-23 (odd), IXC
  const x = db(1 + 2 ** -30);
  t.same(r(RN, (s) => fp.fpConvert(s, 64, 32, lo(x), hi(x), fp.FPRounding.ODD)), ['3f800001', IXC]);
  // double -> half with rounding, denormal half results are never flushed
  const h = db(2 ** -24);
  t.same(r(FZ, (s) => fp.fpConvert(s, 64, 16, lo(h), hi(h), fp.FPRounding.TIEEVEN)), ['1', 0]);
  // NaN conversion keeps the top payload bits
  t.same(r(RN, (s) => fp.fpConvert(s, 32, 64, 0x7fc00001, 0, 0)), ['20000000', 0]); // lo word of 0x7ff8000020000000
  // FPToFixed: TIEAWAY on negative ties, saturation, NaN
  const m25 = db(-2.5);
  t.same(r(RN, (s) => fp.fpToFixed(s, 64, lo(m25), hi(m25), 0, false, fp.FPRounding.TIEAWAY, 32)), ['fffffffd', IXC]);
  t.same(r(RN, (s) => fp.fpToFixed(s, 64, lo(m25), hi(m25), 0, false, fp.FPRounding.TIEEVEN, 32)), ['fffffffe', IXC]);
  t.same(r(RN, (s) => fp.fpToFixed(s, 32, 0x4f000000, 0, 0, false, fp.FPRounding.ZERO, 32)), ['7fffffff', IOC]); // 2^31
  t.same(r(RN, (s) => fp.fpToFixed(s, 32, 0xcf000000, 0, 0, false, fp.FPRounding.ZERO, 32)), ['80000000', 0]); // -2^31 exact
  t.same(r(RN, (s) => fp.fpToFixed(s, 32, 0xffc00000, 0, 0, true, fp.FPRounding.ZERO, 32)), ['0', IOC]);
  t.same(r(RN, (s) => fp.fpToFixed(s, 32, 0x3f400000, 0, 2, false, fp.FPRounding.ZERO, 32)), ['3', 0]); // 0.75 * 4
  // FixedToFP: int64 with double rounding trap into single: 2^62 + 2^38 + 1 -> must round up
  const s = st();
  const v = (1n << 62n) + (1n << 38n) + 1n;
  t.equal(hx(fp.fixedToFp(s, 32, lo(v), hi(v), 64, 0, false, fp.FPRounding.TIEEVEN)), hx(fb(2 ** 62 + 2 ** 39)));
  t.equal(s[Slot.FPSR], IXC);
  // FRINT: FRINTX raises IXC, FRINTI does not; zero results keep the sign
  t.same(r(RN, (s) => fp.fpRoundInt(s, 32, 0xbe99999a, 0, fp.FPRounding.TIEEVEN, true)), ['80000000', IXC]); // -0.3 -> -0
  t.same(r(RN, (s) => fp.fpRoundInt(s, 32, 0xbe99999a, 0, fp.FPRounding.TIEEVEN, false)), ['80000000', 0]);
  t.same(r(RN, (s) => fp.fpRoundInt(s, 32, 0xc0200000, 0, fp.FPRounding.TIEAWAY, false)), ['c0400000', 0]); // -2.5 -> -3
});
