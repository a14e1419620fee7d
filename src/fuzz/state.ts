/**
 * The architectural state a fuzz case starts from and ends in, and its byte
 * record: the harness loads a case's registers from one such record and dumps
 * the final state (or the state at a signal) as another.
 */
import type { Rng } from './rng.js';

/** Byte offsets in a state record. */
export const REC = {
  /** 0 when the case reached an exit, else the signal number. */
  STATUS: 0,
  /** Return address of the exit's BL (which exit was taken), or the PC a signal was taken at. */
  EXIT: 8,
  /** si_addr of a signal (initial record: address of the case's pristine scratch copy). */
  ADDR: 16,
  NZCV: 24,
  FPSR: 32,
  FPCR: 40,
  SP: 48,
  X: 56,
  V: 304,
  SIZE: 816,
} as const;

export interface CpuSnapshot {
  /** X0..X30. */
  x: bigint[];
  sp: bigint;
  /** NZCV in bits 31:28. */
  nzcv: number;
  fpcr: number;
  fpsr: number;
  /** V0..V31, 16 bytes each, little-endian. */
  v: Uint8Array;
}

export interface Outcome extends CpuSnapshot {
  /** 0 = completed, else the signal that stopped the case. */
  status: number;
  /** Address of the exit taken (BL return address), or the PC of the signal. */
  exit: bigint;
  /** Fault address of a signal. */
  addr: bigint;
  /** The scratch area after the case (memory cases only). */
  scratch?: Uint8Array;
}

export function packState(s: CpuSnapshot, addr: bigint, out: Uint8Array, at: number): void {
  const dv = new DataView(out.buffer, out.byteOffset + at, REC.SIZE);
  dv.setBigUint64(REC.ADDR, addr, true);
  dv.setBigUint64(REC.NZCV, BigInt(s.nzcv >>> 0), true);
  dv.setBigUint64(REC.FPSR, BigInt(s.fpsr >>> 0), true);
  dv.setBigUint64(REC.FPCR, BigInt(s.fpcr >>> 0), true);
  dv.setBigUint64(REC.SP, s.sp, true);
  s.x.forEach((v, i) => dv.setBigUint64(REC.X + 8 * i, BigInt.asUintN(64, v), true));
  out.set(s.v, at + REC.V);
}

export function unpackOutcome(buf: Uint8Array, at: number): Outcome {
  const dv = new DataView(buf.buffer, buf.byteOffset + at, REC.SIZE);
  const x: bigint[] = [];
  for (let i = 0; i < 31; i++) x.push(dv.getBigUint64(REC.X + 8 * i, true));
  return {
    status: Number(dv.getBigUint64(REC.STATUS, true) & 0xffn),
    exit: dv.getBigUint64(REC.EXIT, true),
    addr: dv.getBigUint64(REC.ADDR, true),
    // Signal frames carry the whole PSTATE: keep NZCV only.
    nzcv: Number(dv.getBigUint64(REC.NZCV, true) & 0xf0000000n) >>> 0,
    fpsr: Number(dv.getBigUint64(REC.FPSR, true) & 0xffffffffn) >>> 0,
    fpcr: Number(dv.getBigUint64(REC.FPCR, true) & 0xffffffffn) >>> 0,
    sp: dv.getBigUint64(REC.SP, true),
    x,
    v: buf.slice(at + REC.V, at + REC.V + 512),
  };
}

// ---- Seeded starting values: uniform bits mixed with the values where implementations go wrong ----

const X_EDGES: readonly bigint[] = [
  0n, 1n, 2n, 0x7fn, 0x80n, 0xffn, 0x7fffn, 0x8000n, 0xffffn,
  0x7fffffffn, 0x80000000n, 0xffffffffn, 0x100000000n, 0x1_0000_0001n,
  0x7fff_ffff_ffff_ffffn, 0x8000_0000_0000_0000n, 0xffff_ffff_ffff_ffffn, 0xffff_ffff_ffff_fffen,
  0xffff_ffff_8000_0000n, 0x0000_0000_ffff_ff80n,
];

