/**
 * Per-element floating-point operations with Armv8.0 semantics (FPCR
 * rounding/FZ/DN/AHP, FPSR cumulative flags), bit-exact. Each function first
 * tries a host-double fast path that is only taken when it is provably exact:
 * operands normal or zero, result normal and finite, and the rounding error's
 * sign known exactly (TwoSum / Dekker product / remainder check), from which
 * the directed rounding modes and the inexact flag follow. Everything else
 * (NaNs, infinities, denormals, tiny or overflowing results, ...) goes to the
 * bigint reference implementation in fp-soft.ts.
 *
 * Before that, the common case of a running program (fastRN: FPCR RN with
 * FZ = 0, and FPSR.IXC already set, since flags are sticky): the host result
 * itself when it is finite and normal, no inexact test needed; for the fused
 * multiply-add an exactly rounded emulation (fmaRNAt). Those also serve the
 * register-level helpers of fp.ts and simd-fast-fp.ts, which read the
 * registers as doubles directly. Bit patterns become doubles by arithmetic
 * (toD), not through a scratch Float64Array written as two int32 halves: that
 * store-to-load forwarding stall was the main cost of every operation.
 *
 * Conventions (see fp.ts for the list):
 *   s       CPU scalar state: reads s[Slot.FPCR], ORs flags into s[Slot.FPSR]
 *   32-bit  bit patterns as numbers (int32 or uint32 accepted; uint32 returned)
 *   64-bit  bit patterns as (lo, hi) int32 pairs; results return lo (uint32)
 *           and leave hi (int32) in s[Slot.RET_HI]
 */
import { Slot } from '../../backend-js/abi.js';
import {
  addBig, compareBig, compareCondBig, convertBig, divBig, fixedToFpBig, FMT_D, FMT_H, FMT_S, FPCR_FZ, FPRounding,
  FPSR_IDC, FPSR_IOC, FPSR_IXC, FPSR_OFC, maxMinBig, maxMinNumBig, mulAddBig, mulBig, raise, roundIntBig, sqrtBig,
  stepFusedBig, type FpFormat, fpcrRounding,
} from './fp-soft.js';

const RET_HI = Slot.RET_HI;
const FPCR = Slot.FPCR;
const FPSR = Slot.FPSR;

// ---- host scratch for bit-pattern <-> double (never used for NaNs) ----
const F64 = new Float64Array(2);
const I32 = new Int32Array(F64.buffer);
const F32 = new Float32Array(1);
/** Operands and result of fmaRNAt for the bit-pattern interface. */
const SCR = new Float64Array(4);
const U32 = new Uint32Array(F32.buffer);

/**
 * 2^(e - 1075) by sign and biased exponent (hi >>> 20; e = 0 as e = 1), +-Infinity for
 * e = 0x7ff: (significand with its implicit bit) * POW[hi >>> 20] is the value of a finite
 * double, +-Infinity for infinities and NaNs.
 */
const POW = new Float64Array(4096);
/** The implicit bit (2^52) by biased exponent, 0 for zero/denormal. */
const IMPL = new Float64Array(2048);
for (let i = 0; i < 4096; i++) {
  const e = i & 0x7ff;
  POW[i] = (i & 0x800 ? -1 : 1) * (e === 0x7ff ? Infinity : 2 ** (Math.max(e, 1) - 1075));
  if (i < 2048 && i !== 0) IMPL[i] = 2 ** 52;
}
/**
 * The double of a bit pattern, computed (writing two int32 halves and reading the
 * float64 back would stall store forwarding): exact for finite patterns, +-Infinity
 * for infinities and NaNs (callers test for NaN patterns first or reject
 * non-finite results).
 */
export function toD(lo: number, hi: number): number {
  return ((hi & 0xfffff) * 4294967296 + (lo >>> 0) + IMPL[(hi >>> 20) & 0x7ff]!) * POW[hi >>> 20]!;
}
/** ulp of a double by biased exponent (denormals: 2^-1074). */
const ULP = new Float64Array(2048);
for (let e = 0; e < 2048; e++) ULP[e] = 2 ** (Math.max(e, 1) - 1075);

/**
 * FPCR.RMode = RN and FZ = 0 and FPSR.IXC already set: then a host double
 * operation whose result is finite and normal (|r| > 2^-1022; inputs may be
 * anything, NaN, infinite and zero results are left to the caller's slow path) gives
 * the Arm result with no new flag (IXC is sticky; DN only matters for NaNs).
 */
export function fastRN(s: Int32Array): boolean {
  return (s[FPCR]! & 0x01c00000) === 0 && (s[FPSR]! & FPSR_IXC) !== 0;
}
/** |r| is normal and finite (NaN fails). */
export function normalD(r: number): boolean {
  const a = Math.abs(r);
  return a > MIN_D && a < Infinity;
}
/** Same for a single result. */
export function normalS(r: number): boolean {
  const a = Math.abs(r);
  return a > MIN_S && a < Infinity;
}
function toF(bits: number): number {
  U32[0] = bits;
  return F32[0]!;
}
function bitsF(x: number): number {
  F32[0] = x;
  return U32[0]!;
}
function outD(s: Int32Array, x: number): number {
  F64[0] = x;
  s[RET_HI] = I32[1]!;
  return I32[0]! >>> 0;
}

