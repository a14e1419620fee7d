/**
 * 64-bit integer semantics on int32 lo/hi pairs, shared by the IR interpreter
 * and (for the longer operations) by generated code through the helper object.
 * Each function returns the low word and leaves the high word in out[0]
 * (generated code passes S with the RET_HI slot; see abi.ts).
 */
import { Slot } from '../backend-js/abi.js';

const HI = Slot.RET_HI;
const TWO32 = 0x1_0000_0000;

/** Unsigned 32x32 -> 64 product; returns lo, high word in o[HI]. */
export function umul32(o: Int32Array, a: number, b: number): number {
  const a0 = a & 0xffff, a1 = a >>> 16, b0 = b & 0xffff, b1 = b >>> 16;
  const p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
  const mid = (p00 >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
  o[HI] = (p11 + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16)) | 0;
  return Math.imul(a, b);
}

export function mul64(o: Int32Array, al: number, ah: number, bl: number, bh: number): number {
  const lo = umul32(o, al, bl);
  o[HI] = (o[HI]! + Math.imul(al, bh) + Math.imul(ah, bl)) | 0;
  return lo;
}

export function umulh64(o: Int32Array, al: number, ah: number, bl: number, bh: number): number {
  const p0l = umul32(o, al, bl) >>> 0; const p0h = o[HI]! >>> 0;
  const p1l = umul32(o, al, bh) >>> 0; const p1h = o[HI]! >>> 0;
  const p2l = umul32(o, ah, bl) >>> 0; const p2h = o[HI]! >>> 0;
  const p3l = umul32(o, ah, bh) >>> 0; const p3h = o[HI]! >>> 0;
  void p0l;
  const w1 = p0h + p1l + p2l;
  const w2 = p1h + p2h + p3l + Math.floor(w1 / TWO32);
  const w3 = p3h + Math.floor(w2 / TWO32);
  o[HI] = w3 | 0;
  return w2 | 0;
}

export function smulh64(o: Int32Array, al: number, ah: number, bl: number, bh: number): number {
  let lo = umulh64(o, al, ah, bl, bh);
  let hi = o[HI]!;
  if (ah < 0) [lo, hi] = sub64pair(lo, hi, bl, bh);
  if (bh < 0) [lo, hi] = sub64pair(lo, hi, al, ah);
  o[HI] = hi;
  return lo;
}

function sub64pair(al: number, ah: number, bl: number, bh: number): [number, number] {
  const lo = (al - bl) | 0;
  const borrow = (al >>> 0) < (bl >>> 0) ? 1 : 0;
  return [lo, (ah - bh - borrow) | 0];
}

