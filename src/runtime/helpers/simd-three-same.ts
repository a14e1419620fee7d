/**
 * AdvSIMD three same (integer) and the scalar forms: one helper per
 * instruction, simd_<name>(d, n, m, esize, lanes). Scalar forms pass lanes = 1.
 * Element functions follow the Arm ARM pseudocode on exact integers.
 */
import type { HelperContext, HelperFamily, HelperFn } from './registry.js';
import { flushQC, satS, satS64, satU, satU64 } from './simd-lanes.js';
import { type LaneOp, pairwise, same } from './simd-shapes.js';

const M64 = (1n << 64n) - 1n;
const ones = (x: boolean): number => (x ? -1 : 0);
const ones64 = (x: boolean): bigint => (x ? M64 : 0n);
const S = (f: LaneOp['f'], f64?: LaneOp['f64']): LaneOp => ({ signed: true, f, f64 });
const U = (f: LaneOp['f'], f64?: LaneOp['f64']): LaneOp => ({ signed: false, f, f64 });

/** Low esize bits of a*b for 8/16/32-bit elements (exact: imul for 32). */
export function mulLow(a: number, b: number, esize: number): number {
  return esize === 32 ? Math.imul(a, b) : a * b;
}

/** Polynomial (carry-less) multiply, low esize bits. */
export function pmul(a: number, b: number, esize: number): number {
  let r = 0;
  for (let i = 0; i < esize; i++) if ((b >>> i) & 1) r ^= a << i;
  return r;
}

/**
 * Shift by register (SSHL, USHL, SRSHL, URSHL, SQSHL, UQSHL, SQRSHL, UQRSHL):
 * shift = SInt(b<7:0>), left if positive, right (rounding if asked) if negative,
 * then saturate (sat = 's' / 'u') or keep the low esize bits.
 */
export function shiftReg(a: number, b: number, esize: number, round: boolean, sat: '' | 's' | 'u'): number {
  const sh = (b << 24) >> 24;
  let r: number;
  if (sh >= 0) r = a * 2 ** sh; // exact: a has at most 32 significant bits
  else {
    const k = Math.min(-sh, 64);
    r = Math.floor((a + (round ? 2 ** (k - 1) : 0)) / 2 ** k);
  }
  if (sat === 's') return satS(r, esize);
  if (sat === 'u') return satU(r, esize);
  return r % 2 ** esize;
}
export function shiftReg64(a: bigint, b: bigint, round: boolean, sat: '' | 's' | 'u'): bigint {
  const sh = Number(BigInt.asIntN(8, b));
  let r: bigint;
  if (sh >= 0) r = a << BigInt(sh);
  else {
    const k = BigInt(Math.min(-sh, 128));
    r = (a + (round ? 1n << (k - 1n) : 0n)) >> k;
  }
  if (sat === 's') return satS64(r);
  if (sat === 'u') return satU64(r);
  return r;
}

/** SQDMULH / SQRDMULH element: SignedSatQ((2*a*b + round) >> esize). */
export function sqdmulh(a: number, b: number, esize: number, round: boolean): number {
  if (esize === 16) return satS(Math.floor((2 * a * b + (round ? 0x8000 : 0)) / 0x10000), 16);
  const p = (2n * BigInt(a) * BigInt(b) + (round ? 1n << 31n : 0n)) >> 32n;
  return satS(Number(p), 32);
}

