/**
 * Shared pieces of the load/store translators: sized memory access, address
 * arithmetic, register-offset extension, and the general/SIMD&FP transfer of
 * one register. Rule for every handler: all memory accesses of an instruction
 * come first, then register writes, then the base writeback (so a fault
 * leaves the registers untouched and writeback wins over a loaded Rt == Rn).
 */
import type { Value } from '../../../ir/value.js';
import type { TranslationContext } from '../context.js';

/** log2 of the access size in bytes: 0 = B, 1 = H, 2 = S/W, 3 = D/X, 4 = Q. */
export type Scale = 0 | 1 | 2 | 3 | 4;

const READ = ['Read8', 'Read16', 'Read32', 'Read64'] as const;
const WRITE = ['Write8', 'Write16', 'Write32', 'Write64'] as const;

/** Read 1/2/4 bytes (zero-extended U32) or 8 bytes (U64). */
export function readMem(c: TranslationContext, scale: 0 | 1 | 2 | 3, addr: Value): Value {
  return c.ir.op(READ[scale], addr);
}

/** Write the low 1/2/4 bytes of a U32, or 8 bytes of a U64. */
export function writeMem(c: TranslationContext, scale: 0 | 1 | 2 | 3, addr: Value, v: Value): void {
  c.ir.op(WRITE[scale], addr, v);
}

/** addr + a translate-time byte offset (no op for 0). */
export function addOffset(c: TranslationContext, addr: Value, off: number): Value {
  return off === 0 ? addr : c.ir.op('Add64', addr, c.ir.u64n(BigInt(off)));
}

/** X[n] or SP (n = 31): the base of an address. */
export function base(c: TranslationContext, n: number): Value {
  return c.XSP(n);
}

/** PC + a byte offset, as a U64 constant (literal loads). */
export function pcRelAddr(c: TranslationContext, off: number): Value {
  const p = c.pcRel(off);
  return c.ir.u64(p.lo, p.hi);
}

/**
 * ExtendReg(m, option, shift) for the register-offset forms: option<1> must be
 * 1 (UXTW 010, LSL/UXTX 011, SXTW 110, SXTX 111); returns undefined when it is not.
 */
export function extendedOffset(c: TranslationContext, m: number, option: number, shift: number): Value | undefined {
  if ((option & 2) === 0) return undefined;
  let off: Value;
  if (option & 1) off = c.X(m);
  else off = c.ir.op(option & 4 ? 'SignExtend32To64' : 'ZeroExtend32To64', c.W(m));
  return shift === 0 ? off : c.ir.op('Lsl64', off, c.ir.u32(shift));
}

/** Load to a general register, as one of the LDR/LDRB/LDRH/LDRS* kinds. */
export interface GenLoad {
  scale: 0 | 1 | 2 | 3;
  /** Sign-extend the loaded value. */
  signed: boolean;
  /** Destination is X (64-bit). Unsigned loads of less than 8 bytes write W (zeroing the top). */
  dest64: boolean;
}

/** The register value of a loaded U32/U64 per the load kind (the memory access is done by the caller). */
export function extendLoaded(c: TranslationContext, k: GenLoad, v: Value): Value {
  if (k.scale === 3) return v;
  if (!k.signed) return k.dest64 ? c.ir.op('ZeroExtend32To64', v) : v;
  let w = v;
  if (k.scale === 0) w = c.ir.op('SignExtend8To32', v);
  else if (k.scale === 1) w = c.ir.op('SignExtend16To32', v);
  return k.dest64 ? c.ir.op('SignExtend32To64', w) : w;
}

/** Write a loaded general register value (Rt = 31 is XZR: discarded). */
export function setLoaded(c: TranslationContext, k: GenLoad, t: number, v: Value): void {
  c.setReg(k.dest64 ? 1 : 0, t, v);
}

/** The data of a general-register store of 2^scale bytes (W for < 8 bytes). */
export function storeData(c: TranslationContext, scale: 0 | 1 | 2 | 3, t: number): Value {
  return scale === 3 ? c.X(t) : c.W(t);
}

// ---- SIMD&FP registers ----

/** Loaded SIMD&FP data: one value for B/H/S (U32) or D (U64), two U64 halves for Q. */
export type VecData = Value[];

export function readVec(c: TranslationContext, scale: Scale, addr: Value): VecData {
  if (scale === 4) return [c.ir.op('Read64', addr), c.ir.op('Read64', addOffset(c, addr, 8))];
  return [readMem(c, scale, addr)];
}

/** Write V[t] from loaded data: B/H/S/D zero the rest of the 128-bit register. */
export function setVec(c: TranslationContext, scale: Scale, t: number, d: VecData): void {
  if (scale === 4) {
    c.setV64(t, 0, d[0]!);
    c.setV64(t, 1, d[1]!);
    return;
  }
  c.setV64(t, 0, scale === 3 ? d[0]! : c.ir.op('ZeroExtend32To64', d[0]!));
  c.zeroVHigh(t);
}

/** The low 2^scale bytes of V[t], in the shape readVec returns. */
export function getVec(c: TranslationContext, scale: Scale, t: number): VecData {
  if (scale === 4) return [c.V64(t, 0), c.V64(t, 1)];
  if (scale === 3) return [c.V64(t, 0)];
  return [c.V32(t, 0)];
}

export function writeVec(c: TranslationContext, scale: Scale, addr: Value, d: VecData): void {
  if (scale === 4) {
    c.ir.op('Write64', addr, d[0]!);
    c.ir.op('Write64', addOffset(c, addr, 8), d[1]!);
    return;
  }
  writeMem(c, scale, addr, d[0]!);
}

/** SIMD&FP access size from size:opc<1> (B 000, H 010, S 100, D 110, Q 001); undefined if reserved. */
export function fpScale(size: number, opc1: number): Scale | undefined {
  const s = (opc1 << 2) | size;
  return s <= 4 ? (s as Scale) : undefined;
}
