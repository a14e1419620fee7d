/**
 * Load/store pair: STP/LDP/LDPSW/STNP/LDNP, general and SIMD&FP, signed
 * offset, pre- and post-index, and the CONSTRAINED UNPREDICTABLE overlaps as
 * QEMU resolves them. Expected values were checked against qemu-aarch64 7.2.
 */
import t from 'tap';
import { type Case, D, runCases } from './load-store-harness.test.js';

const P = {
  0x20100: 0x8899aabbccddeeffn,
  0x20108: 0x0123456789abcdefn,
  0x20110: 0xfedcba9876543210n,
  0x20118: 0x1122334455667788n,
};
const B = D + 0x100n;
const X1 = 0x1234567890abcdefn;
const X2 = 0x0fedcba987654321n;
const V0 = 0x0f1e2d3c4b5a69788796a5b4c3d2e1f0n;
const V1 = 0x112233445566778899aabbccddeeff00n;
const V0L = 0x8796a5b4c3d2e1f0n, V0H = 0x0f1e2d3c4b5a6978n, V1L = 0x99aabbccddeeff00n, V1H = 0x1122334455667788n;
const ONES = (1n << 128n) - 1n;
const M64 = (1n << 64n) - 1n;
const q = (hi: bigint, lo: bigint): bigint => (hi << 64n) | lo;

