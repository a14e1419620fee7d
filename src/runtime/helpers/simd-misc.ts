/**
 * AdvSIMD two-register miscellaneous (integer), scalar two-register misc and
 * across lanes. Unary lane ops: simd_<name>(d, n, esize, lanes); others as
 * documented at each helper.
 */
import type { VecFile } from '../cpu-state.js';
import type { HelperContext, HelperFamily, HelperFn } from './registry.js';
import { begin, commit, elem, elem64, flushQC, satS, satS64, satU, satU64, setElem, setElem64, T } from './simd-lanes.js';
import { type LaneOp, narrow, same } from './simd-shapes.js';

const M64 = (1n << 64n) - 1n;
const ones = (x: boolean): number => (x ? -1 : 0);
const ones64 = (x: boolean): bigint => (x ? M64 : 0n);
const S = (f: LaneOp['f'], f64?: LaneOp['f64']): LaneOp => ({ signed: true, f, f64 });
const U = (f: LaneOp['f'], f64?: LaneOp['f64']): LaneOp => ({ signed: false, f, f64 });

function clz(a: number, esize: number): number {
  return Math.clz32(a) - (32 - esize);
}
function popcount8(a: number): number {
  a = a - ((a >>> 1) & 0x55);
  a = (a & 0x33) + ((a >>> 2) & 0x33);
  return (a + (a >>> 4)) & 0x0f;
}
function rbit8(a: number): number {
  let r = 0;
  for (let i = 0; i < 8; i++) r |= ((a >>> i) & 1) << (7 - i);
  return r;
}
const toU = (a: number, e: number): number => (a < 0 ? a + 2 ** e : a);
const toS = (a: number, e: number): number => (a >= 2 ** (e - 1) ? a - 2 ** e : a);

/** Unary ops: f(a = Vn[i], _, acc = Vd[i]). */
export const TWO_REG_MISC: Record<string, LaneOp> = {
  cls: S((a, _b, _c, e) => clz(((a ^ (a >> 1)) >>> 0) & (2 ** e - 1), e) - 1),
  clz: U((a, _b, _c, e) => clz(a, e)),
  cnt: U((a) => popcount8(a)),
  rbit: U((a) => rbit8(a)),
  abs: S((a) => Math.abs(a), (a) => (a < 0n ? -a : a)),
  neg: S((a) => -a, (a) => -a),
  sqabs: S((a, _b, _c, e) => satS(Math.abs(a), e), (a) => satS64(a < 0n ? -a : a)),
  sqneg: S((a, _b, _c, e) => satS(-a, e), (a) => satS64(-a)),
  cmgt_zero: S((a) => ones(a > 0), (a) => ones64(a > 0n)),
  cmge_zero: S((a) => ones(a >= 0), (a) => ones64(a >= 0n)),
  cmeq_zero: S((a) => ones(a === 0), (a) => ones64(a === 0n)),
  cmle_zero: S((a) => ones(a <= 0), (a) => ones64(a <= 0n)),
  cmlt_zero: S((a) => ones(a < 0), (a) => ones64(a < 0n)),
  /** SUQADD: signed accumulator + unsigned Vn, signed saturation. */
  suqadd: S((a, _b, c, e) => satS(c + toU(a, e), e), (a, _b, c) => satS64(c + BigInt.asUintN(64, a))),
  /** USQADD: unsigned accumulator + signed Vn, unsigned saturation. */
  usqadd: U((a, _b, c, e) => satU(c + toS(a, e), e), (a, _b, c) => satU64(c + BigInt.asIntN(64, a))),
};

/** REV16/REV32/REV64: reverse esize elements within each container of csize bits. */
function rev(v: VecFile, d: number, n: number, esize: number, csize: number, lanes: number): void {
  begin();
  const flip = csize / esize - 1;
  for (let i = 0; i < lanes; i++) setElem(T, 0, i, esize, elem(v, n, i ^ flip, esize, false));
  commit(v, d);
}

/** SADDLP/UADDLP (acc = false) and SADALP/UADALP (acc = true): wide[i] = (acc ? Vd[i] : 0) + Vn[2i] + Vn[2i+1]. */
function addlp(v: VecFile, d: number, n: number, esize: number, q: number, signed: boolean, acc: boolean): void {
  begin();
  const wide = 2 * esize, lanes = (q ? 128 : 64) / wide;
  for (let i = 0; i < lanes; i++) {
    const sum = elem(v, n, 2 * i, esize, signed) + elem(v, n, 2 * i + 1, esize, signed);
    if (wide === 64) setElem64(T, 0, i, BigInt(sum) + (acc ? elem64(v, d, i, false) : 0n));
    else setElem(T, 0, i, wide, sum + (acc ? elem(v, d, i, wide, false) : 0));
  }
  commit(v, d);
}

