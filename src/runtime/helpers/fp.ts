/**
 * Scalar floating point: helper family for the FP translators, and the
 * per-element FP functions shared with the SIMD helpers.
 *
 * ---- Reusable per-element functions (Armv8.0 semantics, bit exact) ----
 * All take `s` = ctx.cpu.s (the scalar state Int32Array): FPCR is read from
 * s[Slot.FPCR] (RMode, FZ, DN, AHP; trap enables are ignored = RES0), the
 * cumulative flags IOC/DZC/OFC/UFC/IXC/IDC are ORed into s[Slot.FPSR].
 *   single  bit patterns as numbers (int32 or uint32 in; uint32 out)
 *   double  (lo, hi) int32 pairs; return lo (uint32), hi left in s[Slot.RET_HI]
 *
 *   fpAdd32(s, a, b)                    fpAdd64(s, alo, ahi, blo, bhi)          FPAdd
 *   fpSub32 / fpSub64                                                           FPSub
 *   fpMul32 / fpMul64                                                           FPMul
 *   fpMulX32 / fpMulX64                 (FMULX: inf*0 = +-2.0)                  FPMulX
 *   fpDiv32 / fpDiv64                                                           FPDiv
 *   fpSqrt32(s, a)                      fpSqrt64(s, lo, hi)                     FPSqrt
 *   fpMulAdd32(s, addend, a, b)         fpMulAdd64(s, clo, chi, alo, ahi, blo, bhi)
 *                                       addend + a*b fused (FMLA: addend = Vd;
 *                                       FMLS: negate a first with fpNeg)        FPMulAdd
 *   fpRecipStepFused32/64(s, a, b)      FRECPS: 2 - a*b fused                   FPRecipStepFused
 *   fpRSqrtStepFused32/64(s, a, b)      FRSQRTS: (3 - a*b)/2 fused              FPRSqrtStepFused
 *   fpMax32/64, fpMin32/64                                                      FPMax / FPMin
 *   fpMaxNum32/64, fpMinNum32/64        (FMAXNM/FMINNM)                         FPMaxNum / FPMinNum
 *   fpCompare32/64(s, a, b, signalNaNs) -> NZCV nibble (8=N 4=Z 2=C 1=V)        FPCompare
 *   fpCompareEQ32/64, fpCompareGE32/64, fpCompareGT32/64 -> boolean             FPCompareEQ/GE/GT
 *       (FACGE/FACGT: compare fpAbs of both operands)
 *   fpNeg32(a), fpAbs32(a); 64-bit: flip/clear bit 31 of hi                     FPNeg / FPAbs
 *   fpRoundInt(s, N, lo, hi, rounding, exact)        FRINT* (N = 32|64; hi ignored for 32)
 *   fpToFixed(s, N, lo, hi, fbits, unsigned, rounding, M)    FCVT{N,P,M,Z,A}{S,U} to M = 32|64
 *       bits: returns lo, hi in RET_HI (saturating, NaN -> 0, IOC / IXC)       FPToFixed
 *   fixedToFp(s, N, lo, hi, M, fbits, unsigned, rounding)    SCVTF/UCVTF       FixedToFP
 *   fpConvert(s, from, to, lo, hi, rounding)     FCVT between 16/32/64 (FPRounding.ODD for
 *       FCVTXN); hi ignored for 16/32-bit sources                               FPConvert
 *   fpcrRoundingOf(s)  FPRoundingMode(FPCR);  FPRounding.{TIEEVEN,POSINF,NEGINF,ZERO,TIEAWAY,ODD}
 *
 * Building blocks for other operations (FRECPE, FRSQRTE, FRECPX ...), from
 * fp-soft.ts, on bigint bit patterns with format descriptors FMT_H/FMT_S/FMT_D:
 *   unpack (FPUnpack), processNaN(s), roundBig (FPRound of m * 2^e with sticky),
 *   fpDefaultNaN, fpInfinity, fpZero, fpMaxNormal, raise(s, FPSR_*), FPCR_* / FPSR_* bits.
 *
 * ---- Helpers called from IR (register numbers are immediates) ----
 * They read operands from the vector register file and write the scalar
 * result with the upper bits of the destination zeroed. See the translators
 * in frontend/translate/impl/fp.ts.
 */
