/**
 * AdvSIMD floating point (single and double precision; half only in the
 * FCVTL/FCVTN conversions), on the per-element functions of fp.ts, which
 * honour FPCR (RMode, FZ, DN) and accumulate FPSR flags. Elements are bit
 * patterns: 32-bit as numbers, 64-bit as (lo, hi) with the high word of a
 * result in S[RET_HI].
 *   same shape:   simd_<op>(d, n, m, esize, lanes)         (scalar: lanes = 1)
 *   by element:   simd_<op>_elem(d, n, m, index, esize, lanes)
 *   unary:        simd_<op>(d, n, esize, lanes)
 * FRECPE, FRSQRTE, FRECPX, URECPE and URSQRTE are defined here from the Arm
 * ARM pseudocode (Armv8.0 estimates, no FEAT_RPRES).
 */
import { Slot } from '../../backend-js/abi.js';
import type { CpuState } from '../cpu-state.js';
import {
  bitLength, fixedToFp, FMT_D, FMT_S, fpAbs32, fpAdd32, fpAdd64, fpCompareEQ32, fpCompareEQ64, fpCompareGE32, fpCompareGE64,
  fpCompareGT32, fpCompareGT64, fpConvert, FPCR_FZ, fpcrRounding, fpDefaultNaN, fpDiv32, fpDiv64, type FpFormat, fpInfinity,
  fpMax32, fpMax64, fpMaxNormal, fpMaxNum32, fpMaxNum64, fpMin32, fpMin64, fpMinNum32, fpMinNum64, fpMul32, fpMul64, fpMulAdd32,
  fpMulAdd64, fpMulX32, fpMulX64, fpNeg32, fpRecipStepFused32, fpRecipStepFused64, FPRounding, fpRoundInt, fpRSqrtStepFused32,
  fpRSqrtStepFused64, fpSqrt32, fpSqrt64, FPSR_DZC, FPSR_IOC, FPSR_IXC, FPSR_OFC, FPSR_UFC, fpSub32, fpSub64, fpToFixed, FPType,
  fpZero, processNaN, raise, unpack,
} from './fp.js';
import type { HelperContext, HelperFamily, HelperFn } from './registry.js';
import { begin, beginKeepLow, commit, T } from './simd-lanes.js';

const HI = Slot.RET_HI;
const SIGN = 0x80000000 | 0;

/** A binary element op: a = Vn elem, b = Vm elem, c = old Vd elem (FMLA/FMLS). */
interface FpOp {
  f32(s: Int32Array, a: number, b: number, c: number): number;
  f64(s: Int32Array, alo: number, ahi: number, blo: number, bhi: number, clo: number, chi: number): number;
}
/** A unary element op. */
interface FpUn {
  f32(s: Int32Array, a: number): number;
  f64(s: Int32Array, lo: number, hi: number): number;
}

const mask32 = (x: boolean): number => (x ? -1 : 0);
function mask64(s: Int32Array, x: boolean): number {
  s[HI] = x ? -1 : 0;
  return x ? -1 : 0;
}
const abs64hi = (hi: number): number => hi & 0x7fffffff;

const bin = (f32: (s: Int32Array, a: number, b: number) => number, f64: (s: Int32Array, al: number, ah: number, bl: number, bh: number) => number): FpOp => ({
  f32: (s, a, b) => f32(s, a, b),
  f64: (s, al, ah, bl, bh) => f64(s, al, ah, bl, bh),
});

