/** Translators: Advanced SIMD three same and scalar three same (integer). */
import type { Fields } from '../../decoder/bitpattern.js';
import type { Value } from '../../../ir/value.js';
import type { TranslationContext } from '../context.js';
import type { Handler, HandlerGroup } from '../handler.js';
import { elem, helper, lanesOf, maskLtSigned, maskLtUnsigned, maskOf, setElems, setVector, sfOf } from './simd-common.js';

/**
 * Which size/Q values an encoding allows:
 *   any64  all sizes; size:Q = '110' (1D) is reserved
 *   no64   size = '11' is reserved
 *   b      only size = '00'
 *   hs     only size = '01' / '10'
 */
type VecSizes = 'any64' | 'no64' | 'b' | 'hs';
/** Scalar forms: d = only size '11'; any = all sizes; hs = only '01' / '10'. */
type ScalarSizes = 'd' | 'any' | 'hs';

function vecReserved(rule: VecSizes, size: number, q: number): boolean {
  switch (rule) {
    case 'any64': return size === 3 && q === 0;
    case 'no64': return size === 3;
    case 'b': return size !== 0;
    case 'hs': return size === 0 || size === 3;
  }
}
export function scalarReserved(rule: ScalarSizes, size: number): boolean {
  switch (rule) {
    case 'd': return size !== 3;
    case 'any': return false;
    case 'hs': return size === 0 || size === 3;
  }
}

/** A lane operation on 32-bit (sf = 0, U32) or 64-bit (sf = 1, U64) elements; d() reads Vd's element (MLA, MLS). */
export type LaneOp = (c: TranslationContext, sf: number, n: Value, m: Value, d: () => Value) => Value;

/** The ops whose 32- and 64-bit element forms are inlined in IR (compares give all ones / zero). */
export const LANE = {
  add: (c, sf, n, m) => c.op(sf, 'Add', n, m),
  sub: (c, sf, n, m) => c.op(sf, 'Sub', n, m),
  /** MUL, MLA, MLS have no 64-bit form (size = '11' is reserved). */
  mul: (c, _sf, n, m) => c.ir.op('Mul32', n, m),
  mla: (c, _sf, n, m, d) => c.ir.op('Add32', d(), c.ir.op('Mul32', n, m)),
  mls: (c, _sf, n, m, d) => c.ir.op('Sub32', d(), c.ir.op('Mul32', n, m)),
  cmeq: (c, sf, n, m) => maskOf(c, sf, c.op(sf, 'IsZero', c.op(sf, 'Xor', n, m))),
  cmtst: (c, sf, n, m) => c.op(sf, 'Select', c.op(sf, 'IsZero', c.op(sf, 'And', n, m)), c.const(sf, 0n), c.const(sf, -1n)),
  cmgt: (c, sf, n, m) => maskLtSigned(c, sf, m, n),
  cmge: (c, sf, n, m) => c.op(sf, 'Not', maskLtSigned(c, sf, n, m)),
  cmhi: (c, sf, n, m) => maskLtUnsigned(c, sf, m, n),
  cmhs: (c, sf, n, m) => c.op(sf, 'Not', maskLtUnsigned(c, sf, n, m)),
} satisfies Record<string, LaneOp>;

/** LANE[op], if op is inlined. */
export function laneOp(op: string): LaneOp | undefined {
  return Object.hasOwn(LANE, op) ? LANE[op as keyof typeof LANE] : undefined;
}

/** Vd = op(Vn, Vm) over count elements of esize: inline in IR (LANE) for 32/64-bit elements, else false. */
function inline(c: TranslationContext, op: string, f: Fields, esize: number, count: number): boolean {
  const fn = laneOp(op);
  if (!fn || esize < 32) return false;
  const sf = sfOf(esize);
  setElems(c, f.d!, esize, count, (i) => fn(c, sf, elem(c, f.n!, esize, i), elem(c, f.m!, esize, i), () => elem(c, f.d!, esize, i)));
  return true;
}

/** Vd = op(Vn, Vm) lane by lane: inline for 32/64-bit elements of the LANE ops, else helper simd_<op>(d, n, m, esize, lanes). */
function vec(op: string, rule: VecSizes): Handler {
  return (c, f) => {
    if (vecReserved(rule, f.x!, f.q!)) return c.unallocated();
    const esize = 8 << f.x!;
    const lanes = lanesOf(f.q!, esize);
    return inline(c, op, f, esize, lanes) || helper(c, `simd_${op}`, f.d!, f.n!, f.m!, esize, lanes);
  };
}
/** The scalar form: one element of esize bits, the rest of Vd zeroed. */
function scalar(op: string, rule: ScalarSizes): Handler {
  return (c, f) => {
    if (scalarReserved(rule, f.x!)) return c.unallocated();
    const esize = 8 << f.x!;
    return inline(c, op, f, esize, 1) || helper(c, `simd_${op}`, f.d!, f.n!, f.m!, esize, 1);
  };
}

/** Bitwise ops on whole 64-bit lanes: AND, BIC, ORR, ORN, EOR, BSL, BIT, BIF. */
function bitwise(fn: (c: TranslationContext, n: Value, m: Value, d: Value) => Value, readsD = false): Handler {
  return (c, f) => {
    setVector(c, f.q!, f.d!, (i) => fn(c, c.V64(f.n!, i), c.V64(f.m!, i), readsD ? c.V64(f.d!, i) : c.ir.u64(0, 0)));
    return true;
  };
}

