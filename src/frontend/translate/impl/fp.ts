/**
 * Translators: Data Processing -- Scalar Floating-Point (see a64-fp.table.ts).
 * Bit moves (FMOV, FABS, FNEG, FCSEL, FMOV immediate/general) are plain IR;
 * everything that rounds, compares or raises FP exceptions calls the helpers
 * of runtime/helpers/fp.ts, which read the operands from the vector register
 * file and write the scalar result with the rest of the register zeroed.
 */
import { FpBinOp, ROUND_FPCR } from '../../../runtime/helpers/fp.js';
import { FPRounding, vfpExpandImm } from '../../../runtime/helpers/fp-soft.js';
import type { Value } from '../../../ir/value.js';
import type { TranslationContext } from '../context.js';
import type { Fields } from '../../decoder/bitpattern.js';
import type { Handler, HandlerGroup } from '../handler.js';

/** ftype -> datasize: 00 single, 01 double; 10 is reserved and 11 (half) needs FEAT_FP16: 0 = UNDEFINED. */
function datasize(ftype: number): 0 | 32 | 64 {
  return ftype === 0 ? 32 : ftype === 1 ? 64 : 0;
}

const imm = (c: TranslationContext, n: number): Value => c.ir.u32(n);

/** V[d] = value of the datasize (U32 or U64), upper bits of the register zeroed. */
function setScalar(c: TranslationContext, N: 32 | 64, d: number, v: Value): void {
  c.setV64(d, 0, N === 32 ? c.ir.op('ZeroExtend32To64', v) : v);
  c.zeroVHigh(d);
}
function getScalar(c: TranslationContext, N: 32 | 64, n: number): Value {
  return N === 32 ? c.V32(n, 0) : c.V64(n, 0);
}

// ---- 1 source ----

const FMOV_float: Handler = (c, f) => {
  const N = datasize(f.y!);
  if (!N) return c.unallocated();
  setScalar(c, N, f.d!, getScalar(c, N, f.n!));
  return true;
};

/** FABS / FNEG: sign bit only (no NaN processing, no exceptions). */
function signOp(neg: boolean): Handler {
  return (c, f) => {
    const N = datasize(f.y!);
    if (!N) return c.unallocated();
    const v = getScalar(c, N, f.n!);
    let r: Value;
    if (N === 32) r = neg ? c.ir.op('Xor32', v, c.ir.u32(0x80000000)) : c.ir.op('And32', v, c.ir.u32(0x7fffffff));
    else r = neg ? c.ir.op('Xor64', v, c.ir.u64(0, 0x80000000)) : c.ir.op('And64', v, c.ir.u64(-1, 0x7fffffff));
    setScalar(c, N, f.d!, r);
    return true;
  };
}

const FSQRT_float: Handler = (c, f) => {
  const N = datasize(f.y!);
  if (!N) return c.unallocated();
  c.callVoid(N === 32 ? 'fp_sqrt32' : 'fp_sqrt64', imm(c, f.d!), imm(c, f.n!));
  return true;
};

/** FCVT: ftype = source, opc = destination; 00 single, 01 double, 11 half. */
const FCVT_float: Handler = (c, f) => {
  const size = (t: number) => [32, 64, 0, 16][t]!;
  const from = size(f.y!), to = size(f.p!);
  if (!from || !to || from === to) return c.unallocated();
  c.callVoid('fp_fcvt', imm(c, f.d!), imm(c, f.n!), imm(c, from), imm(c, to));
  return true;
};

/** FRINT*: rounding mode fixed by the encoding or FPCR's (ROUND_FPCR); exact = FRINTX. */
function frint(rounding: number, exact: boolean): Handler {
  return (c, f) => {
    const N = datasize(f.y!);
    if (!N) return c.unallocated();
    c.callVoid(N === 32 ? 'fp_frint32' : 'fp_frint64', imm(c, f.d!), imm(c, f.n!), imm(c, rounding), imm(c, exact ? 1 : 0));
    return true;
  };
}

// ---- compare, conditional compare, conditional select ----

function fcmp(signal: boolean): Handler {
  return (c, f) => {
    const N = datasize(f.y!);
    if (!N) return c.unallocated();
    const zero = f.e!;
    const r = c.call32(N === 32 ? 'fp_cmp32' : 'fp_cmp64', imm(c, f.n!), imm(c, zero ? 0 : f.m!), imm(c, zero), imm(c, signal ? 1 : 0));
    c.setNZCV(c.ir.op('NZCVFromU32', r));
    return true;
  };
}

