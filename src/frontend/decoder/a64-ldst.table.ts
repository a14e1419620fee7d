/**
 * Decoder rows: Loads and stores (Armv8.0 + FEAT_LSE). See a64-base.table.ts
 * for the row conventions. Sections follow the Arm ARM "Loads and Stores"
 * encoding index. Field letters used in this file:
 *   x size   z size<0> or opc<1> (1 = 64-bit register)   c opc<0> of LDRS* (1 = 32-bit destination)
 *   e opc<1> of SIMD&FP loads/stores (with size: B/H/S/D/Q)
 *   t Rt   a Rt2   n Rn   m Rm   s Rs   i immediate   o option   S S (scaled register offset)
 *   A acquire   R release (LSE atomics and CAS)
 *   q Q (1 = 128-bit)   p post-index (SIMD structures; Rm = 11111 is the immediate form)
 *   g opcode<2:1> of SIMD single structure (scale)
 * Not implemented, so UNDEFINED: LDLAR/STLLR (FEAT_LOR), LDAPR* (FEAT_LRCPC),
 * LDAPUR/STLUR (FEAT_LRCPC2), LDRAA/LDRAB (FEAT_PAuth), STGP and the tag
 * stores (FEAT_MTE), LD64B/ST64B (FEAT_LS64), STZ*, and every reserved value
 * of size/opc (decoded by the handlers).
 */
import type { A64Row } from './row.js';