// ---- bigint <-> patterns for the slow path ----
const B32 = (a: number): bigint => BigInt(a >>> 0);
const B64 = (lo: number, hi: number): bigint => (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
function out64(s: Int32Array, v: bigint): number {
  s[RET_HI] = Number(BigInt.asIntN(32, v >> 32n));
  return Number(v & 0xffffffffn);
}

/** Normal or zero (not denormal, infinite or NaN). */
function okS(a: number): boolean {
  const e = (a >>> 23) & 0xff;
  return e === 0 ? (a & 0x7fffffff) === 0 : e !== 0xff;
}
function okD(lo: number, hi: number): boolean {
  const e = (hi >>> 20) & 0x7ff;
  return e === 0 ? ((hi & 0x7fffffff) | lo) === 0 : e !== 0x7ff;
}
/** Unbiased exponent of a normal double. */
const expD = (hi: number): number => ((hi >>> 20) & 0x7ff) - 1023;

const MIN_S = 2 ** -126;
const MIN_D = 2 ** -1022;
/** Fast-path bound for f64 results: far enough from the denormal range that Dekker products are exact. */
const SAFE_D = 2 ** -960;

const rmodeOf = (s: Int32Array): number => (s[FPCR]! >>> 22) & 3;
const sgnOf = (x: number): number => (x > 0 ? 1 : x < 0 ? -1 : 0);

/** Error of the product p = fl(a*b) (Dekker); exact when no overflow/underflow occurs. */
function twoProdErr(a: number, b: number, p: number): number {
  const ca = 134217729 * a;
  const ah = ca - (ca - a);
  const al = a - ah;
  const cb = 134217729 * b;
  const bh = cb - (cb - b);
  const bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl;
}

/**
 * Finish a double result: r = RN(X) (normal, |r| > MIN, finite), sgn = sign(X - r).
 * Applies the directed rounding modes, raises IXC/OFC, returns lo, hi in RET_HI.
 */
function finish64(s: Int32Array, r: number, sgn: number, rmode: number): number {
  F64[0] = r;
  let lo = I32[0]!, hi = I32[1]!;
  if (sgn !== 0) {
    let flags = FPSR_IXC;
    if (rmode !== 0) {
      const neg = hi < 0;
      let dir = 0;
      if (rmode === 1) dir = sgn > 0 ? (neg ? -1 : 1) : 0;
      else if (rmode === 2) dir = sgn < 0 ? (neg ? 1 : -1) : 0;
      else dir = (sgn > 0) === neg ? -1 : 0;
      if (dir === 1) {
        lo = (lo + 1) | 0;
        if (lo === 0) hi = (hi + 1) | 0;
      } else if (dir === -1) {
        if (lo === 0) hi = (hi - 1) | 0;
        lo = (lo - 1) | 0;
      }
      if (((hi >>> 20) & 0x7ff) === 0x7ff) flags |= FPSR_OFC;
    }
    raise(s, flags);
  }
  s[RET_HI] = hi;
  return lo >>> 0;
}

/**
 * Finish a single result from sd = RN_double(X) and tsign = sign(X - sd):
 * returns the bits, or -1 (nothing raised) when the slow path must decide
 * (tiny, overflow). Handles the double-rounding midpoint case.
 */
function finish32(s: Int32Array, sd: number, tsign: number, rmode: number): number {
  let r = Math.fround(sd);
  let sgn: number;
  if (r !== sd) {
    const dd = sd - r;
    sgn = dd > 0 ? 1 : -1;
    if (tsign !== 0) {
      const other = sd + dd;
      if (Math.fround(other) === other && tsign === sgn) {
        r = other;
        sgn = -sgn;
      }
    }
  } else {
    sgn = tsign;
  }
  const ar = Math.abs(r);
  if (!(ar > MIN_S && ar < Infinity)) return -1;
  let bits = bitsF(r);
  if (sgn !== 0) {
    let flags = FPSR_IXC;
    if (rmode !== 0) {
      const neg = bits >>> 31 === 1;
      let dir = 0;
      if (rmode === 1) dir = sgn > 0 ? (neg ? -1 : 1) : 0;
      else if (rmode === 2) dir = sgn < 0 ? (neg ? 1 : -1) : 0;
      else dir = (sgn > 0) === neg ? -1 : 0;
      bits = (bits + dir) >>> 0;
      if (((bits >>> 23) & 0xff) === 0xff) flags |= FPSR_OFC;
    }
    raise(s, flags);
  }
  return bits;
}

/** Exact zero result of an addition of x and y (both finite): sign per rounding mode. */
function zeroSum(x: number, y: number, sd: number, rmode: number): number {
  if (rmode === 2) return x === 0 && y === 0 && 1 / x > 0 && 1 / y > 0 ? 0 : -0;
  return sd;
}

// =====================================================================
// single precision
// =====================================================================

function addSub32(s: Int32Array, a: number, b: number, sub: boolean): number {
  if (fastRN(s)) {
    const r = Math.fround(sub ? toF(a) - toF(b) : toF(a) + toF(b));
    if (normalS(r)) return bitsF(r);
  }
  if (okS(a) && okS(b)) {
    const x = toF(a), y = sub ? -toF(b) : toF(b);
    const sd = x + y;
    const rmode = rmodeOf(s);
    if (sd === 0) return bitsF(zeroSum(x, y, sd, rmode));
    const bv = sd - x;
    const t = x - (sd - bv) + (y - bv);
    const r = finish32(s, sd, sgnOf(t), rmode);
    if (r >= 0) return r;
  }
  return Number(addBig(FMT_S, B32(a), B32(b), sub, s));
}
/** FPAdd (single). */
export function fpAdd32(s: Int32Array, a: number, b: number): number {
  return addSub32(s, a, b, false);
}
/** FPSub (single). */
export function fpSub32(s: Int32Array, a: number, b: number): number {
  return addSub32(s, a, b, true);
}

/** FPMul (single). */
export function fpMul32(s: Int32Array, a: number, b: number): number {
  if (fastRN(s)) {
    const r = Math.fround(toF(a) * toF(b));
    if (normalS(r)) return bitsF(r);
  }
  if (okS(a) && okS(b)) {
    const p = toF(a) * toF(b);
    if (p === 0) return bitsF(p);
    const r = finish32(s, p, 0, rmodeOf(s));
    if (r >= 0) return r;
  }
  return Number(mulBig(FMT_S, B32(a), B32(b), s));
}

/** FPMulX (FMULX, single): like FPMul but infinity * zero = +-2.0. */
export function fpMulX32(s: Int32Array, a: number, b: number): number {
  if (okS(a) && okS(b)) return fpMul32(s, a, b);
  return Number(mulBig(FMT_S, B32(a), B32(b), s, true));
}

/** FPDiv (single). */
export function fpDiv32(s: Int32Array, a: number, b: number): number {
  if (fastRN(s)) {
    const r = Math.fround(toF(a) / toF(b));
    if (normalS(r)) return bitsF(r);
  }
  if (okS(a) && okS(b) && (b & 0x7fffffff) !== 0) {
    const x = toF(a), y = toF(b);
    const sd = x / y;
    if (sd === 0) return bitsF(sd);
    const tsign = Math.fround(sd) === sd ? sgnOf(x - sd * y) * sgnOf(y) : 0;
    const r = finish32(s, sd, tsign, rmodeOf(s));
    if (r >= 0) return r;
  }
  return Number(divBig(FMT_S, B32(a), B32(b), s));
}

/** FPSqrt (single). */
export function fpSqrt32(s: Int32Array, a: number): number {
  if (fastRN(s)) {
    const r = Math.fround(Math.sqrt(toF(a)));
    if (normalS(r)) return bitsF(r);
  }
  if (okS(a)) {
    if ((a & 0x7fffffff) === 0) return a >>> 0;
    if (a >>> 31 === 0) {
      const x = toF(a);
      const sd = Math.sqrt(x);
      const tsign = Math.fround(sd) === sd ? sgnOf(x - sd * sd) : 0;
      const r = finish32(s, sd, tsign, rmodeOf(s));
      if (r >= 0) return r;
    }
  }
  return Number(sqrtBig(FMT_S, B32(a), s));
}

/** FPMulAdd (single): addend + a*b, fused (one rounding). */
export function fpMulAdd32(s: Int32Array, addend: number, a: number, b: number): number {
  if (fastRN(s)) {
    // a*b is exact in a double, sd + t = c + a*b exactly; rounding sd to single is only
    // wrong when sd is a midpoint between two singles and t != 0 (then t decides)
    const c = toF(addend), p = toF(a) * toF(b);
    const sd = c + p;
    const bv = sd - c;
    const t = c - (sd - bv) + (p - bv);
    let r = Math.fround(sd);
    if (t !== 0 && r !== sd) {
      const dd = sd - r, other = sd + dd;
      if (Math.fround(other) === other && t > 0 === dd > 0) r = other;
    }
    if (normalS(r)) return bitsF(r);
  }
  if (okS(addend) && okS(a) && okS(b) && (a & 0x7fffffff) !== 0 && (b & 0x7fffffff) !== 0) {
    const c = toF(addend);
    const p = toF(a) * toF(b); // exact
    const sd = c + p;
    const rmode = rmodeOf(s);
    if (sd === 0) return rmode === 2 ? 0x80000000 : 0;
    const bv = sd - c;
    const t = c - (sd - bv) + (p - bv);
    const r = finish32(s, sd, sgnOf(t), rmode);
    if (r >= 0) return r;
  }
  return Number(mulAddBig(FMT_S, B32(addend), B32(a), B32(b), s));
}

/** FPRecipStepFused (FRECPS, single): 2.0 - a*b fused. */
export function fpRecipStepFused32(s: Int32Array, a: number, b: number): number {
  if (okS(a) && okS(b)) return fpMulAdd32(s, 0x40000000, (a ^ 0x80000000) >>> 0, b);
  return Number(stepFusedBig(FMT_S, B32(a), B32(b), false, s));
}

/** FPRSqrtStepFused (FRSQRTS, single): (3.0 - a*b) / 2 fused. */
export function fpRSqrtStepFused32(s: Int32Array, a: number, b: number): number {
  return Number(stepFusedBig(FMT_S, B32(a), B32(b), true, s));
}

function maxMin32(s: Int32Array, a: number, b: number, max: boolean): number {
  if (okS(a) && okS(b)) {
    const x = toF(a), y = toF(b);
    if (x === y) {
      if (x !== 0) return a >>> 0;
      return (max ? a & b : a | b) >>> 0;
    }
    return (max ? x > y : x < y) ? a >>> 0 : b >>> 0;
  }
  return Number(maxMinBig(FMT_S, B32(a), B32(b), max, s));
}
/** FPMax (single). */
export function fpMax32(s: Int32Array, a: number, b: number): number {
  return maxMin32(s, a, b, true);
}
/** FPMin (single). */
export function fpMin32(s: Int32Array, a: number, b: number): number {
  return maxMin32(s, a, b, false);
}
/** FPMaxNum (single): FMAXNM. */
export function fpMaxNum32(s: Int32Array, a: number, b: number): number {
  if (okS(a) && okS(b)) return maxMin32(s, a, b, true);
  return Number(maxMinNumBig(FMT_S, B32(a), B32(b), true, s));
}
/** FPMinNum (single): FMINNM. */
export function fpMinNum32(s: Int32Array, a: number, b: number): number {
  if (okS(a) && okS(b)) return maxMin32(s, a, b, false);
  return Number(maxMinNumBig(FMT_S, B32(a), B32(b), false, s));
}

/** FPCompare (single): NZCV as 4 bits (8 = N, 4 = Z, 2 = C, 1 = V). */
export function fpCompare32(s: Int32Array, a: number, b: number, signalNaNs: boolean): number {
  if (okS(a) && okS(b)) {
    const x = toF(a), y = toF(b);
    return x === y ? 0b0110 : x < y ? 0b1000 : 0b0010;
  }
  return compareBig(FMT_S, B32(a), B32(b), signalNaNs, s);
}
/** FPCompareEQ (single): quiet except for signalling NaNs. */
export function fpCompareEQ32(s: Int32Array, a: number, b: number): boolean {
  if (okS(a) && okS(b)) return toF(a) === toF(b);
  return compareCondBig(FMT_S, B32(a), B32(b), 'eq', s);
}
/** FPCompareGE (single): a >= b; IOC on any NaN. */
export function fpCompareGE32(s: Int32Array, a: number, b: number): boolean {
  if (okS(a) && okS(b)) return toF(a) >= toF(b);
  return compareCondBig(FMT_S, B32(a), B32(b), 'ge', s);
}
/** FPCompareGT (single): a > b; IOC on any NaN. */
export function fpCompareGT32(s: Int32Array, a: number, b: number): boolean {
  if (okS(a) && okS(b)) return toF(a) > toF(b);
  return compareCondBig(FMT_S, B32(a), B32(b), 'gt', s);
}

/** FPNeg / FPAbs (single): sign bit only, no exceptions, NaNs untouched. */
export const fpNeg32 = (a: number): number => (a ^ 0x80000000) >>> 0;
export const fpAbs32 = (a: number): number => (a & 0x7fffffff) >>> 0;

// =====================================================================
// double precision
// =====================================================================

function addSub64(s: Int32Array, alo: number, ahi: number, blo: number, bhi: number, sub: boolean): number {
  if (fastRN(s)) {
    const r = sub ? toD(alo, ahi) - toD(blo, bhi) : toD(alo, ahi) + toD(blo, bhi);
    if (normalD(r)) return outD(s, r);
  }
  // (exponents below 1022 so that TwoSum cannot overflow)
  if (okD(alo, ahi) && okD(blo, bhi) && (ahi & 0x7fe00000) !== 0x7fe00000 && (bhi & 0x7fe00000) !== 0x7fe00000) {
    const x = toD(alo, ahi), y = sub ? -toD(blo, bhi) : toD(blo, bhi);
    const r = x + y;
    const rmode = rmodeOf(s);
    if (r === 0) return outD(s, zeroSum(x, y, r, rmode));
    const ar = Math.abs(r);
    if (ar > MIN_D && ar < Infinity) {
      const bv = r - x;
      const t = x - (r - bv) + (y - bv);
      return finish64(s, r, sgnOf(t), rmode);
    }
  }
  return out64(s, addBig(FMT_D, B64(alo, ahi), B64(blo, bhi), sub, s));
}
/** FPAdd (double). */
export function fpAdd64(s: Int32Array, alo: number, ahi: number, blo: number, bhi: number): number {
  return addSub64(s, alo, ahi, blo, bhi, false);
}
/** FPSub (double). */
export function fpSub64(s: Int32Array, alo: number, ahi: number, blo: number, bhi: number): number {
  return addSub64(s, alo, ahi, blo, bhi, true);
}

/** FPMul (double). */
export function fpMul64(s: Int32Array, alo: number, ahi: number, blo: number, bhi: number): number {
  if (fastRN(s)) {
    const r = toD(alo, ahi) * toD(blo, bhi);
    if (normalD(r)) return outD(s, r);
  }
  if (okD(alo, ahi) && okD(blo, bhi)) {
    const x = toD(alo, ahi), y = toD(blo, bhi);
    if (x === 0 || y === 0) return outD(s, x * y);
    const ea = expD(ahi), eb = expD(bhi);
    if (ea <= 995 && eb <= 995 && ea + eb >= -960 && ea + eb <= 1000) {
      const p = x * y;
      return finish64(s, p, sgnOf(twoProdErr(x, y, p)), rmodeOf(s));
    }
  }
  return out64(s, mulBig(FMT_D, B64(alo, ahi), B64(blo, bhi), s));
}

/** FPMulX (FMULX, double): like FPMul but infinity * zero = +-2.0. */
export function fpMulX64(s: Int32Array, alo: number, ahi: number, blo: number, bhi: number): number {
  if (okD(alo, ahi) && okD(blo, bhi)) return fpMul64(s, alo, ahi, blo, bhi);
  return out64(s, mulBig(FMT_D, B64(alo, ahi), B64(blo, bhi), s, true));
}

/** FPDiv (double). */
export function fpDiv64(s: Int32Array, alo: number, ahi: number, blo: number, bhi: number): number {
  if (fastRN(s)) {
    const r = toD(alo, ahi) / toD(blo, bhi);
    if (normalD(r)) return outD(s, r);
  }
  if (okD(alo, ahi) && okD(blo, bhi) && ((bhi & 0x7fffffff) | blo) !== 0) {
    const x = toD(alo, ahi), y = toD(blo, bhi);
    if (x === 0) return outD(s, x / y);
    const ea = expD(ahi), eb = expD(bhi);
    if (ea >= -965 && ea <= 1000 && eb <= 995 && ea - eb >= -959 && ea - eb <= 994) {
      const r = x / y;
      const p = r * y;
      const e = twoProdErr(r, y, p);
      const d = x - p; // exact (Sterbenz)
      const tsign = (d > e ? 1 : d < e ? -1 : 0) * sgnOf(y);
      return finish64(s, r, tsign, rmodeOf(s));
    }
  }
  return out64(s, divBig(FMT_D, B64(alo, ahi), B64(blo, bhi), s));
}

/** FPSqrt (double). */
export function fpSqrt64(s: Int32Array, lo: number, hi: number): number {
  if (fastRN(s)) {
    const r = Math.sqrt(toD(lo, hi));
    if (normalD(r)) return outD(s, r);
  }
  if (okD(lo, hi)) {
    if (((hi & 0x7fffffff) | lo) === 0) {
      s[RET_HI] = hi;
      return lo >>> 0;
    }
    if (hi >>> 31 === 0 && expD(hi) >= -965 && expD(hi) <= 1000) {
      const x = toD(lo, hi);
      const r = Math.sqrt(x);
      const p = r * r;
      const e = twoProdErr(r, r, p);
      const d = x - p;
      return finish64(s, r, d > e ? 1 : d < e ? -1 : 0, rmodeOf(s));
    }
  }
  return out64(s, sqrtBig(FMT_D, B64(lo, hi), s));
}

/** Round to odd of vh + vl, vl != 0 and |vl| <= ulp(vh)/2 (vh = RN(vh + vl)): vh when odd, else its neighbour toward vl. */
function roundOdd(vh: number, vl: number): number {
  F64[0] = vh;
  const lo = I32[0]!, hi = I32[1]!;
  if ((lo & 1) !== 0) return vh;
  const e = (hi >>> 20) & 0x7ff;
  let u = ULP[e]!;
  // toward zero from a power of two (not the smallest normal): the step below is half an ulp
  if (vl > 0 !== vh > 0 && lo === 0 && (hi & 0xfffff) === 0 && e > 1) u *= 0.5;
  return vl > 0 ? vh + u : vh - u;
}

/**
 * Fused multiply-add rounded to nearest even, on doubles in a Float64Array
 * (the vector register file, or a scratch): A[o] = c + x*y with c = sc * A[ic],
 * x = sx * A[ix], y = A[iy] (sc, sx = +-1), by Boldo-Melquiond (exact product,
 * TwoSum, round to odd of the low parts, one final rounding). No flags are
 * raised: this is the Arm result in FPCR RN with FZ = 0 and FPSR.IXC already
 * set (see fastRN). Returns false, A[o] untouched, unless x and y are normal,
 * and the product, c and the result far from underflow and overflow (NaNs,
 * infinities, zeros... fail; the caller's exact path decides). Arrays and
 * indices in, a boolean out: nothing is boxed when the call is not inlined.
 */
export function fmaRNAt(A: Float64Array, o: number, ic: number, ix: number, iy: number, sc: number, sx: number): boolean {
  const c = sc * A[ic]!, x = sx * A[ix]!, y = A[iy]!;
  const p = x * y;
  const ap = Math.abs(p), ax = Math.abs(x), ay = Math.abs(y);
  if (!(ap >= 2 ** -897 && ap < 2 ** 999 && ax >= MIN_D && ax < 2 ** 996 && ay >= MIN_D && ay < 2 ** 996 && Math.abs(c) < 2 ** 1000)) return false;
  return fmaRNCore(A, o, c, x, y, p);
}
/**
 * The arithmetic of fmaRNAt, p = RN(x*y). (Split from it so that each stays
 * under V8's inlining size limit: both inline into a small caller.)
 */
function fmaRNCore(A: Float64Array, o: number, c: number, x: number, y: number, p: number): boolean {
  const pl = twoProdErr(x, y, p);
  // TwoSum(c, p) = sh + sl; the exact result is X = sh + sl + pl
  const sh = c + p;
  const bv = sh - c;
  const sl = c - (sh - bv) + (p - bv);
  const v = sl + pl;
  // r = RN(T), T = sh + v. Unless sl + pl is exact (v = sl + pl, r = RN(X)), the
  // TwoSum was inexact, so |p| <= 2|sh|, |v| <= 1.5 ulp(sh) and the final grid near r
  // is a multiple of ulp(v) > 2|vl|: RN(T) = RN(X) unless T is a midpoint of that
  // grid, where the sign of vl = sl + pl - v decides (this is what the round to odd
  // of Boldo-Melquiond achieves). e = T - r exactly (Fast2Sum, |sh| >> |v|); T is a
  // midpoint iff r + 2e (the neighbour) is a double: then (r + 2e) - r === 2e,
  // while a non-double r + 2e rounds to r or to the neighbour, 0 < |2e| < the spacing.
  let r = sh + v;
  const e = v - (r - sh);
  if (r + 2 * e - r === 2 * e) {
    // a midpoint, or e = 0, or sl + pl exact (Fast2Sum's e may be anything then, but vl = 0)
    const bw = v - sl;
    const vl = sl - (v - bw) + (pl - bw);
    if (vl !== 0 && vl > 0 === e > 0) r += 2 * e;
  }
  if (!(Math.abs(r) >= SAFE_D)) return false;
  A[o] = r;
  return true;
}

/**
 * Fast fused multiply-add on doubles (Boldo-Melquiond: exact product,
 * TwoSum, round-to-odd of the low parts, one final rounding), returning the
 * finished result, or -1 when the slow path must decide.
 */
function fma64Fast(s: Int32Array, c: number, x: number, y: number, ea: number, eb: number): number {
  if (!(ea <= 995 && eb <= 995 && ea + eb >= -900 && ea + eb <= 1000 && Math.abs(c) < 2 ** 1000)) return -1;
  const ph = x * y;
  const pl = twoProdErr(x, y, ph);
  const sh = c + ph;
  let bv = sh - c;
  const sl = c - (sh - bv) + (ph - bv);
  const vh = sl + pl;
  bv = vh - sl;
  const vl = sl - (vh - bv) + (pl - bv);
  const v = vl !== 0 ? roundOdd(vh, vl) : vh;
  const r = sh + v;
  const ar = Math.abs(r);
  if (!(ar >= SAFE_D && ar < 2 ** 1023)) return -1;
  let sgn: number;
  if (r === sh) {
    sgn = sgnOf(vh);
  } else {
    if (!((sh > 0) === (r > 0) && Math.abs(sh) <= 2 * ar && ar <= 2 * Math.abs(sh))) return -1;
    const d = sh - r; // exact
    const w = d + vh;
    const bw = w - d;
    const we = d - (w - bw) + (vh - bw);
    if (w === 0) sgn = sgnOf(vl);
    else if (Math.abs(w) > 2 * Math.max(Math.abs(we), Math.abs(vl))) sgn = sgnOf(w);
    else return -1;
  }
  return finish64(s, r, sgn, rmodeOf(s));
}

/** FPMulAdd (double): addend + a*b, fused (one rounding). */
export function fpMulAdd64(s: Int32Array, clo: number, chi: number, alo: number, ahi: number, blo: number, bhi: number): number {
  if (fastRN(s)) {
    SCR[0] = toD(clo, chi);
    SCR[1] = toD(alo, ahi);
    SCR[2] = toD(blo, bhi);
    if (fmaRNAt(SCR, 3, 0, 1, 2, 1, 1)) return outD(s, SCR[3]!);
  }
  if (okD(clo, chi) && okD(alo, ahi) && okD(blo, bhi) && ((ahi & 0x7fffffff) | alo) !== 0 && ((bhi & 0x7fffffff) | blo) !== 0) {
    const r = fma64Fast(s, toD(clo, chi), toD(alo, ahi), toD(blo, bhi), expD(ahi), expD(bhi));
    if (r >= 0) return r;
  }
  return out64(s, mulAddBig(FMT_D, B64(clo, chi), B64(alo, ahi), B64(blo, bhi), s));
}

/** FPRecipStepFused (FRECPS, double): 2.0 - a*b fused. */
export function fpRecipStepFused64(s: Int32Array, alo: number, ahi: number, blo: number, bhi: number): number {
  if (okD(alo, ahi) && okD(blo, bhi)) return fpMulAdd64(s, 0, 0x40000000, alo, ahi ^ 0x80000000, blo, bhi);
  return out64(s, stepFusedBig(FMT_D, B64(alo, ahi), B64(blo, bhi), false, s));
}

/** FPRSqrtStepFused (FRSQRTS, double): (3.0 - a*b) / 2 fused. */
export function fpRSqrtStepFused64(s: Int32Array, alo: number, ahi: number, blo: number, bhi: number): number {
  return out64(s, stepFusedBig(FMT_D, B64(alo, ahi), B64(blo, bhi), true, s));
}

function maxMin64(s: Int32Array, alo: number, ahi: number, blo: number, bhi: number, max: boolean): number {
  if (okD(alo, ahi) && okD(blo, bhi)) {
    const x = toD(alo, ahi), y = toD(blo, bhi);
    if (x === y) {
      s[RET_HI] = x !== 0 ? ahi : max ? ahi & bhi : ahi | bhi;
      return alo >>> 0;
    }
    const pick = max ? x > y : x < y;
    s[RET_HI] = pick ? ahi : bhi;
    return (pick ? alo : blo) >>> 0;
  }
  return out64(s, maxMinBig(FMT_D, B64(alo, ahi), B64(blo, bhi), max, s));
}
/** FPMax (double). */
export function fpMax64(s: Int32Array, alo: number, ahi: number, blo: number, bhi: number): number {
  return maxMin64(s, alo, ahi, blo, bhi, true);
}
/** FPMin (double). */
export function fpMin64(s: Int32Array, alo: number, ahi: number, blo: number, bhi: number): number {
  return maxMin64(s, alo, ahi, blo, bhi, false);
}
/** FPMaxNum (double): FMAXNM. */
export function fpMaxNum64(s: Int32Array, alo: number, ahi: number, blo: number, bhi: number): number {
  if (okD(alo, ahi) && okD(blo, bhi)) return maxMin64(s, alo, ahi, blo, bhi, true);
  return out64(s, maxMinNumBig(FMT_D, B64(alo, ahi), B64(blo, bhi), true, s));
}
/** FPMinNum (double): FMINNM. */
export function fpMinNum64(s: Int32Array, alo: number, ahi: number, blo: number, bhi: number): number {
  if (okD(alo, ahi) && okD(blo, bhi)) return maxMin64(s, alo, ahi, blo, bhi, false);
  return out64(s, maxMinNumBig(FMT_D, B64(alo, ahi), B64(blo, bhi), false, s));
}

/** FPCompare (double): NZCV as 4 bits. */
export function fpCompare64(s: Int32Array, alo: number, ahi: number, blo: number, bhi: number, signalNaNs: boolean): number {
  if (okD(alo, ahi) && okD(blo, bhi)) {
    const x = toD(alo, ahi), y = toD(blo, bhi);
    return x === y ? 0b0110 : x < y ? 0b1000 : 0b0010;
  }
  return compareBig(FMT_D, B64(alo, ahi), B64(blo, bhi), signalNaNs, s);
}
/** FPCompareEQ (double). */
export function fpCompareEQ64(s: Int32Array, alo: number, ahi: number, blo: number, bhi: number): boolean {
  if (okD(alo, ahi) && okD(blo, bhi)) return toD(alo, ahi) === toD(blo, bhi);
  return compareCondBig(FMT_D, B64(alo, ahi), B64(blo, bhi), 'eq', s);
}
/** FPCompareGE (double). */
export function fpCompareGE64(s: Int32Array, alo: number, ahi: number, blo: number, bhi: number): boolean {
  if (okD(alo, ahi) && okD(blo, bhi)) return toD(alo, ahi) >= toD(blo, bhi);
  return compareCondBig(FMT_D, B64(alo, ahi), B64(blo, bhi), 'ge', s);
}
/** FPCompareGT (double). */
export function fpCompareGT64(s: Int32Array, alo: number, ahi: number, blo: number, bhi: number): boolean {
  if (okD(alo, ahi) && okD(blo, bhi)) return toD(alo, ahi) > toD(blo, bhi);
  return compareCondBig(FMT_D, B64(alo, ahi), B64(blo, bhi), 'gt', s);
}

// =====================================================================
// rounding to integral, conversions
// =====================================================================

/**
 * Decode a single/double (N = 32 or 64) for the integer conversions: the
 * exact value as a double, after FZ flushing (IDC); NaN for NaNs.
 */
function valueForInt(s: Int32Array, N: number, lo: number, hi: number): number {
  if (N === 32) {
    const e = (lo >>> 23) & 0xff;
    if (e === 0 && (lo & 0x7fffff) !== 0 && s[FPCR]! & FPCR_FZ) {
      raise(s, FPSR_IDC);
      return lo >>> 31 ? -0 : 0;
    }
    if (e === 0xff && (lo & 0x7fffff) !== 0) return NaN;
    return toF(lo);
  }
  const e = (hi >>> 20) & 0x7ff;
  if (e === 0 && ((hi & 0xfffff) | lo) !== 0 && s[FPCR]! & FPCR_FZ) {
    raise(s, FPSR_IDC);
    return hi >>> 31 ? -0 : 0;
  }
  if (e === 0x7ff && ((hi & 0xfffff) | lo) !== 0) return NaN;
  return toD(lo, hi);
}

/** Round a finite double to an integer (as a double) per FPRounding; sets roundInexact. */
let roundInexact = false;
function roundDouble(v: number, rounding: FPRounding): number {
  const fl = Math.floor(v);
  const err = v - fl; // exact
  roundInexact = err !== 0;
  let up: boolean;
  switch (rounding) {
    case FPRounding.TIEEVEN:
      up = err > 0.5 || (err === 0.5 && fl % 2 !== 0);
      break;
    case FPRounding.POSINF:
      up = err !== 0;
      break;
    case FPRounding.NEGINF:
      up = false;
      break;
    case FPRounding.ZERO:
      up = err !== 0 && fl < 0;
      break;
    default: // TIEAWAY
      up = err > 0.5 || (err === 0.5 && fl >= 0);
  }
  return up ? fl + 1 : fl;
}

/**
 * FPRoundInt (FRINT*, N = 32 or 64): exact = FRINTX semantics (IXC when
 * inexact). For N = 32, lo is the bit pattern and hi is ignored. Returns lo
 * (hi in RET_HI for N = 64).
 */
export function fpRoundInt(s: Int32Array, N: 32 | 64, lo: number, hi: number, rounding: FPRounding, exact: boolean): number {
  const v = valueForInt(s, N, lo, hi);
  const neg = (N === 32 ? lo >>> 31 : hi >>> 31) === 1;
  if (v !== v || !Number.isFinite(v)) {
    if (N === 32) return Number(roundIntBig(FMT_S, B32(lo), rounding, exact, s));
    return out64(s, roundIntBig(FMT_D, B64(lo, hi), rounding, exact, s));
  }
  let r = v;
  if (v !== 0) {
    r = roundDouble(v, rounding);
    if (roundInexact && exact) raise(s, FPSR_IXC);
  }
  if (r === 0) r = neg ? -0 : 0;
  return N === 32 ? bitsF(r) : outD(s, r);
}

/**
 * FPToFixed (N = 32 or 64 source): to an M-bit (32/64) signed or unsigned
 * integer with fbits fraction bits, saturating; NaN -> 0; IOC on NaN and
 * overflow, IXC when inexact. Returns lo (hi in RET_HI; 0/sign for M = 32).
 */
export function fpToFixed(s: Int32Array, N: 32 | 64, lo: number, hi: number, fbits: number, unsigned: boolean, rounding: FPRounding, M: 32 | 64): number {
  const v0 = valueForInt(s, N, lo, hi);
  let r: number;
  let overflow = false;
  const maxV = unsigned ? 2 ** M : 2 ** (M - 1); // exclusive upper bound
  const minV = unsigned ? 0 : -(2 ** (M - 1));
  if (v0 !== v0) {
    raise(s, FPSR_IOC);
    s[RET_HI] = 0;
    return 0;
  }
  roundInexact = false;
  if (!Number.isFinite(v0)) {
    overflow = true;
    r = v0;
  } else {
    r = v0 === 0 ? 0 : roundDouble(v0 * 2 ** fbits, rounding);
    overflow = r >= maxV || r < minV;
  }
  if (overflow) {
    raise(s, FPSR_IOC);
    if (r > 0) {
      // saturate high
      if (M === 32) {
        s[RET_HI] = 0;
        return unsigned ? 0xffffffff : 0x7fffffff;
      }
      s[RET_HI] = unsigned ? -1 : 0x7fffffff;
      return 0xffffffff;
    }
    if (M === 32) {
      s[RET_HI] = 0;
      return unsigned ? 0 : 0x80000000;
    }
    s[RET_HI] = unsigned ? 0 : 0x80000000 | 0;
    return 0;
  }
  if (roundInexact) raise(s, FPSR_IXC);
  if (M === 32) {
    s[RET_HI] = 0;
    return r >>> 0;
  }
  const h = Math.floor(r / 4294967296);
  s[RET_HI] = h | 0;
  return (r - h * 4294967296) >>> 0;
}

/**
 * FixedToFP: the M-bit (32/64) integer (lo, hi; hi ignored for M = 32),
 * signed or unsigned, with fbits fraction bits, to an N-bit float (32/64).
 * Returns lo (hi in RET_HI for N = 64).
 */
export function fixedToFp(s: Int32Array, N: 32 | 64, lo: number, hi: number, M: 32 | 64, fbits: number, unsigned: boolean, rounding: FPRounding): number {
  let x: number, t = 0;
  if (M === 32) {
    x = unsigned ? lo >>> 0 : lo | 0;
  } else {
    const h = (unsigned ? hi >>> 0 : hi | 0) * 4294967296;
    const l = lo >>> 0;
    x = h + l;
    const bv = x - h;
    t = h - (x - bv) + (l - bv);
  }
  if (x === 0) {
    s[RET_HI] = 0;
    return 0;
  }
  if (rounding <= 3) {
    const sc = 2 ** -fbits;
    x *= sc; // exact scaling
    t *= sc;
    if (N === 64) return finish64(s, x, sgnOf(t), rounding);
    const r = finish32(s, x, sgnOf(t), rounding);
    if (r >= 0) return r;
  }
  const op = M === 32 ? B32(lo) : B64(lo, hi);
  if (N === 32) return Number(fixedToFpBig(FMT_S, op, M, fbits, unsigned, rounding, s));
  return out64(s, fixedToFpBig(FMT_D, op, M, fbits, unsigned, rounding, s));
}

/**
 * FPConvert between half (16), single (32) and double (64) precision
 * (FCVT and friends; FPRounding.ODD gives FCVTXN). Operand as (lo, hi) with
 * hi ignored below 64 bits; returns lo (hi in RET_HI for 64-bit results).
 */
export function fpConvert(s: Int32Array, from: 16 | 32 | 64, to: 16 | 32 | 64, lo: number, hi: number, rounding: FPRounding): number {
  if (from === 64 && to === 32 && rounding <= 3 && okD(lo, hi)) {
    const x = toD(lo, hi);
    if (x === 0) return hi >>> 31 ? 0x80000000 : 0;
    const r = finish32(s, x, 0, rounding);
    if (r >= 0) return r;
  } else if (from === 32 && to === 64 && okS(lo)) {
    return outD(s, toF(lo));
  }
  const fmt = (n: number): FpFormat => (n === 16 ? FMT_H : n === 32 ? FMT_S : FMT_D);
  const op = from === 64 ? B64(lo, hi) : BigInt(lo >>> 0) & (from === 16 ? 0xffffn : 0xffffffffn);
  const r = convertBig(fmt(from), fmt(to), op, rounding, s);
  if (to === 64) return out64(s, r);
  s[RET_HI] = 0;
  return Number(r);
}

/** FPRoundingMode(FPCR) of the machine. */
export function fpcrRoundingOf(s: Int32Array): FPRounding {
  return fpcrRounding(s[FPCR]!);
}