import { Slot } from '../../backend-js/abi.js';
import {
  fixedToFp, fpAdd32, fpAdd64, fpCompare32, fpCompare64, fpConvert, fpDiv32, fpDiv64, fpMax32, fpMax64, fpMaxNum32,
  fpMaxNum64, fpMin32, fpMin64, fpMinNum32, fpMinNum64, fpMul32, fpMul64, fpMulAdd32, fpMulAdd64, fpRoundInt, fpSqrt32,
  fpSqrt64, fpSub32, fpSub64, fpToFixed,
} from './fp-fast.js';
import { FPRounding, fpcrRounding } from './fp-soft.js';
import { registerHelpers } from './registry.js';

export * from './fp-fast.js';
export {
  bitLength, compareBig, convertBig, divBig, fixedToFpBig, FMT_D, FMT_H, FMT_S, fmtOf, fpAbs, FPCR_AHP, FPCR_DN, FPCR_FZ,
  FPCR_RMODE_SHIFT, fpcrRounding, fpDefaultNaN, fpInfinity, fpMaxNormal, fpNeg, FPRounding, FPSR_DZC, FPSR_IDC, FPSR_IOC, FPSR_IXC,
  FPSR_OFC, FPSR_UFC, fpTwo, FPType, fpZero, type FpFormat, maxMinBig, maxMinNumBig, mulAddBig, mulBig, processNaN,
  processNaNs, processNaNs3, raise, roundBig, roundIntBig, sqrtBig, stepFusedBig, toFixedBig, type Unpacked, unpack,
  addBig, vfpExpandImm,
} from './fp-soft.js';

/** Two-operand ops by translator index (FPDataProcessing2Source opcode order). */
export const enum FpBinOp {
  FMUL = 0,
  FDIV = 1,
  FADD = 2,
  FSUB = 3,
  FMAX = 4,
  FMIN = 5,
  FMAXNM = 6,
  FMINNM = 7,
  FNMUL = 8,
}

type Bin32 = (s: Int32Array, a: number, b: number) => number;
type Bin64 = (s: Int32Array, alo: number, ahi: number, blo: number, bhi: number) => number;
const BIN32: Bin32[] = [fpMul32, fpDiv32, fpAdd32, fpSub32, fpMax32, fpMin32, fpMaxNum32, fpMinNum32, fpMul32];
const BIN64: Bin64[] = [fpMul64, fpDiv64, fpAdd64, fpSub64, fpMax64, fpMin64, fpMaxNum64, fpMinNum64, fpMul64];

/** Rounding operand of the helpers: an FPRounding, or this value for FPRoundingMode(FPCR). */
export const ROUND_FPCR = 7;

