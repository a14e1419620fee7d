/**
 * Reference soft-float: the Arm ARM floating-point pseudocode (FPUnpack,
 * FPRound, FPProcessNaN(s), FPAdd, FPMul, FPMulAdd, ...) transcribed on bit
 * patterns held in bigints, with exact arithmetic on bigint mantissas. It is
 * generic over half, single and double precision and is the slow path of the
 * fast functions in fp-fast.ts (which fall back to it for every special case:
 * NaNs, infinities, denormals, underflow, overflow, ...), and their oracle in
 * tests.
 *
 * `s` is the CPU scalar state (Int32Array, Slot layout): FPCR is read from
 * s[Slot.FPCR], cumulative exception flags are ORed into s[Slot.FPSR].
 * Trapped exceptions are not implemented (the FPCR trap enables are RES0
 * here), so FPProcessException only sets the cumulative flag.
 */
import { Slot } from '../../backend-js/abi.js';

// ---- FPCR / FPSR bits ----
export const FPCR_AHP = 1 << 26;
export const FPCR_DN = 1 << 25;
export const FPCR_FZ = 1 << 24;
export const FPCR_RMODE_SHIFT = 22;
export const FPSR_IOC = 1 << 0;
export const FPSR_DZC = 1 << 1;
export const FPSR_OFC = 1 << 2;
export const FPSR_UFC = 1 << 3;
export const FPSR_IXC = 1 << 4;
export const FPSR_IDC = 1 << 7;

/** FPRounding. 0..3 are also the FPCR.RMode encodings (RN, RP, RM, RZ). */
export const enum FPRounding {
  TIEEVEN = 0,
  POSINF = 1,
  NEGINF = 2,
  ZERO = 3,
  TIEAWAY = 4,
  ODD = 5,
}

/** FPRoundingMode(FPCR). */
export function fpcrRounding(fpcr: number): FPRounding {
  return (fpcr >>> FPCR_RMODE_SHIFT) & 3;
}

export interface FpFormat {
  readonly N: 16 | 32 | 64;
  /** Exponent and fraction widths. */
  readonly E: number;
  readonly F: number;
  readonly minExp: number;
  readonly bias: number;
}
export const FMT_H: FpFormat = { N: 16, E: 5, F: 10, minExp: -14, bias: 15 };
export const FMT_S: FpFormat = { N: 32, E: 8, F: 23, minExp: -126, bias: 127 };
export const FMT_D: FpFormat = { N: 64, E: 11, F: 52, minExp: -1022, bias: 1023 };
export function fmtOf(N: number): FpFormat {
  return N === 16 ? FMT_H : N === 32 ? FMT_S : FMT_D;
}

export const enum FPType {
  Zero = 0,
  Nonzero = 1,
  Infinity = 2,
  QNaN = 3,
  SNaN = 4,
}

/** FPUnpack result. A nonzero value is m * 2^e exactly (m > 0); zero has m = 0. */
export interface Unpacked {
  t: FPType;
  sign: number;
  m: bigint;
  e: number;
}

export function raise(s: Int32Array, flags: number): void {
  s[Slot.FPSR] = s[Slot.FPSR]! | flags;
}

const isNaNType = (t: FPType): boolean => t === FPType.QNaN || t === FPType.SNaN;

/**
 * FPUnpack (FPUnpackCV when cv: half-precision never flushes, which in
 * Armv8.0 without FEAT_FP16 is the case for every half-precision operand).
 * Single/double denormals are flushed to zero when FPCR.FZ is set, raising IDC.
 * Half-precision uses the alternative format (no Inf/NaN) when FPCR.AHP is set.
 */
export function unpack(f: FpFormat, bits: bigint, fpcr: number, s: Int32Array): Unpacked {
  const F = BigInt(f.F);
  const sign = Number((bits >> BigInt(f.N - 1)) & 1n);
  const maxE = (1 << f.E) - 1;
  const ef = Number((bits >> F) & BigInt(maxE));
  const frac = bits & ((1n << F) - 1n);
  if (ef === 0) {
    if (frac === 0n) return { t: FPType.Zero, sign, m: 0n, e: 0 };
    if (f.N !== 16 && fpcr & FPCR_FZ) {
      raise(s, FPSR_IDC);
      return { t: FPType.Zero, sign, m: 0n, e: 0 };
    }
    return { t: FPType.Nonzero, sign, m: frac, e: f.minExp - f.F };
  }
  if (ef === maxE && !(f.N === 16 && fpcr & FPCR_AHP)) {
    if (frac === 0n) return { t: FPType.Infinity, sign, m: 0n, e: 0 };
    return { t: (frac >> (F - 1n)) & 1n ? FPType.QNaN : FPType.SNaN, sign, m: 0n, e: 0 };
  }
  return { t: FPType.Nonzero, sign, m: frac | (1n << F), e: ef - f.bias - f.F };
}

