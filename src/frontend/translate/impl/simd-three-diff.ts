/**
 * Translators: Advanced SIMD three different, scalar three different, and the
 * integer vector/scalar x indexed element forms.
 */
import type { Fields } from '../../decoder/bitpattern.js';
import type { Handler, HandlerGroup } from '../handler.js';
import { elem, helper, lanesOf, longElem, setElems, sfOf } from './simd-common.js';
import { LANE, type LaneOp, laneOp } from './simd-three-same.js';

/**
 * The long and wide forms inlined in IR, on result elements of 32 (sf = 0, U32) or 64 bits
 * (sf = 1, U64): n and m are the operands extended to the result size (for a wide form n is
 * Vn's full element), d() reads Vd's element. Multiplies only from 16-bit sources, where
 * the 32-bit product is exact.
 */
interface LongOp {
  signed: boolean;
  wide?: boolean;
  mul?: boolean;
  fn: LaneOp;
}
const { add, sub, mul, mla, mls } = LANE;
const LONG: Partial<Record<string, LongOp>> = {
  saddl: { signed: true, fn: add },
  uaddl: { signed: false, fn: add },
  ssubl: { signed: true, fn: sub },
  usubl: { signed: false, fn: sub },
  saddw: { signed: true, wide: true, fn: add },
  uaddw: { signed: false, wide: true, fn: add },
  ssubw: { signed: true, wide: true, fn: sub },
  usubw: { signed: false, wide: true, fn: sub },
  smull: { signed: true, mul: true, fn: mul },
  umull: { signed: false, mul: true, fn: mul },
  smlal: { signed: true, mul: true, fn: mla },
  umlal: { signed: false, mul: true, fn: mla },
  smlsl: { signed: true, mul: true, fn: mls },
  umlsl: { signed: false, mul: true, fn: mls },
};

/** Long, wide and high-narrow forms: esize = 8 << size (the narrow size); size = '11' reserved. LONG ops inline from 16/32-bit sources. */
function three(op: string): Handler {
  return (c, f) => {
    if (f.x === 3) return c.unallocated();
    const esize = 8 << f.x!;
    const l = LONG[op];
    if (!l || esize === 8 || (l.mul && esize !== 16)) return helper(c, `simd_${op}`, f.d!, f.n!, f.m!, esize, f.q!);
    const sf = sfOf(2 * esize);
    setElems(c, f.d!, 2 * esize, 64 / esize, (i) => {
      const n = l.wide ? elem(c, f.n!, 2 * esize, i) : longElem(c, f.n!, esize, f.q!, l.signed, i);
      return l.fn(c, sf, n, longElem(c, f.m!, esize, f.q!, l.signed, i), () => elem(c, f.d!, 2 * esize, i));
    });
    return true;
  };
}
/** SQDMULL, SQDMLAL, SQDMLSL: only 16- and 32-bit source elements. */
function sqdml(op: string, isScalar: boolean): Handler {
  return (c, f) => {
    if (f.x === 0 || f.x === 3) return c.unallocated();
    const esize = 8 << f.x!;
    return isScalar ? helper(c, `simd_${op}`, f.d!, f.n!, f.m!, esize, 0, 1) : helper(c, `simd_${op}`, f.d!, f.n!, f.m!, esize, f.q!, 64 / esize);
  };
}