function fccmp(signal: boolean): Handler {
  return (c, f) => {
    const N = datasize(f.y!);
    if (!N) return c.unallocated();
    const holds = c.ir.op('TestCond', c.nzcv(), c.ir.imm(f.c!));
    const r = c.call32(N === 32 ? 'fp_ccmp32' : 'fp_ccmp64', holds, imm(c, f.n!), imm(c, f.m!), imm(c, f.f!), imm(c, signal ? 1 : 0));
    c.setNZCV(c.ir.op('NZCVFromU32', r));
    return true;
  };
}

const FCSEL_float: Handler = (c, f) => {
  const N = datasize(f.y!);
  if (!N) return c.unallocated();
  const holds = c.ir.op('TestCond', c.nzcv(), c.ir.imm(f.c!));
  const r = c.ir.op(N === 32 ? 'Select32' : 'Select64', holds, getScalar(c, N, f.n!), getScalar(c, N, f.m!));
  setScalar(c, N, f.d!, r);
  return true;
};

// ---- 2 and 3 source ----

function binary(op: FpBinOp): Handler {
  return (c, f) => {
    const N = datasize(f.y!);
    if (!N) return c.unallocated();
    c.callVoid(N === 32 ? 'fp_bin32' : 'fp_bin64', imm(c, op), imm(c, f.d!), imm(c, f.n!), imm(c, f.m!));
    return true;
  };
}

/** FMADD family: o1 negates the addend; o1 != o0 negates the first multiplicand (FPNeg before FPMulAdd). */
function fused(o1: number, o0: number): Handler {
  return (c, f) => {
    const N = datasize(f.y!);
    if (!N) return c.unallocated();
    const negA = o1, negN = o1 !== o0 ? 1 : 0;
    c.callVoid(N === 32 ? 'fp_fma32' : 'fp_fma64', imm(c, f.d!), imm(c, f.n!), imm(c, f.m!), imm(c, f.a!), imm(c, negA), imm(c, negN));
    return true;
  };
}

// ---- immediate ----

const FMOV_float_imm: Handler = (c, f) => {
  const N = datasize(f.y!);
  if (!N) return c.unallocated();
  const bits = vfpExpandImm(N, f.i!);
  setScalar(c, N, f.d!, N === 32 ? c.ir.u32(Number(bits)) : c.ir.u64n(bits));
  return true;
};

// ---- conversions ----

/** Sizes of an FP <-> general-register conversion: FP width N, integer width M, fraction bits; undefined if reserved. */
function convSizes(f: Fields, fixed: boolean): { sf: number; N: number; M: number; fbits: number } | undefined {
  const sf = f.z!;
  const N = datasize(f.y!);
  if (!N) return undefined;
  if (fixed && !sf && f.s! < 32) return undefined;
  return { sf, N, M: sf ? 64 : 32, fbits: fixed ? 64 - f.s! : 0 };
}

/** FCVT{N,P,M,Z,A}{S,U} to a general register; fixed = FCVTZ[SU] (scalar, fixed-point). */
function toInt(rounding: FPRounding, unsigned: boolean, fixed: boolean): Handler {
  return (c, f) => {
    const z = convSizes(f, fixed);
    if (!z) return c.unallocated();
    const { sf, N, M, fbits } = z;
    const r = c.call64('fp_toint', imm(c, f.n!), imm(c, N), imm(c, fbits), imm(c, unsigned ? 1 : 0), imm(c, rounding), imm(c, M));
    if (sf) c.setX(f.d!, r);
    else c.setW(f.d!, c.ir.op('Truncate64To32', r));
    return true;
  };
}

/** SCVTF / UCVTF from a general register (integer or fixed-point), FPCR rounding. */
function fromInt(unsigned: boolean, fixed: boolean): Handler {
  return (c, f) => {
    const z = convSizes(f, fixed);
    if (!z) return c.unallocated();
    const { sf, N, M, fbits } = z;
    const v = sf ? c.X(f.n!) : c.ir.op('ZeroExtend32To64', c.W(f.n!));
    c.callVoid('fp_fromint', imm(c, f.d!), imm(c, N), imm(c, M), imm(c, fbits), imm(c, unsigned ? 1 : 0), v);
    return true;
  };
}