// ---- constants ----
export function fpZero(f: FpFormat, sign: number): bigint {
  return BigInt(sign) << BigInt(f.N - 1);
}
export function fpInfinity(f: FpFormat, sign: number): bigint {
  return (BigInt(sign) << BigInt(f.N - 1)) | (BigInt((1 << f.E) - 1) << BigInt(f.F));
}
export function fpMaxNormal(f: FpFormat, sign: number): bigint {
  return (BigInt(sign) << BigInt(f.N - 1)) | (BigInt((1 << f.E) - 2) << BigInt(f.F)) | ((1n << BigInt(f.F)) - 1n);
}
/** FPDefaultNaN: positive, quiet, zero payload. */
export function fpDefaultNaN(f: FpFormat): bigint {
  return (BigInt((1 << f.E) - 1) << BigInt(f.F)) | (1n << BigInt(f.F - 1));
}
export function fpNeg(f: FpFormat, bits: bigint): bigint {
  return bits ^ (1n << BigInt(f.N - 1));
}
export function fpAbs(f: FpFormat, bits: bigint): bigint {
  return bits & ((1n << BigInt(f.N - 1)) - 1n);
}

/** FPProcessNaN: quiet a signalling NaN (raising IOC); default NaN when FPCR.DN. */
export function processNaN(f: FpFormat, t: FPType, bits: bigint, fpcr: number, s: Int32Array): bigint {
  let r = bits;
  if (t === FPType.SNaN) {
    r |= 1n << BigInt(f.F - 1);
    raise(s, FPSR_IOC);
  }
  return fpcr & FPCR_DN ? fpDefaultNaN(f) : r;
}

/** FPProcessNaNs: undefined when neither operand is a NaN. */
export function processNaNs(f: FpFormat, u1: Unpacked, u2: Unpacked, op1: bigint, op2: bigint, fpcr: number, s: Int32Array): bigint | undefined {
  if (u1.t === FPType.SNaN) return processNaN(f, u1.t, op1, fpcr, s);
  if (u2.t === FPType.SNaN) return processNaN(f, u2.t, op2, fpcr, s);
  if (u1.t === FPType.QNaN) return processNaN(f, u1.t, op1, fpcr, s);
  if (u2.t === FPType.QNaN) return processNaN(f, u2.t, op2, fpcr, s);
  return undefined;
}

/** FPProcessNaNs3. */
export function processNaNs3(
  f: FpFormat, u1: Unpacked, u2: Unpacked, u3: Unpacked, op1: bigint, op2: bigint, op3: bigint, fpcr: number, s: Int32Array,
): bigint | undefined {
  if (u1.t === FPType.SNaN) return processNaN(f, u1.t, op1, fpcr, s);
  if (u2.t === FPType.SNaN) return processNaN(f, u2.t, op2, fpcr, s);
  if (u3.t === FPType.SNaN) return processNaN(f, u3.t, op3, fpcr, s);
  if (u1.t === FPType.QNaN) return processNaN(f, u1.t, op1, fpcr, s);
  if (u2.t === FPType.QNaN) return processNaN(f, u2.t, op2, fpcr, s);
  if (u3.t === FPType.QNaN) return processNaN(f, u3.t, op3, fpcr, s);
  return undefined;
}

export function bitLength(m: bigint): number {
  // m > 0
  const h = m.toString(16);
  return 4 * (h.length - 1) + (32 - Math.clz32(parseInt(h[0]!, 16)));
}