/** Single-precision bit patterns: zeros, infinities, NaNs with payloads, extremes, subnormals, integer limits. */
export const F32_EDGES: readonly number[] = [
  0x00000000, 0x80000000, 0x3f800000, 0xbf800000, 0x7f800000, 0xff800000, 0x7fc00000, 0xffc00000,
  0x7f800001, 0xff812345, 0x7fd23456, 0x7f7fffff, 0xff7fffff, 0x00800000, 0x80800000, 0x00000001,
  0x807fffff, 0x007fffff, 0x3f000000, 0x3fc00000, 0x40200000, 0xbfc00000, 0x4f000000, 0xcf000000,
  0x4f800000, 0x5f000000, 0xdf000000, 0x5f800000, 0x4effffff, 0x3effffff, 0x4b000001, 0x33800000,
];
/** Double-precision bit patterns, the same families. */
export const F64_EDGES: readonly bigint[] = [
  0n, 0x8000000000000000n, 0x3ff0000000000000n, 0xbff0000000000000n, 0x7ff0000000000000n, 0xfff0000000000000n,
  0x7ff8000000000000n, 0xfff8000000000000n, 0x7ff0000000000001n, 0xfff4000012345678n, 0x7ffc0000deadbeefn,
  0x7fefffffffffffffn, 0xffefffffffffffffn, 0x0010000000000000n, 0x8010000000000000n, 0x0000000000000001n,
  0x800fffffffffffffn, 0x3fe0000000000000n, 0x3ff8000000000000n, 0x4004000000000000n, 0xbff8000000000000n,
  0x41e0000000000000n, 0xc1e0000000000000n, 0x41f0000000000000n, 0x43e0000000000000n, 0xc3e0000000000000n,
  0x43f0000000000000n, 0x41dfffffffc00000n, 0x3fdfffffffffffffn, 0x4330000000000001n, 0x3ca0000000000000n,
  0x36a0000000000000n, 0x47efffffe0000000n, 0x3810000000000000n, 0x380fffffe0000000n,
];
/** Half-precision patterns (FCVT to and from half). */
const F16_EDGES: readonly number[] = [0x0000, 0x8000, 0x3c00, 0x7c00, 0xfc00, 0x7e00, 0x7c01, 0xfd23, 0x7bff, 0x0400, 0x0001, 0x03ff, 0x3800, 0x3e00];

export function randomX(r: Rng): bigint {
  switch (r.int(6)) {
    case 0:
    case 1:
      return r.u64();
    case 2:
      return r.pick(X_EDGES);
    case 3:
      return BigInt.asUintN(64, BigInt(r.int(512) - 256));
    case 4:
      return BigInt(r.u32());
    default:
      return r.chance(0.5) ? F64_EDGES[r.int(F64_EDGES.length)]! : BigInt(r.pick(F32_EDGES));
  }
}

/** One 128-bit V register: random bytes, or lanes of FP edge values, or small integers. */
function randomV(r: Rng, out: Uint8Array, at: number): void {
  const dv = new DataView(out.buffer, out.byteOffset + at, 16);
  switch (r.int(5)) {
    case 0:
      for (let k = 0; k < 16; k++) out[at + k] = r.int(256);
      break;
    case 1:
      for (let k = 0; k < 4; k++) dv.setUint32(4 * k, r.chance(0.8) ? r.pick(F32_EDGES) : r.u32(), true);
      break;
    case 2:
      for (let k = 0; k < 2; k++) dv.setBigUint64(8 * k, r.chance(0.8) ? r.pick(F64_EDGES) : r.u64(), true);
      break;
    case 3:
      for (let k = 0; k < 8; k++) dv.setUint16(2 * k, r.chance(0.7) ? r.pick(F16_EDGES) : r.int(0x10000), true);
      break;
    default:
      for (let k = 0; k < 16; k++) out[at + k] = r.pick([0, 1, 0x7f, 0x80, 0xff, 0xfe, r.int(256)]);
  }
}

/** FPCR: rounding mode, FZ, DN and AHP varied; half the cases run with the default FPCR (0). */
export function randomFpcr(r: Rng): number {
  if (r.chance(0.5)) return 0;
  let v = r.int(4) << 22;
  if (r.chance(0.5)) v |= 1 << 24; // FZ
  if (r.chance(0.5)) v |= 1 << 25; // DN
  if (r.chance(0.2)) v |= 1 << 26; // AHP
  return v >>> 0;
}

/** FPSR: usually clear, sometimes with cumulative flags and QC already set. */
export function randomFpsr(r: Rng): number {
  return r.chance(0.7) ? 0 : (r.int(0x20) | (r.int(2) << 7) | (r.int(2) << 27)) >>> 0;
}

export function randomState(r: Rng): CpuSnapshot {
  const x: bigint[] = [];
  for (let i = 0; i < 31; i++) x.push(randomX(r));
  const v = new Uint8Array(512);
  for (let i = 0; i < 32; i++) randomV(r, v, 16 * i);
  return { x, sp: r.chance(0.5) ? r.u64() & ~0xfn : r.u64(), nzcv: (r.int(16) << 28) >>> 0, fpcr: randomFpcr(r), fpsr: randomFpsr(r), v };
}