const general: Case[] = [
  { id: 'STP_gen_post', asm: 'stp x1, x2, [x0], #16', words: [0xa8810801], init: { x: { 0: B, 1: X1, 2: X2 } }, expect: { x: { 0: B + 16n }, mem: { 0x20100: X1, 0x20108: X2 } } },
  { id: 'STP_gen_post', asm: 'stp w1, w2, [sp], #-8', words: [0x28bf0be1], init: { sp: D + 0x200n, x: { 1: X1, 2: X2 } }, expect: { sp: D + 0x1f8n, mem: { 0x20200: 0x8765432190abcdefn } } },
  { id: 'LDP_gen_post', asm: 'ldp x3, x4, [x0], #-16', words: [0xa8ff1003], init: { mem: P, x: { 0: B } }, expect: { x: { 0: B - 16n, 3: P[0x20100], 4: P[0x20108] } } },
  { id: 'LDP_gen_post', asm: 'ldp w3, w4, [x0], #8', words: [0x28c11003], init: { mem: P, x: { 0: B, 3: M64, 4: M64 } }, expect: { x: { 0: B + 8n, 3: 0xccddeeffn, 4: 0x8899aabbn } } },
  { id: 'LDPSW_post', asm: 'ldpsw x5, x6, [x0], #8', words: [0x68c11805], init: { mem: P, x: { 0: B } }, expect: { x: { 0: B + 8n, 5: 0xffffffffccddeeffn, 6: 0xffffffff8899aabbn } } },
  { id: 'STP_gen_offset', asm: 'stp x1, x2, [x0, #-8]', words: [0xa93f8801], init: { mem: P, x: { 0: B, 1: X1, 2: X2 } }, expect: { x: { 0: B }, mem: { 0x200f8: X1, 0x20100: X2, 0x20108: P[0x20108] } } },
  { id: 'STP_gen_offset', asm: 'stp w1, wzr, [x0, #4]', words: [0x2900fc01], init: { mem: P, x: { 0: B, 1: X1 } }, expect: { mem: { 0x20100: 0x90abcdefccddeeffn, 0x20108: 0x0123456700000000n } } },
  { id: 'LDP_gen_offset', asm: 'ldp x3, x4, [x0, #8]', words: [0xa9409003], init: { mem: P, x: { 0: B } }, expect: { x: { 0: B, 3: P[0x20108], 4: P[0x20110] } } },
  { id: 'LDP_gen_offset', asm: 'ldp w3, w4, [sp, #252]', words: [0x295f93e3], init: { mem: P, sp: D + 4n, x: { 3: M64 } }, expect: { x: { 3: 0xccddeeffn, 4: 0x8899aabbn } } },
  { id: 'LDP_gen_offset', asm: 'ldp x5, x5, [x0]', words: [0xa9401405], init: { mem: P, x: { 0: B } }, expect: { x: { 5: P[0x20100] } } }, // Rt == Rt2: Rt's value (QEMU)
  { id: 'LDP_gen_offset', asm: 'ldp w5, w5, [x0]', words: [0x29401405], init: { mem: P, x: { 0: B } }, expect: { x: { 5: 0xccddeeffn } } },
  { id: 'LDPSW_offset', asm: 'ldpsw x5, x6, [x0, #-4]', words: [0x697f9805], init: { mem: P, x: { 0: B, 5: M64 } }, expect: { x: { 5: 0n, 6: 0xffffffffccddeeffn } } },
  { id: 'STP_gen_pre', asm: 'stp x29, x30, [sp, #-32]!', words: [0xa9be7bfd], init: { sp: D + 0x200n, x: { 29: 0xaaaan, 30: 0xbbbbn } }, expect: { sp: D + 0x1e0n, mem: { 0x201e0: 0xaaaan, 0x201e8: 0xbbbbn } } },
  { id: 'STP_gen_pre', asm: 'stp w1, w2, [x0, #-8]!', words: [0x29bf0801], init: { x: { 0: B, 1: X1, 2: X2 } }, expect: { x: { 0: B - 8n }, mem: { 0x200f8: 0x8765432190abcdefn } } },
  { id: 'STP_gen_pre', asm: 'stp x1, x2, [x1, #16]!', words: [0xa9810821], init: { x: { 1: B, 2: X2 } }, expect: { x: { 1: B + 16n }, mem: { 0x20110: B, 0x20118: X2 } } }, // Rt == Rn: old base stored (QEMU)
  { id: 'LDP_gen_pre', asm: 'ldp x3, x4, [x0, #16]!', words: [0xa9c11003], init: { mem: P, x: { 0: B } }, expect: { x: { 0: B + 16n, 3: P[0x20110], 4: P[0x20118] } } },
  { id: 'LDP_gen_pre', asm: 'ldp x1, x2, [x1, #16]!', words: [0xa9c10821], init: { mem: P, x: { 1: B } }, expect: { x: { 1: B + 16n, 2: P[0x20118] } } }, // Rt == Rn: writeback wins (QEMU)
  { id: 'LDP_gen_post', asm: 'ldp x2, x1, [x1], #16', words: [0xa8c10422], init: { mem: P, x: { 1: B } }, expect: { x: { 1: B + 16n, 2: P[0x20100] } } }, // Rt2 == Rn: writeback wins (QEMU)
  { id: 'LDPSW_pre', asm: 'ldpsw x5, x6, [x0, #8]!', words: [0x69c11805], init: { mem: P, x: { 0: B } }, expect: { x: { 0: B + 8n, 5: 0xffffffff89abcdefn, 6: 0x01234567n } } },
  { id: 'STNP_gen', asm: 'stnp x1, x2, [x0, #16]', words: [0xa8010801], init: { x: { 0: B, 1: X1, 2: X2 } }, expect: { x: { 0: B }, mem: { 0x20110: X1, 0x20118: X2 } } },
  { id: 'STNP_gen', asm: 'stnp w1, w2, [x0]', words: [0x28000801], init: { x: { 0: B, 1: X1, 2: X2 } }, expect: { mem: { 0x20100: 0x8765432190abcdefn } } },
  { id: 'LDNP_gen', asm: 'ldnp x3, x4, [x0]', words: [0xa8401003], init: { mem: P, x: { 0: B } }, expect: { x: { 3: P[0x20100], 4: P[0x20108] } } },
  { id: 'LDNP_gen', asm: 'ldnp w3, w4, [x0, #8]', words: [0x28411003], init: { mem: P, x: { 0: B, 4: M64 } }, expect: { x: { 3: 0x89abcdefn, 4: 0x01234567n } } },
];