/**
 * FPRound of the nonzero real value (m + sticky') * 2^e, sign given apart:
 * `sticky` means the exact value is strictly between m*2^e and (m+1)*2^e; the
 * caller then guarantees m carries at least two bits below the result's last
 * place. Tininess is detected before rounding (exponent of the exact value
 * below the minimum), underflow is raised when tiny and inexact; FZ flushes
 * tiny results to zero raising UFC only (never for half precision). With
 * ahp (half, FPCR.AHP) the alternative half-precision overflow rule applies.
 */
export function roundBig(
  f: FpFormat, sign: number, m: bigint, e: number, sticky: boolean, fpcr: number, rounding: FPRounding, s: Int32Array, ahp = false,
): bigint {
  const L = bitLength(m);
  const exponent = L - 1 + e;
  if (f.N !== 16 && fpcr & FPCR_FZ && exponent < f.minExp) {
    raise(s, FPSR_UFC);
    return fpZero(f, sign);
  }
  let biased = Math.max(exponent - f.minExp + 1, 0);
  const lsbExp = biased > 0 ? exponent - f.F : f.minExp - f.F;
  const k = lsbExp - e;
  let mant: bigint;
  let errNonzero: boolean, gtHalf: boolean, eqHalf: boolean;
  if (k > 0) {
    const K = BigInt(k);
    mant = m >> K;
    const rem = m & ((1n << K) - 1n);
    const half = 1n << (K - 1n);
    errNonzero = rem !== 0n || sticky;
    gtHalf = rem > half || (rem === half && sticky);
    eqHalf = rem === half && !sticky;
    if (sticky && k < 2) throw new Error('roundBig: not enough precision with sticky');
  } else {
    if (sticky) throw new Error('roundBig: not enough precision with sticky');
    mant = m << BigInt(-k);
    errNonzero = gtHalf = eqHalf = false;
  }
  if (biased === 0 && errNonzero) raise(s, FPSR_UFC);
  let roundUp: boolean, overflowToInf: boolean;
  switch (rounding) {
    case FPRounding.TIEEVEN:
      roundUp = gtHalf || (eqHalf && (mant & 1n) === 1n);
      overflowToInf = true;
      break;
    case FPRounding.POSINF:
      roundUp = errNonzero && sign === 0;
      overflowToInf = sign === 0;
      break;
    case FPRounding.NEGINF:
      roundUp = errNonzero && sign === 1;
      overflowToInf = sign === 1;
      break;
    case FPRounding.TIEAWAY:
      roundUp = gtHalf || eqHalf;
      overflowToInf = true;
      break;
    default: // ZERO, ODD
      roundUp = false;
      overflowToInf = false;
  }
  const F = BigInt(f.F);
  if (roundUp) {
    mant += 1n;
    if (mant === 1n << F) biased = 1;
    if (mant === 1n << (F + 1n)) {
      biased += 1;
      mant >>= 1n;
    }
  }
  if (errNonzero && rounding === FPRounding.ODD) mant |= 1n;
  let result: bigint;
  let inexact = errNonzero;
  if (!ahp) {
    if (biased >= (1 << f.E) - 1) {
      result = overflowToInf ? fpInfinity(f, sign) : fpMaxNormal(f, sign);
      raise(s, FPSR_OFC);
      inexact = true;
    } else {
      result = (BigInt(sign) << BigInt(f.N - 1)) | (BigInt(biased) << F) | (mant & ((1n << F) - 1n));
    }
  } else if (biased >= 1 << f.E) {
    result = (BigInt(sign) << BigInt(f.N - 1)) | ((1n << BigInt(f.N - 1)) - 1n);
    raise(s, FPSR_IOC);
    inexact = false;
  } else {
    result = (BigInt(sign) << BigInt(f.N - 1)) | (BigInt(biased) << F) | (mant & ((1n << F) - 1n));
  }
  if (inexact) raise(s, FPSR_IXC);
  return result;
}

/** FPRound of a signed exact value v * 2^e (v != 0). */
function roundSigned(f: FpFormat, v: bigint, e: number, fpcr: number, rounding: FPRounding, s: Int32Array): bigint {
  return v < 0n ? roundBig(f, 1, -v, e, false, fpcr, rounding, s) : roundBig(f, 0, v, e, false, fpcr, rounding, s);
}

