/** Translators: Advanced SIMD copy and scalar copy (DUP, INS, UMOV, SMOV), all inline in IR. */
import type { Value } from '../../../ir/value.js';
import type { TranslationContext } from '../context.js';
import type { HandlerGroup } from '../handler.js';
import { lanesOf, lowestSetBit, setElems } from './simd-common.js';

/** imm5 -> element size and index: size = LowestSetBit(imm5) (> 3 reserved), index = imm5 >> (size + 1). */
function decodeImm5(imm5: number): { size: number; esize: number; index: number } | undefined {
  const size = lowestSetBit(imm5);
  if (size < 0 || size > 3) return undefined;
  return { size, esize: 8 << size, index: imm5 >> (size + 1) };
}

/** Element [index] of V[n] (esize <= 32) as a U32, zero-extended. */
function elemU32(c: TranslationContext, n: number, esize: number, index: number): Value {
  const per = 32 / esize;
  let w: Value = c.V32(n, Math.floor(index / per));
  const sh = (index % per) * esize;
  if (sh) w = c.ir.op('Lsr32', w, c.ir.u32(sh));
  if (esize === 8) w = c.ir.op('ZeroExtend8To32', w);
  else if (esize === 16) w = c.ir.op('ZeroExtend16To32', w);
  return w;
}

/** A zero-extended element of esize <= 32 bits repeated over a 32-bit word. */
function replicate32(c: TranslationContext, esize: number, v: Value): Value {
  if (esize === 8) return c.ir.op('Mul32', v, c.ir.u32(0x01010101));
  if (esize === 16) return c.ir.op('Or32', v, c.ir.op('Lsl32', v, c.ir.u32(16)));
  return v;
}

/** Vd = v in each of `lanes` elements (U64 for esize 64, else a zero-extended U32); one lane is the scalar form. */
function setDup(c: TranslationContext, d: number, esize: number, lanes: number, v: Value): void {
  if (esize === 64) setElems(c, d, 64, lanes, () => v);
  else if (lanes === 1) setElems(c, d, 32, 1, () => v);
  else {
    const w = replicate32(c, esize, v);
    setElems(c, d, 32, (lanes * esize) / 32, () => w);
  }
}

/** Vd[index] = v (U64 for esize 64, else a zero-extended U32), the other elements kept. */
function insert(c: TranslationContext, d: number, esize: number, index: number, v: Value): void {
  if (esize === 64) return c.setV64(d, index, v);
  if (esize === 32) return c.setV32(d, index, v);
  const per = 32 / esize, wi = Math.floor(index / per), sh = (index % per) * esize;
  const mask = (((1 << esize) - 1) << sh) >>> 0;
  const kept = c.ir.op('And32', c.V32(d, wi), c.ir.u32(~mask));
  c.setV32(d, wi, c.ir.op('Or32', kept, sh ? c.ir.op('Lsl32', v, c.ir.u32(sh)) : v));
}

/** Element [index] of V[n]: U64 for esize 64, else a zero-extended U32. */
function element(c: TranslationContext, n: number, esize: number, index: number): Value {
  return esize === 64 ? c.V64(n, index) : elemU32(c, n, esize, index);
}

/** The low esize bits of X[n]: U64 for esize 64, else a zero-extended U32. */
function general(c: TranslationContext, n: number, esize: number): Value {
  if (esize === 64) return c.X(n);
  const w = c.W(n);
  return esize === 8 ? c.ir.op('ZeroExtend8To32', w) : esize === 16 ? c.ir.op('ZeroExtend16To32', w) : w;
}

export const SIMD_COPY_HANDLERS = {
  DUP_element_vector: (c, f) => {
    const e = decodeImm5(f.i!);
    if (!e || (e.size === 3 && !f.q)) return c.unallocated();
    setDup(c, f.d!, e.esize, lanesOf(f.q!, e.esize), element(c, f.n!, e.esize, e.index));
    return true;
  },
  /** DUP (element), scalar (MOV Bd/Hd/Sd/Dd, Vn.T[index]). */
  DUP_element_scalar: (c, f) => {
    const e = decodeImm5(f.i!);
    if (!e) return c.unallocated();
    setDup(c, f.d!, e.esize, 1, element(c, f.n!, e.esize, e.index));
    return true;
  },
  DUP_general: (c, f) => {
    const e = decodeImm5(f.i!);
    if (!e || (e.size === 3 && !f.q)) return c.unallocated();
    setDup(c, f.d!, e.esize, lanesOf(f.q!, e.esize), general(c, f.n!, e.esize));
    return true;
  },
  /** INS (general) (MOV Vd.T[index], Wn/Xn). */
  INS_general: (c, f) => {
    const e = decodeImm5(f.i!);
    if (!e) return c.unallocated();
    insert(c, f.d!, e.esize, e.index, general(c, f.n!, e.esize));
    return true;
  },
  /** INS (element) (MOV Vd.T[index1], Vn.T[index2]): index2 = imm4 >> size. */
  INS_element: (c, f) => {
    const e = decodeImm5(f.i!);
    if (!e) return c.unallocated();
    insert(c, f.d!, e.esize, e.index, element(c, f.n!, e.esize, f.j! >> e.size));
    return true;
  },
  /** UMOV (MOV Wd, Vn.S[i] / MOV Xd, Vn.D[i]): Q = 0 for 8/16/32-bit elements, Q = 1 for 64-bit. */
  UMOV: (c, f) => {
    const e = decodeImm5(f.i!);
    if (!e || (f.q ? e.size !== 3 : e.size === 3)) return c.unallocated();
    if (e.size === 3) c.setX(f.d!, c.V64(f.n!, e.index));
    else c.setW(f.d!, elemU32(c, f.n!, e.esize, e.index));
    return true;
  },
  /** SMOV: to Wd (Q = 0, 8/16-bit elements) or Xd (Q = 1, 8/16/32-bit elements), sign-extended. */
  SMOV: (c, f) => {
    const e = decodeImm5(f.i!);
    if (!e || e.size === 3 || (!f.q && e.size === 2)) return c.unallocated();
    let w = elemU32(c, f.n!, e.esize, e.index);
    if (e.esize === 8) w = c.ir.op('SignExtend8To32', w);
    else if (e.esize === 16) w = c.ir.op('SignExtend16To32', w);
    if (f.q) c.setX(f.d!, c.ir.op('SignExtend32To64', w));
    else c.setW(f.d!, w);
    return true;
  },
} satisfies HandlerGroup;