export const THREE_SAME: Record<string, LaneOp> = {
  shadd: S((a, b) => Math.floor((a + b) / 2)),
  uhadd: U((a, b) => Math.floor((a + b) / 2)),
  srhadd: S((a, b) => Math.floor((a + b + 1) / 2)),
  urhadd: U((a, b) => Math.floor((a + b + 1) / 2)),
  shsub: S((a, b) => Math.floor((a - b) / 2)),
  uhsub: U((a, b) => Math.floor((a - b) / 2)),
  sqadd: S((a, b, _c, e) => satS(a + b, e), (a, b) => satS64(a + b)),
  uqadd: U((a, b, _c, e) => satU(a + b, e), (a, b) => satU64(a + b)),
  sqsub: S((a, b, _c, e) => satS(a - b, e), (a, b) => satS64(a - b)),
  uqsub: U((a, b, _c, e) => satU(a - b, e), (a, b) => satU64(a - b)),
  cmgt: S((a, b) => ones(a > b), (a, b) => ones64(a > b)),
  cmge: S((a, b) => ones(a >= b), (a, b) => ones64(a >= b)),
  cmhi: U((a, b) => ones(a > b), (a, b) => ones64(a > b)),
  cmhs: U((a, b) => ones(a >= b), (a, b) => ones64(a >= b)),
  cmeq: U((a, b) => ones(a === b), (a, b) => ones64(a === b)),
  cmtst: U((a, b) => ones((a & b) !== 0), (a, b) => ones64((a & b) !== 0n)),
  sshl: S((a, b, _c, e) => shiftReg(a, b, e, false, ''), (a, b) => shiftReg64(a, b, false, '')),
  ushl: U((a, b, _c, e) => shiftReg(a, b, e, false, ''), (a, b) => shiftReg64(a, b, false, '')),
  srshl: S((a, b, _c, e) => shiftReg(a, b, e, true, ''), (a, b) => shiftReg64(a, b, true, '')),
  urshl: U((a, b, _c, e) => shiftReg(a, b, e, true, ''), (a, b) => shiftReg64(a, b, true, '')),
  sqshl_reg: S((a, b, _c, e) => shiftReg(a, b, e, false, 's'), (a, b) => shiftReg64(a, b, false, 's')),
  uqshl_reg: U((a, b, _c, e) => shiftReg(a, b, e, false, 'u'), (a, b) => shiftReg64(a, b, false, 'u')),
  sqrshl: S((a, b, _c, e) => shiftReg(a, b, e, true, 's'), (a, b) => shiftReg64(a, b, true, 's')),
  uqrshl: U((a, b, _c, e) => shiftReg(a, b, e, true, 'u'), (a, b) => shiftReg64(a, b, true, 'u')),
  smax: S((a, b) => Math.max(a, b)),
  smin: S((a, b) => Math.min(a, b)),
  umax: U((a, b) => Math.max(a, b)),
  umin: U((a, b) => Math.min(a, b)),
  sabd: S((a, b) => Math.abs(a - b)),
  uabd: U((a, b) => Math.abs(a - b)),
  saba: S((a, b, c) => c + Math.abs(a - b)),
  uaba: U((a, b, c) => c + Math.abs(a - b)),
  add: U((a, b) => a + b, (a, b) => a + b),
  sub: U((a, b) => a - b, (a, b) => a - b),
  mla: U((a, b, c, e) => c + mulLow(a, b, e)),
  mls: U((a, b, c, e) => c - mulLow(a, b, e)),
  mul: U((a, b, _c, e) => mulLow(a, b, e)),
  pmul: U((a, b, _c, e) => pmul(a, b, e)),
  sqdmulh: S((a, b, _c, e) => sqdmulh(a, b, e, false)),
  sqrdmulh: S((a, b, _c, e) => sqdmulh(a, b, e, true)),
};

export const PAIRWISE: Record<string, LaneOp> = {
  addp: U((a, b) => a + b, (a, b) => a + b),
  smaxp: S((a, b) => Math.max(a, b)),
  sminp: S((a, b) => Math.min(a, b)),
  umaxp: U((a, b) => Math.max(a, b)),
  uminp: U((a, b) => Math.min(a, b)),
};

export const threeSameHelpers: HelperFamily = (ctx: HelperContext) => {
  const out: Record<string, HelperFn> = {};
  for (const [name, op] of Object.entries(THREE_SAME)) {
    out[`simd_${name}`] = (d: number, n: number, m: number, esize: number, lanes: number) => {
      same(ctx.cpu.v, op, d, n, m, esize, lanes);
      flushQC(ctx.cpu);
    };
  }
  for (const [name, op] of Object.entries(PAIRWISE)) {
    out[`simd_${name}`] = (d: number, n: number, m: number, esize: number, lanes: number) => pairwise(ctx.cpu.v, op, d, n, m, esize, lanes);
  }
  return out;
};
