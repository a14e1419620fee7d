/** Translators: Advanced SIMD shift by immediate and scalar shift by immediate (integer). */
import type { Fields } from '../../decoder/bitpattern.js';
import type { Handler, HandlerGroup } from '../handler.js';
import { helper, highestSetBit, lanesOf } from './simd-common.js';

/** esize = 8 << HighestSetBit(immh); right shifts 2*esize - immh:immb, left shifts immh:immb - esize. */
function decodeShift(f: Fields, right: boolean): { esize: number; shift: number } {
  const esize = 8 << highestSetBit(f.h!);
  const immhb = (f.h! << 3) | f.b!;
  return { esize, shift: right ? 2 * esize - immhb : immhb - esize };
}

/** Same-size shift, vector: immh = '0000' is the modified-immediate group, immh<3> with Q = 0 is reserved. */
function vec(op: string, right: boolean): Handler {
  return (c, f) => {
    if (f.h === 0 || (f.h! >= 8 && !f.q)) return c.unallocated();
    const { esize, shift } = decodeShift(f, right);
    return helper(c, `simd_${op}_imm`, f.d!, f.n!, shift, esize, lanesOf(f.q!, esize));
  };
}
/** Same-size shift, scalar: onlyD = only 64-bit (immh<3> = 1) is allowed. */
function scalar(op: string, right: boolean, onlyD: boolean): Handler {
  return (c, f) => {
    if (f.h === 0 || (onlyD && f.h! < 8)) return c.unallocated();
    const { esize, shift } = decodeShift(f, right);
    return helper(c, `simd_${op}_imm`, f.d!, f.n!, shift, esize, 1);
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
function narrowScalar(op: string): Handler {
  return (c, f) => {
    if (f.h === 0 || f.h! >= 8) return c.unallocated();
    const { esize, shift } = decodeShift(f, true);
    return helper(c, `simd_${op}`, f.d!, f.n!, shift, esize, 0, 1);
  };
}
/** SSHLL/USHLL (SXTL/UXTL when the shift is 0). */
function long(op: string): Handler {
  return (c, f) => {
    if (f.h === 0 || f.h! >= 8) return c.unallocated();
    const { esize, shift } = decodeShift(f, false);
    return helper(c, `simd_${op}`, f.d!, f.n!, shift, esize, f.q!);
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
  SHRN_vector: narrowVec('shrn'),
  RSHRN_vector: narrowVec('rshrn'),
  SQSHRN_vector: narrowVec('sqshrn'),
  SQRSHRN_vector: narrowVec('sqrshrn'),
  UQSHRN_vector: narrowVec('uqshrn'),
  UQRSHRN_vector: narrowVec('uqrshrn'),
  SQSHRUN_vector: narrowVec('sqshrun'),
  SQRSHRUN_vector: narrowVec('sqrshrun'),
  SSHLL_vector: long('sshll'),
  USHLL_vector: long('ushll'),

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
