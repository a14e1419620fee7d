/**
 * Translators: exclusives (LDXR/STXR families and pairs), load-acquire /
 * store-release (LDAR/STLR), and FEAT_LSE compare-and-swap and atomic memory
 * operations. This machine runs one guest thread per CPU state and executes
 * a block without interruption, so the atomics are plain load-compute-store
 * sequences and acquire/release ordering needs nothing.
 *
 * The exclusive monitor works as qemu-aarch64 7.2's: a load-exclusive records
 * its address and the value it loaded (zero-extended to 64 bits; LDXP of two
 * W registers: the doubleword; of two X registers: both doublewords). A
 * store-exclusive passes when the monitor is held for its address and memory
 * still holds that value, whatever the sizes of the two instructions:
 *   - X and W pairs: memory (8 or 16 bytes) equals the recorded value;
 *   - B/H/W: it stores when memory at its own size equals the low bytes of the
 *     recorded value, and reports success (status 0) only when memory,
 *     zero-extended, equals all 64 bits of it (so LDXR x then STXR w to the
 *     same address stores but reports failure unless the loaded high word was 0).
 * Ordinary stores in between do not clear the monitor, but a changed value
 * fails the store-exclusive (ABA passes, as in QEMU).
 *
 * A store-exclusive is one helper call (helpers/exclusive.ts): when the
 * monitor does not hold its address it fails (status 1) without touching
 * memory, so it never faults on an unmapped or read-only page then, as in
 * QEMU; the Arm ARM leaves that order IMPLEMENTATION DEFINED. CAS writes back
 * the old value when the comparison fails (so a failing CAS on a read-only
 * page faults, as QEMU's does).
 *
 * Alignment (Armv8.0, no FEAT_LSE2): every access here must be aligned to its
 * size (a pair: to the size of the whole pair) or raise an alignment fault;
 * byte accesses never fault. Each handler starts with CheckAlignment on the
 * base address, before any other access, monitor update or register write, so
 * the fault is precise. A store-exclusive faults whatever the monitor state
 * (the Arm ARM checks alignment before the monitor; qemu-aarch64 7.2 instead
 * fails a misaligned store-exclusive with status 1 when the monitor does not
 * hold its address). Read-modify-write atomics check with a read access.
 *
 * CONSTRAINED UNPREDICTABLE choices (as qemu-aarch64 7.2 behaves):
 *   LDXP/LDAXP with Rt == Rt2: the register gets the value from the higher address (Rt2's);
 *   STXR-family with Rs == Rt or Rs == Rn: the stored value (and address) is
 *     the register before the status write;
 *   a store-exclusive of another size than the load-exclusive: compared as above.
 */
import type { Fields } from '../../decoder/bitpattern.js';
import type { Value } from '../../../ir/value.js';
import type { TranslationContext } from '../context.js';
import type { Handler, HandlerGroup } from '../handler.js';
import { addOffset, base, readMem, storeData, writeMem } from './load-store-common.js';

type Scale = 0 | 1 | 2 | 3;
type ScaleOf = (f: Fields) => Scale;
const B: ScaleOf = () => 0;
const H: ScaleOf = () => 1;
/** W or X by size<0> (z). */
const WX: ScaleOf = (f) => (f.z ? 3 : 2);

const sfOf = (scale: Scale): number => (scale === 3 ? 1 : 0);

function select(c: TranslationContext, scale: Scale, cond: Value, a: Value, b: Value): Value {
  return c.ir.op(scale === 3 ? 'Select64' : 'Select32', cond, a, b);
}

/** Alignment fault unless addr is a multiple of `bytes` (no check for single bytes). */
function aligned(c: TranslationContext, addr: Value, bytes: number, access: 'read' | 'write'): void {
  if (bytes > 1) c.ir.op('CheckAlignment', addr, c.ir.imm(bytes), c.ir.imm(access === 'write' ? 1 : 0));
}

/** Set a general register from a loaded value of 2^scale bytes (zero-extended). */
function setLoadedReg(c: TranslationContext, scale: Scale, t: number, v: Value): void {
  c.setReg(sfOf(scale), t, v);
}

// ---- exclusives ----

function ldxr(scaleOf: ScaleOf): Handler {
  return (c, f) => {
    const scale = scaleOf(f);
    const addr = base(c, f.n!);
    aligned(c, addr, 1 << scale, 'read');
    const v = readMem(c, scale, addr);
    c.ir.op('A64SetExclusive', addr, c.ir.imm(1 << scale), scale === 3 ? v : c.ir.op('ZeroExtend32To64', v));
    setLoadedReg(c, scale, f.t!, v);
    return true;
  };
}

function stxr(scaleOf: ScaleOf): Handler {
  return (c, f) => {
    const scale = scaleOf(f);
    const addr = base(c, f.n!);
    aligned(c, addr, 1 << scale, 'write');
    const data = scale === 3 ? c.X(f.t!) : c.ir.op('ZeroExtend32To64', c.W(f.t!));
    c.setW(f.s!, c.call32('storeExclusive', addr, c.ir.u32(1 << scale), data, c.ir.u64(0, 0)));
    return true;
  };
}

