/**
 * Lane access for the AdvSIMD helpers: elements of V[r] over the VecFile
 * views (little-endian, V[r] byte b at u8[16r + b]), a scratch result
 * register file (results are built there, then copied, so a destination may
 * alias a source), and saturation with FPSR.QC.
 *
 * Elements of 8, 16 and 32 bits are JS numbers (unsigned or signed reads);
 * 64-bit elements are bigints. Writes take any integer and keep its low
 * esize bits (typed-array conversion is modular for exact integers).
 */
import { Slot } from '../../backend-js/abi.js';
import { type CpuState, VecFile } from '../cpu-state.js';

/** Scratch registers: T.0 is the result under construction, T.1.. are for wide intermediates. */
export const T = new VecFile();

export type Lanes = Uint8Array | Uint16Array | Uint32Array | Int8Array | Int16Array | Int32Array;
interface Views {
  readonly u: readonly [Uint8Array, Uint16Array, Uint32Array];
  readonly s: readonly [Int8Array, Int16Array, Int32Array];
}
const viewCache = new WeakMap<VecFile, Views>();
/**
 * The register file as an array of esize-bit elements (8/16/32), signed or not:
 * V[r] element i is at index r * (128 / esize) + i.
 */
export function laneView(v: VecFile, esize: number, signed: boolean): Lanes {
  let w = viewCache.get(v);
  if (!w) {
    const b = v.buf;
    w = { u: [v.u8, v.u16, v.u32], s: [new Int8Array(b), new Int16Array(b), v.i32] };
    viewCache.set(v, w);
  }
  const k = esize === 8 ? 0 : esize === 16 ? 1 : 2;
  return signed ? w.s[k] : w.u[k];
}

export function elemU(v: VecFile, r: number, i: number, esize: number): number {
  switch (esize) {
    case 8: return v.u8[16 * r + i]!;
    case 16: return v.u16[8 * r + i]!;
    default: return v.u32[4 * r + i]!;
  }
}
export function elemS(v: VecFile, r: number, i: number, esize: number): number {
  switch (esize) {
    case 8: return (v.u8[16 * r + i]! << 24) >> 24;
    case 16: return (v.u16[8 * r + i]! << 16) >> 16;
    default: return v.i32[4 * r + i]!;
  }
}
export function elem(v: VecFile, r: number, i: number, esize: number, signed: boolean): number {
  return signed ? elemS(v, r, i, esize) : elemU(v, r, i, esize);
}
export function setElem(v: VecFile, r: number, i: number, esize: number, x: number): void {
  switch (esize) {
    case 8: v.u8[16 * r + i] = x; break;
    case 16: v.u16[8 * r + i] = x; break;
    case 32: v.u32[4 * r + i] = x; break;
    default: v.dv.setBigUint64(16 * r + 8 * i, BigInt.asUintN(64, BigInt(x)), true);
  }
}
export function elem64(v: VecFile, r: number, i: number, signed: boolean): bigint {
  return signed ? v.dv.getBigInt64(16 * r + 8 * i, true) : v.dv.getBigUint64(16 * r + 8 * i, true);
}
export function setElem64(v: VecFile, r: number, i: number, x: bigint): void {
  v.dv.setBigUint64(16 * r + 8 * i, BigInt.asUintN(64, x), true);
}

/** Start a result in T.0: all zero (so 64-bit and scalar results clear the rest of the register). */
export function begin(): void {
  const a = T.i32;
  a[0] = 0; a[1] = 0; a[2] = 0; a[3] = 0;
}
/** Start a result in T.0 holding the low 64 bits of V[d] (the "2" narrowing forms keep them). */
export function beginKeepLow(v: VecFile, d: number): void {
  const a = T.i32, s = v.i32;
  a[0] = s[4 * d]!; a[1] = s[4 * d + 1]!; a[2] = 0; a[3] = 0;
}
/** V[d] = T.0. */
export function commit(v: VecFile, d: number): void {
  const a = T.i32, s = v.i32;
  s[4 * d] = a[0]!; s[4 * d + 1] = a[1]!; s[4 * d + 2] = a[2]!; s[4 * d + 3] = a[3]!;
}

/** Saturation state of the current helper call: any saturation sets FPSR.QC when the call ends. */
export const QC = { hit: false };

/** SignedSatQ(x, esize) for an exact integer number. */
export function satS(x: number, esize: number): number {
  const max = 2 ** (esize - 1) - 1, min = -(2 ** (esize - 1));
  if (x > max) { QC.hit = true; return max; }
  if (x < min) { QC.hit = true; return min; }
  return x;
}
/** UnsignedSatQ(x, esize) for an exact integer number. */
export function satU(x: number, esize: number): number {
  const max = 2 ** esize - 1;
  if (x > max) { QC.hit = true; return max; }
  if (x < 0) { QC.hit = true; return 0; }
  return x;
}
const B63 = 1n << 63n, B64 = 1n << 64n;
export function satS64(x: bigint, esize = 64): bigint {
  const max = esize === 64 ? B63 - 1n : (1n << BigInt(esize - 1)) - 1n, min = -max - 1n;
  if (x > max) { QC.hit = true; return max; }
  if (x < min) { QC.hit = true; return min; }
  return x;
}
export function satU64(x: bigint, esize = 64): bigint {
  const max = esize === 64 ? B64 - 1n : (1n << BigInt(esize)) - 1n;
  if (x > max) { QC.hit = true; return max; }
  if (x < 0n) { QC.hit = true; return 0n; }
  return x;
}

/** FPSR.QC |= QC.hit, and reset for the next call. */
export function flushQC(cpu: CpuState): void {
  if (QC.hit) {
    cpu.s[Slot.FPSR] |= 1 << 27;
    QC.hit = false;
  }
}
