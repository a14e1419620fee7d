/**
 * Decoder rows: Data Processing -- Scalar Floating-Point (Arm ARM C4.1.96
 * "Data Processing -- Scalar Floating-Point and Advanced SIMD", scalar FP
 * part: FP <-> fixed/integer conversions, 1/2/3-source, compare, conditional
 * compare/select, immediate). See a64-base.table.ts for conventions.
 * Field letters used in this file:
 *   y ftype (00 single, 01 double, 10 reserved, 11 half = FEAT_FP16: the
 *     translators make the reserved and half forms UNDEFINED, except FCVT)
 *   d Rd   n Rn   m Rm   a Ra   z sf   c cond   f nzcv   i imm8
 *   s scale (fixed-point)   p opc (FCVT destination type)   e compare with #0.0
 *   r rmode   o opcode<0> (FMOV general: 0 = to general register)
 */
import type { A64Row } from './row.js';

export const FP_ROWS = [
  // ---- Conversion between floating-point and fixed-point ----
  { id: 'SCVTF_float_fix', asm: 'SCVTF (scalar, fixed-point)', bits: 'z0011110yy000010ssssssnnnnnddddd' },
  { id: 'UCVTF_float_fix', asm: 'UCVTF (scalar, fixed-point)', bits: 'z0011110yy000011ssssssnnnnnddddd' },
  { id: 'FCVTZS_float_fix', asm: 'FCVTZS (scalar, fixed-point)', bits: 'z0011110yy011000ssssssnnnnnddddd' },
  { id: 'FCVTZU_float_fix', asm: 'FCVTZU (scalar, fixed-point)', bits: 'z0011110yy011001ssssssnnnnnddddd' },

  // ---- Conversion between floating-point and integer ----
  { id: 'FCVTNS_float', asm: 'FCVTNS (scalar)', bits: 'z0011110yy100000000000nnnnnddddd' },
  { id: 'FCVTNU_float', asm: 'FCVTNU (scalar)', bits: 'z0011110yy100001000000nnnnnddddd' },
  { id: 'SCVTF_float_int', asm: 'SCVTF (scalar, integer)', bits: 'z0011110yy100010000000nnnnnddddd' },
  { id: 'UCVTF_float_int', asm: 'UCVTF (scalar, integer)', bits: 'z0011110yy100011000000nnnnnddddd' },
  { id: 'FCVTAS_float', asm: 'FCVTAS (scalar)', bits: 'z0011110yy100100000000nnnnnddddd' },
  { id: 'FCVTAU_float', asm: 'FCVTAU (scalar)', bits: 'z0011110yy100101000000nnnnnddddd' },
  { id: 'FMOV_float_gen', asm: 'FMOV (general)', bits: 'z0011110yy1rr11o000000nnnnnddddd' },
  { id: 'FCVTPS_float', asm: 'FCVTPS (scalar)', bits: 'z0011110yy101000000000nnnnnddddd' },
  { id: 'FCVTPU_float', asm: 'FCVTPU (scalar)', bits: 'z0011110yy101001000000nnnnnddddd' },
  { id: 'FCVTMS_float', asm: 'FCVTMS (scalar)', bits: 'z0011110yy110000000000nnnnnddddd' },
  { id: 'FCVTMU_float', asm: 'FCVTMU (scalar)', bits: 'z0011110yy110001000000nnnnnddddd' },
  { id: 'FCVTZS_float_int', asm: 'FCVTZS (scalar, integer)', bits: 'z0011110yy111000000000nnnnnddddd' },
  { id: 'FCVTZU_float_int', asm: 'FCVTZU (scalar, integer)', bits: 'z0011110yy111001000000nnnnnddddd' },

  // ---- Floating-point data-processing (1 source) ----
  { id: 'FMOV_float', asm: 'FMOV (register)', bits: '00011110yy100000010000nnnnnddddd' },
  { id: 'FABS_float', asm: 'FABS (scalar)', bits: '00011110yy100000110000nnnnnddddd' },
  { id: 'FNEG_float', asm: 'FNEG (scalar)', bits: '00011110yy100001010000nnnnnddddd' },
  { id: 'FSQRT_float', asm: 'FSQRT (scalar)', bits: '00011110yy100001110000nnnnnddddd' },
  { id: 'FCVT_float', asm: 'FCVT', bits: '00011110yy10001pp10000nnnnnddddd' },
  { id: 'FRINTN_float', asm: 'FRINTN (scalar)', bits: '00011110yy100100010000nnnnnddddd' },
  { id: 'FRINTP_float', asm: 'FRINTP (scalar)', bits: '00011110yy100100110000nnnnnddddd' },
  { id: 'FRINTM_float', asm: 'FRINTM (scalar)', bits: '00011110yy100101010000nnnnnddddd' },
  { id: 'FRINTZ_float', asm: 'FRINTZ (scalar)', bits: '00011110yy100101110000nnnnnddddd' },
  { id: 'FRINTA_float', asm: 'FRINTA (scalar)', bits: '00011110yy100110010000nnnnnddddd' },
  { id: 'FRINTX_float', asm: 'FRINTX (scalar)', bits: '00011110yy100111010000nnnnnddddd' },
  { id: 'FRINTI_float', asm: 'FRINTI (scalar)', bits: '00011110yy100111110000nnnnnddddd' },

  // ---- Floating-point compare ----
  { id: 'FCMP_float', asm: 'FCMP (register, #0.0)', bits: '00011110yy1mmmmm001000nnnnn0e000' },
  { id: 'FCMPE_float', asm: 'FCMPE (register, #0.0)', bits: '00011110yy1mmmmm001000nnnnn1e000' },

  // ---- Floating-point immediate ----
  { id: 'FMOV_float_imm', asm: 'FMOV (scalar, immediate)', bits: '00011110yy1iiiiiiii10000000ddddd' },

  // ---- Floating-point conditional compare ----
  { id: 'FCCMP_float', asm: 'FCCMP', bits: '00011110yy1mmmmmcccc01nnnnn0ffff' },
  { id: 'FCCMPE_float', asm: 'FCCMPE', bits: '00011110yy1mmmmmcccc01nnnnn1ffff' },

  // ---- Floating-point data-processing (2 source) ----
  { id: 'FMUL_float', asm: 'FMUL (scalar)', bits: '00011110yy1mmmmm000010nnnnnddddd' },
  { id: 'FDIV_float', asm: 'FDIV (scalar)', bits: '00011110yy1mmmmm000110nnnnnddddd' },
  { id: 'FADD_float', asm: 'FADD (scalar)', bits: '00011110yy1mmmmm001010nnnnnddddd' },
  { id: 'FSUB_float', asm: 'FSUB (scalar)', bits: '00011110yy1mmmmm001110nnnnnddddd' },
  { id: 'FMAX_float', asm: 'FMAX (scalar)', bits: '00011110yy1mmmmm010010nnnnnddddd' },
  { id: 'FMIN_float', asm: 'FMIN (scalar)', bits: '00011110yy1mmmmm010110nnnnnddddd' },
  { id: 'FMAXNM_float', asm: 'FMAXNM (scalar)', bits: '00011110yy1mmmmm011010nnnnnddddd' },
  { id: 'FMINNM_float', asm: 'FMINNM (scalar)', bits: '00011110yy1mmmmm011110nnnnnddddd' },
  { id: 'FNMUL_float', asm: 'FNMUL (scalar)', bits: '00011110yy1mmmmm100010nnnnnddddd' },

  // ---- Floating-point conditional select ----
  { id: 'FCSEL_float', asm: 'FCSEL', bits: '00011110yy1mmmmmcccc11nnnnnddddd' },

  // ---- Floating-point data-processing (3 source) ----
  { id: 'FMADD_float', asm: 'FMADD', bits: '00011111yy0mmmmm0aaaaannnnnddddd' },
  { id: 'FMSUB_float', asm: 'FMSUB', bits: '00011111yy0mmmmm1aaaaannnnnddddd' },
  { id: 'FNMADD_float', asm: 'FNMADD', bits: '00011111yy1mmmmm0aaaaannnnnddddd' },
  { id: 'FNMSUB_float', asm: 'FNMSUB', bits: '00011111yy1mmmmm1aaaaannnnnddddd' },
] as const satisfies readonly A64Row[];