/** By element, integer: size '01' -> index H:L:M, Rm<3:0>; size '10' -> index H:L, Rm = M:Rm<3:0>; others reserved. */
function elemOperand(f: Fields): { esize: number; index: number; m: number } | undefined {
  if (f.x === 1) return { esize: 16, index: (f.H! << 2) | (f.L! << 1) | f.M!, m: f.m! };
  if (f.x === 2) return { esize: 32, index: (f.H! << 1) | f.L!, m: (f.M! << 4) | f.m! };
  return undefined;
}
/** Same-size by element: MUL/MLA/MLS on 32-bit elements inline in IR (LANE), else simd_<op>_elem(d, n, m, index, esize, lanes). */
function elemSame(op: string, isScalar: boolean): Handler {
  return (c, f) => {
    const e = elemOperand(f);
    if (!e) return c.unallocated();
    const fn = laneOp(op);
    if (fn && e.esize === 32 && !isScalar) {
      const me = c.V32(e.m, e.index);
      setElems(c, f.d!, 32, lanesOf(f.q!, 32), (i) => fn(c, 0, c.V32(f.n!, i), me, () => c.V32(f.d!, i)));
      return true;
    }
    return helper(c, `simd_${op}_elem`, f.d!, f.n!, e.m, e.index, e.esize, isScalar ? 1 : lanesOf(f.q!, e.esize));
  };
}
/** Long by element: the LONG multiplies from 16-bit elements inline in IR, else simd_<op>_elem(d, n, m, index, esize, q, lanes). */
function elemLong(op: string, isScalar: boolean): Handler {
  return (c, f) => {
    const e = elemOperand(f);
    if (!e) return c.unallocated();
    const l = LONG[op];
    if (l?.mul && e.esize === 16 && !isScalar) {
      const me = longElem(c, e.m, 16, 0, l.signed, e.index);
      setElems(c, f.d!, 32, 4, (i) => l.fn(c, 0, longElem(c, f.n!, 16, f.q!, l.signed, i), me, () => c.V32(f.d!, i)));
      return true;
    }
    return helper(c, `simd_${op}_elem`, f.d!, f.n!, e.m, e.index, e.esize, isScalar ? 0 : f.q!, isScalar ? 1 : 64 / e.esize);
  };
}

export const SIMD_THREE_DIFF_HANDLERS = {
  SADDL_vector: three('saddl'),
  UADDL_vector: three('uaddl'),
  SSUBL_vector: three('ssubl'),
  USUBL_vector: three('usubl'),
  SADDW_vector: three('saddw'),
  UADDW_vector: three('uaddw'),
  SSUBW_vector: three('ssubw'),
  USUBW_vector: three('usubw'),
  ADDHN_vector: three('addhn'),
  RADDHN_vector: three('raddhn'),
  SUBHN_vector: three('subhn'),
  RSUBHN_vector: three('rsubhn'),
  SABAL_vector: three('sabal'),
  UABAL_vector: three('uabal'),
  SABDL_vector: three('sabdl'),
  UABDL_vector: three('uabdl'),
  SMLAL_vector: three('smlal'),
  UMLAL_vector: three('umlal'),
  SMLSL_vector: three('smlsl'),
  UMLSL_vector: three('umlsl'),
  SMULL_vector: three('smull'),
  UMULL_vector: three('umull'),
  /** PMULL: 8-bit polynomial only (the row fixes size = '00'; PMULL.1Q needs FEAT_PMULL). */
  PMULL_vector: (c, f) => helper(c, 'simd_pmull', f.d!, f.n!, f.m!, 8, f.q!),
  SQDMULL_vector: sqdml('sqdmull', false),
  SQDMLAL_vector: sqdml('sqdmlal', false),
  SQDMLSL_vector: sqdml('sqdmlsl', false),
  SQDMULL_scalar: sqdml('sqdmull', true),
  SQDMLAL_scalar: sqdml('sqdmlal', true),
  SQDMLSL_scalar: sqdml('sqdmlsl', true),

  MUL_elem_vector: elemSame('mul', false),
  MLA_elem_vector: elemSame('mla', false),
  MLS_elem_vector: elemSame('mls', false),
  SQDMULH_elem_vector: elemSame('sqdmulh', false),
  SQRDMULH_elem_vector: elemSame('sqrdmulh', false),
  SQDMULH_elem_scalar: elemSame('sqdmulh', true),
  SQRDMULH_elem_scalar: elemSame('sqrdmulh', true),
  SMULL_elem_vector: elemLong('smull', false),
  UMULL_elem_vector: elemLong('umull', false),
  SMLAL_elem_vector: elemLong('smlal', false),
  UMLAL_elem_vector: elemLong('umlal', false),
  SMLSL_elem_vector: elemLong('smlsl', false),
  UMLSL_elem_vector: elemLong('umlsl', false),
  SQDMULL_elem_vector: elemLong('sqdmull', false),
  SQDMLAL_elem_vector: elemLong('sqdmlal', false),
  SQDMLSL_elem_vector: elemLong('sqdmlsl', false),
  SQDMULL_elem_scalar: elemLong('sqdmull', true),
  SQDMLAL_elem_scalar: elemLong('sqdmlal', true),
  SQDMLSL_elem_scalar: elemLong('sqdmlsl', true),
} satisfies HandlerGroup;