registerHelpers((ctx) => {
  const w = () => ctx.cpu.v.i32;
  const S = () => ctx.cpu.s;
  const rnd = (r: number): FPRounding => (r === ROUND_FPCR ? fpcrRounding(ctx.cpu.s[Slot.FPCR]!) : r);
  const setS = (d: number, r: number): void => {
    const v = w();
    v[4 * d] = r;
    v[4 * d + 1] = 0;
    v[4 * d + 2] = 0;
    v[4 * d + 3] = 0;
  };
  const setD = (d: number, lo: number): void => {
    const v = w();
    v[4 * d] = lo;
    v[4 * d + 1] = ctx.cpu.s[Slot.RET_HI]!;
    v[4 * d + 2] = 0;
    v[4 * d + 3] = 0;
  };
  return {
    /** Vd.S = op(Vn.S, Vm.S) for FpBinOp op (FNMUL negates the result, NaNs included). */
    fp_bin32(op: number, d: number, n: number, m: number): void {
      const v = w();
      let r = BIN32[op]!(S(), v[4 * n]!, v[4 * m]!);
      if (op === FpBinOp.FNMUL) r ^= 0x80000000;
      setS(d, r);
    },
    fp_bin64(op: number, d: number, n: number, m: number): void {
      const v = w();
      const lo = BIN64[op]!(S(), v[4 * n]!, v[4 * n + 1]!, v[4 * m]!, v[4 * m + 1]!);
      if (op === FpBinOp.FNMUL) ctx.cpu.s[Slot.RET_HI] ^= 0x80000000;
      setD(d, lo);
    },
    /** FMADD/FMSUB/FNMADD/FNMSUB: Vd = (negA ? -Va : Va) + (negN ? -Vn : Vn) * Vm, fused. */
    fp_fma32(d: number, n: number, m: number, a: number, negA: number, negN: number): void {
      const v = w();
      const va = v[4 * a]! ^ (negA ? 0x80000000 : 0);
      const vn = v[4 * n]! ^ (negN ? 0x80000000 : 0);
      setS(d, fpMulAdd32(S(), va, vn, v[4 * m]!));
    },
    fp_fma64(d: number, n: number, m: number, a: number, negA: number, negN: number): void {
      const v = w();
      const ahi = v[4 * a + 1]! ^ (negA ? 0x80000000 : 0);
      const nhi = v[4 * n + 1]! ^ (negN ? 0x80000000 : 0);
      setD(d, fpMulAdd64(S(), v[4 * a]!, ahi, v[4 * n]!, nhi, v[4 * m]!, v[4 * m + 1]!));
    },
    fp_sqrt32(d: number, n: number): void {
      setS(d, fpSqrt32(S(), w()[4 * n]!));
    },
    fp_sqrt64(d: number, n: number): void {
      const v = w();
      setD(d, fpSqrt64(S(), v[4 * n]!, v[4 * n + 1]!));
    },
    /** FCMP/FCMPE: NZCV (bits 31..28) of Vn vs Vm (or +0.0 when zero). */
    fp_cmp32(n: number, m: number, zero: number, signal: number): number {
      const v = w();
      return fpCompare32(S(), v[4 * n]!, zero ? 0 : v[4 * m]!, signal !== 0) << 28;
    },
    fp_cmp64(n: number, m: number, zero: number, signal: number): number {
      const v = w();
      return fpCompare64(S(), v[4 * n]!, v[4 * n + 1]!, zero ? 0 : v[4 * m]!, zero ? 0 : v[4 * m + 1]!, signal !== 0) << 28;
    },
    /** FCCMP/FCCMPE: compare when cond holds, else the immediate flags (bits 31..28). */
    fp_ccmp32(cond: number, n: number, m: number, nzcv: number, signal: number): number {
      if (!cond) return nzcv << 28;
      const v = w();
      return fpCompare32(S(), v[4 * n]!, v[4 * m]!, signal !== 0) << 28;
    },
    fp_ccmp64(cond: number, n: number, m: number, nzcv: number, signal: number): number {
      if (!cond) return nzcv << 28;
      const v = w();
      return fpCompare64(S(), v[4 * n]!, v[4 * n + 1]!, v[4 * m]!, v[4 * m + 1]!, signal !== 0) << 28;
    },
    /** FCVT Vd(to bits) = Vn(from bits), FPCR rounding. */
    fp_fcvt(d: number, n: number, from: number, to: number): void {
      const v = w();
      const lo = from === 16 ? v[4 * n]! & 0xffff : v[4 * n]!;
      const r = fpConvert(S(), from as 16 | 32 | 64, to as 16 | 32 | 64, lo, v[4 * n + 1]!, fpcrRounding(ctx.cpu.s[Slot.FPCR]!));
      if (to === 64) setD(d, r);
      else setS(d, r);
    },
    /** FRINT*: rounding is an FPRounding or ROUND_FPCR; exact for FRINTX. */
    fp_frint32(d: number, n: number, rounding: number, exact: number): void {
      setS(d, fpRoundInt(S(), 32, w()[4 * n]!, 0, rnd(rounding), exact !== 0));
    },
    fp_frint64(d: number, n: number, rounding: number, exact: number): void {
      const v = w();
      setD(d, fpRoundInt(S(), 64, v[4 * n]!, v[4 * n + 1]!, rnd(rounding), exact !== 0));
    },
    /** FCVT[NPMZA][SU] (and fixed-point FCVTZ[SU]) of Vn (N bits) to an M-bit integer: U64 result. */
    fp_toint(n: number, N: number, fbits: number, unsigned: number, rounding: number, M: number): number {
      const v = w();
      return fpToFixed(S(), N as 32 | 64, v[4 * n]!, v[4 * n + 1]!, fbits, unsigned !== 0, rnd(rounding), M as 32 | 64);
    },
    /** SCVTF/UCVTF: Vd (N bits) = the M-bit integer (lo, hi) / 2^fbits, FPCR rounding. */
    fp_fromint(d: number, N: number, M: number, fbits: number, unsigned: number, lo: number, hi: number): void {
      const r = fixedToFp(S(), N as 32 | 64, lo, hi, M as 32 | 64, fbits, unsigned !== 0, fpcrRounding(ctx.cpu.s[Slot.FPCR]!));
      if (N === 64) setD(d, r);
      else setS(d, r);
    },
  };
});
