/** Translators: Advanced SIMD copy and scalar copy (DUP, INS, UMOV, SMOV). */
import type { Value } from '../../../ir/value.js';
import type { TranslationContext } from '../context.js';
import type { HandlerGroup } from '../handler.js';
import { helper, lanesOf, lowestSetBit } from './simd-common.js';

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

export const SIMD_COPY_HANDLERS = {
  DUP_element_vector: (c, f) => {
    const e = decodeImm5(f.i!);
    if (!e || (e.size === 3 && !f.q)) return c.unallocated();
    return helper(c, 'simd_dup_elem', f.d!, f.n!, e.index, e.esize, lanesOf(f.q!, e.esize));
  },
  /** DUP (element), scalar (MOV Bd/Hd/Sd/Dd, Vn.T[index]). */
  DUP_element_scalar: (c, f) => {
    const e = decodeImm5(f.i!);
    if (!e) return c.unallocated();
    return helper(c, 'simd_dup_elem', f.d!, f.n!, e.index, e.esize, 1);
  },
  DUP_general: (c, f) => {
    const e = decodeImm5(f.i!);
    if (!e || (e.size === 3 && !f.q)) return c.unallocated();
    c.callVoid('simd_dup_gen', c.ir.u32(f.d!), c.X(f.n!), c.ir.u32(e.esize), c.ir.u32(lanesOf(f.q!, e.esize)));
    return true;
  },
  /** INS (general) (MOV Vd.T[index], Wn/Xn). */
  INS_general: (c, f) => {
    const e = decodeImm5(f.i!);
    if (!e) return c.unallocated();
    c.callVoid('simd_ins_gen', c.ir.u32(f.d!), c.ir.u32(e.index), c.ir.u32(e.esize), c.X(f.n!));
    return true;
  },
  /** INS (element) (MOV Vd.T[index1], Vn.T[index2]): index2 = imm4 >> size. */
  INS_element: (c, f) => {
    const e = decodeImm5(f.i!);
    if (!e) return c.unallocated();
    return helper(c, 'simd_ins_elem', f.d!, e.index, f.n!, f.j! >> e.size, e.esize);
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