type NarrowFn = (a: number, b: number, e: number) => number;
type NarrowFn64 = (a: bigint, b: bigint, e: number) => bigint;
/** XTN, SQXTN, UQXTN, SQXTUN: [read signed, number fn, bigint fn]. */
const NARROW: Record<string, [boolean, NarrowFn, NarrowFn64]> = {
  xtn: [false, (a) => a, (a) => a],
  sqxtn: [true, (a, _b, e) => satS(a, e), (a, _b, e) => satS64(a, e)],
  uqxtn: [false, (a, _b, e) => satU(a, e), (a, _b, e) => satU64(a, e)],
  sqxtun: [true, (a, _b, e) => satU(a, e), (a, _b, e) => satU64(a, e)],
};

/** SHLL/SHLL2: wide[i] = Vn[part + i] << esize. */
function shll(v: VecFile, d: number, n: number, esize: number, q: number): void {
  begin();
  const lanes = 64 / esize, part = q ? lanes : 0;
  for (let i = 0; i < lanes; i++) {
    const a = elem(v, n, part + i, esize, false);
    if (esize === 32) setElem64(T, 0, i, BigInt(a) << 32n);
    else setElem(T, 0, i, 2 * esize, a * 2 ** esize);
  }
  commit(v, d);
}

/** Across lanes: reduce Vn[0..lanes) into element 0 of Vd (size rsize), rest zero. */
function across(v: VecFile, d: number, n: number, esize: number, lanes: number, signed: boolean, rsize: number, f: (a: number, b: number) => number): void {
  let acc = elem(v, n, 0, esize, signed);
  for (let i = 1; i < lanes; i++) acc = f(acc, elem(v, n, i, esize, signed));
  begin();
  setElem(T, 0, 0, rsize, acc);
  commit(v, d);
}

export const miscHelpers: HelperFamily = (ctx: HelperContext) => {
  const out: Record<string, HelperFn> = {};
  for (const [name, op] of Object.entries(TWO_REG_MISC)) {
    out[`simd_${name}`] = (d: number, n: number, esize: number, lanes: number) => {
      same(ctx.cpu.v, op, d, n, n, esize, lanes);
      flushQC(ctx.cpu);
    };
  }
  for (const [name, [signed, f, f64]] of Object.entries(NARROW)) {
    /** simd_<xtn...>(d, n, esize (narrow), q, lanes): lanes = 1 for the scalar forms. */
    out[`simd_${name}`] = (d: number, n: number, esize: number, q: number, lanes: number) => {
      narrow(ctx.cpu.v, d, n, n, esize, q, signed, f, f64, lanes);
      flushQC(ctx.cpu);
    };
  }
  return {
    ...out,
    /** simd_rev(d, n, esize, csize, lanes) */
    simd_rev: (d: number, n: number, esize: number, csize: number, lanes: number) => rev(ctx.cpu.v, d, n, esize, csize, lanes),
    /** simd_<s|u>add<l|al>p(d, n, esize (narrow), q) */
    simd_saddlp: (d: number, n: number, esize: number, q: number) => addlp(ctx.cpu.v, d, n, esize, q, true, false),
    simd_uaddlp: (d: number, n: number, esize: number, q: number) => addlp(ctx.cpu.v, d, n, esize, q, false, false),
    simd_sadalp: (d: number, n: number, esize: number, q: number) => addlp(ctx.cpu.v, d, n, esize, q, true, true),
    simd_uadalp: (d: number, n: number, esize: number, q: number) => addlp(ctx.cpu.v, d, n, esize, q, false, true),
    /** simd_shll(d, n, esize (narrow), q) */
    simd_shll: (d: number, n: number, esize: number, q: number) => shll(ctx.cpu.v, d, n, esize, q),
    /** Across lanes: simd_<op>v(d, n, esize, lanes) */
    simd_addv: (d: number, n: number, esize: number, lanes: number) => across(ctx.cpu.v, d, n, esize, lanes, false, esize, (a, b) => a + b),
    simd_smaxv: (d: number, n: number, esize: number, lanes: number) => across(ctx.cpu.v, d, n, esize, lanes, true, esize, Math.max),
    simd_sminv: (d: number, n: number, esize: number, lanes: number) => across(ctx.cpu.v, d, n, esize, lanes, true, esize, Math.min),
    simd_umaxv: (d: number, n: number, esize: number, lanes: number) => across(ctx.cpu.v, d, n, esize, lanes, false, esize, Math.max),
    simd_uminv: (d: number, n: number, esize: number, lanes: number) => across(ctx.cpu.v, d, n, esize, lanes, false, esize, Math.min),
    simd_saddlv: (d: number, n: number, esize: number, lanes: number) => across(ctx.cpu.v, d, n, esize, lanes, true, 2 * esize, (a, b) => a + b),
    simd_uaddlv: (d: number, n: number, esize: number, lanes: number) => across(ctx.cpu.v, d, n, esize, lanes, false, 2 * esize, (a, b) => a + b),
  };
};