export const SIMD_THREE_SAME_HANDLERS = {
  SHADD_vector: vec('shadd', 'no64'),
  UHADD_vector: vec('uhadd', 'no64'),
  SRHADD_vector: vec('srhadd', 'no64'),
  URHADD_vector: vec('urhadd', 'no64'),
  SHSUB_vector: vec('shsub', 'no64'),
  UHSUB_vector: vec('uhsub', 'no64'),
  SQADD_vector: vec('sqadd', 'any64'),
  UQADD_vector: vec('uqadd', 'any64'),
  SQSUB_vector: vec('sqsub', 'any64'),
  UQSUB_vector: vec('uqsub', 'any64'),
  CMGT_reg_vector: vec('cmgt', 'any64'),
  CMGE_reg_vector: vec('cmge', 'any64'),
  CMHI_vector: vec('cmhi', 'any64'),
  CMHS_vector: vec('cmhs', 'any64'),
  CMEQ_reg_vector: vec('cmeq', 'any64'),
  CMTST_vector: vec('cmtst', 'any64'),
  SSHL_vector: vec('sshl', 'any64'),
  USHL_vector: vec('ushl', 'any64'),
  SRSHL_vector: vec('srshl', 'any64'),
  URSHL_vector: vec('urshl', 'any64'),
  SQSHL_reg_vector: vec('sqshl_reg', 'any64'),
  UQSHL_reg_vector: vec('uqshl_reg', 'any64'),
  SQRSHL_vector: vec('sqrshl', 'any64'),
  UQRSHL_vector: vec('uqrshl', 'any64'),
  SMAX_vector: vec('smax', 'no64'),
  SMIN_vector: vec('smin', 'no64'),
  UMAX_vector: vec('umax', 'no64'),
  UMIN_vector: vec('umin', 'no64'),
  SABD_vector: vec('sabd', 'no64'),
  UABD_vector: vec('uabd', 'no64'),
  SABA_vector: vec('saba', 'no64'),
  UABA_vector: vec('uaba', 'no64'),
  ADD_vector: vec('add', 'any64'),
  SUB_vector: vec('sub', 'any64'),
  MLA_vector: vec('mla', 'no64'),
  MLS_vector: vec('mls', 'no64'),
  MUL_vector: vec('mul', 'no64'),
  PMUL_vector: vec('pmul', 'b'),
  SQDMULH_vector: vec('sqdmulh', 'hs'),
  SQRDMULH_vector: vec('sqrdmulh', 'hs'),
  ADDP_vector: vec('addp', 'any64'),
  SMAXP_vector: vec('smaxp', 'no64'),
  SMINP_vector: vec('sminp', 'no64'),
  UMAXP_vector: vec('umaxp', 'no64'),
  UMINP_vector: vec('uminp', 'no64'),

  SQADD_scalar: scalar('sqadd', 'any'),
  UQADD_scalar: scalar('uqadd', 'any'),
  SQSUB_scalar: scalar('sqsub', 'any'),
  UQSUB_scalar: scalar('uqsub', 'any'),
  CMGT_reg_scalar: scalar('cmgt', 'd'),
  CMGE_reg_scalar: scalar('cmge', 'd'),
  CMHI_scalar: scalar('cmhi', 'd'),
  CMHS_scalar: scalar('cmhs', 'd'),
  CMEQ_reg_scalar: scalar('cmeq', 'd'),
  CMTST_scalar: scalar('cmtst', 'd'),
  SSHL_scalar: scalar('sshl', 'd'),
  USHL_scalar: scalar('ushl', 'd'),
  SRSHL_scalar: scalar('srshl', 'd'),
  URSHL_scalar: scalar('urshl', 'd'),
  SQSHL_reg_scalar: scalar('sqshl_reg', 'any'),
  UQSHL_reg_scalar: scalar('uqshl_reg', 'any'),
  SQRSHL_scalar: scalar('sqrshl', 'any'),
  UQRSHL_scalar: scalar('uqrshl', 'any'),
  ADD_scalar: scalar('add', 'd'),
  SUB_scalar: scalar('sub', 'd'),
  SQDMULH_scalar: scalar('sqdmulh', 'hs'),
  SQRDMULH_scalar: scalar('sqrdmulh', 'hs'),

  AND_vector: bitwise((c, n, m) => c.ir.op('And64', n, m)),
  BIC_vector_reg: bitwise((c, n, m) => c.ir.op('AndNot64', n, m)),
  ORR_vector_reg: bitwise((c, n, m) => c.ir.op('Or64', n, m)),
  ORN_vector: bitwise((c, n, m) => c.ir.op('OrNot64', n, m)),
  EOR_vector: bitwise((c, n, m) => c.ir.op('Xor64', n, m)),
  /** BSL: Vd = (Vd AND Vn) OR (NOT Vd AND Vm) = Vm EOR ((Vm EOR Vn) AND Vd). */
  BSL: bitwise((c, n, m, d) => c.ir.op('Xor64', m, c.ir.op('And64', c.ir.op('Xor64', m, n), d)), true),
  /** BIT: insert Vn bits where Vm is 1: Vd EOR ((Vd EOR Vn) AND Vm). */
  BIT: bitwise((c, n, m, d) => c.ir.op('Xor64', d, c.ir.op('And64', c.ir.op('Xor64', d, n), m)), true),
  /** BIF: insert Vn bits where Vm is 0: Vd EOR ((Vd EOR Vn) AND NOT Vm). */
  BIF: bitwise((c, n, m, d) => c.ir.op('Xor64', d, c.ir.op('AndNot64', c.ir.op('Xor64', d, n), m)), true),
} satisfies HandlerGroup;
