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
 *   fastRN(s)          FPCR RN, FZ = 0 and FPSR.IXC set: a host double result that is finite
 *                      and normal (normalD / normalS) is the Arm result, no flag to raise
 *   fmaRNAt(A, o, ic, ix, iy, sc, sx)   A[o] = sc*A[ic] + sx*A[ix]*A[iy] fused, RN, on a
 *                      Float64Array (false when the exact path must decide)
 *   toD(lo, hi)        the double of a finite bit pattern
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
import type { CpuState } from '../cpu-state.js';
import {
  fixedToFp, fpAdd32, fpAdd64, fpCompare32, fpCompare64, fpConvert, fpDiv32, fpDiv64, fpMax32, fpMax64, fpMaxNum32,
  fpMaxNum64, fpMin32, fpMin64, fpMinNum32, fpMinNum64, fpMul32, fpMul64, fpMulAdd32, fpMulAdd64, fmaRNAt, fpRoundInt, fpSqrt32,
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

/** FPCR.RMode and FPCR.FZ: both zero for the host-double fast paths. */
const RMODE_FZ = 0x01c00000;
const FZ = 1 << 24;
const IXC = 1 << 4;
const MIN_S = 2 ** -126;
const MIN_D = 2 ** -1022;

registerHelpers((ctx) => {
  // The registry's name probe passes a context without a machine: the views are then stand-ins.
  const cpu = ctx.cpu as CpuState | undefined;
  const S = cpu ? cpu.s : new Int32Array(Slot.SIZE);
  const V = cpu ? cpu.v.i32 : new Int32Array(128);
  /** The same registers as doubles and floats (D[2d] = Dd, F[4d] = Sd). */
  const VD = cpu ? cpu.v.f64 : new Float64Array(64);
  const VF = cpu ? cpu.v.f32 : new Float32Array(128);
  const rnd = (r: number): FPRounding => (r === ROUND_FPCR ? fpcrRounding(S[Slot.FPCR]!) : r);
  const setS = (d: number, r: number): void => {
    V[4 * d] = r;
    V[4 * d + 1] = 0;
    V[4 * d + 2] = 0;
    V[4 * d + 3] = 0;
  };
  const setD = (d: number, lo: number): void => {
    V[4 * d] = lo;
    V[4 * d + 1] = S[Slot.RET_HI]!;
    V[4 * d + 2] = 0;
    V[4 * d + 3] = 0;
  };
  const setF = (d: number, r: number): void => {
    VF[4 * d] = r;
    V[4 * d + 1] = 0;
    VD[2 * d + 1] = 0;
  };
  // The exact paths on bit patterns (fp-fast.ts), out of line.
  function bin32Slow(op: number, d: number, n: number, m: number): void {
    let r = BIN32[op]!(S, V[4 * n]!, V[4 * m]!);
    if (op === FpBinOp.FNMUL) r ^= 0x80000000;
    setS(d, r);
  }
  function bin64Slow(op: number, d: number, n: number, m: number): void {
    const lo = BIN64[op]!(S, V[4 * n]!, V[4 * n + 1]!, V[4 * m]!, V[4 * m + 1]!);
    if (op === FpBinOp.FNMUL) S[Slot.RET_HI] ^= 0x80000000;
    setD(d, lo);
  }
  function fma64Slow(d: number, n: number, m: number, a: number, negA: number, negN: number): void {
    const ahi = V[4 * a + 1]! ^ (negA ? 0x80000000 : 0);
    const nhi = V[4 * n + 1]! ^ (negN ? 0x80000000 : 0);
    setD(d, fpMulAdd64(S, V[4 * a]!, ahi, V[4 * n]!, nhi, V[4 * m]!, V[4 * m + 1]!));
  }
  /*
   * Fast paths (FPCR RN, FZ = 0): the host operation on the registers read as
   * doubles/floats. Arithmetic also needs FPSR.IXC already set (so an inexact
   * result raises nothing new) and a finite normal result (NaN, infinite, zero
   * and tiny results take the exact path). FMAX/FMIN and the NM forms without NaN
   * operands are exact and raise nothing. Single results: the double result
   * rounded once more with fround (innocuous for +-*\/ and sqrt, 53 >= 2*24+2).
   */
  return {
    /** Vd.S = op(Vn.S, Vm.S) for FpBinOp op (FNMUL negates the result, NaNs included). */
    fp_bin32(op: number, d: number, n: number, m: number): void {
      const fpcr = S[Slot.FPCR]!;
      if ((fpcr & RMODE_FZ) === 0) {
        const x = VF[4 * n]!, y = VF[4 * m]!;
        if (op <= FpBinOp.FSUB || op === FpBinOp.FNMUL) {
          if ((S[Slot.FPSR]! & IXC) !== 0) {
            const r = Math.fround(op === FpBinOp.FMUL ? x * y : op === FpBinOp.FADD ? x + y : op === FpBinOp.FSUB ? x - y : op === FpBinOp.FDIV ? x / y : -(x * y));
            const ar = Math.abs(r);
            if (ar > MIN_S && ar < Infinity) return setF(d, r);
          }
        } else if (x === x && y === y) {
          return setF(d, op & 1 ? Math.min(x, y) : Math.max(x, y));
        }
      }
      bin32Slow(op, d, n, m);
    },
    fp_bin64(op: number, d: number, n: number, m: number): void {
      const fpcr = S[Slot.FPCR]!;
      if ((fpcr & RMODE_FZ) === 0) {
        const x = VD[2 * n]!, y = VD[2 * m]!;
        if (op <= FpBinOp.FSUB || op === FpBinOp.FNMUL) {
          if ((S[Slot.FPSR]! & IXC) !== 0) {
            const r = op === FpBinOp.FMUL ? x * y : op === FpBinOp.FADD ? x + y : op === FpBinOp.FSUB ? x - y : op === FpBinOp.FDIV ? x / y : -(x * y);
            const ar = Math.abs(r);
            if (ar > MIN_D && ar < Infinity) {
              VD[2 * d] = r;
              VD[2 * d + 1] = 0;
              return;
            }
          }
        } else if (x === x && y === y) {
          VD[2 * d] = op & 1 ? Math.min(x, y) : Math.max(x, y);
          VD[2 * d + 1] = 0;
          return;
        }
      }
      bin64Slow(op, d, n, m);
    },
    /** FMADD/FMSUB/FNMADD/FNMSUB: Vd = (negA ? -Va : Va) + (negN ? -Vn : Vn) * Vm, fused. */
    fp_fma32(d: number, n: number, m: number, a: number, negA: number, negN: number): void {
      const va = V[4 * a]! ^ (negA ? 0x80000000 : 0);
      const vn = V[4 * n]! ^ (negN ? 0x80000000 : 0);
      setS(d, fpMulAdd32(S, va, vn, V[4 * m]!));
    },
    fp_fma64(d: number, n: number, m: number, a: number, negA: number, negN: number): void {
      if ((S[Slot.FPCR]! & RMODE_FZ) === 0 && (S[Slot.FPSR]! & IXC) !== 0 && fmaRNAt(VD, 2 * d, 2 * a, 2 * n, 2 * m, negA ? -1 : 1, negN ? -1 : 1)) {
        VD[2 * d + 1] = 0;
        return;
      }
      fma64Slow(d, n, m, a, negA, negN);
    },
    fp_sqrt32(d: number, n: number): void {
      if ((S[Slot.FPCR]! & RMODE_FZ) === 0 && (S[Slot.FPSR]! & IXC) !== 0) {
        const r = Math.fround(Math.sqrt(VF[4 * n]!));
        if (r > MIN_S && r < Infinity) return setF(d, r);
      }
      setS(d, fpSqrt32(S, V[4 * n]!));
    },
    fp_sqrt64(d: number, n: number): void {
      if ((S[Slot.FPCR]! & RMODE_FZ) === 0 && (S[Slot.FPSR]! & IXC) !== 0) {
        const r = Math.sqrt(VD[2 * n]!);
        if (r > MIN_D && r < Infinity) {
          VD[2 * d] = r;
          VD[2 * d + 1] = 0;
          return;
        }
      }
      setD(d, fpSqrt64(S, V[4 * n]!, V[4 * n + 1]!));
    },
    /** FCMP/FCMPE: NZCV (bits 31..28) of Vn vs Vm (or +0.0 when zero). Without NaNs and FZ = 0: no flags. */
    fp_cmp32(n: number, m: number, zero: number, signal: number): number {
      if ((S[Slot.FPCR]! & FZ) === 0) {
        const x = VF[4 * n]!, y = zero ? 0 : VF[4 * m]!;
        if (x === x && y === y) return x === y ? 0x60000000 : x < y ? 0x80000000 | 0 : 0x20000000;
      }
      return fpCompare32(S, V[4 * n]!, zero ? 0 : V[4 * m]!, signal !== 0) << 28;
    },
    fp_cmp64(n: number, m: number, zero: number, signal: number): number {
      if ((S[Slot.FPCR]! & FZ) === 0) {
        const x = VD[2 * n]!, y = zero ? 0 : VD[2 * m]!;
        if (x === x && y === y) return x === y ? 0x60000000 : x < y ? 0x80000000 | 0 : 0x20000000;
      }
      return fpCompare64(S, V[4 * n]!, V[4 * n + 1]!, zero ? 0 : V[4 * m]!, zero ? 0 : V[4 * m + 1]!, signal !== 0) << 28;
    },
    /** FCCMP/FCCMPE: compare when cond holds, else the immediate flags (bits 31..28). */
    fp_ccmp32(cond: number, n: number, m: number, nzcv: number, signal: number): number {
      if (!cond) return nzcv << 28;
      const v = V;
      return fpCompare32(S, v[4 * n]!, v[4 * m]!, signal !== 0) << 28;
    },
    fp_ccmp64(cond: number, n: number, m: number, nzcv: number, signal: number): number {
      if (!cond) return nzcv << 28;
      const v = V;
      return fpCompare64(S, v[4 * n]!, v[4 * n + 1]!, v[4 * m]!, v[4 * m + 1]!, signal !== 0) << 28;
    },
    /** FCVT Vd(to bits) = Vn(from bits), FPCR rounding. */
    fp_fcvt(d: number, n: number, from: number, to: number): void {
      const v = V;
      const lo = from === 16 ? v[4 * n]! & 0xffff : v[4 * n]!;
      const r = fpConvert(S, from as 16 | 32 | 64, to as 16 | 32 | 64, lo, v[4 * n + 1]!, fpcrRounding(S[Slot.FPCR]!));
      if (to === 64) setD(d, r);
      else setS(d, r);
    },
    /** FRINT*: rounding is an FPRounding or ROUND_FPCR; exact for FRINTX. */
    fp_frint32(d: number, n: number, rounding: number, exact: number): void {
      setS(d, fpRoundInt(S, 32, V[4 * n]!, 0, rnd(rounding), exact !== 0));
    },
    fp_frint64(d: number, n: number, rounding: number, exact: number): void {
      const v = V;
      setD(d, fpRoundInt(S, 64, v[4 * n]!, v[4 * n + 1]!, rnd(rounding), exact !== 0));
    },
    /** FCVT[NPMZA][SU] (and fixed-point FCVTZ[SU]) of Vn (N bits) to an M-bit integer: U64 result. */
    fp_toint(n: number, N: number, fbits: number, unsigned: number, rounding: number, M: number): number {
      const v = V;
      return fpToFixed(S, N as 32 | 64, v[4 * n]!, v[4 * n + 1]!, fbits, unsigned !== 0, rnd(rounding), M as 32 | 64);
    },
    /** SCVTF/UCVTF: Vd (N bits) = the M-bit integer (lo, hi) / 2^fbits, FPCR rounding. */
    fp_fromint(d: number, N: number, M: number, fbits: number, unsigned: number, lo: number, hi: number): void {
      const r = fixedToFp(S, N as 32 | 64, lo, hi, M as 32 | 64, fbits, unsigned !== 0, fpcrRounding(S[Slot.FPCR]!));
      if (N === 64) setD(d, r);
      else setS(d, r);
    },
  };
});