function big(lo: number, hi: number): bigint {
  return (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
}
function fromBig(o: Int32Array, v: bigint): number {
  o[HI] = Number(BigInt.asIntN(32, v >> 32n));
  return Number(BigInt.asIntN(32, v));
}

export function udiv64(o: Int32Array, al: number, ah: number, bl: number, bh: number): number {
  if ((bl | bh) === 0) return (o[HI] = 0);
  if ((ah | bh) === 0) {
    o[HI] = 0;
    return Math.floor((al >>> 0) / (bl >>> 0)) | 0;
  }
  return fromBig(o, big(al, ah) / big(bl, bh));
}

export function sdiv64(o: Int32Array, al: number, ah: number, bl: number, bh: number): number {
  if ((bl | bh) === 0) return (o[HI] = 0);
  const a = BigInt.asIntN(64, big(al, ah));
  const b = BigInt.asIntN(64, big(bl, bh));
  return fromBig(o, BigInt.asIntN(64, a / b)); // INT64_MIN / -1 wraps to INT64_MIN
}

export function udiv32(a: number, b: number): number {
  return b === 0 ? 0 : Math.floor((a >>> 0) / (b >>> 0)) | 0;
}

export function sdiv32(a: number, b: number): number {
  if (b === 0) return 0;
  if (a === -0x80000000 && b === -1) return a;
  return Math.trunc(a / b) | 0;
}

export function lsl64(o: Int32Array, lo: number, hi: number, n: number): number {
  n &= 63;
  if (n === 0) return (o[HI] = hi), lo;
  if (n < 32) return (o[HI] = (hi << n) | (lo >>> (32 - n))), lo << n;
  o[HI] = lo << (n - 32);
  return 0;
}

export function lsr64(o: Int32Array, lo: number, hi: number, n: number): number {
  n &= 63;
  if (n === 0) return (o[HI] = hi), lo;
  if (n < 32) return (o[HI] = hi >>> n), (lo >>> n) | (hi << (32 - n));
  o[HI] = 0;
  return hi >>> (n - 32);
}

export function asr64(o: Int32Array, lo: number, hi: number, n: number): number {
  n &= 63;
  if (n === 0) return (o[HI] = hi), lo;
  if (n < 32) return (o[HI] = hi >> n), (lo >>> n) | (hi << (32 - n));
  o[HI] = hi >> 31;
  return hi >> (n - 32);
}

export function ror64(o: Int32Array, lo: number, hi: number, n: number): number {
  n &= 63;
  if (n === 0) return (o[HI] = hi), lo;
  if (n === 32) return (o[HI] = lo), hi;
  if (n < 32) return (o[HI] = (hi >>> n) | (lo << (32 - n))), (lo >>> n) | (hi << (32 - n));
  const m = n - 32;
  o[HI] = (lo >>> m) | (hi << (32 - m));
  return (hi >>> m) | (lo << (32 - m));
}

export function rbit32(x: number): number {
  x = ((x >>> 1) & 0x55555555) | ((x & 0x55555555) << 1);
  x = ((x >>> 2) & 0x33333333) | ((x & 0x33333333) << 2);
  x = ((x >>> 4) & 0x0f0f0f0f) | ((x & 0x0f0f0f0f) << 4);
  x = ((x >>> 8) & 0x00ff00ff) | ((x & 0x00ff00ff) << 8);
  return (x >>> 16) | (x << 16);
}

export function bswap32(x: number): number {
  return ((x & 0xff) << 24) | ((x & 0xff00) << 8) | ((x >>> 8) & 0xff00) | (x >>> 24);
}

export function bswapHalves32(x: number): number {
  return ((x & 0x00ff00ff) << 8) | ((x >>> 8) & 0x00ff00ff);
}

export function clz64(lo: number, hi: number): number {
  return hi !== 0 ? Math.clz32(hi) : 32 + Math.clz32(lo);
}

/** Packed NZCV (bits 31..28) of a + b + c on 32 bits. */
export function nzcvAdd32(a: number, b: number, c: number): number {
  const u = (a >>> 0) + (b >>> 0) + c;
  const r = u | 0;
  const n = r < 0 ? 8 : 0;
  const z = r === 0 ? 4 : 0;
  const cf = u > 0xffffffff ? 2 : 0;
  const v = ((a ^ r) & (b ^ r)) < 0 ? 1 : 0;
  return (n | z | cf | v) << 28;
}

/** a + b + c on 64 bits; returns lo, hi in o[HI], packed NZCV in o[RET_FLAGS]. */
export function addc64(o: Int32Array, al: number, ah: number, bl: number, bh: number, c: number): number {
  const l = (al >>> 0) + (bl >>> 0) + c;
  const h = (ah >>> 0) + (bh >>> 0) + (l > 0xffffffff ? 1 : 0);
  const rl = l | 0, rh = h | 0;
  o[HI] = rh;
  const n = rh < 0 ? 8 : 0;
  const z = (rl | rh) === 0 ? 4 : 0;
  const cf = h > 0xffffffff ? 2 : 0;
  const v = ((ah ^ rh) & (bh ^ rh)) < 0 ? 1 : 0;
  o[Slot.RET_FLAGS] = (n | z | cf | v) << 28;
  return rl;
}

/** Packed NZCV -> condition (Arm ARM ConditionHolds). */
export function condHolds(nzcv: number, cond: number): boolean {
  const n = (nzcv >>> 31) & 1, z = (nzcv >>> 30) & 1, c = (nzcv >>> 29) & 1, v = (nzcv >>> 28) & 1;
  let r: boolean;
  switch (cond >> 1) {
    case 0: r = z === 1; break;
    case 1: r = c === 1; break;
    case 2: r = n === 1; break;
    case 3: r = v === 1; break;
    case 4: r = c === 1 && z === 0; break;
    case 5: r = n === v; break;
    case 6: r = n === v && z === 0; break;
    default: r = true;
  }
  return (cond & 1) === 1 && cond !== 15 ? !r : r;
}
