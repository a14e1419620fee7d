/** Translators: Advanced SIMD modified immediate (MOVI, MVNI, ORR, BIC, FMOV (vector, immediate)). */
import type { Fields } from '../../decoder/bitpattern.js';
import type { Handler, HandlerGroup } from '../handler.js';
import { setVector } from './simd-common.js';

const M64 = (1n << 64n) - 1n;

function replicate(x: bigint, bits: number): bigint {
  let r = 0n;
  for (let i = 0; i < 64; i += bits) r |= x << BigInt(i);
  return r & M64;
}

/** AdvSIMDExpandImm(op, cmode, imm8): the 64-bit pattern (replicated to both halves of a Q register). */
export function advSimdExpandImm(op: number, cmode: number, imm8: number): bigint {
  const i = BigInt(imm8);
  switch (cmode >> 1) {
    case 0: return replicate(i, 32);
    case 1: return replicate(i << 8n, 32);
    case 2: return replicate(i << 16n, 32);
    case 3: return replicate(i << 24n, 32);
    case 4: return replicate(i, 16);
    case 5: return replicate(i << 8n, 16);
    case 6: return cmode & 1 ? replicate((i << 16n) | 0xffffn, 32) : replicate((i << 8n) | 0xffn, 32);
    default: {
      if ((cmode & 1) === 0 && op === 0) return replicate(i, 8);
      if ((cmode & 1) === 0) {
        let r = 0n; // each bit of imm8 becomes a byte of ones or zeros
        for (let b = 0; b < 8; b++) if ((imm8 >> b) & 1) r |= 0xffn << BigInt(8 * b);
        return r;
      }
      const a = (imm8 >> 7) & 1, b = (imm8 >> 6) & 1, low6 = BigInt(imm8 & 0x3f);
      if (op === 0) {
        // imm8<7>:NOT(imm8<6>):Replicate(imm8<6>,5):imm8<5:0>:Zeros(19)
        const f32 = (BigInt(a) << 31n) | (BigInt(b ^ 1) << 30n) | (b ? 0x1fn << 25n : 0n) | (low6 << 19n);
        return replicate(f32, 32);
      }
      // imm8<7>:NOT(imm8<6>):Replicate(imm8<6>,8):imm8<5:0>:Zeros(48)
      return (BigInt(a) << 63n) | (BigInt(b ^ 1) << 62n) | (b ? 0xffn << 54n : 0n) | (low6 << 48n);
    }
  }
}

type Kind = 'movi' | 'mvni' | 'orr' | 'bic';

/** cmodeOf: rebuild cmode from the row's fixed bits and its s field; fixedQ for rows that fix Q. */
function modImm(kind: Kind, op: number, cmodeOf: (s: number) => number, fixedQ?: number): Handler {
  return (c, f: Fields) => {
    const q = fixedQ ?? f.q!;
    const imm = advSimdExpandImm(op, cmodeOf(f.s ?? 0), (f.i! << 5) | f.j!);
    const k = c.ir.u64n(kind === 'mvni' || kind === 'bic' ? ~imm & M64 : imm);
    setVector(c, q, f.d!, (lane) => {
      if (kind === 'movi' || kind === 'mvni') return k;
      return c.ir.op(kind === 'orr' ? 'Or64' : 'And64', c.V64(f.d!, lane), k);
    });
    return true;
  };
}

export const SIMD_MODIFIED_IMMEDIATE_HANDLERS = {
  MOVI_32: modImm('movi', 0, (s) => s << 1),
  ORR_vector_imm_32: modImm('orr', 0, (s) => (s << 1) | 1),
  MOVI_16: modImm('movi', 0, (s) => 0b1000 | (s << 1)),
  ORR_vector_imm_16: modImm('orr', 0, (s) => 0b1001 | (s << 1)),
  MOVI_32_msl: modImm('movi', 0, (s) => 0b1100 | s),
  MOVI_8: modImm('movi', 0, () => 0b1110),
  FMOV_vector_imm_single: modImm('movi', 0, () => 0b1111),
  MVNI_32: modImm('mvni', 1, (s) => s << 1),
  BIC_vector_imm_32: modImm('bic', 1, (s) => (s << 1) | 1),
  MVNI_16: modImm('mvni', 1, (s) => 0b1000 | (s << 1)),
  BIC_vector_imm_16: modImm('bic', 1, (s) => 0b1001 | (s << 1)),
  MVNI_32_msl: modImm('mvni', 1, (s) => 0b1100 | s),
  /** MOVI Dd, #imm (Q = 0 in the row) and MOVI Vd.2D, #imm (Q = 1). */
  MOVI_64_scalar: modImm('movi', 1, () => 0b1110, 0),
  MOVI_64_vector: modImm('movi', 1, () => 0b1110, 1),
  FMOV_vector_imm_double: modImm('movi', 1, () => 0b1111, 1),
} satisfies HandlerGroup;