/**
 * FMOV (general): rmode 00 moves W <-> S (sf 0, ftype 00) or X <-> D (sf 1,
 * ftype 01); rmode 01 moves X <-> V.D[1] (sf 1, ftype 10). o = 1: to the FP
 * register. Half-precision forms (ftype 11) need FEAT_FP16.
 */
const FMOV_float_gen: Handler = (c, f) => {
  const sf = f.z!, ftype = f.y!, rmode = f.r!, toFp = f.o! === 1;
  if (rmode === 0 && sf === 0 && ftype === 0) {
    if (toFp) setScalar(c, 32, f.d!, c.W(f.n!));
    else c.setW(f.d!, c.V32(f.n!, 0));
    return true;
  }
  if (rmode === 0 && sf === 1 && ftype === 1) {
    if (toFp) setScalar(c, 64, f.d!, c.X(f.n!));
    else c.setX(f.d!, c.V64(f.n!, 0));
    return true;
  }
  if (rmode === 1 && sf === 1 && ftype === 2) {
    // The top half only: the rest of the register is preserved.
    if (toFp) c.setV64(f.d!, 1, c.X(f.n!));
    else c.setX(f.d!, c.V64(f.n!, 1));
    return true;
  }
  return c.unallocated();
};

export const FP_HANDLERS = {
  SCVTF_float_fix: fromInt(false, true),
  UCVTF_float_fix: fromInt(true, true),
  FCVTZS_float_fix: toInt(FPRounding.ZERO, false, true),
  FCVTZU_float_fix: toInt(FPRounding.ZERO, true, true),

  FCVTNS_float: toInt(FPRounding.TIEEVEN, false, false),
  FCVTNU_float: toInt(FPRounding.TIEEVEN, true, false),
  SCVTF_float_int: fromInt(false, false),
  UCVTF_float_int: fromInt(true, false),
  FCVTAS_float: toInt(FPRounding.TIEAWAY, false, false),
  FCVTAU_float: toInt(FPRounding.TIEAWAY, true, false),
  FMOV_float_gen,
  FCVTPS_float: toInt(FPRounding.POSINF, false, false),
  FCVTPU_float: toInt(FPRounding.POSINF, true, false),
  FCVTMS_float: toInt(FPRounding.NEGINF, false, false),
  FCVTMU_float: toInt(FPRounding.NEGINF, true, false),
  FCVTZS_float_int: toInt(FPRounding.ZERO, false, false),
  FCVTZU_float_int: toInt(FPRounding.ZERO, true, false),

  FMOV_float,
  FABS_float: signOp(false),
  FNEG_float: signOp(true),
  FSQRT_float,
  FCVT_float,
  FRINTN_float: frint(FPRounding.TIEEVEN, false),
  FRINTP_float: frint(FPRounding.POSINF, false),
  FRINTM_float: frint(FPRounding.NEGINF, false),
  FRINTZ_float: frint(FPRounding.ZERO, false),
  FRINTA_float: frint(FPRounding.TIEAWAY, false),
  FRINTX_float: frint(ROUND_FPCR, true),
  FRINTI_float: frint(ROUND_FPCR, false),

  FCMP_float: fcmp(false),
  FCMPE_float: fcmp(true),
  FMOV_float_imm,
  FCCMP_float: fccmp(false),
  FCCMPE_float: fccmp(true),

  FMUL_float: binary(FpBinOp.FMUL),
  FDIV_float: binary(FpBinOp.FDIV),
  FADD_float: binary(FpBinOp.FADD),
  FSUB_float: binary(FpBinOp.FSUB),
  FMAX_float: binary(FpBinOp.FMAX),
  FMIN_float: binary(FpBinOp.FMIN),
  FMAXNM_float: binary(FpBinOp.FMAXNM),
  FMINNM_float: binary(FpBinOp.FMINNM),
  FNMUL_float: binary(FpBinOp.FNMUL),

  FCSEL_float,

  FMADD_float: fused(0, 0),
  FMSUB_float: fused(0, 1),
  FNMADD_float: fused(1, 0),
  FNMSUB_float: fused(1, 1),
} satisfies HandlerGroup;