export const LDST_ROWS = [
  // ---- Load register (literal) ----
  { id: 'LDR_lit', asm: 'LDR (literal)', bits: '0z011000iiiiiiiiiiiiiiiiiiittttt' },
  { id: 'LDRSW_lit', asm: 'LDRSW (literal)', bits: '10011000iiiiiiiiiiiiiiiiiiittttt' },
  { id: 'PRFM_lit', asm: 'PRFM (literal)', bits: '11011000iiiiiiiiiiiiiiiiiiittttt' },
  { id: 'LDR_lit_fpsimd', asm: 'LDR (literal, SIMD&FP)', bits: 'xx011100iiiiiiiiiiiiiiiiiiittttt' },

  // ---- Load/store register (unsigned immediate) ----
  { id: 'STRB_imm_unsigned', asm: 'STRB (immediate), unsigned offset', bits: '0011100100iiiiiiiiiiiinnnnnttttt' },
  { id: 'LDRB_imm_unsigned', asm: 'LDRB (immediate), unsigned offset', bits: '0011100101iiiiiiiiiiiinnnnnttttt' },
  { id: 'LDRSB_imm_unsigned', asm: 'LDRSB (immediate), unsigned offset', bits: '001110011ciiiiiiiiiiiinnnnnttttt' },
  { id: 'STRH_imm_unsigned', asm: 'STRH (immediate), unsigned offset', bits: '0111100100iiiiiiiiiiiinnnnnttttt' },
  { id: 'LDRH_imm_unsigned', asm: 'LDRH (immediate), unsigned offset', bits: '0111100101iiiiiiiiiiiinnnnnttttt' },
  { id: 'LDRSH_imm_unsigned', asm: 'LDRSH (immediate), unsigned offset', bits: '011110011ciiiiiiiiiiiinnnnnttttt' },
  { id: 'STR_imm_unsigned', asm: 'STR (immediate), unsigned offset', bits: '1z11100100iiiiiiiiiiiinnnnnttttt' },
  { id: 'LDR_imm_unsigned', asm: 'LDR (immediate), unsigned offset', bits: '1z11100101iiiiiiiiiiiinnnnnttttt' },
  { id: 'LDRSW_imm_unsigned', asm: 'LDRSW (immediate), unsigned offset', bits: '1011100110iiiiiiiiiiiinnnnnttttt' },
  { id: 'PRFM_imm', asm: 'PRFM (immediate)', bits: '1111100110iiiiiiiiiiiinnnnnttttt' },
  { id: 'STR_imm_fpsimd_unsigned', asm: 'STR (immediate, SIMD&FP), unsigned offset', bits: 'xx111101e0iiiiiiiiiiiinnnnnttttt' },
  { id: 'LDR_imm_fpsimd_unsigned', asm: 'LDR (immediate, SIMD&FP), unsigned offset', bits: 'xx111101e1iiiiiiiiiiiinnnnnttttt' },

  // ---- Load/store register (unscaled immediate) ----
  { id: 'STURB', asm: 'STURB', bits: '00111000000iiiiiiiii00nnnnnttttt' },
  { id: 'LDURB', asm: 'LDURB', bits: '00111000010iiiiiiiii00nnnnnttttt' },
  { id: 'LDURSB', asm: 'LDURSB', bits: '001110001c0iiiiiiiii00nnnnnttttt' },
  { id: 'STURH', asm: 'STURH', bits: '01111000000iiiiiiiii00nnnnnttttt' },
  { id: 'LDURH', asm: 'LDURH', bits: '01111000010iiiiiiiii00nnnnnttttt' },
  { id: 'LDURSH', asm: 'LDURSH', bits: '011110001c0iiiiiiiii00nnnnnttttt' },
  { id: 'STUR', asm: 'STUR', bits: '1z111000000iiiiiiiii00nnnnnttttt' },
  { id: 'LDUR', asm: 'LDUR', bits: '1z111000010iiiiiiiii00nnnnnttttt' },
  { id: 'LDURSW', asm: 'LDURSW', bits: '10111000100iiiiiiiii00nnnnnttttt' },
  { id: 'PRFUM', asm: 'PRFUM', bits: '11111000100iiiiiiiii00nnnnnttttt' },
  { id: 'STUR_fpsimd', asm: 'STUR (SIMD&FP)', bits: 'xx111100e00iiiiiiiii00nnnnnttttt' },
  { id: 'LDUR_fpsimd', asm: 'LDUR (SIMD&FP)', bits: 'xx111100e10iiiiiiiii00nnnnnttttt' },

  // ---- Load/store register (immediate post-indexed) ----
  { id: 'STRB_imm_post', asm: 'STRB (immediate), post-index', bits: '00111000000iiiiiiiii01nnnnnttttt' },
  { id: 'LDRB_imm_post', asm: 'LDRB (immediate), post-index', bits: '00111000010iiiiiiiii01nnnnnttttt' },
  { id: 'LDRSB_imm_post', asm: 'LDRSB (immediate), post-index', bits: '001110001c0iiiiiiiii01nnnnnttttt' },
  { id: 'STRH_imm_post', asm: 'STRH (immediate), post-index', bits: '01111000000iiiiiiiii01nnnnnttttt' },
  { id: 'LDRH_imm_post', asm: 'LDRH (immediate), post-index', bits: '01111000010iiiiiiiii01nnnnnttttt' },
  { id: 'LDRSH_imm_post', asm: 'LDRSH (immediate), post-index', bits: '011110001c0iiiiiiiii01nnnnnttttt' },
  { id: 'STR_imm_post', asm: 'STR (immediate), post-index', bits: '1z111000000iiiiiiiii01nnnnnttttt' },
  { id: 'LDR_imm_post', asm: 'LDR (immediate), post-index', bits: '1z111000010iiiiiiiii01nnnnnttttt' },
  { id: 'LDRSW_imm_post', asm: 'LDRSW (immediate), post-index', bits: '10111000100iiiiiiiii01nnnnnttttt' },
  { id: 'STR_imm_fpsimd_post', asm: 'STR (immediate, SIMD&FP), post-index', bits: 'xx111100e00iiiiiiiii01nnnnnttttt' },
  { id: 'LDR_imm_fpsimd_post', asm: 'LDR (immediate, SIMD&FP), post-index', bits: 'xx111100e10iiiiiiiii01nnnnnttttt' },

  // ---- Load/store register (unprivileged): at EL0 these are the normal accesses ----
  { id: 'STTRB', asm: 'STTRB', bits: '00111000000iiiiiiiii10nnnnnttttt' },
  { id: 'LDTRB', asm: 'LDTRB', bits: '00111000010iiiiiiiii10nnnnnttttt' },
  { id: 'LDTRSB', asm: 'LDTRSB', bits: '001110001c0iiiiiiiii10nnnnnttttt' },
  { id: 'STTRH', asm: 'STTRH', bits: '01111000000iiiiiiiii10nnnnnttttt' },
  { id: 'LDTRH', asm: 'LDTRH', bits: '01111000010iiiiiiiii10nnnnnttttt' },
  { id: 'LDTRSH', asm: 'LDTRSH', bits: '011110001c0iiiiiiiii10nnnnnttttt' },
  { id: 'STTR', asm: 'STTR', bits: '1z111000000iiiiiiiii10nnnnnttttt' },
  { id: 'LDTR', asm: 'LDTR', bits: '1z111000010iiiiiiiii10nnnnnttttt' },
  { id: 'LDTRSW', asm: 'LDTRSW', bits: '10111000100iiiiiiiii10nnnnnttttt' },

  // ---- Load/store register (immediate pre-indexed) ----
  { id: 'STRB_imm_pre', asm: 'STRB (immediate), pre-index', bits: '00111000000iiiiiiiii11nnnnnttttt' },
  { id: 'LDRB_imm_pre', asm: 'LDRB (immediate), pre-index', bits: '00111000010iiiiiiiii11nnnnnttttt' },
  { id: 'LDRSB_imm_pre', asm: 'LDRSB (immediate), pre-index', bits: '001110001c0iiiiiiiii11nnnnnttttt' },
  { id: 'STRH_imm_pre', asm: 'STRH (immediate), pre-index', bits: '01111000000iiiiiiiii11nnnnnttttt' },
  { id: 'LDRH_imm_pre', asm: 'LDRH (immediate), pre-index', bits: '01111000010iiiiiiiii11nnnnnttttt' },
  { id: 'LDRSH_imm_pre', asm: 'LDRSH (immediate), pre-index', bits: '011110001c0iiiiiiiii11nnnnnttttt' },
  { id: 'STR_imm_pre', asm: 'STR (immediate), pre-index', bits: '1z111000000iiiiiiiii11nnnnnttttt' },
  { id: 'LDR_imm_pre', asm: 'LDR (immediate), pre-index', bits: '1z111000010iiiiiiiii11nnnnnttttt' },
  { id: 'LDRSW_imm_pre', asm: 'LDRSW (immediate), pre-index', bits: '10111000100iiiiiiiii11nnnnnttttt' },
  { id: 'STR_imm_fpsimd_pre', asm: 'STR (immediate, SIMD&FP), pre-index', bits: 'xx111100e00iiiiiiiii11nnnnnttttt' },
  { id: 'LDR_imm_fpsimd_pre', asm: 'LDR (immediate, SIMD&FP), pre-index', bits: 'xx111100e10iiiiiiiii11nnnnnttttt' },

  // ---- Load/store register (register offset) ----
  { id: 'STRB_reg', asm: 'STRB (register)', bits: '00111000001mmmmmoooS10nnnnnttttt' },
  { id: 'LDRB_reg', asm: 'LDRB (register)', bits: '00111000011mmmmmoooS10nnnnnttttt' },
  { id: 'LDRSB_reg', asm: 'LDRSB (register)', bits: '001110001c1mmmmmoooS10nnnnnttttt' },
  { id: 'STRH_reg', asm: 'STRH (register)', bits: '01111000001mmmmmoooS10nnnnnttttt' },
  { id: 'LDRH_reg', asm: 'LDRH (register)', bits: '01111000011mmmmmoooS10nnnnnttttt' },
  { id: 'LDRSH_reg', asm: 'LDRSH (register)', bits: '011110001c1mmmmmoooS10nnnnnttttt' },
  { id: 'STR_reg', asm: 'STR (register)', bits: '1z111000001mmmmmoooS10nnnnnttttt' },
  { id: 'LDR_reg', asm: 'LDR (register)', bits: '1z111000011mmmmmoooS10nnnnnttttt' },
  { id: 'LDRSW_reg', asm: 'LDRSW (register)', bits: '10111000101mmmmmoooS10nnnnnttttt' },
  { id: 'PRFM_reg', asm: 'PRFM (register)', bits: '11111000101mmmmmoooS10nnnnnttttt' },
  { id: 'STR_reg_fpsimd', asm: 'STR (register, SIMD&FP)', bits: 'xx111100e01mmmmmoooS10nnnnnttttt' },
  { id: 'LDR_reg_fpsimd', asm: 'LDR (register, SIMD&FP)', bits: 'xx111100e11mmmmmoooS10nnnnnttttt' },

  // ---- Load/store register pair (post-indexed, signed offset, pre-indexed) and no-allocate pair ----
  { id: 'STP_gen_post', asm: 'STP, post-index', bits: 'z010100010iiiiiiiaaaaannnnnttttt' },
  { id: 'LDP_gen_post', asm: 'LDP, post-index', bits: 'z010100011iiiiiiiaaaaannnnnttttt' },
  { id: 'LDPSW_post', asm: 'LDPSW, post-index', bits: '0110100011iiiiiiiaaaaannnnnttttt' },
  { id: 'STP_gen_offset', asm: 'STP, signed offset', bits: 'z010100100iiiiiiiaaaaannnnnttttt' },
  { id: 'LDP_gen_offset', asm: 'LDP, signed offset', bits: 'z010100101iiiiiiiaaaaannnnnttttt' },
  { id: 'LDPSW_offset', asm: 'LDPSW, signed offset', bits: '0110100101iiiiiiiaaaaannnnnttttt' },
  { id: 'STP_gen_pre', asm: 'STP, pre-index', bits: 'z010100110iiiiiiiaaaaannnnnttttt' },
  { id: 'LDP_gen_pre', asm: 'LDP, pre-index', bits: 'z010100111iiiiiiiaaaaannnnnttttt' },
  { id: 'LDPSW_pre', asm: 'LDPSW, pre-index', bits: '0110100111iiiiiiiaaaaannnnnttttt' },
  { id: 'STNP_gen', asm: 'STNP', bits: 'z010100000iiiiiiiaaaaannnnnttttt' },
  { id: 'LDNP_gen', asm: 'LDNP', bits: 'z010100001iiiiiiiaaaaannnnnttttt' },
  { id: 'STP_fpsimd_post', asm: 'STP (SIMD&FP), post-index', bits: 'xx10110010iiiiiiiaaaaannnnnttttt' },
  { id: 'LDP_fpsimd_post', asm: 'LDP (SIMD&FP), post-index', bits: 'xx10110011iiiiiiiaaaaannnnnttttt' },
  { id: 'STP_fpsimd_offset', asm: 'STP (SIMD&FP), signed offset', bits: 'xx10110100iiiiiiiaaaaannnnnttttt' },
  { id: 'LDP_fpsimd_offset', asm: 'LDP (SIMD&FP), signed offset', bits: 'xx10110101iiiiiiiaaaaannnnnttttt' },
  { id: 'STP_fpsimd_pre', asm: 'STP (SIMD&FP), pre-index', bits: 'xx10110110iiiiiiiaaaaannnnnttttt' },
  { id: 'LDP_fpsimd_pre', asm: 'LDP (SIMD&FP), pre-index', bits: 'xx10110111iiiiiiiaaaaannnnnttttt' },
  { id: 'STNP_fpsimd', asm: 'STNP (SIMD&FP)', bits: 'xx10110000iiiiiiiaaaaannnnnttttt' },
  { id: 'LDNP_fpsimd', asm: 'LDNP (SIMD&FP)', bits: 'xx10110001iiiiiiiaaaaannnnnttttt' },

  // ---- Load/store exclusive register, exclusive pair, ordered (Rs/Rt2 "(1)" fields are ignored) ----
  { id: 'STXRB', asm: 'STXRB', bits: '00001000000sssss0-----nnnnnttttt' },
  { id: 'STLXRB', asm: 'STLXRB', bits: '00001000000sssss1-----nnnnnttttt' },
  { id: 'LDXRB', asm: 'LDXRB', bits: '00001000010-----0-----nnnnnttttt' },
  { id: 'LDAXRB', asm: 'LDAXRB', bits: '00001000010-----1-----nnnnnttttt' },
  { id: 'STLRB', asm: 'STLRB', bits: '00001000100-----1-----nnnnnttttt' },
  { id: 'LDARB', asm: 'LDARB', bits: '00001000110-----1-----nnnnnttttt' },
  { id: 'STXRH', asm: 'STXRH', bits: '01001000000sssss0-----nnnnnttttt' },
  { id: 'STLXRH', asm: 'STLXRH', bits: '01001000000sssss1-----nnnnnttttt' },
  { id: 'LDXRH', asm: 'LDXRH', bits: '01001000010-----0-----nnnnnttttt' },
  { id: 'LDAXRH', asm: 'LDAXRH', bits: '01001000010-----1-----nnnnnttttt' },
  { id: 'STLRH', asm: 'STLRH', bits: '01001000100-----1-----nnnnnttttt' },
  { id: 'LDARH', asm: 'LDARH', bits: '01001000110-----1-----nnnnnttttt' },
  { id: 'STXR', asm: 'STXR', bits: '1z001000000sssss0-----nnnnnttttt' },
  { id: 'STLXR', asm: 'STLXR', bits: '1z001000000sssss1-----nnnnnttttt' },
  { id: 'LDXR', asm: 'LDXR', bits: '1z001000010-----0-----nnnnnttttt' },
  { id: 'LDAXR', asm: 'LDAXR', bits: '1z001000010-----1-----nnnnnttttt' },
  { id: 'STLR', asm: 'STLR', bits: '1z001000100-----1-----nnnnnttttt' },
  { id: 'LDAR', asm: 'LDAR', bits: '1z001000110-----1-----nnnnnttttt' },
  { id: 'STXP', asm: 'STXP', bits: '1z001000001sssss0aaaaannnnnttttt' },
  { id: 'STLXP', asm: 'STLXP', bits: '1z001000001sssss1aaaaannnnnttttt' },
  { id: 'LDXP', asm: 'LDXP', bits: '1z001000011-----0aaaaannnnnttttt' },
  { id: 'LDAXP', asm: 'LDAXP', bits: '1z001000011-----1aaaaannnnnttttt' },

  // ---- Compare and swap (FEAT_LSE) ----
  { id: 'CASB', asm: 'CASB, CASAB, CASALB, CASLB', bits: '000010001A1sssssR11111nnnnnttttt', feat: 'FEAT_LSE' },
  { id: 'CASH', asm: 'CASH, CASAH, CASALH, CASLH', bits: '010010001A1sssssR11111nnnnnttttt', feat: 'FEAT_LSE' },
  { id: 'CAS', asm: 'CAS, CASA, CASAL, CASL', bits: '1z0010001A1sssssR11111nnnnnttttt', feat: 'FEAT_LSE' },
  { id: 'CASP', asm: 'CASP, CASPA, CASPAL, CASPL', bits: '0z0010000A1sssssR11111nnnnnttttt', feat: 'FEAT_LSE' },

  // ---- Atomic memory operations (FEAT_LSE); STADD etc. are the Rt = 11111 aliases ----
  { id: 'LDADDB', asm: 'LDADDB, LDADDAB, LDADDALB, LDADDLB', bits: '00111000AR1sssss000000nnnnnttttt', feat: 'FEAT_LSE' },
  { id: 'LDCLRB', asm: 'LDCLRB, LDCLRAB, LDCLRALB, LDCLRLB', bits: '00111000AR1sssss000100nnnnnttttt', feat: 'FEAT_LSE' },
  { id: 'LDEORB', asm: 'LDEORB, LDEORAB, LDEORALB, LDEORLB', bits: '00111000AR1sssss001000nnnnnttttt', feat: 'FEAT_LSE' },
  { id: 'LDSETB', asm: 'LDSETB, LDSETAB, LDSETALB, LDSETLB', bits: '00111000AR1sssss001100nnnnnttttt', feat: 'FEAT_LSE' },
  { id: 'LDSMAXB', asm: 'LDSMAXB, LDSMAXAB, LDSMAXALB, LDSMAXLB', bits: '00111000AR1sssss010000nnnnnttttt', feat: 'FEAT_LSE' },
  { id: 'LDSMINB', asm: 'LDSMINB, LDSMINAB, LDSMINALB, LDSMINLB', bits: '00111000AR1sssss010100nnnnnttttt', feat: 'FEAT_LSE' },
  { id: 'LDUMAXB', asm: 'LDUMAXB, LDUMAXAB, LDUMAXALB, LDUMAXLB', bits: '00111000AR1sssss011000nnnnnttttt', feat: 'FEAT_LSE' },
  { id: 'LDUMINB', asm: 'LDUMINB, LDUMINAB, LDUMINALB, LDUMINLB', bits: '00111000AR1sssss011100nnnnnttttt', feat: 'FEAT_LSE' },
  { id: 'SWPB', asm: 'SWPB, SWPAB, SWPALB, SWPLB', bits: '00111000AR1sssss100000nnnnnttttt', feat: 'FEAT_LSE' },
  { id: 'LDADDH', asm: 'LDADDH, LDADDAH, LDADDALH, LDADDLH', bits: '01111000AR1sssss000000nnnnnttttt', feat: 'FEAT_LSE' },
  { id: 'LDCLRH', asm: 'LDCLRH, LDCLRAH, LDCLRALH, LDCLRLH', bits: '01111000AR1sssss000100nnnnnttttt', feat: 'FEAT_LSE' },
  { id: 'LDEORH', asm: 'LDEORH, LDEORAH, LDEORALH, LDEORLH', bits: '01111000AR1sssss001000nnnnnttttt', feat: 'FEAT_LSE' },
  { id: 'LDSETH', asm: 'LDSETH, LDSETAH, LDSETALH, LDSETLH', bits: '01111000AR1sssss001100nnnnnttttt', feat: 'FEAT_LSE' },
  { id: 'LDSMAXH', asm: 'LDSMAXH, LDSMAXAH, LDSMAXALH, LDSMAXLH', bits: '01111000AR1sssss010000nnnnnttttt', feat: 'FEAT_LSE' },
  { id: 'LDSMINH', asm: 'LDSMINH, LDSMINAH, LDSMINALH, LDSMINLH', bits: '01111000AR1sssss010100nnnnnttttt', feat: 'FEAT_LSE' },
  { id: 'LDUMAXH', asm: 'LDUMAXH, LDUMAXAH, LDUMAXALH, LDUMAXLH', bits: '01111000AR1sssss011000nnnnnttttt', feat: 'FEAT_LSE' },
  { id: 'LDUMINH', asm: 'LDUMINH, LDUMINAH, LDUMINALH, LDUMINLH', bits: '01111000AR1sssss011100nnnnnttttt', feat: 'FEAT_LSE' },
  { id: 'SWPH', asm: 'SWPH, SWPAH, SWPALH, SWPLH', bits: '01111000AR1sssss100000nnnnnttttt', feat: 'FEAT_LSE' },
  { id: 'LDADD', asm: 'LDADD, LDADDA, LDADDAL, LDADDL', bits: '1z111000AR1sssss000000nnnnnttttt', feat: 'FEAT_LSE' },
  { id: 'LDCLR', asm: 'LDCLR, LDCLRA, LDCLRAL, LDCLRL', bits: '1z111000AR1sssss000100nnnnnttttt', feat: 'FEAT_LSE' },
  { id: 'LDEOR', asm: 'LDEOR, LDEORA, LDEORAL, LDEORL', bits: '1z111000AR1sssss001000nnnnnttttt', feat: 'FEAT_LSE' },
  { id: 'LDSET', asm: 'LDSET, LDSETA, LDSETAL, LDSETL', bits: '1z111000AR1sssss001100nnnnnttttt', feat: 'FEAT_LSE' },
  { id: 'LDSMAX', asm: 'LDSMAX, LDSMAXA, LDSMAXAL, LDSMAXL', bits: '1z111000AR1sssss010000nnnnnttttt', feat: 'FEAT_LSE' },
  { id: 'LDSMIN', asm: 'LDSMIN, LDSMINA, LDSMINAL, LDSMINL', bits: '1z111000AR1sssss010100nnnnnttttt', feat: 'FEAT_LSE' },
  { id: 'LDUMAX', asm: 'LDUMAX, LDUMAXA, LDUMAXAL, LDUMAXL', bits: '1z111000AR1sssss011000nnnnnttttt', feat: 'FEAT_LSE' },
  { id: 'LDUMIN', asm: 'LDUMIN, LDUMINA, LDUMINAL, LDUMINL', bits: '1z111000AR1sssss011100nnnnnttttt', feat: 'FEAT_LSE' },
  { id: 'SWP', asm: 'SWP, SWPA, SWPAL, SWPL', bits: '1z111000AR1sssss100000nnnnnttttt', feat: 'FEAT_LSE' },

  // ---- Advanced SIMD load/store multiple structures (p = 0: no offset, Rm must be 00000; p = 1: post-index) ----
  { id: 'ST1_mult_1r', asm: 'ST1 (multiple structures), one register', bits: '0q001100p00mmmmm0111xxnnnnnttttt' },
  { id: 'ST1_mult_2r', asm: 'ST1 (multiple structures), two registers', bits: '0q001100p00mmmmm1010xxnnnnnttttt' },
  { id: 'ST1_mult_3r', asm: 'ST1 (multiple structures), three registers', bits: '0q001100p00mmmmm0110xxnnnnnttttt' },
  { id: 'ST1_mult_4r', asm: 'ST1 (multiple structures), four registers', bits: '0q001100p00mmmmm0010xxnnnnnttttt' },
  { id: 'ST2_mult', asm: 'ST2 (multiple structures)', bits: '0q001100p00mmmmm1000xxnnnnnttttt' },
  { id: 'ST3_mult', asm: 'ST3 (multiple structures)', bits: '0q001100p00mmmmm0100xxnnnnnttttt' },
  { id: 'ST4_mult', asm: 'ST4 (multiple structures)', bits: '0q001100p00mmmmm0000xxnnnnnttttt' },
  { id: 'LD1_mult_1r', asm: 'LD1 (multiple structures), one register', bits: '0q001100p10mmmmm0111xxnnnnnttttt' },
  { id: 'LD1_mult_2r', asm: 'LD1 (multiple structures), two registers', bits: '0q001100p10mmmmm1010xxnnnnnttttt' },
  { id: 'LD1_mult_3r', asm: 'LD1 (multiple structures), three registers', bits: '0q001100p10mmmmm0110xxnnnnnttttt' },
  { id: 'LD1_mult_4r', asm: 'LD1 (multiple structures), four registers', bits: '0q001100p10mmmmm0010xxnnnnnttttt' },
  { id: 'LD2_mult', asm: 'LD2 (multiple structures)', bits: '0q001100p10mmmmm1000xxnnnnnttttt' },
  { id: 'LD3_mult', asm: 'LD3 (multiple structures)', bits: '0q001100p10mmmmm0100xxnnnnnttttt' },
  { id: 'LD4_mult', asm: 'LD4 (multiple structures)', bits: '0q001100p10mmmmm0000xxnnnnnttttt' },

  // ---- Advanced SIMD load/store single structure (one lane; LDnR replicate) ----
  { id: 'ST1_single', asm: 'ST1 (single structure)', bits: '0q001101p00mmmmmgg0Sxxnnnnnttttt' },
  { id: 'ST3_single', asm: 'ST3 (single structure)', bits: '0q001101p00mmmmmgg1Sxxnnnnnttttt' },
  { id: 'ST2_single', asm: 'ST2 (single structure)', bits: '0q001101p01mmmmmgg0Sxxnnnnnttttt' },
  { id: 'ST4_single', asm: 'ST4 (single structure)', bits: '0q001101p01mmmmmgg1Sxxnnnnnttttt' },
  { id: 'LD1_single', asm: 'LD1 (single structure)', bits: '0q001101p10mmmmmgg0Sxxnnnnnttttt' },
  { id: 'LD3_single', asm: 'LD3 (single structure)', bits: '0q001101p10mmmmmgg1Sxxnnnnnttttt' },
  { id: 'LD2_single', asm: 'LD2 (single structure)', bits: '0q001101p11mmmmmgg0Sxxnnnnnttttt' },
  { id: 'LD4_single', asm: 'LD4 (single structure)', bits: '0q001101p11mmmmmgg1Sxxnnnnnttttt' },
  { id: 'LD1R', asm: 'LD1R', bits: '0q001101p10mmmmm1100xxnnnnnttttt' },
  { id: 'LD3R', asm: 'LD3R', bits: '0q001101p10mmmmm1110xxnnnnnttttt' },
  { id: 'LD2R', asm: 'LD2R', bits: '0q001101p11mmmmm1100xxnnnnnttttt' },
  { id: 'LD4R', asm: 'LD4R', bits: '0q001101p11mmmmm1110xxnnnnnttttt' },
] as const satisfies readonly A64Row[];
