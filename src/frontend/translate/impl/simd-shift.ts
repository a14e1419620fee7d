/** Translators: Advanced SIMD shift by immediate and scalar shift by immediate (integer). */
import type { Fields } from '../../decoder/bitpattern.js';
import type { Value } from '../../../ir/value.js';
import type { TranslationContext } from '../context.js';
import type { Handler, HandlerGroup } from '../handler.js';
import { elem, helper, highestSetBit, lanesOf, setElems, setLong, setNarrow, sfOf } from './simd-common.js';

/** esize = 8 << HighestSetBit(immh); right shifts 2*esize - immh:immb, left shifts immh:immb - esize. */
function decodeShift(f: Fields, right: boolean): { esize: number; shift: number } {
  const esize = 8 << highestSetBit(f.h!);
  const immhb = (f.h! << 3) | f.b!;
  return { esize, shift: right ? 2 * esize - immhb : immhb - esize };
}

/** A shift-by-immediate lane op on 32-bit (sf = 0, U32) or 64-bit (sf = 1, U64) elements; d() reads Vd's element. */
type ShiftOp = (c: TranslationContext, sf: number, esize: number, shift: number, n: Value, d: () => Value) => Value;

/** USHR by esize gives 0; SSHR by esize is SSHR by esize - 1 (the sign everywhere). */
const ushr: ShiftOp = (c, sf, esize, shift, n) => (shift === esize ? c.const(sf, 0n) : c.op(sf, 'Lsr', n, c.ir.u32(shift)));
const sshr: ShiftOp = (c, sf, esize, shift, n) => c.op(sf, 'Asr', n, c.ir.u32(Math.min(shift, esize - 1)));
const ones = (bits: number): bigint => (1n << BigInt(bits)) - 1n;

/** The shifts whose 32- and 64-bit element forms are inlined in IR. */
const SHIFT: Partial<Record<string, ShiftOp>> = {
  shl: (c, sf, _esize, shift, n) => c.op(sf, 'Lsl', n, c.ir.u32(shift)),
  ushr,
  sshr,
  usra: (c, sf, esize, shift, n, d) => c.op(sf, 'Add', d(), ushr(c, sf, esize, shift, n, d)),
  ssra: (c, sf, esize, shift, n, d) => c.op(sf, 'Add', d(), sshr(c, sf, esize, shift, n, d)),
  /** SRI keeps the top `shift` bits of Vd's element (all of it for shift = esize). */
  sri: (c, sf, esize, shift, n, d) =>
    shift === esize ? d() : c.op(sf, 'Or', c.op(sf, 'And', d(), c.const(sf, ones(esize) ^ (ones(esize) >> BigInt(shift)))), c.op(sf, 'Lsr', n, c.ir.u32(shift))),
  /** SLI keeps the low `shift` bits of Vd's element. */
  sli: (c, sf, _esize, shift, n, d) => c.op(sf, 'Or', c.op(sf, 'And', d(), c.const(sf, ones(shift))), c.op(sf, 'Lsl', n, c.ir.u32(shift))),
};

/** Vd = Vn shifted, over count elements: inline in IR (SHIFT) for 32/64-bit elements, else false. */
function inline(c: TranslationContext, op: string, f: Fields, esize: number, shift: number, count: number): boolean {
  const fn = SHIFT[op];
  if (!fn || esize < 32) return false;
  const sf = sfOf(esize);
  setElems(c, f.d!, esize, count, (i) => fn(c, sf, esize, shift, elem(c, f.n!, esize, i), () => elem(c, f.d!, esize, i)));
  return true;
}

