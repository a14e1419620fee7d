/**
 * AdvSIMD shift by immediate and scalar shift by immediate (integer forms).
 *   same size:  simd_<op>_imm(d, n, shift, esize, lanes)
 *   narrowing:  simd_<op>(d, n, shift, esize (narrow), q, lanes)   lanes = 1 for scalar
 *   long:       simd_sshll / simd_ushll(d, n, shift, esize (narrow), q)
 * The shift amount is decoded by the translator (right shifts 1..esize, left 0..esize-1).
 */
import type { HelperContext, HelperFamily, HelperFn } from './registry.js';
import { flushQC, satS, satS64, satU, satU64 } from './simd-lanes.js';
import { type LaneOp, long, type LongOp, narrow, same } from './simd-shapes.js';

/** Shift amount of the current call (the element functions read it), with 2^shift and 2^(shift-1). */
const st = { sh: 0, pow: 1, half: 0.5 };
function setShift(shift: number): void {
  st.sh = shift;
  st.pow = 2 ** shift;
  st.half = st.pow * 0.5;
}

const rshift = (a: number, round: boolean): number => Math.floor((round ? a + st.half : a) / st.pow);
const rshift64 = (a: bigint, round: boolean): bigint => (a + (round ? 1n << BigInt(st.sh - 1) : 0n)) >> BigInt(st.sh);
const S = (f: LaneOp['f'], f64: LaneOp['f64']): LaneOp => ({ signed: true, f, f64 });
const U = (f: LaneOp['f'], f64: LaneOp['f64']): LaneOp => ({ signed: false, f, f64 });

export const SHIFT_IMM: Record<string, LaneOp> = {
  sshr: S((a) => rshift(a, false), (a) => rshift64(a, false)),
  ushr: U((a) => rshift(a, false), (a) => rshift64(a, false)),
  srshr: S((a) => rshift(a, true), (a) => rshift64(a, true)),
  urshr: U((a) => rshift(a, true), (a) => rshift64(a, true)),
  ssra: S((a, _b, c) => c + rshift(a, false), (a, _b, c) => c + rshift64(a, false)),
  usra: U((a, _b, c) => c + rshift(a, false), (a, _b, c) => c + rshift64(a, false)),
  srsra: S((a, _b, c) => c + rshift(a, true), (a, _b, c) => c + rshift64(a, true)),
  ursra: U((a, _b, c) => c + rshift(a, true), (a, _b, c) => c + rshift64(a, true)),
  /** SRI: shift right and insert; the top SH bits of each Vd element are kept. */
  sri: U(
    (a, _b, c, e) => {
      const mask = Math.floor((2 ** e - 1) / st.pow);
      return (c & ~mask) | Math.floor(a / st.pow);
    },
    (a, _b, c) => {
      const mask = ((1n << 64n) - 1n) >> BigInt(st.sh);
      return (c & ~mask) | (a >> BigInt(st.sh));
    },
  ),
  /** SLI: shift left and insert; the low SH bits of each Vd element are kept. */
  sli: U(
    (a, _b, c, e) => {
      const mask = (-1 >>> (32 - e)) << st.sh;
      return (c & ~mask) | ((a << st.sh) & mask);
    },
    (a, _b, c) => {
      const mask = (((1n << 64n) - 1n) << BigInt(st.sh)) & ((1n << 64n) - 1n);
      return (c & ~mask) | ((a << BigInt(st.sh)) & mask);
    },
  ),
  shl: U((a, _b, _c, e) => (a * st.pow) % 2 ** e, (a) => a << BigInt(st.sh)),
  sqshl: S((a, _b, _c, e) => satS(a * st.pow, e), (a) => satS64(a << BigInt(st.sh))),
  uqshl: U((a, _b, _c, e) => satU(a * st.pow, e), (a) => satU64(a << BigInt(st.sh))),
  sqshlu: S((a, _b, _c, e) => satU(a * st.pow, e), (a) => satU64(a << BigInt(st.sh))),
};

type NarrowFn = (a: number, b: number, e: number) => number;
type NarrowFn64 = (a: bigint, b: bigint, e: number) => bigint;
/** Narrowing right shifts: [source signed, number fn, bigint fn]. */
const SHIFT_NARROW: Record<string, [boolean, NarrowFn, NarrowFn64]> = {
  shrn: [false, (a) => rshift(a, false), (a) => rshift64(a, false)],
  rshrn: [false, (a) => rshift(a, true), (a) => rshift64(a, true)],
  sqshrn: [true, (a, _b, e) => satS(rshift(a, false), e), (a, _b, e) => satS64(rshift64(a, false), e)],
  sqrshrn: [true, (a, _b, e) => satS(rshift(a, true), e), (a, _b, e) => satS64(rshift64(a, true), e)],
  uqshrn: [false, (a, _b, e) => satU(rshift(a, false), e), (a, _b, e) => satU64(rshift64(a, false), e)],
  uqrshrn: [false, (a, _b, e) => satU(rshift(a, true), e), (a, _b, e) => satU64(rshift64(a, true), e)],
  sqshrun: [true, (a, _b, e) => satU(rshift(a, false), e), (a, _b, e) => satU64(rshift64(a, false), e)],
  sqrshrun: [true, (a, _b, e) => satU(rshift(a, true), e), (a, _b, e) => satU64(rshift64(a, true), e)],
};

const SHLL_S: LongOp = { signed: true, f: (a) => a * st.pow, f64: (a) => a << BigInt(st.sh) };
const SHLL_U: LongOp = { signed: false, f: (a) => a * st.pow, f64: (a) => a << BigInt(st.sh) };

export const shiftHelpers: HelperFamily = (ctx: HelperContext) => {
  const out: Record<string, HelperFn> = {};
  for (const [name, op] of Object.entries(SHIFT_IMM)) {
    out[`simd_${name}_imm`] = (d: number, n: number, shift: number, esize: number, lanes: number) => {
      setShift(shift);
      same(ctx.cpu.v, op, d, n, n, esize, lanes);
      flushQC(ctx.cpu);
    };
  }
  for (const [name, [signed, f, f64]] of Object.entries(SHIFT_NARROW)) {
    out[`simd_${name}`] = (d: number, n: number, shift: number, esize: number, q: number, lanes: number) => {
      setShift(shift);
      narrow(ctx.cpu.v, d, n, n, esize, q, signed, f, f64, lanes);
      flushQC(ctx.cpu);
    };
  }
  out.simd_sshll = (d: number, n: number, shift: number, esize: number, q: number) => {
    setShift(shift);
    long(ctx.cpu.v, SHLL_S, d, n, n, esize, q, false);
  };
  out.simd_ushll = (d: number, n: number, shift: number, esize: number, q: number) => {
    setShift(shift);
    long(ctx.cpu.v, SHLL_U, d, n, n, esize, q, false);
  };
  return out;
};