/** Exact sum of a*2^ea + b*2^eb as (v, e) with v signed. */
function exactSum(a: bigint, ea: number, b: bigint, eb: number): [bigint, number] {
  if (a === 0n) return [b, eb];
  if (b === 0n) return [a, ea];
  const e = Math.min(ea, eb);
  return [(a << BigInt(ea - e)) + (b << BigInt(eb - e)), e];
}

const signed = (u: Unpacked): bigint => (u.sign ? -u.m : u.m);

// ---- arithmetic (bits in, bits out) ----

/** FPAdd / FPSub. */
export function addBig(f: FpFormat, op1: bigint, op2: bigint, sub: boolean, s: Int32Array): bigint {
  const fpcr = s[Slot.FPCR]!;
  const rounding = fpcrRounding(fpcr);
  const u1 = unpack(f, op1, fpcr, s);
  const u2 = unpack(f, op2, fpcr, s);
  const nan = processNaNs(f, u1, u2, op1, op2, fpcr, s);
  if (nan !== undefined) return nan;
  const sign2 = u2.sign ^ (sub ? 1 : 0);
  const inf1 = u1.t === FPType.Infinity, inf2 = u2.t === FPType.Infinity;
  const zero1 = u1.t === FPType.Zero, zero2 = u2.t === FPType.Zero;
  if (inf1 && inf2 && u1.sign !== sign2) {
    raise(s, FPSR_IOC);
    return fpDefaultNaN(f);
  }
  if ((inf1 && u1.sign === 0) || (inf2 && sign2 === 0)) return fpInfinity(f, 0);
  if ((inf1 && u1.sign === 1) || (inf2 && sign2 === 1)) return fpInfinity(f, 1);
  if (zero1 && zero2 && u1.sign === sign2) return fpZero(f, u1.sign);
  const [v, e] = exactSum(signed(u1), u1.e, sign2 ? -u2.m : u2.m, u2.e);
  if (v === 0n) return fpZero(f, rounding === FPRounding.NEGINF ? 1 : 0);
  return roundSigned(f, v, e, fpcr, rounding, s);
}

/** FPMul; with mulx, FPMulX (infinity * zero = 2.0 with the product's sign). */
export function mulBig(f: FpFormat, op1: bigint, op2: bigint, s: Int32Array, mulx = false): bigint {
  const fpcr = s[Slot.FPCR]!;
  const u1 = unpack(f, op1, fpcr, s);
  const u2 = unpack(f, op2, fpcr, s);
  const nan = processNaNs(f, u1, u2, op1, op2, fpcr, s);
  if (nan !== undefined) return nan;
  const inf1 = u1.t === FPType.Infinity, inf2 = u2.t === FPType.Infinity;
  const zero1 = u1.t === FPType.Zero, zero2 = u2.t === FPType.Zero;
  const sign = u1.sign ^ u2.sign;
  if ((inf1 && zero2) || (zero1 && inf2)) {
    if (mulx) return fpTwo(f, sign);
    raise(s, FPSR_IOC);
    return fpDefaultNaN(f);
  }
  if (inf1 || inf2) return fpInfinity(f, sign);
  if (zero1 || zero2) return fpZero(f, sign);
  return roundBig(f, sign, u1.m * u2.m, u1.e + u2.e, false, fpcr, fpcrRounding(fpcr), s);
}

/** FPTwo(sign): +-2.0. */
export function fpTwo(f: FpFormat, sign: number): bigint {
  return (BigInt(sign) << BigInt(f.N - 1)) | (BigInt(f.bias + 1) << BigInt(f.F));
}

/** FPDiv. */
export function divBig(f: FpFormat, op1: bigint, op2: bigint, s: Int32Array): bigint {
  const fpcr = s[Slot.FPCR]!;
  const u1 = unpack(f, op1, fpcr, s);
  const u2 = unpack(f, op2, fpcr, s);
  const nan = processNaNs(f, u1, u2, op1, op2, fpcr, s);
  if (nan !== undefined) return nan;
  const inf1 = u1.t === FPType.Infinity, inf2 = u2.t === FPType.Infinity;
  const zero1 = u1.t === FPType.Zero, zero2 = u2.t === FPType.Zero;
  const sign = u1.sign ^ u2.sign;
  if ((inf1 && inf2) || (zero1 && zero2)) {
    raise(s, FPSR_IOC);
    return fpDefaultNaN(f);
  }
  if (inf1 || zero2) {
    if (!inf1) raise(s, FPSR_DZC);
    return fpInfinity(f, sign);
  }
  if (zero1 || inf2) return fpZero(f, sign);
  const k = f.F + 4 + bitLength(u2.m);
  const num = u1.m << BigInt(k);
  const q = num / u2.m;
  const sticky = q * u2.m !== num;
  return roundBig(f, sign, q, u1.e - u2.e - k, sticky, fpcr, fpcrRounding(fpcr), s);
}

