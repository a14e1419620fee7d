/** Translators: Advanced SIMD two-register miscellaneous and scalar two-register miscellaneous (integer). */
import type { Value } from '../../../ir/value.js';
import type { TranslationContext } from '../context.js';
import type { Handler, HandlerGroup } from '../handler.js';
import { elem, helper, lanesOf, maskOf, setElems, setLong, setNarrow, setVector, sfOf, signFill } from './simd-common.js';

/** A unary lane op on 32-bit (sf = 0, U32) or 64-bit (sf = 1, U64) elements. */
type UnaryOp = (c: TranslationContext, sf: number, n: Value) => Value;

/** a <= 0 (signed) as a mask: the sign of a | (a - 1). */
const maskLeZero: UnaryOp = (c, sf, n) => signFill(c, sf, c.op(sf, 'Or', n, c.op(sf, 'Sub', n, c.const(sf, 1n))));

/** The ops whose 32- and 64-bit element forms are inlined in IR (compares with zero give all ones / zero). */
const UNARY: Partial<Record<string, UnaryOp>> = {
  cmeq_zero: (c, sf, n) => maskOf(c, sf, c.op(sf, 'IsZero', n)),
  cmlt_zero: (c, sf, n) => signFill(c, sf, n),
  cmge_zero: (c, sf, n) => c.op(sf, 'Not', signFill(c, sf, n)),
  cmle_zero: maskLeZero,
  cmgt_zero: (c, sf, n) => c.op(sf, 'Not', maskLeZero(c, sf, n)),
  neg: (c, sf, n) => c.op(sf, 'Sub', c.const(sf, 0n), n),
  /** |a| = (a EOR s) - s with s the sign mask. */
  abs: (c, sf, n) => {
    const s = signFill(c, sf, n);
    return c.op(sf, 'Sub', c.op(sf, 'Xor', n, s), s);
  },
};

/** Vd = op(Vn) over count elements of esize: inline in IR (UNARY) for 32/64-bit elements, else false. */
function inline(c: TranslationContext, op: string, d: number, n: number, esize: number, count: number): boolean {
  const fn = UNARY[op];
  if (!fn || esize < 32) return false;
  const sf = sfOf(esize);
  setElems(c, d, esize, count, (i) => fn(c, sf, elem(c, n, esize, i)));
  return true;
}

/** Unary lane op (inline, or helper simd_<op>(d, n, esize, lanes)); any64: size:Q = '110' reserved, else size = '11' reserved. */
function vec(op: string, any64: boolean): Handler {
  return (c, f) => {
    if (f.x === 3 && (!any64 || !f.q)) return c.unallocated();
    const esize = 8 << f.x!;
    const lanes = lanesOf(f.q!, esize);
    return inline(c, op, f.d!, f.n!, esize, lanes) || helper(c, `simd_${op}`, f.d!, f.n!, esize, lanes);
  };
}
/** Scalar form on one element; onlyD: only size = '11' is allowed. */
function scalar(op: string, onlyD: boolean): Handler {
  return (c, f) => {
    if (onlyD && f.x !== 3) return c.unallocated();
    const esize = 8 << f.x!;
    return inline(c, op, f.d!, f.n!, esize, 1) || helper(c, `simd_${op}`, f.d!, f.n!, esize, 1);
  };
}

/** REV16/REV32/REV64: reverse elements in containers of csize bits; esize must be smaller than csize. */
function rev(csize: number): Handler {
  return (c, f) => {
    const esize = 8 << f.x!;
    if (esize >= csize) return c.unallocated();
    return helper(c, 'simd_rev', f.d!, f.n!, esize, csize, lanesOf(f.q!, esize));
  };
}

/** Pairwise add long (and accumulate): size = '11' reserved. */
function addlp(op: string): Handler {
  return (c, f) => (f.x === 3 ? c.unallocated() : helper(c, `simd_${op}`, f.d!, f.n!, 8 << f.x!, f.q!));
}