const fpsimd: Case[] = [
  { id: 'STP_fpsimd_post', asm: 'stp q0, q1, [x0], #32', words: [0xac810400], init: { x: { 0: B }, v: { 0: V0, 1: V1 } }, expect: { x: { 0: B + 32n }, mem: { 0x20100: V0L, 0x20108: V0H, 0x20110: V1L, 0x20118: V1H } } },
  { id: 'STP_fpsimd_post', asm: 'stp s0, s1, [x0], #-8', words: [0x2cbf0400], init: { x: { 0: B }, v: { 0: V0, 1: V1 } }, expect: { x: { 0: B - 8n }, mem: { 0x20100: 0xddeeff00c3d2e1f0n } } },
  { id: 'LDP_fpsimd_post', asm: 'ldp d2, d3, [x0], #16', words: [0x6cc10c02], init: { mem: P, x: { 0: B }, v: { 2: ONES, 3: ONES } }, expect: { x: { 0: B + 16n }, v: { 2: P[0x20100], 3: P[0x20108] } } },
  { id: 'STP_fpsimd_offset', asm: 'stp d0, d1, [x0, #8]', words: [0x6d008400], init: { mem: P, x: { 0: B }, v: { 0: V0, 1: V1 } }, expect: { mem: { 0x20100: P[0x20100], 0x20108: V0L, 0x20110: V1L } } },
  { id: 'LDP_fpsimd_offset', asm: 'ldp q2, q3, [x0]', words: [0xad400c02], init: { mem: P, x: { 0: B } }, expect: { v: { 2: q(P[0x20108], P[0x20100]), 3: q(P[0x20118], P[0x20110]) } } },
  { id: 'LDP_fpsimd_offset', asm: 'ldp s2, s3, [x0, #4]', words: [0x2d408c02], init: { mem: P, x: { 0: B }, v: { 2: ONES, 3: ONES } }, expect: { v: { 2: 0x8899aabbn, 3: 0x89abcdefn } } },
  { id: 'LDP_fpsimd_offset', asm: 'ldp d4, d4, [x0]', words: [0x6d401004], init: { mem: P, x: { 0: B } }, expect: { v: { 4: P[0x20108] } } }, // Rt == Rt2: Rt2's value (QEMU)
  { id: 'LDP_fpsimd_offset', asm: '.inst 0xed400c02', words: [0xed400c02], expect: { undef: true } }, // opc = 11: reserved
  { id: 'STP_fpsimd_pre', asm: 'stp q0, q1, [sp, #-32]!', words: [0xadbf07e0], init: { sp: D + 0x200n, v: { 0: V0, 1: V1 } }, expect: { sp: D + 0x1e0n, mem: { 0x201e0: V0L, 0x201e8: V0H, 0x201f0: V1L, 0x201f8: V1H } } },
  { id: 'STP_fpsimd_offset', asm: '.inst 0xed000400', words: [0xed000400], expect: { undef: true } }, // opc = 11: reserved
  { id: 'LDP_fpsimd_pre', asm: 'ldp s2, s3, [x0, #-4]!', words: [0x2dff8c02], init: { mem: P, x: { 0: B }, v: { 2: ONES, 3: ONES } }, expect: { x: { 0: B - 4n }, v: { 2: 0n, 3: 0xccddeeffn } } },
  { id: 'LDP_fpsimd_pre', asm: 'ldp q2, q3, [x0, #-1024]!', words: [0xade00c02], init: { x: { 0: D + 0x100n }, v: { 2: ONES } }, expect: { fault: true, x: { 0: D + 0x100n }, v: { 2: ONES } } }, // 0x1fd00 is unmapped: nothing changes
  { id: 'STNP_fpsimd', asm: 'stnp d0, d1, [x0]', words: [0x6c000400], init: { x: { 0: B }, v: { 0: V0, 1: V1 } }, expect: { mem: { 0x20100: V0L, 0x20108: V1L } } },
  { id: 'STNP_fpsimd', asm: 'stnp q0, q1, [x0, #-32]', words: [0xac3f0400], init: { x: { 0: B }, v: { 0: V0, 1: V1 } }, expect: { mem: { 0x200e0: V0L, 0x200e8: V0H, 0x200f0: V1L, 0x200f8: V1H } } },
  { id: 'LDNP_fpsimd', asm: 'ldnp q2, q3, [x0]', words: [0xac400c02], init: { mem: P, x: { 0: B } }, expect: { v: { 2: q(P[0x20108], P[0x20100]), 3: q(P[0x20118], P[0x20110]) } } },
  { id: 'LDNP_fpsimd', asm: 'ldnp s2, s3, [x0]', words: [0x2c400c02], init: { mem: P, x: { 0: B }, v: { 2: ONES, 3: ONES } }, expect: { v: { 2: 0xccddeeffn, 3: 0x8899aabbn } } },
];

t.test('load/store pair', (tt) => {
  runCases(tt, 'general registers', general);
  runCases(tt, 'SIMD&FP registers', fpsimd);
  tt.end();
});

/** The cases, for the differential check against qemu-aarch64. */
export const CASES: Case[] = [...general, ...fpsimd];