/** Integer square root (floor). */
export function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt((bitLength(n) + 1) >> 1);
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** FPSqrt. */
export function sqrtBig(f: FpFormat, op: bigint, s: Int32Array): bigint {
  const fpcr = s[Slot.FPCR]!;
  const u = unpack(f, op, fpcr, s);
  if (isNaNType(u.t)) return processNaN(f, u.t, op, fpcr, s);
  if (u.t === FPType.Zero) return fpZero(f, u.sign);
  if (u.t === FPType.Infinity && u.sign === 0) return fpInfinity(f, 0);
  if (u.sign === 1) {
    raise(s, FPSR_IOC);
    return fpDefaultNaN(f);
  }
  let m = u.m, e = u.e;
  if (e & 1) {
    m <<= 1n;
    e -= 1;
  }
  const want = 2 * (f.F + 4);
  const L = bitLength(m);
  const j = L < want ? ((want - L + 1) >> 1) : 0;
  m <<= BigInt(2 * j);
  e -= 2 * j;
  const r = isqrt(m);
  return roundBig(f, 0, r, e / 2, r * r !== m, fpcr, fpcrRounding(fpcr), s);
}

/**
 * FPMulAdd: addend + op1 * op2 with a single rounding. Variants for
 * FRECPS/FRSQRTS: `special` gives the result for infinity * zero products
 * (FPRecipStepFused: 2.0, FPRSqrtStepFused: 1.5) instead of the default NaN,
 * and `halve` divides the exact result by 2 before rounding (FRSQRTS).
 */
export function mulAddBig(f: FpFormat, addend: bigint, op1: bigint, op2: bigint, s: Int32Array): bigint {
  const fpcr = s[Slot.FPCR]!;
  const rounding = fpcrRounding(fpcr);
  const uA = unpack(f, addend, fpcr, s);
  const u1 = unpack(f, op1, fpcr, s);
  const u2 = unpack(f, op2, fpcr, s);
  const inf1 = u1.t === FPType.Infinity, zero1 = u1.t === FPType.Zero;
  const inf2 = u2.t === FPType.Infinity, zero2 = u2.t === FPType.Zero;
  let result = processNaNs3(f, uA, u1, u2, addend, op1, op2, fpcr, s);
  if (uA.t === FPType.QNaN && ((inf1 && zero2) || (zero1 && inf2))) {
    result = fpDefaultNaN(f);
    raise(s, FPSR_IOC);
  }
  if (result !== undefined) return result;
  const infA = uA.t === FPType.Infinity, zeroA = uA.t === FPType.Zero;
  const signP = u1.sign ^ u2.sign;
  const infP = inf1 || inf2;
  const zeroP = zero1 || zero2;
  if ((inf1 && zero2) || (zero1 && inf2) || (infA && infP && uA.sign !== signP)) {
    raise(s, FPSR_IOC);
    return fpDefaultNaN(f);
  }
  if ((infA && uA.sign === 0) || (infP && signP === 0)) return fpInfinity(f, 0);
  if ((infA && uA.sign === 1) || (infP && signP === 1)) return fpInfinity(f, 1);
  if (zeroA && zeroP && uA.sign === signP) return fpZero(f, uA.sign);
  const p = u1.m * u2.m;
  const [v, e] = exactSum(signed(uA), uA.e, signP ? -p : p, u1.e + u2.e);
  if (v === 0n) return fpZero(f, rounding === FPRounding.NEGINF ? 1 : 0);
  return roundSigned(f, v, e, fpcr, rounding, s);
}

/**
 * FPRecipStepFused (FRECPS: 2.0 - op1*op2) and FPRSqrtStepFused (FRSQRTS:
 * (3.0 - op1*op2) / 2), fused, one rounding. op1 is negated first as in the
 * pseudocode; infinity * zero gives 2.0 resp. 1.5 without exception.
 */