/** LDXP/LDAXP: two W (the monitor value is the doubleword) or two X (value and high doubleword). */
const LDXP: Handler = (c, f) => {
  const scale: Scale = f.z ? 3 : 2;
  const addr = base(c, f.n!);
  aligned(c, addr, 2 << scale, 'read');
  const v1 = readMem(c, scale, addr);
  const v2 = readMem(c, scale, addOffset(c, addr, 1 << scale));
  if (f.z) {
    c.ir.op('A64SetExclusive', addr, c.ir.imm(16), v1);
    c.ir.op('A64SetExclusiveHigh', v2);
  } else {
    c.ir.op('A64SetExclusive', addr, c.ir.imm(8), c.ir.op('Pack32To64', v1, v2));
  }
  // Rt first, so that Rt == Rt2 leaves Rt2's value (QEMU).
  setLoadedReg(c, scale, f.t!, v1);
  setLoadedReg(c, scale, f.a!, v2);
  return true;
};

const STXP: Handler = (c, f) => {
  const addr = base(c, f.n!);
  aligned(c, addr, f.z ? 16 : 8, 'write');
  // Two W registers are one 64-bit access (Rt at the lower address).
  const d1 = f.z ? c.X(f.t!) : c.ir.op('Pack32To64', c.W(f.t!), c.W(f.a!));
  const d2 = f.z ? c.X(f.a!) : c.ir.u64(0, 0);
  c.setW(f.s!, c.call32('storeExclusive', addr, c.ir.u32(f.z ? 16 : 8), d1, d2));
  return true;
};

// ---- load-acquire / store-release: ordinary accesses here ----

function ldar(scaleOf: ScaleOf): Handler {
  return (c, f) => {
    const scale = scaleOf(f);
    const addr = base(c, f.n!);
    aligned(c, addr, 1 << scale, 'read');
    setLoadedReg(c, scale, f.t!, readMem(c, scale, addr));
    return true;
  };
}

function stlr(scaleOf: ScaleOf): Handler {
  return (c, f) => {
    const scale = scaleOf(f);
    const addr = base(c, f.n!);
    aligned(c, addr, 1 << scale, 'write');
    writeMem(c, scale, addr, storeData(c, scale, f.t!));
    return true;
  };
}

// ---- FEAT_LSE compare and swap ----

/** The low 2^scale bytes of a W/X register value (zero-extended), to compare with a loaded value. */
function sized(c: TranslationContext, scale: Scale, v: Value): Value {
  if (scale === 0) return c.ir.op('ZeroExtend8To32', v);
  if (scale === 1) return c.ir.op('ZeroExtend16To32', v);
  return v;
}

/** CAS{A,L,AL}{B,H,}: Rs = compare value in, old memory value out; Rt = new value. */
function cas(scaleOf: ScaleOf): Handler {
  return (c, f) => {
    const scale = scaleOf(f);
    const sf = sfOf(scale);
    const addr = base(c, f.n!);
    aligned(c, addr, 1 << scale, 'read');
    const cmp = sized(c, scale, storeData(c, scale, f.s!));
    const data = storeData(c, scale, f.t!);
    const old = readMem(c, scale, addr);
    const eq = c.op(sf, 'IsZero', c.op(sf, 'Xor', old, cmp));
    writeMem(c, scale, addr, select(c, scale, eq, data, old));
    setLoadedReg(c, scale, f.s!, old);
    return true;
  };
}

/** CASP{A,L,AL}: register pairs <Rs, Rs+1> and <Rt, Rt+1> (even numbers), lower register at the lower address. */
const CASP: Handler = (c, f) => {
  const s = f.s!, t = f.t!;
  if (s & 1 || t & 1) return c.unallocated();
  const addr = base(c, f.n!);
  aligned(c, addr, f.z ? 16 : 8, 'read');
  if (!f.z) {
    const cmp = c.ir.op('Pack32To64', c.W(s), c.W(s + 1));
    const data = c.ir.op('Pack32To64', c.W(t), c.W(t + 1));
    const old = c.ir.op('Read64', addr);
    const eq = c.ir.op('IsZero64', c.ir.op('Xor64', old, cmp));
    c.ir.op('Write64', addr, c.ir.op('Select64', eq, data, old));
    c.setW(s, c.ir.op('Truncate64To32', old));
    c.setW(s + 1, c.ir.op('High64To32', old));
    return true;
  }
  const c1 = c.X(s), c2 = c.X(s + 1), d1 = c.X(t), d2 = c.X(t + 1);
  const addr2 = addOffset(c, addr, 8);
  const old1 = c.ir.op('Read64', addr);
  const old2 = c.ir.op('Read64', addr2);
  const eq = c.ir.op('IsZero64', c.ir.op('Or64', c.ir.op('Xor64', old1, c1), c.ir.op('Xor64', old2, c2)));
  c.ir.op('Write64', addr, c.ir.op('Select64', eq, d1, old1));
  c.ir.op('Write64', addr2, c.ir.op('Select64', eq, d2, old2));
  c.setX(s, old1);
  c.setX(s + 1, old2);
  return true;
};