/** Same-size shift, vector: immh = '0000' is the modified-immediate group, immh<3> with Q = 0 is reserved. */
function vec(op: string, right: boolean): Handler {
  return (c, f) => {
    if (f.h === 0 || (f.h! >= 8 && !f.q)) return c.unallocated();
    const { esize, shift } = decodeShift(f, right);
    const lanes = lanesOf(f.q!, esize);
    return inline(c, op, f, esize, shift, lanes) || helper(c, `simd_${op}_imm`, f.d!, f.n!, shift, esize, lanes);
  };
}
/** Same-size shift, scalar: onlyD = only 64-bit (immh<3> = 1) is allowed. */
function scalar(op: string, right: boolean, onlyD: boolean): Handler {
  return (c, f) => {
    if (f.h === 0 || (onlyD && f.h! < 8)) return c.unallocated();
    const { esize, shift } = decodeShift(f, right);
    return inline(c, op, f, esize, shift, 1) || helper(c, `simd_${op}_imm`, f.d!, f.n!, shift, esize, 1);
  };
}
/** Narrowing right shifts (the "2" forms write the upper half): immh<3> = 1 is reserved. */
function narrowVec(op: string): Handler {
  return (c, f) => {
    if (f.h === 0 || f.h! >= 8) return c.unallocated();
    const { esize, shift } = decodeShift(f, true);
    return helper(c, `simd_${op}`, f.d!, f.n!, shift, esize, f.q!, 64 / esize);
  };
}
/** SHRN (truncating, not rounding or saturating), inline in IR. */
const shrn: Handler = (c, f) => {
  if (f.h === 0 || f.h! >= 8) return c.unallocated();
  const { esize, shift } = decodeShift(f, true);
  setNarrow(c, f.d!, f.n!, esize, f.q!, shift);
  return true;
};
function narrowScalar(op: string): Handler {
  return (c, f) => {
    if (f.h === 0 || f.h! >= 8) return c.unallocated();
    const { esize, shift } = decodeShift(f, true);
    return helper(c, `simd_${op}`, f.d!, f.n!, shift, esize, 0, 1);
  };
}
/** SSHLL/USHLL (SXTL/UXTL when the shift is 0), inline in IR. */
function long(signed: boolean): Handler {
  return (c, f) => {
    if (f.h === 0 || f.h! >= 8) return c.unallocated();
    const { esize, shift } = decodeShift(f, false);
    setLong(c, f.d!, f.n!, esize, f.q!, signed, shift);
    return true;
  };
}

export const SIMD_SHIFT_HANDLERS = {
  SSHR_vector: vec('sshr', true),
  USHR_vector: vec('ushr', true),
  SRSHR_vector: vec('srshr', true),
  URSHR_vector: vec('urshr', true),
  SSRA_vector: vec('ssra', true),
  USRA_vector: vec('usra', true),
  SRSRA_vector: vec('srsra', true),
  URSRA_vector: vec('ursra', true),
  SRI_vector: vec('sri', true),
  SLI_vector: vec('sli', false),
  SHL_vector: vec('shl', false),
  SQSHL_imm_vector: vec('sqshl', false),
  UQSHL_imm_vector: vec('uqshl', false),
  SQSHLU_vector: vec('sqshlu', false),
  SHRN_vector: shrn,
  RSHRN_vector: narrowVec('rshrn'),
  SQSHRN_vector: narrowVec('sqshrn'),
  SQRSHRN_vector: narrowVec('sqrshrn'),
  UQSHRN_vector: narrowVec('uqshrn'),
  UQRSHRN_vector: narrowVec('uqrshrn'),
  SQSHRUN_vector: narrowVec('sqshrun'),
  SQRSHRUN_vector: narrowVec('sqrshrun'),
  SSHLL_vector: long(true),
  USHLL_vector: long(false),

  SSHR_scalar: scalar('sshr', true, true),
  USHR_scalar: scalar('ushr', true, true),
  SRSHR_scalar: scalar('srshr', true, true),
  URSHR_scalar: scalar('urshr', true, true),
  SSRA_scalar: scalar('ssra', true, true),
  USRA_scalar: scalar('usra', true, true),
  SRSRA_scalar: scalar('srsra', true, true),
  URSRA_scalar: scalar('ursra', true, true),
  SRI_scalar: scalar('sri', true, true),
  SLI_scalar: scalar('sli', false, true),
  SHL_scalar: scalar('shl', false, true),
  SQSHL_imm_scalar: scalar('sqshl', false, false),
  UQSHL_imm_scalar: scalar('uqshl', false, false),
  SQSHLU_scalar: scalar('sqshlu', false, false),
  SQSHRN_scalar: narrowScalar('sqshrn'),
  SQRSHRN_scalar: narrowScalar('sqrshrn'),
  UQSHRN_scalar: narrowScalar('uqshrn'),
  UQRSHRN_scalar: narrowScalar('uqrshrn'),
  SQSHRUN_scalar: narrowScalar('sqshrun'),
  SQRSHRUN_scalar: narrowScalar('sqrshrun'),
} satisfies HandlerGroup;