export function stepFusedBig(f: FpFormat, op1In: bigint, op2: bigint, rsqrt: boolean, s: Int32Array): bigint {
  const fpcr = s[Slot.FPCR]!;
  const rounding = fpcrRounding(fpcr);
  const op1 = fpNeg(f, op1In);
  const u1 = unpack(f, op1, fpcr, s);
  const u2 = unpack(f, op2, fpcr, s);
  const nan = processNaNs(f, u1, u2, op1, op2, fpcr, s);
  if (nan !== undefined) return nan;
  const inf1 = u1.t === FPType.Infinity, inf2 = u2.t === FPType.Infinity;
  const zero1 = u1.t === FPType.Zero, zero2 = u2.t === FPType.Zero;
  const F = BigInt(f.F);
  if ((inf1 && zero2) || (zero1 && inf2)) {
    // FPTwo('0') or FPOnePointFive('0')
    return rsqrt ? (BigInt(f.bias) << F) | (1n << (F - 1n)) : fpTwo(f, 0);
  }
  if (inf1 || inf2) return fpInfinity(f, u1.sign ^ u2.sign);
  // Fully fused multiply-add (and halve for rsqrt).
  const p = u1.m * u2.m;
  const signP = u1.sign ^ u2.sign;
  const [v, e0] = exactSum(rsqrt ? 3n : 2n, 0, signP ? -p : p, u1.e + u2.e);
  if (v === 0n) return fpZero(f, rounding === FPRounding.NEGINF ? 1 : 0);
  return roundSigned(f, v, rsqrt ? e0 - 1 : e0, fpcr, rounding, s);
}

/** FPMax / FPMin (max = true for FPMax). */
export function maxMinBig(f: FpFormat, op1: bigint, op2: bigint, max: boolean, s: Int32Array): bigint {
  const fpcr = s[Slot.FPCR]!;
  const u1 = unpack(f, op1, fpcr, s);
  const u2 = unpack(f, op2, fpcr, s);
  const nan = processNaNs(f, u1, u2, op1, op2, fpcr, s);
  if (nan !== undefined) return nan;
  const c = compareValues(u1, u2);
  const pick1 = max ? c > 0 : c < 0;
  const u = pick1 ? u1 : u2;
  if (u.t === FPType.Infinity) return fpInfinity(f, u.sign);
  if (u.t === FPType.Zero) return fpZero(f, max ? u1.sign & u2.sign : u1.sign | u2.sign);
  // FPRound of a representable value: exact (FZ cannot apply: denormals were flushed on unpack).
  return roundBig(f, u.sign, u.m, u.e, false, fpcr, fpcrRounding(fpcr), s);
}

/** FPMaxNum / FPMinNum: a single quiet NaN is treated as -Inf (max) or +Inf (min). */
export function maxMinNumBig(f: FpFormat, op1In: bigint, op2In: bigint, max: boolean, s: Int32Array): bigint {
  const fpcr = s[Slot.FPCR]!;
  let op1 = op1In, op2 = op2In;
  const t1 = unpack(f, op1, fpcr, s).t;
  const t2 = unpack(f, op2, fpcr, s).t;
  if (t1 === FPType.QNaN && !isNaNType(t2)) op1 = fpInfinity(f, max ? 1 : 0);
  else if (!isNaNType(t1) && t2 === FPType.QNaN) op2 = fpInfinity(f, max ? 1 : 0);
  return maxMinBig(f, op1, op2, max, s);
}

/** Compare two non-NaN unpacked values: -1, 0, 1. */
function compareValues(u1: Unpacked, u2: Unpacked): number {
  const rank = (u: Unpacked): number => (u.t === FPType.Infinity ? (u.sign ? -2 : 2) : 0);
  const r1 = rank(u1), r2 = rank(u2);
  if (r1 !== 0 || r2 !== 0) return r1 === r2 ? 0 : r1 < r2 ? -1 : 1;
  const [v] = exactSum(signed(u1), u1.e, -signed(u2), u2.e);
  return v === 0n ? 0 : v < 0n ? -1 : 1;
}

