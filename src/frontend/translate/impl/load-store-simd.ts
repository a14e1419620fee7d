/**
 * Translators: Advanced SIMD structure loads and stores -- LD1-LD4/ST1-ST4
 * multiple structures, single structure (one lane), and LD1R-LD4R
 * (replicate); no offset, or post-index by the transfer size (Rm = 11111)
 * or by X[Rm]. Registers wrap modulo 32. A 64-bit (Q = 0) load zeroes the
 * upper half of each destination; a one-lane load leaves the other lanes.
 */
import type { Value } from '../../../ir/value.js';
import type { TranslationContext } from '../context.js';
import type { Handler, HandlerGroup } from '../handler.js';
import { addOffset, base, readMem, writeMem } from './load-store-common.js';

type Scale = 0 | 1 | 2 | 3;

/** Base writeback of the post-index forms: Rm = 31 is the immediate (transfer size), else X[Rm]. */
function postOffset(c: TranslationContext, m: number, bytes: number): Value {
  return m === 31 ? c.ir.u64(bytes, 0) : c.X(m);
}

/** Bits of one element of 2^scale bytes within a 32-bit word. */
const elemMask = (scale: Scale): number => (scale === 0 ? 0xff : 0xffff);

/** Build a 32-bit lane from B/H elements (element 0 in the low bits). */
function packWord(c: TranslationContext, scale: Scale, elems: Value[]): Value {
  let w: Value | undefined;
  const bits = 8 << scale;
  elems.forEach((e, j) => {
    const part = j === 0 ? e : c.ir.op('Lsl32', e, c.ir.u32(bits * j));
    w = w ? c.ir.op('Or32', w, part) : part;
  });
  return w!;
}

/** Write element values (element e of V[reg]) covering the low `elements` elements of a register. */
function setElements(c: TranslationContext, scale: Scale, reg: number, vals: Value[]): void {
  if (scale === 3) vals.forEach((v, e) => c.setV64(reg, e, v));
  else if (scale === 2) vals.forEach((v, e) => c.setV32(reg, e, v));
  else {
    const per = 4 >> scale;
    for (let w = 0; w * per < vals.length; w++) c.setV32(reg, w, packWord(c, scale, vals.slice(w * per, w * per + per)));
  }
}

/** Element `e` of V[reg] as a value to store (B/H: a shifted 32-bit lane; Write8/16 keep the low bits). */
function getElement(c: TranslationContext, scale: Scale, reg: number, e: number, lanes: Map<number, Value>): Value {
  if (scale === 3) return c.V64(reg, e);
  if (scale === 2) return c.V32(reg, e);
  const per = 4 >> scale;
  const wi = Math.floor(e / per);
  const key = reg * 4 + wi;
  let word = lanes.get(key);
  if (!word) {
    word = c.V32(reg, wi);
    lanes.set(key, word);
  }
  const sh = (8 << scale) * (e % per);
  return sh === 0 ? word : c.ir.op('Lsr32', word, c.ir.u32(sh));
}

/** LD1-LD4 / ST1-ST4 (multiple structures): rpt registers of selem-element structures. */
function multiple(load: boolean, rpt: number, selem: number): Handler {
  return (c, f) => {
    const q = f.q!, scale = f.x! as Scale, t = f.t!;
    if (!f.p && f.m !== 0) return c.unallocated();
    if (selem > 1 && scale === 3 && !q) return c.unallocated();
    const regBytes = q ? 16 : 8;
    const b = base(c, f.n!);
    const off = f.p ? postOffset(c, f.m!, regBytes * rpt * selem) : undefined;
    if (selem === 1) {
      // LD1/ST1: each register is one contiguous block, whatever the element size.
      const chunks = regBytes / 8;
      if (load) {
        const vals: Value[][] = [];
        for (let r = 0; r < rpt; r++) {
          vals.push([]);
          for (let k = 0; k < chunks; k++) vals[r]!.push(c.ir.op('Read64', addOffset(c, b, r * regBytes + 8 * k)));
        }
        for (let r = 0; r < rpt; r++) {
          const reg = (t + r) % 32;
          c.setV64(reg, 0, vals[r]![0]!);
          if (q) c.setV64(reg, 1, vals[r]![1]!);
          else c.zeroVHigh(reg);
        }
      } else {
        for (let r = 0; r < rpt; r++) {
          const reg = (t + r) % 32;
          for (let k = 0; k < chunks; k++) c.ir.op('Write64', addOffset(c, b, r * regBytes + 8 * k), c.V64(reg, k));
        }
      }
    } else {
      // LD2-LD4/ST2-ST4: structure e (selem elements) at e * selem * ebytes; element s goes to V[t + s].
      const ebytes = 1 << scale;
      const elements = regBytes / ebytes;
      if (load) {
        const vals: Value[][] = [];
        for (let s = 0; s < selem; s++) vals.push([]);
        for (let e = 0; e < elements; e++) {
          for (let s = 0; s < selem; s++) vals[s]!.push(readMem(c, scale, addOffset(c, b, (e * selem + s) * ebytes)));
        }
        for (let s = 0; s < selem; s++) {
          const reg = (t + s) % 32;
          setElements(c, scale, reg, vals[s]!);
          if (!q) c.zeroVHigh(reg);
        }
      } else {
        const lanes = new Map<number, Value>();
        for (let e = 0; e < elements; e++) {
          for (let s = 0; s < selem; s++) {
            const v = getElement(c, scale, (t + s) % 32, e, lanes);
            writeMem(c, scale, addOffset(c, b, (e * selem + s) * ebytes), v);
          }
        }
      }
    }
    if (off) c.setXSP(f.n!, c.ir.op('Add64', b, off));
    return true;
  };
}

