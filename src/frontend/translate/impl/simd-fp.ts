/**
 * Translators: Advanced SIMD floating point (single and double precision)
 * in the three same, two-register misc, across lanes, scalar pairwise, x
 * indexed element and shift by immediate (fixed-point) groups, vector and
 * scalar. FEAT_FP16 arithmetic is not implemented (those encodings match no row).
 */
import type { Handler, HandlerGroup } from '../handler.js';
import { helper, lanesOf } from './simd-common.js';

/** Vector: sz:Q = '10' (1D) is reserved; esize = 32 << sz. */
function vec3(op: string): Handler {
  return (c, f) => {
    if (f.z && !f.q) return c.unallocated();
    const esize = 32 << f.z!;
    return helper(c, `simd_${op}`, f.d!, f.n!, f.m!, esize, lanesOf(f.q!, esize));
  };
}
function scalar3(op: string): Handler {
  return (c, f) => helper(c, `simd_${op}`, f.d!, f.n!, f.m!, 32 << f.z!, 1);
}
function vec2(op: string): Handler {
  return (c, f) => {
    if (f.z && !f.q) return c.unallocated();
    const esize = 32 << f.z!;
    return helper(c, `simd_${op}`, f.d!, f.n!, esize, lanesOf(f.q!, esize));
  };
}
function scalar2(op: string): Handler {
  return (c, f) => helper(c, `simd_${op}`, f.d!, f.n!, 32 << f.z!, 1);
}
/** SCVTF/UCVTF (vector, integer) share the fixed-point helpers with fbits = 0. */
function cvtfVec(op: string): Handler {
  return (c, f) => {
    if (f.z && !f.q) return c.unallocated();
    const esize = 32 << f.z!;
    return helper(c, `simd_${op}`, f.d!, f.n!, 0, esize, lanesOf(f.q!, esize));
  };
}
function cvtfScalar(op: string): Handler {
  return (c, f) => helper(c, `simd_${op}`, f.d!, f.n!, 0, 32 << f.z!, 1);
}
/** FMAXV, FMINV, FMAXNMV, FMINNMV: 4S only (sz = 1 or Q = 0 reserved; half precision is FEAT_FP16). */
function acrossV(op: string): Handler {
  return (c, f) => (f.z || !f.q ? c.unallocated() : helper(c, `simd_${op}`, f.d!, f.n!, 4));
}
function pairScalar(op: string): Handler {
  return (c, f) => helper(c, `simd_${op}_scalar`, f.d!, f.n!, 32 << f.z!);
}
/** By element: sz = 0 -> index H:L; sz = 1 -> index H (L = 1 reserved); Rm = M:Rm<3:0>. */
function byElem(op: string, isScalar: boolean): Handler {
  return (c, f) => {
    if (f.z && (f.L || (!isScalar && !f.q))) return c.unallocated();
    const esize = 32 << f.z!;
    const index = f.z ? f.H! : (f.H! << 1) | f.L!;
    const m = (f.M! << 4) | f.m!;
    return helper(c, `simd_${op}_elem`, f.d!, f.n!, m, index, esize, isScalar ? 1 : lanesOf(f.q!, esize));
  };
}
/** Fixed-point conversions (shift by immediate): immh = '01xx' single, '1xxx' double; others reserved (001x is FP16). */
function fixed(op: string, isScalar: boolean): Handler {
  return (c, f) => {
    if (f.h! < 4 || (!isScalar && f.h! >= 8 && !f.q)) return c.unallocated();
    const esize = f.h! >= 8 ? 64 : 32;
    const fbits = 2 * esize - ((f.h! << 3) | f.b!);
    return helper(c, `simd_${op}`, f.d!, f.n!, fbits, esize, isScalar ? 1 : lanesOf(f.q!, esize));
  };
}