// ---- FEAT_LSE atomic memory operations ----

type AmoOp = 'ADD' | 'CLR' | 'EOR' | 'SET' | 'SMAX' | 'SMIN' | 'UMAX' | 'UMIN' | 'SWP';

/** Condition codes for "a > b" after a - b. */
const COND_GT = 12;
const COND_HI = 8;

/** The new memory value of an atomic op on the old value and Rs (both 2^scale bytes, sized as loaded). */
function amoResult(c: TranslationContext, op: AmoOp, scale: Scale, old: Value, s: Value): Value {
  const sf = sfOf(scale);
  switch (op) {
    case 'ADD':
      return c.op(sf, 'Add', old, s);
    case 'CLR':
      return c.op(sf, 'AndNot', old, s);
    case 'EOR':
      return c.op(sf, 'Xor', old, s);
    case 'SET':
      return c.op(sf, 'Or', old, s);
    case 'SWP':
      return s;
  }
  const signed = op === 'SMAX' || op === 'SMIN';
  let a = old, b = s;
  if (scale < 2) {
    // Compare B/H values as 32-bit numbers of the right signedness.
    if (signed) {
      const ext = scale === 0 ? 'SignExtend8To32' : 'SignExtend16To32';
      a = c.ir.op(ext, old);
      b = c.ir.op(ext, s);
    } else {
      b = sized(c, scale, s);
    }
  }
  const diff = c.op(sf, 'SubWithCarry', a, b, c.ir.u1(1));
  const gt = c.ir.op('TestCond', c.ir.op('GetNZCVFromOp', diff), c.ir.imm(signed ? COND_GT : COND_HI));
  const max = op === 'SMAX' || op === 'UMAX';
  return max ? select(c, scale, gt, a, b) : select(c, scale, gt, b, a);
}

/** LD<op>{A,L,AL}{B,H,} and SWP: Rt gets the old value; the ST<op> aliases have Rt = XZR. */
function amo(op: AmoOp, scaleOf: ScaleOf): Handler {
  return (c, f) => {
    const scale = scaleOf(f);
    const addr = base(c, f.n!);
    aligned(c, addr, 1 << scale, 'read');
    const s = storeData(c, scale, f.s!);
    const old = readMem(c, scale, addr);
    writeMem(c, scale, addr, amoResult(c, op, scale, old, s));
    setLoadedReg(c, scale, f.t!, old);
    return true;
  };
}

export const LDST_ATOMIC_HANDLERS = {
  STXRB: stxr(B),
  STLXRB: stxr(B),
  LDXRB: ldxr(B),
  LDAXRB: ldxr(B),
  STLRB: stlr(B),
  LDARB: ldar(B),
  STXRH: stxr(H),
  STLXRH: stxr(H),
  LDXRH: ldxr(H),
  LDAXRH: ldxr(H),
  STLRH: stlr(H),
  LDARH: ldar(H),
  STXR: stxr(WX),
  STLXR: stxr(WX),
  LDXR: ldxr(WX),
  LDAXR: ldxr(WX),
  STLR: stlr(WX),
  LDAR: ldar(WX),
  STXP,
  STLXP: STXP,
  LDXP,
  LDAXP: LDXP,

  CASB: cas(B),
  CASH: cas(H),
  CAS: cas(WX),
  CASP,

  LDADDB: amo('ADD', B),
  LDCLRB: amo('CLR', B),
  LDEORB: amo('EOR', B),
  LDSETB: amo('SET', B),
  LDSMAXB: amo('SMAX', B),
  LDSMINB: amo('SMIN', B),
  LDUMAXB: amo('UMAX', B),
  LDUMINB: amo('UMIN', B),
  SWPB: amo('SWP', B),
  LDADDH: amo('ADD', H),
  LDCLRH: amo('CLR', H),
  LDEORH: amo('EOR', H),
  LDSETH: amo('SET', H),
  LDSMAXH: amo('SMAX', H),
  LDSMINH: amo('SMIN', H),
  LDUMAXH: amo('UMAX', H),
  LDUMINH: amo('UMIN', H),
  SWPH: amo('SWP', H),
  LDADD: amo('ADD', WX),
  LDCLR: amo('CLR', WX),
  LDEOR: amo('EOR', WX),
  LDSET: amo('SET', WX),
  LDSMAX: amo('SMAX', WX),
  LDSMIN: amo('SMIN', WX),
  LDUMAX: amo('UMAX', WX),
  LDUMIN: amo('UMIN', WX),
  SWP: amo('SWP', WX),
} satisfies HandlerGroup;