export const FP_BIN: Record<string, FpOp> = {
  fadd: bin(fpAdd32, fpAdd64),
  fsub: bin(fpSub32, fpSub64),
  fmul: bin(fpMul32, fpMul64),
  fmulx: bin(fpMulX32, fpMulX64),
  fdiv: bin(fpDiv32, fpDiv64),
  fmax: bin(fpMax32, fpMax64),
  fmin: bin(fpMin32, fpMin64),
  fmaxnm: bin(fpMaxNum32, fpMaxNum64),
  fminnm: bin(fpMinNum32, fpMinNum64),
  frecps: bin(fpRecipStepFused32, fpRecipStepFused64),
  frsqrts: bin(fpRSqrtStepFused32, fpRSqrtStepFused64),
  /** FABD: FPAbs(FPSub(a, b)). */
  fabd: {
    f32: (s, a, b) => fpAbs32(fpSub32(s, a, b)),
    f64: (s, al, ah, bl, bh) => {
      const lo = fpSub64(s, al, ah, bl, bh);
      s[HI] = abs64hi(s[HI]!);
      return lo;
    },
  },
  /** FMLA: Vd + Vn * Vm fused; FMLS: Vd + (-Vn) * Vm. */
  fmla: { f32: (s, a, b, c) => fpMulAdd32(s, c, a, b), f64: (s, al, ah, bl, bh, cl, ch) => fpMulAdd64(s, cl, ch, al, ah, bl, bh) },
  fmls: { f32: (s, a, b, c) => fpMulAdd32(s, c, fpNeg32(a), b), f64: (s, al, ah, bl, bh, cl, ch) => fpMulAdd64(s, cl, ch, al, ah ^ SIGN, bl, bh) },
  fcmeq: { f32: (s, a, b) => mask32(fpCompareEQ32(s, a, b)), f64: (s, al, ah, bl, bh) => mask64(s, fpCompareEQ64(s, al, ah, bl, bh)) },
  fcmge: { f32: (s, a, b) => mask32(fpCompareGE32(s, a, b)), f64: (s, al, ah, bl, bh) => mask64(s, fpCompareGE64(s, al, ah, bl, bh)) },
  fcmgt: { f32: (s, a, b) => mask32(fpCompareGT32(s, a, b)), f64: (s, al, ah, bl, bh) => mask64(s, fpCompareGT64(s, al, ah, bl, bh)) },
  facge: {
    f32: (s, a, b) => mask32(fpCompareGE32(s, fpAbs32(a), fpAbs32(b))),
    f64: (s, al, ah, bl, bh) => mask64(s, fpCompareGE64(s, al, abs64hi(ah), bl, abs64hi(bh))),
  },
  facgt: {
    f32: (s, a, b) => mask32(fpCompareGT32(s, fpAbs32(a), fpAbs32(b))),
    f64: (s, al, ah, bl, bh) => mask64(s, fpCompareGT64(s, al, abs64hi(ah), bl, abs64hi(bh))),
  },
};

/** Compare against +0.0: FCMGT/FCMGE/FCMEQ #0 compare (a, 0); FCMLE/FCMLT #0 compare (0, a). */
const FP_CMP_ZERO: Record<string, FpUn> = {
  fcmgt_zero: { f32: (s, a) => mask32(fpCompareGT32(s, a, 0)), f64: (s, l, h) => mask64(s, fpCompareGT64(s, l, h, 0, 0)) },
  fcmge_zero: { f32: (s, a) => mask32(fpCompareGE32(s, a, 0)), f64: (s, l, h) => mask64(s, fpCompareGE64(s, l, h, 0, 0)) },
  fcmeq_zero: { f32: (s, a) => mask32(fpCompareEQ32(s, a, 0)), f64: (s, l, h) => mask64(s, fpCompareEQ64(s, l, h, 0, 0)) },
  fcmle_zero: { f32: (s, a) => mask32(fpCompareGE32(s, 0, a)), f64: (s, l, h) => mask64(s, fpCompareGE64(s, 0, 0, l, h)) },
  fcmlt_zero: { f32: (s, a) => mask32(fpCompareGT32(s, 0, a)), f64: (s, l, h) => mask64(s, fpCompareGT64(s, 0, 0, l, h)) },
};

// ---- estimates (Arm ARM shared pseudocode) ----

/** RecipEstimate(a), 256 <= a < 512. */
export function recipEstimate(a: number): number {
  a = a * 2 + 1;
  const b = Math.floor(2 ** 19 / a);
  return (b + 1) >> 1;
}
/** RecipSqrtEstimate(a), 128 <= a < 512. */
export function recipSqrtEstimate(a: number): number {
  if (a < 256) a = a * 2 + 1;
  else {
    a = (a >> 1) << 1;
    a = (a + 1) * 2;
  }
  let b = 512;
  while (a * (b + 1) * (b + 1) < 2 ** 28) b++;
  return (b + 1) >> 1;
}