/** SQXTN, UQXTN, SQXTUN (and the "2" forms, Q = 1): narrow to esize = 8 << size. */
function narrowVec(op: string): Handler {
  return (c, f) => {
    if (f.x === 3) return c.unallocated();
    const esize = 8 << f.x!;
    return helper(c, `simd_${op}`, f.d!, f.n!, esize, f.q!, 64 / esize);
  };
}
function narrowScalar(op: string): Handler {
  return (c, f) => (f.x === 3 ? c.unallocated() : helper(c, `simd_${op}`, f.d!, f.n!, 8 << f.x!, 0, 1));
}

export const SIMD_TWO_REG_MISC_HANDLERS = {
  REV64_vector: rev(64),
  REV32_vector: rev(32),
  REV16_vector: rev(16),
  SADDLP_vector: addlp('saddlp'),
  UADDLP_vector: addlp('uaddlp'),
  SADALP_vector: addlp('sadalp'),
  UADALP_vector: addlp('uadalp'),
  SUQADD_vector: vec('suqadd', true),
  USQADD_vector: vec('usqadd', true),
  CLS_vector: vec('cls', false),
  CLZ_vector: vec('clz', false),
  CNT_vector: (c, f) => (f.x !== 0 ? c.unallocated() : helper(c, 'simd_cnt', f.d!, f.n!, 8, lanesOf(f.q!, 8))),
  SQABS_vector: vec('sqabs', true),
  SQNEG_vector: vec('sqneg', true),
  CMGT_zero_vector: vec('cmgt_zero', true),
  CMGE_zero_vector: vec('cmge_zero', true),
  CMEQ_zero_vector: vec('cmeq_zero', true),
  CMLE_zero_vector: vec('cmle_zero', true),
  CMLT_zero_vector: vec('cmlt_zero', true),
  ABS_vector: vec('abs', true),
  NEG_vector: vec('neg', true),
  /** XTN (XTN2 with Q = 1), inline in IR. */
  XTN_vector: (c, f) => {
    if (f.x === 3) return c.unallocated();
    setNarrow(c, f.d!, f.n!, 8 << f.x!, f.q!, 0);
    return true;
  },
  SQXTN_vector: narrowVec('sqxtn'),
  UQXTN_vector: narrowVec('uqxtn'),
  SQXTUN_vector: narrowVec('sqxtun'),
  /** SHLL (SHLL2 with Q = 1): lengthen and shift left by the source element size, inline in IR. */
  SHLL_vector: (c, f) => {
    if (f.x === 3) return c.unallocated();
    setLong(c, f.d!, f.n!, 8 << f.x!, f.q!, false, 8 << f.x!);
    return true;
  },
  NOT: (c, f) => {
    setVector(c, f.q!, f.d!, (i) => c.ir.op('Not64', c.V64(f.n!, i)));
    return true;
  },
  RBIT_vector: (c, f) => helper(c, 'simd_rbit', f.d!, f.n!, 8, lanesOf(f.q!, 8)),

  SUQADD_scalar: scalar('suqadd', false),
  USQADD_scalar: scalar('usqadd', false),
  SQABS_scalar: scalar('sqabs', false),
  SQNEG_scalar: scalar('sqneg', false),
  CMGT_zero_scalar: scalar('cmgt_zero', true),
  CMGE_zero_scalar: scalar('cmge_zero', true),
  CMEQ_zero_scalar: scalar('cmeq_zero', true),
  CMLE_zero_scalar: scalar('cmle_zero', true),
  CMLT_zero_scalar: scalar('cmlt_zero', true),
  ABS_scalar: scalar('abs', true),
  NEG_scalar: scalar('neg', true),
  SQXTN_scalar: narrowScalar('sqxtn'),
  UQXTN_scalar: narrowScalar('uqxtn'),
  SQXTUN_scalar: narrowScalar('sqxtun'),
} satisfies HandlerGroup;