/** FPCompare: NZCV as 4 bits (N=8, Z=4, C=2, V=1). */
export function compareBig(f: FpFormat, op1: bigint, op2: bigint, signalNaNs: boolean, s: Int32Array): number {
  const fpcr = s[Slot.FPCR]!;
  const u1 = unpack(f, op1, fpcr, s);
  const u2 = unpack(f, op2, fpcr, s);
  if (isNaNType(u1.t) || isNaNType(u2.t)) {
    if (u1.t === FPType.SNaN || u2.t === FPType.SNaN || signalNaNs) raise(s, FPSR_IOC);
    return 0b0011;
  }
  const c = compareValues(u1, u2);
  return c === 0 ? 0b0110 : c < 0 ? 0b1000 : 0b0010;
}

/**
 * FPCompareEQ / FPCompareGE / FPCompareGT (the SIMD compares): true/false.
 * EQ only signals on signalling NaNs; GE and GT signal on any NaN.
 */
export function compareCondBig(f: FpFormat, op1: bigint, op2: bigint, cond: 'eq' | 'ge' | 'gt', s: Int32Array): boolean {
  const fpcr = s[Slot.FPCR]!;
  const u1 = unpack(f, op1, fpcr, s);
  const u2 = unpack(f, op2, fpcr, s);
  if (isNaNType(u1.t) || isNaNType(u2.t)) {
    if (cond !== 'eq' || u1.t === FPType.SNaN || u2.t === FPType.SNaN) raise(s, FPSR_IOC);
    return false;
  }
  const c = compareValues(u1, u2);
  return cond === 'eq' ? c === 0 : cond === 'ge' ? c >= 0 : c > 0;
}

/** Round a nonnegative value m*2^e to an integer: [int, error>0, error>0.5, error==0.5] per RoundDown. */
function splitInt(v: bigint, e: number): [bigint, bigint, bigint] {
  // returns floor(v*2^e), remainder numerator, denominator (as 2^-e)
  if (e >= 0) return [v << BigInt(e), 0n, 1n];
  const K = BigInt(-e);
  const den = 1n << K;
  // floor for signed v
  const q = v >> K; // arithmetic shift = floor
  return [q, v - (q << K), den];
}

/** The rounding decision of FPRoundInt / FPToFixed on a signed exact value (v * 2^e). */
function roundToInteger(v: bigint, e: number, rounding: FPRounding): [bigint, boolean] {
  const [intRes, rem, den] = splitInt(v, e);
  const err2 = 2n * rem; // compare error with 0.5: 2*rem vs den
  let up: boolean;
  switch (rounding) {
    case FPRounding.TIEEVEN:
      up = err2 > den || (err2 === den && (intRes & 1n) === 1n);
      break;
    case FPRounding.POSINF:
      up = rem !== 0n;
      break;
    case FPRounding.NEGINF:
      up = false;
      break;
    case FPRounding.ZERO:
      up = rem !== 0n && intRes < 0n;
      break;
    default: // TIEAWAY
      up = err2 > den || (err2 === den && intRes >= 0n);
  }
  return [up ? intRes + 1n : intRes, rem !== 0n];
}

/** FPRoundInt (FRINT*): exact = FRINTX (raises IXC when inexact). */
export function roundIntBig(f: FpFormat, op: bigint, rounding: FPRounding, exact: boolean, s: Int32Array): bigint {
  const fpcr = s[Slot.FPCR]!;
  const u = unpack(f, op, fpcr, s);
  if (isNaNType(u.t)) return processNaN(f, u.t, op, fpcr, s);
  if (u.t === FPType.Infinity) return fpInfinity(f, u.sign);
  if (u.t === FPType.Zero) return fpZero(f, u.sign);
  const [r, inexact] = roundToInteger(signed(u), u.e, rounding);
  let result: bigint;
  if (r === 0n) result = fpZero(f, u.sign);
  else result = roundSigned(f, r, 0, fpcr, FPRounding.ZERO, s);
  if (inexact && exact) raise(s, FPSR_IXC);
  return result;
}

/**
 * FPToFixed: convert to an M-bit (32 or 64) signed or unsigned integer with
 * fbits fraction bits, saturating (IOC on overflow and for NaNs, which give 0).
 * Returns the integer as a bigint two's complement in M bits (unsigned).
 */
