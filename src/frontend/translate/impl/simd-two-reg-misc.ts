/** Translators: Advanced SIMD two-register miscellaneous and scalar two-register miscellaneous (integer). */
import type { Handler, HandlerGroup } from '../handler.js';
import { helper, lanesOf, setVector } from './simd-common.js';

/** Unary lane op simd_<op>(d, n, esize, lanes); any64: size:Q = '110' reserved, else size = '11' reserved. */
function vec(op: string, any64: boolean): Handler {
  return (c, f) => {
    if (f.x === 3 && (!any64 || !f.q)) return c.unallocated();
    const esize = 8 << f.x!;
    return helper(c, `simd_${op}`, f.d!, f.n!, esize, lanesOf(f.q!, esize));
  };
}
/** Scalar form on one element; onlyD: only size = '11' is allowed. */
function scalar(op: string, onlyD: boolean): Handler {
  return (c, f) => {
    if (onlyD && f.x !== 3) return c.unallocated();
    return helper(c, `simd_${op}`, f.d!, f.n!, 8 << f.x!, 1);
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

/** XTN, SQXTN, UQXTN, SQXTUN (and the "2" forms, Q = 1): narrow to esize = 8 << size. */
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
  XTN_vector: narrowVec('xtn'),
  SQXTN_vector: narrowVec('sqxtn'),
  UQXTN_vector: narrowVec('uqxtn'),
  SQXTUN_vector: narrowVec('sqxtun'),
  SHLL_vector: (c, f) => (f.x === 3 ? c.unallocated() : helper(c, 'simd_shll', f.d!, f.n!, 8 << f.x!, f.q!)),
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
