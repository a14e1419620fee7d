/**
 * AdvSIMD three different (long, wide, narrow), scalar three different, and
 * the integer vector/scalar x indexed element forms.
 *   long/wide: simd_<op>(d, n, m, esize (narrow), q)
 *   narrow:    simd_<op>(d, n, m, esize (narrow), q)
 *   saturating doubling long, also scalar: simd_<op>(d, n, m, esize, q, lanes)
 *   by element (same size): simd_<op>_elem(d, n, m, index, esize, lanes)
 *   by element (long):      simd_<op>_elem(d, n, m, index, esize, q, lanes)
 */
import type { HelperContext, HelperFamily, HelperFn } from './registry.js';
import { flushQC, satS, satS64 } from './simd-lanes.js';
import { byElem, long, type LongOp, narrow } from './simd-shapes.js';
import { pmul, THREE_SAME } from './simd-three-same.js';

const L = (signed: boolean, f: LongOp['f'], f64: LongOp['f64']): LongOp => ({ signed, f, f64 });
const abs64 = (x: bigint): bigint => (x < 0n ? -x : x);
const sqdmull = (a: number, b: number, e: number): number => satS(2 * a * b, 2 * e);
const sqdmull64 = (a: bigint, b: bigint): bigint => satS64(2n * a * b);

/** Long and wide forms (the W forms read Vn's elements wide). */
const LONG: Record<string, [LongOp, boolean]> = {
  saddl: [L(true, (a, b) => a + b, (a, b) => a + b), false],
  uaddl: [L(false, (a, b) => a + b, (a, b) => a + b), false],
  ssubl: [L(true, (a, b) => a - b, (a, b) => a - b), false],
  usubl: [L(false, (a, b) => a - b, (a, b) => a - b), false],
  saddw: [L(true, (a, b) => a + b, (a, b) => a + b), true],
  uaddw: [L(false, (a, b) => a + b, (a, b) => a + b), true],
  ssubw: [L(true, (a, b) => a - b, (a, b) => a - b), true],
  usubw: [L(false, (a, b) => a - b, (a, b) => a - b), true],
  sabal: [L(true, (a, b, c) => c + Math.abs(a - b), (a, b, c) => c + abs64(a - b)), false],
  uabal: [L(false, (a, b, c) => c + Math.abs(a - b), (a, b, c) => c + abs64(a - b)), false],
  sabdl: [L(true, (a, b) => Math.abs(a - b), (a, b) => abs64(a - b)), false],
  uabdl: [L(false, (a, b) => Math.abs(a - b), (a, b) => abs64(a - b)), false],
  smlal: [L(true, (a, b, c) => c + a * b, (a, b, c) => c + a * b), false],
  umlal: [L(false, (a, b, c) => c + a * b, (a, b, c) => c + a * b), false],
  smlsl: [L(true, (a, b, c) => c - a * b, (a, b, c) => c - a * b), false],
  umlsl: [L(false, (a, b, c) => c - a * b, (a, b, c) => c - a * b), false],
  smull: [L(true, (a, b) => a * b, (a, b) => a * b), false],
  umull: [L(false, (a, b) => a * b, (a, b) => a * b), false],
  pmull: [L(false, (a, b) => pmul(a, b, 16), () => 0n), false],
};

/** Saturating doubling long forms (SignedSatQ at each step, as the pseudocode). */
const SQDML: Record<string, LongOp> = {
  sqdmull: L(true, (a, b, _c, e) => sqdmull(a, b, e), (a, b) => sqdmull64(a, b)),
  sqdmlal: L(true, (a, b, c, e) => satS(c + sqdmull(a, b, e), 2 * e), (a, b, c) => satS64(c + sqdmull64(a, b))),
  sqdmlsl: L(true, (a, b, c, e) => satS(c - sqdmull(a, b, e), 2 * e), (a, b, c) => satS64(c - sqdmull64(a, b))),
};

type NarrowFn = (a: number, b: number, e: number) => number;
type NarrowFn64 = (a: bigint, b: bigint, e: number) => bigint;
/** High-half narrowing: (Vn +/- Vm [+ round]) >> esize. */
const HN: Record<string, [NarrowFn, NarrowFn64]> = {
  addhn: [(a, b, e) => Math.floor((a + b) / 2 ** e), (a, b) => (a + b) >> 32n],
  raddhn: [(a, b, e) => Math.floor((a + b + 2 ** (e - 1)) / 2 ** e), (a, b) => (a + b + (1n << 31n)) >> 32n],
  subhn: [(a, b, e) => Math.floor((a - b) / 2 ** e), (a, b) => (a - b) >> 32n],
  rsubhn: [(a, b, e) => Math.floor((a - b + 2 ** (e - 1)) / 2 ** e), (a, b) => (a - b + (1n << 31n)) >> 32n],
};

export const threeDiffHelpers: HelperFamily = (ctx: HelperContext) => {
  const out: Record<string, HelperFn> = {};
  for (const [name, [op, wideA]] of Object.entries(LONG)) {
    out[`simd_${name}`] = (d: number, n: number, m: number, esize: number, q: number) => long(ctx.cpu.v, op, d, n, m, esize, q, wideA);
  }
  for (const name of ['smlal', 'umlal', 'smlsl', 'umlsl', 'smull', 'umull'] as const) {
    const op = LONG[name]![0];
    out[`simd_${name}_elem`] = (d: number, n: number, m: number, index: number, esize: number, q: number) =>
      long(ctx.cpu.v, op, d, n, m, esize, q, false, index);
  }
  for (const [name, op] of Object.entries(SQDML)) {
    out[`simd_${name}`] = (d: number, n: number, m: number, esize: number, q: number, lanes: number) => {
      long(ctx.cpu.v, op, d, n, m, esize, q, false, -1, lanes);
      flushQC(ctx.cpu);
    };
    out[`simd_${name}_elem`] = (d: number, n: number, m: number, index: number, esize: number, q: number, lanes: number) => {
      long(ctx.cpu.v, op, d, n, m, esize, q, false, index, lanes);
      flushQC(ctx.cpu);
    };
  }
  for (const [name, [f, f64]] of Object.entries(HN)) {
    out[`simd_${name}`] = (d: number, n: number, m: number, esize: number, q: number) => narrow(ctx.cpu.v, d, n, m, esize, q, false, f, f64);
  }
  for (const name of ['mul', 'mla', 'mls', 'sqdmulh', 'sqrdmulh'] as const) {
    const op = THREE_SAME[name]!;
    out[`simd_${name}_elem`] = (d: number, n: number, m: number, index: number, esize: number, lanes: number) => {
      byElem(ctx.cpu.v, op, d, n, m, index, esize, lanes);
      flushQC(ctx.cpu);
    };
  }
  return out;
};