export function toFixedBig(f: FpFormat, op: bigint, fbits: number, unsigned: boolean, rounding: FPRounding, M: number, s: Int32Array): bigint {
  const fpcr = s[Slot.FPCR]!;
  const u = unpack(f, op, fpcr, s);
  let r: bigint, inexact = false;
  if (isNaNType(u.t)) {
    raise(s, FPSR_IOC);
    r = 0n;
  } else if (u.t === FPType.Infinity) {
    r = u.sign ? -(1n << 2000n) : 1n << 2000n;
  } else if (u.t === FPType.Zero) {
    r = 0n;
  } else {
    [r, inexact] = roundToInteger(signed(u), u.e + fbits, rounding);
  }
  const MB = BigInt(M);
  const lo = unsigned ? 0n : -(1n << (MB - 1n));
  const hi = unsigned ? (1n << MB) - 1n : (1n << (MB - 1n)) - 1n;
  if (r < lo || r > hi) {
    raise(s, FPSR_IOC);
    r = r < lo ? lo : hi;
  } else if (inexact) {
    raise(s, FPSR_IXC);
  }
  return BigInt.asUintN(M, r);
}

/** FixedToFP: an M-bit integer (given as unsigned bigint bits) with fbits fraction bits. */
export function fixedToFpBig(f: FpFormat, op: bigint, M: number, fbits: number, unsigned: boolean, rounding: FPRounding, s: Int32Array): bigint {
  const v = unsigned ? BigInt.asUintN(M, op) : BigInt.asIntN(M, op);
  if (v === 0n) return fpZero(f, 0);
  return roundSigned(f, v, -fbits, s[Slot.FPCR]!, rounding, s);
}

/** FPConvertNaN: keep sign and the top fraction bits, set the quiet bit. */
export function convertNaN(from: FpFormat, to: FpFormat, op: bigint): bigint {
  const sign = (op >> BigInt(from.N - 1)) & 1n;
  // payload below the quiet bit, left-aligned to 51 bits
  let frac = op & ((1n << BigInt(from.F - 1)) - 1n);
  frac <<= BigInt(51 - (from.F - 1));
  frac >>= BigInt(51 - (to.F - 1));
  return (sign << BigInt(to.N - 1)) | (BigInt((1 << to.E) - 1) << BigInt(to.F)) | (1n << BigInt(to.F - 1)) | frac;
}

/** FPConvert between half, single and double (FCVT), using `rounding`. */
export function convertBig(from: FpFormat, to: FpFormat, op: bigint, rounding: FPRounding, s: Int32Array): bigint {
  const fpcr = s[Slot.FPCR]!;
  const u = unpack(from, op, fpcr, s);
  const altHp = to.N === 16 && (fpcr & FPCR_AHP) !== 0;
  if (isNaNType(u.t)) {
    let r: bigint;
    if (altHp) r = fpZero(to, u.sign);
    else if (fpcr & FPCR_DN) r = fpDefaultNaN(to);
    else r = convertNaN(from, to, op);
    if (u.t === FPType.SNaN || altHp) raise(s, FPSR_IOC);
    return r;
  }
  if (u.t === FPType.Infinity) {
    if (altHp) {
      raise(s, FPSR_IOC);
      return (BigInt(u.sign) << 15n) | 0x7fffn;
    }
    return fpInfinity(to, u.sign);
  }
  if (u.t === FPType.Zero) return fpZero(to, u.sign);
  return roundBig(to, u.sign, u.m, u.e, false, fpcr, rounding, s, altHp);
}

/** VFPExpandImm: the 8-bit FMOV immediate as an N-bit pattern. */
export function vfpExpandImm(N: 16 | 32 | 64, imm8: number): bigint {
  const f = fmtOf(N);
  const sign = BigInt((imm8 >> 7) & 1);
  const b6 = (imm8 >> 6) & 1;
  let exp = BigInt(b6 ^ 1);
  for (let i = 0; i < f.E - 3; i++) exp = (exp << 1n) | BigInt(b6);
  exp = (exp << 2n) | BigInt((imm8 >> 4) & 3);
  const frac = BigInt(imm8 & 15) << BigInt(f.F - 4);
  return (sign << BigInt(N - 1)) | (exp << BigInt(f.F)) | frac;
}