const isNaNType = (t: FPType): boolean => t === FPType.QNaN || t === FPType.SNaN;
/** floor(log2 |value|) of an unpacked nonzero value m * 2^e. */
const log2Of = (m: bigint, e: number): number => bitLength(m) - 1 + e;

/** FPRecipEstimate. */
export function fpRecipEstimate(f: FpFormat, op: bigint, s: Int32Array): bigint {
  const fpcr = s[Slot.FPCR]!;
  const u = unpack(f, op, fpcr, s);
  if (isNaNType(u.t)) return processNaN(f, u.t, op, fpcr, s);
  if (u.t === FPType.Infinity) return fpZero(f, u.sign);
  if (u.t === FPType.Zero) {
    raise(s, FPSR_DZC);
    return fpInfinity(f, u.sign);
  }
  const lg = log2Of(u.m, u.e);
  if (lg < (f.N === 32 ? -128 : -1024)) {
    const rm = fpcrRounding(fpcr);
    const toInf = rm === FPRounding.TIEEVEN || (rm === FPRounding.POSINF && u.sign === 0) || (rm === FPRounding.NEGINF && u.sign === 1);
    raise(s, FPSR_OFC | FPSR_IXC);
    return toInf ? fpInfinity(f, u.sign) : fpMaxNormal(f, u.sign);
  }
  if (fpcr & FPCR_FZ && lg >= (f.N === 32 ? 126 : 1022)) {
    raise(s, FPSR_UFC);
    return fpZero(f, u.sign);
  }
  const F = BigInt(f.F), fmask = (1n << F) - 1n;
  let exp = Number((op >> F) & BigInt((1 << f.E) - 1));
  let fraction = op & fmask;
  if (exp === 0) {
    if (((fraction >> (F - 1n)) & 1n) === 0n) {
      exp = -1;
      fraction = (fraction << 2n) & fmask;
    } else fraction = (fraction << 1n) & fmask;
  }
  const scaled = 256 | Number(fraction >> (F - 8n));
  let resultExp = (f.N === 32 ? 253 : 2045) - exp;
  const estimate = recipEstimate(scaled);
  fraction = BigInt(estimate & 0xff) << (F - 8n);
  if (resultExp === 0) fraction = (1n << (F - 1n)) | (fraction >> 1n);
  else if (resultExp === -1) {
    fraction = (1n << (F - 2n)) | (fraction >> 2n);
    resultExp = 0;
  }
  return (BigInt(u.sign) << BigInt(f.N - 1)) | (BigInt(resultExp) << F) | fraction;
}

/** FPRSqrtEstimate. */
export function fpRSqrtEstimate(f: FpFormat, op: bigint, s: Int32Array): bigint {
  const fpcr = s[Slot.FPCR]!;
  const u = unpack(f, op, fpcr, s);
  if (isNaNType(u.t)) return processNaN(f, u.t, op, fpcr, s);
  if (u.t === FPType.Zero) {
    raise(s, FPSR_DZC);
    return fpInfinity(f, u.sign);
  }
  if (u.sign === 1) {
    raise(s, FPSR_IOC);
    return fpDefaultNaN(f);
  }
  if (u.t === FPType.Infinity) return fpZero(f, 0);
  const F = BigInt(f.F), fmask = (1n << F) - 1n;
  let exp = Number((op >> F) & BigInt((1 << f.E) - 1));
  let fraction = op & fmask;
  if (exp === 0) {
    while (((fraction >> (F - 1n)) & 1n) === 0n) {
      fraction = (fraction << 1n) & fmask;
      exp--;
    }
    fraction = (fraction << 1n) & fmask;
  }
  const scaled = (exp & 1) === 0 ? 256 | Number(fraction >> (F - 8n)) : 128 | Number(fraction >> (F - 7n));
  const resultExp = Math.floor(((f.N === 32 ? 380 : 3068) - exp) / 2);
  const estimate = recipSqrtEstimate(scaled);
  return (BigInt(resultExp) << F) | (BigInt(estimate & 0xff) << (F - 8n));
}