/** Replicate a loaded element over a 32-bit lane (B/H/S) or return it (D). */
function replicated(c: TranslationContext, scale: Scale, v: Value): Value {
  if (scale === 0) return c.ir.op('Mul32', v, c.ir.u32(0x01010101));
  if (scale === 1) return c.ir.op('Mul32', v, c.ir.u32(0x00010001));
  return v;
}

/** Insert a B/H/S/D element into lane `index` of V[reg], keeping the other lanes. */
function insertLane(c: TranslationContext, scale: Scale, reg: number, index: number, v: Value): void {
  if (scale === 3) return c.setV64(reg, index, v);
  if (scale === 2) return c.setV32(reg, index, v);
  const per = 4 >> scale;
  const wi = Math.floor(index / per);
  const sh = (8 << scale) * (index % per);
  const kept = c.ir.op('And32', c.V32(reg, wi), c.ir.u32(~(elemMask(scale) << sh)));
  c.setV32(reg, wi, c.ir.op('Or32', kept, sh === 0 ? v : c.ir.op('Lsl32', v, c.ir.u32(sh))));
}

/**
 * LD1-LD4 / ST1-ST4 (single structure) and LD1R-LD4R: selem consecutive
 * elements, one per register, to/from lane `index` (or all lanes: replicate).
 */
function single(load: boolean, selem: number, replicate: boolean): Handler {
  return (c, f) => {
    const q = f.q!, size = f.x!, S = f.S ?? 0, t = f.t!;
    if (!f.p && f.m !== 0) return c.unallocated();
    let scale: Scale;
    let index = 0;
    if (replicate) scale = size as Scale;
    else {
      switch (f.g!) {
        case 0:
          scale = 0;
          index = (q << 3) | (S << 2) | size;
          break;
        case 1:
          if (size & 1) return c.unallocated();
          scale = 1;
          index = (q << 2) | (S << 1) | (size >> 1);
          break;
        case 2:
          if (size & 2) return c.unallocated();
          if (size & 1) {
            if (S) return c.unallocated();
            scale = 3;
            index = q;
          } else {
            scale = 2;
            index = (q << 1) | S;
          }
          break;
        default:
          return c.unallocated(); // opcode 11x is the replicate form (loads with S = 0 only)
      }
    }
    const ebytes = 1 << scale;
    const b = base(c, f.n!);
    const off = f.p ? postOffset(c, f.m!, selem * ebytes) : undefined;
    if (load) {
      const vals: Value[] = [];
      for (let s = 0; s < selem; s++) vals.push(readMem(c, scale, addOffset(c, b, s * ebytes)));
      for (let s = 0; s < selem; s++) {
        const reg = (t + s) % 32;
        if (replicate) {
          const r = replicated(c, scale, vals[s]!);
          if (scale === 3) {
            c.setV64(reg, 0, r);
            if (q) c.setV64(reg, 1, r);
          } else {
            for (let w = 0; w < (q ? 4 : 2); w++) c.setV32(reg, w, r);
          }
          if (!q) c.zeroVHigh(reg);
        } else {
          insertLane(c, scale, reg, index, vals[s]!);
        }
      }
    } else {
      const lanes = new Map<number, Value>();
      for (let s = 0; s < selem; s++) {
        writeMem(c, scale, addOffset(c, b, s * ebytes), getElement(c, scale, (t + s) % 32, index, lanes));
      }
    }
    if (off) c.setXSP(f.n!, c.ir.op('Add64', b, off));
    return true;
  };
}

export const LDST_SIMD_HANDLERS = {
  ST1_mult_1r: multiple(false, 1, 1),
  ST1_mult_2r: multiple(false, 2, 1),
  ST1_mult_3r: multiple(false, 3, 1),
  ST1_mult_4r: multiple(false, 4, 1),
  ST2_mult: multiple(false, 1, 2),
  ST3_mult: multiple(false, 1, 3),
  ST4_mult: multiple(false, 1, 4),
  LD1_mult_1r: multiple(true, 1, 1),
  LD1_mult_2r: multiple(true, 2, 1),
  LD1_mult_3r: multiple(true, 3, 1),
  LD1_mult_4r: multiple(true, 4, 1),
  LD2_mult: multiple(true, 1, 2),
  LD3_mult: multiple(true, 1, 3),
  LD4_mult: multiple(true, 1, 4),

  ST1_single: single(false, 1, false),
  ST2_single: single(false, 2, false),
  ST3_single: single(false, 3, false),
  ST4_single: single(false, 4, false),
  LD1_single: single(true, 1, false),
  LD2_single: single(true, 2, false),
  LD3_single: single(true, 3, false),
  LD4_single: single(true, 4, false),
  LD1R: single(true, 1, true),
  LD2R: single(true, 2, true),
  LD3R: single(true, 3, true),
  LD4R: single(true, 4, true),
} satisfies HandlerGroup;