export const SIMD_FP_HANDLERS = {
  FADD_vector: vec3('fadd'),
  FSUB_vector: vec3('fsub'),
  FMUL_vector: vec3('fmul'),
  FDIV_vector: vec3('fdiv'),
  FMULX_vector: vec3('fmulx'),
  FMAX_vector: vec3('fmax'),
  FMIN_vector: vec3('fmin'),
  FMAXNM_vector: vec3('fmaxnm'),
  FMINNM_vector: vec3('fminnm'),
  FMLA_vector: vec3('fmla'),
  FMLS_vector: vec3('fmls'),
  FABD_vector: vec3('fabd'),
  FRECPS_vector: vec3('frecps'),
  FRSQRTS_vector: vec3('frsqrts'),
  FCMEQ_reg_vector: vec3('fcmeq'),
  FCMGE_reg_vector: vec3('fcmge'),
  FCMGT_reg_vector: vec3('fcmgt'),
  FACGE_vector: vec3('facge'),
  FACGT_vector: vec3('facgt'),
  FADDP_vector: vec3('faddp'),
  FMAXP_vector: vec3('fmaxp'),
  FMINP_vector: vec3('fminp'),
  FMAXNMP_vector: vec3('fmaxnmp'),
  FMINNMP_vector: vec3('fminnmp'),

  FMULX_scalar: scalar3('fmulx'),
  FABD_scalar: scalar3('fabd'),
  FRECPS_scalar: scalar3('frecps'),
  FRSQRTS_scalar: scalar3('frsqrts'),
  FCMEQ_reg_scalar: scalar3('fcmeq'),
  FCMGE_reg_scalar: scalar3('fcmge'),
  FCMGT_reg_scalar: scalar3('fcmgt'),
  FACGE_scalar: scalar3('facge'),
  FACGT_scalar: scalar3('facgt'),

  FABS_vector: vec2('fabs'),
  FNEG_vector: vec2('fneg'),
  FSQRT_vector: vec2('fsqrt'),
  FRINTN_vector: vec2('frintn'),
  FRINTP_vector: vec2('frintp'),
  FRINTM_vector: vec2('frintm'),
  FRINTZ_vector: vec2('frintz'),
  FRINTA_vector: vec2('frinta'),
  FRINTX_vector: vec2('frintx'),
  FRINTI_vector: vec2('frinti'),
  FRECPE_vector: vec2('frecpe'),
  FRSQRTE_vector: vec2('frsqrte'),
  FCMGT_zero_vector: vec2('fcmgt_zero'),
  FCMGE_zero_vector: vec2('fcmge_zero'),
  FCMEQ_zero_vector: vec2('fcmeq_zero'),
  FCMLE_zero_vector: vec2('fcmle_zero'),
  FCMLT_zero_vector: vec2('fcmlt_zero'),
  FCVTNS_vector: vec2('fcvtns'),
  FCVTNU_vector: vec2('fcvtnu'),
  FCVTPS_vector: vec2('fcvtps'),
  FCVTPU_vector: vec2('fcvtpu'),
  FCVTMS_vector: vec2('fcvtms'),
  FCVTMU_vector: vec2('fcvtmu'),
  FCVTZS_int_vector: vec2('fcvtzs'),
  FCVTZU_int_vector: vec2('fcvtzu'),
  FCVTAS_vector: vec2('fcvtas'),
  FCVTAU_vector: vec2('fcvtau'),
  SCVTF_int_vector: cvtfVec('scvtf'),
  UCVTF_int_vector: cvtfVec('ucvtf'),
  /** URECPE/URSQRTE: 32-bit elements only. */
  URECPE_vector: (c, f) => (f.z ? c.unallocated() : helper(c, 'simd_urecpe', f.d!, f.n!, lanesOf(f.q!, 32))),
  URSQRTE_vector: (c, f) => (f.z ? c.unallocated() : helper(c, 'simd_ursqrte', f.d!, f.n!, lanesOf(f.q!, 32))),
  /** FCVTL/FCVTL2: half -> single (sz = 0) or single -> double (sz = 1). */
  FCVTL_vector: (c, f) => helper(c, 'simd_fcvtl', f.d!, f.n!, 32 << f.z!, f.q!),
  /** FCVTN/FCVTN2: single -> half (sz = 0) or double -> single (sz = 1). */
  FCVTN_vector: (c, f) => helper(c, 'simd_fcvtn', f.d!, f.n!, 16 << f.z!, f.q!, 0, f.z ? 2 : 4),
  /** FCVTXN/FCVTXN2: double -> single, round to odd; sz = 0 reserved. */
  FCVTXN_vector: (c, f) => (f.z ? helper(c, 'simd_fcvtn', f.d!, f.n!, 32, f.q!, 1, 2) : c.unallocated()),
  FCVTXN_scalar: (c, f) => (f.z ? helper(c, 'simd_fcvtn', f.d!, f.n!, 32, 0, 1, 1) : c.unallocated()),

  FRECPE_scalar: scalar2('frecpe'),
  FRSQRTE_scalar: scalar2('frsqrte'),
  FRECPX_scalar: scalar2('frecpx'),
  FCMGT_zero_scalar: scalar2('fcmgt_zero'),
  FCMGE_zero_scalar: scalar2('fcmge_zero'),
  FCMEQ_zero_scalar: scalar2('fcmeq_zero'),
  FCMLE_zero_scalar: scalar2('fcmle_zero'),
  FCMLT_zero_scalar: scalar2('fcmlt_zero'),
  FCVTNS_scalar: scalar2('fcvtns'),
  FCVTNU_scalar: scalar2('fcvtnu'),
  FCVTPS_scalar: scalar2('fcvtps'),
  FCVTPU_scalar: scalar2('fcvtpu'),
  FCVTMS_scalar: scalar2('fcvtms'),
  FCVTMU_scalar: scalar2('fcvtmu'),
  FCVTZS_int_scalar: scalar2('fcvtzs'),
  FCVTZU_int_scalar: scalar2('fcvtzu'),
  FCVTAS_scalar: scalar2('fcvtas'),
  FCVTAU_scalar: scalar2('fcvtau'),
  SCVTF_int_scalar: cvtfScalar('scvtf'),
  UCVTF_int_scalar: cvtfScalar('ucvtf'),

  FMAXV: acrossV('fmaxv'),
  FMINV: acrossV('fminv'),
  FMAXNMV: acrossV('fmaxnmv'),
  FMINNMV: acrossV('fminnmv'),
  FADDP_scalar: pairScalar('faddp'),
  FMAXP_scalar: pairScalar('fmaxp'),
  FMINP_scalar: pairScalar('fminp'),
  FMAXNMP_scalar: pairScalar('fmaxnmp'),
  FMINNMP_scalar: pairScalar('fminnmp'),

  FMUL_elem_vector: byElem('fmul', false),
  FMULX_elem_vector: byElem('fmulx', false),
  FMLA_elem_vector: byElem('fmla', false),
  FMLS_elem_vector: byElem('fmls', false),
  FMUL_elem_scalar: byElem('fmul', true),
  FMULX_elem_scalar: byElem('fmulx', true),
  FMLA_elem_scalar: byElem('fmla', true),
  FMLS_elem_scalar: byElem('fmls', true),

  SCVTF_fix_vector: fixed('scvtf', false),
  UCVTF_fix_vector: fixed('ucvtf', false),
  FCVTZS_fix_vector: fixed('fcvtzs_fix', false),
  FCVTZU_fix_vector: fixed('fcvtzu_fix', false),
  SCVTF_fix_scalar: fixed('scvtf', true),
  UCVTF_fix_scalar: fixed('ucvtf', true),
  FCVTZS_fix_scalar: fixed('fcvtzs_fix', true),
  FCVTZU_fix_scalar: fixed('fcvtzu_fix', true),
} satisfies HandlerGroup;