/** FPRecpX: the exponent inverted, fraction zero (zero/denormal exponent -> max_exp). */
export function fpRecpX(f: FpFormat, op: bigint, s: Int32Array): bigint {
  const fpcr = s[Slot.FPCR]!;
  const u = unpack(f, op, fpcr, s);
  if (isNaNType(u.t)) return processNaN(f, u.t, op, fpcr, s);
  const F = BigInt(f.F), emask = (1 << f.E) - 1;
  const exp = Number((op >> F) & BigInt(emask));
  const rexp = exp === 0 ? emask - 1 : ~exp & emask;
  return (BigInt(u.sign) << BigInt(f.N - 1)) | (BigInt(rexp) << F);
}

/** UnsignedRecipEstimate (URECPE). */
export function unsignedRecipEstimate(a: number): number {
  if (a >>> 31 === 0) return -1;
  return (recipEstimate(a >>> 23) << 23) | 0;
}
/** UnsignedRSqrtEstimate (URSQRTE). */
export function unsignedRSqrtEstimate(a: number): number {
  if (a >>> 30 === 0) return -1;
  return (recipSqrtEstimate(a >>> 23) << 23) | 0;
}

const B32 = (x: number): bigint => BigInt(x >>> 0);
const B64 = (lo: number, hi: number): bigint => (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
function out64(s: Int32Array, r: bigint): number {
  s[HI] = Number(BigInt.asIntN(32, r >> 32n));
  return Number(BigInt.asIntN(32, r));
}
const bigUn = (fn: (f: FpFormat, op: bigint, s: Int32Array) => bigint): FpUn => ({
  f32: (s, a) => Number(fn(FMT_S, B32(a), s)),
  f64: (s, lo, hi) => out64(s, fn(FMT_D, B64(lo, hi), s)),
});

/** Rounding operand value meaning FPRoundingMode(FPCR). */
const RFPCR = 7;
const rnd = (s: Int32Array, r: number): FPRounding => (r === RFPCR ? fpcrRounding(s[Slot.FPCR]!) : (r as FPRounding));

const frint = (r: number, exact: boolean): FpUn => ({
  f32: (s, a) => fpRoundInt(s, 32, a, 0, rnd(s, r), exact),
  f64: (s, lo, hi) => fpRoundInt(s, 64, lo, hi, rnd(s, r), exact),
});

export const FP_UN: Record<string, FpUn> = {
  ...FP_CMP_ZERO,
  fabs: { f32: (_s, a) => a & 0x7fffffff, f64: (s, lo, hi) => ((s[HI] = hi & 0x7fffffff), lo) },
  fneg: { f32: (_s, a) => a ^ SIGN, f64: (s, lo, hi) => ((s[HI] = hi ^ SIGN), lo) },
  fsqrt: { f32: (s, a) => fpSqrt32(s, a), f64: (s, lo, hi) => fpSqrt64(s, lo, hi) },
  frecpe: bigUn(fpRecipEstimate),
  frsqrte: bigUn(fpRSqrtEstimate),
  frecpx: bigUn(fpRecpX),
  frintn: frint(FPRounding.TIEEVEN, false),
  frintp: frint(FPRounding.POSINF, false),
  frintm: frint(FPRounding.NEGINF, false),
  frintz: frint(FPRounding.ZERO, false),
  frinta: frint(FPRounding.TIEAWAY, false),
  frintx: frint(RFPCR, true),
  frinti: frint(RFPCR, false),
};

/** FCVT{N,P,M,Z,A}{S,U} (vector, integer): [rounding, unsigned]. */
const FP_TO_INT: Record<string, [number, boolean]> = {
  fcvtns: [FPRounding.TIEEVEN, false], fcvtnu: [FPRounding.TIEEVEN, true],
  fcvtps: [FPRounding.POSINF, false], fcvtpu: [FPRounding.POSINF, true],
  fcvtms: [FPRounding.NEGINF, false], fcvtmu: [FPRounding.NEGINF, true],
  fcvtzs: [FPRounding.ZERO, false], fcvtzu: [FPRounding.ZERO, true],
  fcvtas: [FPRounding.TIEAWAY, false], fcvtau: [FPRounding.TIEAWAY, true],
};

// ---- loops ----

/** result[i] = op(Vn[i], Vm[bIndex < 0 ? i : bIndex], Vd[i]). */
function fpSame(cpu: CpuState, op: FpOp, d: number, n: number, m: number, esize: number, lanes: number, bIndex = -1): void {
  const w = cpu.v.i32, s = cpu.s, t = T.i32;
  begin();
  if (esize === 32) {
    for (let i = 0; i < lanes; i++) t[i] = op.f32(s, w[4 * n + i]!, w[4 * m + (bIndex < 0 ? i : bIndex)]!, w[4 * d + i]!);
  } else {
    for (let i = 0; i < lanes; i++) {
      const j = bIndex < 0 ? i : bIndex;
      t[2 * i] = op.f64(s, w[4 * n + 2 * i]!, w[4 * n + 2 * i + 1]!, w[4 * m + 2 * j]!, w[4 * m + 2 * j + 1]!, w[4 * d + 2 * i]!, w[4 * d + 2 * i + 1]!);
      t[2 * i + 1] = s[HI]!;
    }
  }
  commit(cpu.v, d);
}

/** Element k of the concatenation Vm:Vn (Vn low, `lanes` elements each) as (lo, hi). */
function pairElem(w: Int32Array, n: number, m: number, k: number, lanes: number, esize: number): [number, number] {
  const r = k < lanes ? n : m, j = k < lanes ? k : k - lanes;
  return esize === 32 ? [w[4 * r + j]!, 0] : [w[4 * r + 2 * j]!, w[4 * r + 2 * j + 1]!];
}

/**
 * Pairwise: result[i] = op(x[2i], x[2i+1]) over x = Vm:Vn, `lanes` results; srcLanes =
 * elements per source register (= lanes for the vector forms, 2 for the scalar forms).
 */
function fpPairwise(cpu: CpuState, op: FpOp, d: number, n: number, m: number, esize: number, lanes: number, srcLanes = lanes): void {
  const w = cpu.v.i32, s = cpu.s, t = T.i32;
  begin();
  for (let i = 0; i < lanes; i++) {
    const [al, ah] = pairElem(w, n, m, 2 * i, srcLanes, esize);
    const [bl, bh] = pairElem(w, n, m, 2 * i + 1, srcLanes, esize);
    if (esize === 32) t[i] = op.f32(s, al, bl, 0);
    else {
      t[2 * i] = op.f64(s, al, ah, bl, bh, 0, 0);
      t[2 * i + 1] = s[HI]!;
    }
  }
  commit(cpu.v, d);
}

function fpUnary(cpu: CpuState, op: FpUn, d: number, n: number, esize: number, lanes: number): void {
  const w = cpu.v.i32, s = cpu.s, t = T.i32;
  begin();
  if (esize === 32) for (let i = 0; i < lanes; i++) t[i] = op.f32(s, w[4 * n + i]!);
  else {
    for (let i = 0; i < lanes; i++) {
      t[2 * i] = op.f64(s, w[4 * n + 2 * i]!, w[4 * n + 2 * i + 1]!);
      t[2 * i + 1] = s[HI]!;
    }
  }
  commit(cpu.v, d);
}

/** FP -> integer (fbits fraction bits), element size kept. */
function fpToInt(cpu: CpuState, d: number, n: number, esize: number, lanes: number, fbits: number, unsigned: boolean, rounding: FPRounding): void {
  const w = cpu.v.i32, s = cpu.s, t = T.i32, N = esize as 32 | 64;
  begin();
  for (let i = 0; i < lanes; i++) {
    if (N === 32) t[i] = fpToFixed(s, 32, w[4 * n + i]!, 0, fbits, unsigned, rounding, 32);
    else {
      t[2 * i] = fpToFixed(s, 64, w[4 * n + 2 * i]!, w[4 * n + 2 * i + 1]!, fbits, unsigned, rounding, 64);
      t[2 * i + 1] = s[HI]!;
    }
  }
  commit(cpu.v, d);
}

/** Integer (fbits fraction bits) -> FP, element size kept, FPCR rounding. */
function intToFp(cpu: CpuState, d: number, n: number, esize: number, lanes: number, fbits: number, unsigned: boolean): void {
  const w = cpu.v.i32, s = cpu.s, t = T.i32, rounding = fpcrRounding(s[Slot.FPCR]!);
  begin();
  for (let i = 0; i < lanes; i++) {
    if (esize === 32) t[i] = fixedToFp(s, 32, w[4 * n + i]!, 0, 32, fbits, unsigned, rounding);
    else {
      t[2 * i] = fixedToFp(s, 64, w[4 * n + 2 * i]!, w[4 * n + 2 * i + 1]!, 64, fbits, unsigned, rounding);
      t[2 * i + 1] = s[HI]!;
    }
  }
  commit(cpu.v, d);
}

/** Reduce(op, Vn, esize): the pairwise tree of the pseudocode, over `lanes` 32-bit elements. */
function reduce32(s: Int32Array, op: FpOp, w: Int32Array, n: number, lo: number, count: number): number {
  if (count === 1) return w[4 * n + lo]!;
  const half = count >> 1;
  return op.f32(s, reduce32(s, op, w, n, lo, half), reduce32(s, op, w, n, lo + half, half), 0);
}

export const fpVectorHelpers: HelperFamily = (ctx: HelperContext) => {
  const out: Record<string, HelperFn> = {};
  for (const [name, op] of Object.entries(FP_BIN)) {
    out[`simd_${name}`] = (d: number, n: number, m: number, esize: number, lanes: number) => fpSame(ctx.cpu, op, d, n, m, esize, lanes);
  }
  for (const name of ['fmul', 'fmulx', 'fmla', 'fmls'] as const) {
    const op = FP_BIN[name]!;
    out[`simd_${name}_elem`] = (d: number, n: number, m: number, index: number, esize: number, lanes: number) =>
      fpSame(ctx.cpu, op, d, n, m, esize, lanes, index);
  }
  for (const name of ['faddp', 'fmaxp', 'fminp', 'fmaxnmp', 'fminnmp'] as const) {
    const op = FP_BIN[name.slice(0, -1)]!;
    out[`simd_${name}`] = (d: number, n: number, m: number, esize: number, lanes: number) => fpPairwise(ctx.cpu, op, d, n, m, esize, lanes);
    /** Scalar pairwise: element 0 = op(Vn[0], Vn[1]). */
    out[`simd_${name}_scalar`] = (d: number, n: number, esize: number) => fpPairwise(ctx.cpu, op, d, n, n, esize, 1, 2);
  }
  for (const name of ['fmaxv', 'fminv', 'fmaxnmv', 'fminnmv'] as const) {
    const op = FP_BIN[name.slice(0, -1)]!;
    /** Across lanes (4S only): simd_<op>v(d, n, lanes). */
    out[`simd_${name}`] = (d: number, n: number, lanes: number) => {
      const r = reduce32(ctx.cpu.s, op, ctx.cpu.v.i32, n, 0, lanes);
      begin();
      T.i32[0] = r;
      commit(ctx.cpu.v, d);
    };
  }
  for (const [name, op] of Object.entries(FP_UN)) {
    out[`simd_${name}`] = (d: number, n: number, esize: number, lanes: number) => fpUnary(ctx.cpu, op, d, n, esize, lanes);
  }
  for (const [name, [rounding, unsigned]] of Object.entries(FP_TO_INT)) {
    out[`simd_${name}`] = (d: number, n: number, esize: number, lanes: number) => fpToInt(ctx.cpu, d, n, esize, lanes, 0, unsigned, rounding);
  }
  return {
    ...out,
    /** FCVTZS/FCVTZU (fixed-point): simd_fcvtz<s|u>_fix(d, n, fbits, esize, lanes). */
    simd_fcvtzs_fix: (d: number, n: number, fbits: number, esize: number, lanes: number) => fpToInt(ctx.cpu, d, n, esize, lanes, fbits, false, FPRounding.ZERO),
    simd_fcvtzu_fix: (d: number, n: number, fbits: number, esize: number, lanes: number) => fpToInt(ctx.cpu, d, n, esize, lanes, fbits, true, FPRounding.ZERO),
    /** SCVTF/UCVTF (vector, integer: fbits = 0, and fixed-point): simd_<s|u>cvtf(d, n, fbits, esize, lanes). */
    simd_scvtf: (d: number, n: number, fbits: number, esize: number, lanes: number) => intToFp(ctx.cpu, d, n, esize, lanes, fbits, false),
    simd_ucvtf: (d: number, n: number, fbits: number, esize: number, lanes: number) => intToFp(ctx.cpu, d, n, esize, lanes, fbits, true),
    /** URECPE / URSQRTE (32-bit elements): simd_<op>(d, n, lanes). */
    simd_urecpe: (d: number, n: number, lanes: number) => {
      const w = ctx.cpu.v.i32;
      begin();
      for (let i = 0; i < lanes; i++) T.i32[i] = unsignedRecipEstimate(w[4 * n + i]!);
      commit(ctx.cpu.v, d);
    },
    simd_ursqrte: (d: number, n: number, lanes: number) => {
      const w = ctx.cpu.v.i32;
      begin();
      for (let i = 0; i < lanes; i++) T.i32[i] = unsignedRSqrtEstimate(w[4 * n + i]!);
      commit(ctx.cpu.v, d);
    },
    /**
     * FCVTL/FCVTL2: simd_fcvtl(d, n, esize (destination: 32 from half, 64 from single), q);
     * the source is the low (q = 0) or high half of Vn.
     */
    simd_fcvtl: (d: number, n: number, esize: number, q: number) => {
      const v = ctx.cpu.v, s = ctx.cpu.s, t = T.i32, rounding = fpcrRounding(s[Slot.FPCR]!);
      begin();
      if (esize === 32) {
        for (let i = 0; i < 4; i++) t[i] = fpConvert(s, 16, 32, v.u16[8 * n + 4 * q + i]!, 0, rounding);
      } else {
        for (let i = 0; i < 2; i++) {
          t[2 * i] = fpConvert(s, 32, 64, v.i32[4 * n + 2 * q + i]!, 0, rounding);
          t[2 * i + 1] = s[HI]!;
        }
      }
      commit(v, d);
    },
    /**
     * FCVTN/FCVTN2 and FCVTXN/FCVTXN2: simd_fcvtn(d, n, esize (destination: 16 or 32), q, odd, lanes);
     * the "2" forms write the upper half and keep the lower; scalar FCVTXN passes lanes = 1.
     */
    simd_fcvtn: (d: number, n: number, esize: number, q: number, odd: number, lanes: number) => {
      const v = ctx.cpu.v, s = ctx.cpu.s, rounding = odd ? FPRounding.ODD : fpcrRounding(s[Slot.FPCR]!);
      const w = v.i32;
      if (q) beginKeepLow(v, d);
      else begin();
      if (esize === 16) {
        const r: number[] = [];
        for (let i = 0; i < lanes; i++) r.push(fpConvert(s, 32, 16, w[4 * n + i]!, 0, rounding));
        for (let i = 0; i < lanes; i++) T.u16[4 * q + i] = r[i]!;
      } else {
        for (let i = 0; i < lanes; i++) T.i32[2 * q + i] = fpConvert(s, 64, 32, w[4 * n + 2 * i]!, w[4 * n + 2 * i + 1]!, rounding);
      }
      commit(v, d);
    },
  };
};
