/**
 * Loads and stores of one register: literal, unsigned offset, unscaled,
 * post-/pre-index, unprivileged, register offset; general and SIMD&FP;
 * prefetches. Expected values are worked out from the presets below and were
 * checked against qemu-aarch64 7.2.
 */
import t from 'tap';
import { type Case, D, runCases } from './load-store-harness.test.js';

/** Memory presets at 0x20100.. (little-endian): bytes ff ee dd cc bb aa 99 88 | ef cd ab 89 67 45 23 01 | ... */
const P = {
  0x20100: 0x8899aabbccddeeffn,
  0x20108: 0x0123456789abcdefn,
  0x20110: 0xfedcba9876543210n,
  0x20118: 0x1122334455667788n,
};
const B = D + 0x100n; // 0x20100
const X1 = 0x1234567890abcdefn;
/** V0 bytes: f0 e1 d2 c3 b4 a5 96 87 78 69 5a 4b 3c 2d 1e 0f */
const V0 = 0x0f1e2d3c4b5a69788796a5b4c3d2e1f0n;
const ONES = (1n << 128n) - 1n;
const M64 = (1n << 64n) - 1n;

const literal: Case[] = [
  { id: 'LDR_lit', asm: 'ldr x0, .+0x10100', words: [0x58080800], init: { mem: P }, expect: { x: { 0: 0x8899aabbccddeeffn } } },
  { id: 'LDR_lit', asm: 'ldr w1, .+0x10104', words: [0x18080821], init: { mem: P, x: { 1: M64 } }, expect: { x: { 1: 0x8899aabbn } } },
  { id: 'LDRSW_lit', asm: 'ldrsw x2, .+0x10104', words: [0x98080822], init: { mem: P }, expect: { x: { 2: 0xffffffff8899aabbn } } },
  { id: 'PRFM_lit', asm: 'prfm pldl1keep, .-0x10000', words: [0xd8f80000], init: { x: { 0: 5n } }, expect: { x: { 0: 5n } } },
  { id: 'LDR_lit_fpsimd', asm: 'ldr s3, .+0x10100', words: [0x1c080803], init: { mem: P, v: { 3: ONES } }, expect: { v: { 3: 0xccddeeffn } } },
  { id: 'LDR_lit_fpsimd', asm: 'ldr d4, .+0x10108', words: [0x5c080844], init: { mem: P, v: { 4: ONES } }, expect: { v: { 4: 0x0123456789abcdefn } } },
  { id: 'LDR_lit_fpsimd', asm: 'ldr q5, .+0x10100', words: [0x9c080805], init: { mem: P }, expect: { v: { 5: (0x0123456789abcdefn << 64n) | 0x8899aabbccddeeffn } } },
  { id: 'LDR_lit_fpsimd', asm: '.inst 0xdc080005', words: [0xdc080005], expect: { undef: true } }, // opc = 11: reserved
];

const unsigned: Case[] = [
  { id: 'STRB_imm_unsigned', asm: 'strb w1, [x0, #5]', words: [0x39001401], init: { mem: P, x: { 0: B, 1: X1 } }, expect: { mem: { 0x20100: 0x8899efbbccddeeffn } } },
  { id: 'LDRB_imm_unsigned', asm: 'ldrb w2, [x0, #9]', words: [0x39402402], init: { mem: P, x: { 0: B, 2: M64 } }, expect: { x: { 2: 0xcdn } } },
  { id: 'LDRSB_imm_unsigned', asm: 'ldrsb w3, [x0, #1]', words: [0x39c00403], init: { mem: P, x: { 0: B, 3: M64 } }, expect: { x: { 3: 0xffffffeen } } },
  { id: 'LDRSB_imm_unsigned', asm: 'ldrsb x4, [x0, #7]', words: [0x39801c04], init: { mem: P, x: { 0: B } }, expect: { x: { 4: 0xffffffffffffff88n } } },
  { id: 'LDRSB_imm_unsigned', asm: 'ldrsb x4, [x0, #15]', words: [0x39803c04], init: { mem: P, x: { 0: B, 4: M64 } }, expect: { x: { 4: 1n } } },
  { id: 'STRH_imm_unsigned', asm: 'strh w1, [x0, #6]', words: [0x79000c01], init: { mem: P, x: { 0: B, 1: X1 } }, expect: { mem: { 0x20100: 0xcdefaabbccddeeffn } } },
  { id: 'LDRH_imm_unsigned', asm: 'ldrh w5, [x0, #2]', words: [0x79400405], init: { mem: P, x: { 0: B, 5: M64 } }, expect: { x: { 5: 0xccddn } } },
  { id: 'LDRSH_imm_unsigned', asm: 'ldrsh w6, [x0, #2]', words: [0x79c00406], init: { mem: P, x: { 0: B } }, expect: { x: { 6: 0xffffccddn } } },
  { id: 'LDRSH_imm_unsigned', asm: 'ldrsh x7, [x0, #14]', words: [0x79801c07], init: { mem: P, x: { 0: B } }, expect: { x: { 7: 0x123n } } },
  { id: 'STR_imm_unsigned', asm: 'str w1, [x0, #8]', words: [0xb9000801], init: { mem: P, x: { 0: B, 1: X1 } }, expect: { mem: { 0x20108: 0x0123456790abcdefn } } },
  { id: 'STR_imm_unsigned', asm: 'str x1, [sp, #16]', words: [0xf9000be1], init: { sp: D + 0x200n, x: { 1: X1 } }, expect: { mem: { 0x20210: X1 }, sp: D + 0x200n } },
  { id: 'STR_imm_unsigned', asm: 'str xzr, [x0, #8]', words: [0xf900041f], init: { mem: P, x: { 0: B } }, expect: { mem: { 0x20108: 0n } } },
  { id: 'LDR_imm_unsigned', asm: 'ldr w8, [x0, #4]', words: [0xb9400408], init: { mem: P, x: { 0: B, 8: M64 } }, expect: { x: { 8: 0x8899aabbn } } },
  { id: 'LDR_imm_unsigned', asm: 'ldr x9, [x0, #8]', words: [0xf9400409], init: { mem: P, x: { 0: B } }, expect: { x: { 9: 0x0123456789abcdefn } } },
  { id: 'LDR_imm_unsigned', asm: 'ldr x2, [sp, #0x108]', words: [0xf94087e2], init: { mem: P, sp: D } , expect: { x: { 2: 0x0123456789abcdefn } } },
  { id: 'LDRSW_imm_unsigned', asm: 'ldrsw x10, [x0, #4]', words: [0xb980040a], init: { mem: P, x: { 0: B } }, expect: { x: { 10: 0xffffffff8899aabbn } } },
  { id: 'PRFM_imm', asm: 'prfm pldl1keep, [x30]', words: [0xf98003c0], expect: {} },
  { id: 'PRFM_imm', asm: 'prfm pstl2strm, [x0, #8]', words: [0xf9800413], init: { x: { 0: 0x7fff0000n } }, expect: { x: { 0: 0x7fff0000n } } },
  { id: 'STR_imm_fpsimd_unsigned', asm: 'str b0, [x0, #1]', words: [0x3d000400], init: { mem: P, x: { 0: B }, v: { 0: V0 } }, expect: { mem: { 0x20100: 0x8899aabbccddf0ffn } } },
  { id: 'STR_imm_fpsimd_unsigned', asm: 'str h0, [x0, #2]', words: [0x7d000400], init: { mem: P, x: { 0: B }, v: { 0: V0 } }, expect: { mem: { 0x20100: 0x8899aabbe1f0eeffn } } },
  { id: 'STR_imm_fpsimd_unsigned', asm: 'str s0, [x0, #4]', words: [0xbd000400], init: { mem: P, x: { 0: B }, v: { 0: V0 } }, expect: { mem: { 0x20100: 0xc3d2e1f0ccddeeffn } } },
  { id: 'STR_imm_fpsimd_unsigned', asm: 'str d0, [x0, #8]', words: [0xfd000400], init: { mem: P, x: { 0: B }, v: { 0: V0 } }, expect: { mem: { 0x20108: 0x8796a5b4c3d2e1f0n } } },
  { id: 'STR_imm_fpsimd_unsigned', asm: 'str q0, [x0, #16]', words: [0x3d800400], init: { mem: P, x: { 0: B }, v: { 0: V0 } }, expect: { mem: { 0x20110: 0x8796a5b4c3d2e1f0n, 0x20118: 0x0f1e2d3c4b5a6978n } } },
  { id: 'LDR_imm_fpsimd_unsigned', asm: 'ldr b1, [x0, #3]', words: [0x3d400c01], init: { mem: P, x: { 0: B }, v: { 1: ONES } }, expect: { v: { 1: 0xccn } } },
  { id: 'LDR_imm_fpsimd_unsigned', asm: 'ldr h1, [x0, #2]', words: [0x7d400401], init: { mem: P, x: { 0: B }, v: { 1: ONES } }, expect: { v: { 1: 0xccddn } } },
  { id: 'LDR_imm_fpsimd_unsigned', asm: 'ldr s1, [x0, #4]', words: [0xbd400401], init: { mem: P, x: { 0: B }, v: { 1: ONES } }, expect: { v: { 1: 0x8899aabbn } } },
  { id: 'LDR_imm_fpsimd_unsigned', asm: 'ldr d1, [x0, #8]', words: [0xfd400401], init: { mem: P, x: { 0: B }, v: { 1: ONES } }, expect: { v: { 1: 0x0123456789abcdefn } } },
  { id: 'LDR_imm_fpsimd_unsigned', asm: 'ldr q1, [x0, #16]', words: [0x3dc00401], init: { mem: P, x: { 0: B } }, expect: { v: { 1: (0x1122334455667788n << 64n) | 0xfedcba9876543210n } } },
  { id: 'LDR_imm_fpsimd_unsigned', asm: '.inst 0x7dc00401', words: [0x7dc00401], expect: { undef: true } }, // size:opc = 01:11 reserved
];

const unscaled: Case[] = [
  { id: 'STURB', asm: 'sturb w1, [x0, #-1]', words: [0x381ff001], init: { mem: P, x: { 0: B + 8n, 1: X1 } }, expect: { mem: { 0x20100: 0xef99aabbccddeeffn } } },
  { id: 'LDURB', asm: 'ldurb w2, [x0, #-2]', words: [0x385fe002], init: { mem: P, x: { 0: B + 8n, 2: M64 } }, expect: { x: { 2: 0x99n } } },
  { id: 'LDURSB', asm: 'ldursb w3, [x0, #-8]', words: [0x38df8003], init: { mem: P, x: { 0: B + 8n } }, expect: { x: { 3: 0xffffffffn } } },
  { id: 'LDURSB', asm: 'ldursb x4, [x0, #-3]', words: [0x389fd004], init: { mem: P, x: { 0: B + 8n } }, expect: { x: { 4: 0xffffffffffffffaan } } },
  { id: 'STURH', asm: 'sturh w1, [x0, #-3]', words: [0x781fd001], init: { mem: P, x: { 0: B + 8n, 1: X1 } }, expect: { mem: { 0x20100: 0x88cdefbbccddeeffn } } },
  { id: 'LDURH', asm: 'ldurh w5, [x0, #-1]', words: [0x785ff005], init: { mem: P, x: { 0: B + 8n } }, expect: { x: { 5: 0xef88n } } },
  { id: 'LDURSH', asm: 'ldursh x6, [x0, #-1]', words: [0x789ff006], init: { mem: P, x: { 0: B + 8n } }, expect: { x: { 6: 0xffffffffffffef88n } } },
  { id: 'LDURSH', asm: 'ldursh w6, [x0, #1]', words: [0x78c01006], init: { mem: P, x: { 0: B + 8n, 6: M64 } }, expect: { x: { 6: 0xffffabcdn } } },
  { id: 'STUR', asm: 'stur w1, [x0, #-5]', words: [0xb81fb001], init: { mem: P, x: { 0: B + 8n, 1: X1 } }, expect: { mem: { 0x20100: 0x8890abcdefddeeffn } } },
  { id: 'STUR', asm: 'stur x1, [x0, #3]', words: [0xf8003001], init: { mem: P, x: { 0: B + 8n, 1: X1 } }, expect: { mem: { 0x20108: 0x7890abcdefabcdefn, 0x20110: 0xfedcba9876123456n } } },
  { id: 'LDUR', asm: 'ldur w8, [x0, #-6]', words: [0xb85fa008], init: { mem: P, x: { 0: B + 8n } }, expect: { x: { 8: 0xaabbccddn } } },
  { id: 'LDUR', asm: 'ldur x9, [x0, #-4]', words: [0xf85fc009], init: { mem: P, x: { 0: B + 8n } }, expect: { x: { 9: 0x89abcdef8899aabbn } } },
  { id: 'LDURSW', asm: 'ldursw x10, [x0, #-8]', words: [0xb89f800a], init: { mem: P, x: { 0: B + 8n } }, expect: { x: { 10: 0xffffffffccddeeffn } } },
  { id: 'PRFUM', asm: 'prfum pldl1keep, [x30, #-1]', words: [0xf89ff3c0], expect: {} },
  { id: 'STUR_fpsimd', asm: 'stur q0, [x0, #-3]', words: [0x3c9fd000], init: { mem: P, x: { 0: B + 8n }, v: { 0: V0 } }, expect: { mem: { 0x20100: 0xd2e1f0bbccddeeffn, 0x20108: 0x5a69788796a5b4c3n, 0x20110: 0xfedcba0f1e2d3c4bn } } },
  { id: 'STUR_fpsimd', asm: 'stur h0, [x0, #-8]', words: [0x7c1f8000], init: { mem: P, x: { 0: B + 8n }, v: { 0: V0 } }, expect: { mem: { 0x20100: 0x8899aabbccdde1f0n } } },
  { id: 'LDUR_fpsimd', asm: 'ldur d1, [x0, #3]', words: [0xfc403001], init: { mem: P, x: { 0: B + 8n }, v: { 1: ONES } }, expect: { v: { 1: 0x5432100123456789n } } },
  { id: 'LDUR_fpsimd', asm: 'ldur h2, [x0, #-1]', words: [0x7c5ff002], init: { mem: P, x: { 0: B + 8n }, v: { 2: ONES } }, expect: { v: { 2: 0xef88n } } },
];

const post: Case[] = [
  { id: 'STRB_imm_post', asm: 'strb w1, [x0], #1', words: [0x38001401], init: { mem: P, x: { 0: B, 1: X1 } }, expect: { mem: { 0x20100: 0x8899aabbccddeeefn }, x: { 0: B + 1n } } },
  { id: 'LDRB_imm_post', asm: 'ldrb w2, [x0], #-1', words: [0x385ff402], init: { mem: P, x: { 0: B } }, expect: { x: { 0: B - 1n, 2: 0xffn } } },
  { id: 'LDRSB_imm_post', asm: 'ldrsb x3, [x0], #2', words: [0x38802403], init: { mem: P, x: { 0: B } }, expect: { x: { 0: B + 2n, 3: M64 } } },
  { id: 'LDRSB_imm_post', asm: 'ldrsb w3, [x0], #2', words: [0x38c02403], init: { mem: P, x: { 0: B } }, expect: { x: { 0: B + 2n, 3: 0xffffffffn } } },
  { id: 'STRH_imm_post', asm: 'strh w1, [x0], #2', words: [0x78002401], init: { mem: P, x: { 0: B, 1: X1 } }, expect: { mem: { 0x20100: 0x8899aabbccddcdefn }, x: { 0: B + 2n } } },
  { id: 'LDRH_imm_post', asm: 'ldrh w4, [x0], #-256', words: [0x78500404], init: { mem: P, x: { 0: B } }, expect: { x: { 0: D, 4: 0xeeffn } } },
  { id: 'LDRSH_imm_post', asm: 'ldrsh w5, [x0], #255', words: [0x78cff405], init: { mem: P, x: { 0: B } }, expect: { x: { 0: B + 255n, 5: 0xffffeeffn } } },
  { id: 'LDRSH_imm_post', asm: 'ldrsh x5, [x0], #4', words: [0x78804405], init: { mem: P, x: { 0: B } }, expect: { x: { 0: B + 4n, 5: 0xffffffffffffeeffn } } },
  { id: 'STR_imm_post', asm: 'str x1, [sp], #-16', words: [0xf81f07e1], init: { sp: D + 0x200n, x: { 1: X1 } }, expect: { mem: { 0x20200: X1 }, sp: D + 0x1f0n } },
  { id: 'STR_imm_post', asm: 'str w1, [x0], #4', words: [0xb8004401], init: { mem: P, x: { 0: B, 1: X1 } }, expect: { mem: { 0x20100: 0x8899aabb90abcdefn }, x: { 0: B + 4n } } },
  { id: 'LDR_imm_post', asm: 'ldr x2, [x0], #8', words: [0xf8408402], init: { mem: P, x: { 0: B } }, expect: { x: { 0: B + 8n, 2: 0x8899aabbccddeeffn } } },
  { id: 'LDR_imm_post', asm: 'ldr w2, [x0], #8', words: [0xb8408402], init: { mem: P, x: { 0: B, 2: M64 } }, expect: { x: { 0: B + 8n, 2: 0xccddeeffn } } },
  { id: 'LDR_imm_post', asm: 'ldr x1, [x1], #8', words: [0xf8408421], init: { mem: P, x: { 1: B } }, expect: { x: { 1: B + 8n } } }, // Rt == Rn: writeback wins (QEMU)
  { id: 'LDRSW_imm_post', asm: 'ldrsw x3, [x0], #4', words: [0xb8804403], init: { mem: P, x: { 0: B } }, expect: { x: { 0: B + 4n, 3: 0xffffffffccddeeffn } } },
  { id: 'STR_imm_fpsimd_post', asm: 'str q0, [x0], #16', words: [0x3c810400], init: { x: { 0: B }, v: { 0: V0 } }, expect: { x: { 0: B + 16n }, mem: { 0x20100: 0x8796a5b4c3d2e1f0n, 0x20108: 0x0f1e2d3c4b5a6978n } } },
  { id: 'STR_imm_fpsimd_post', asm: 'str b0, [x0], #-1', words: [0x3c1ff400], init: { mem: P, x: { 0: B }, v: { 0: V0 } }, expect: { x: { 0: B - 1n }, mem: { 0x20100: 0x8899aabbccddeef0n } } },
  { id: 'LDR_imm_fpsimd_post', asm: 'ldr s1, [x0], #-4', words: [0xbc5fc401], init: { mem: P, x: { 0: B }, v: { 1: ONES } }, expect: { x: { 0: B - 4n }, v: { 1: 0xccddeeffn } } },
  { id: 'LDR_imm_fpsimd_post', asm: 'ldr q2, [x0], #32', words: [0x3cc20402], init: { mem: P, x: { 0: B } }, expect: { x: { 0: B + 32n }, v: { 2: (0x0123456789abcdefn << 64n) | 0x8899aabbccddeeffn } } },
];

const unpriv: Case[] = [
  { id: 'STTRB', asm: 'sttrb w1, [x0, #1]', words: [0x38001801], init: { mem: P, x: { 0: B, 1: X1 } }, expect: { mem: { 0x20100: 0x8899aabbccddefffn } } },
  { id: 'LDTRB', asm: 'ldtrb w2, [x0, #7]', words: [0x38407802], init: { mem: P, x: { 0: B, 2: M64 } }, expect: { x: { 2: 0x88n } } },
  { id: 'LDTRSB', asm: 'ldtrsb w3, [x0, #7]', words: [0x38c07803], init: { mem: P, x: { 0: B } }, expect: { x: { 3: 0xffffff88n } } },
  { id: 'LDTRSB', asm: 'ldtrsb x3, [x0, #6]', words: [0x38806803], init: { mem: P, x: { 0: B } }, expect: { x: { 3: 0xffffffffffffff99n } } },
  { id: 'STTRH', asm: 'sttrh w1, [x0, #2]', words: [0x78002801], init: { mem: P, x: { 0: B, 1: X1 } }, expect: { mem: { 0x20100: 0x8899aabbcdefeeffn } } },
  { id: 'LDTRH', asm: 'ldtrh w4, [x0, #6]', words: [0x78406804], init: { mem: P, x: { 0: B } }, expect: { x: { 4: 0x8899n } } },
  { id: 'LDTRSH', asm: 'ldtrsh w5, [x0, #6]', words: [0x78c06805], init: { mem: P, x: { 0: B } }, expect: { x: { 5: 0xffff8899n } } },
  { id: 'LDTRSH', asm: 'ldtrsh x5, [x0, #6]', words: [0x78806805], init: { mem: P, x: { 0: B } }, expect: { x: { 5: 0xffffffffffff8899n } } },
  { id: 'STTR', asm: 'sttr w1, [x0, #4]', words: [0xb8004801], init: { mem: P, x: { 0: B, 1: X1 } }, expect: { mem: { 0x20100: 0x90abcdefccddeeffn } } },
  { id: 'STTR', asm: 'sttr x1, [x0, #8]', words: [0xf8008801], init: { mem: P, x: { 0: B, 1: X1 } }, expect: { mem: { 0x20108: X1 } } },
  { id: 'LDTR', asm: 'ldtr w6, [x0]', words: [0xb8400806], init: { mem: P, x: { 0: B, 6: M64 } }, expect: { x: { 6: 0xccddeeffn } } },
  { id: 'LDTR', asm: 'ldtr x7, [x0, #8]', words: [0xf8408807], init: { mem: P, x: { 0: B } }, expect: { x: { 7: 0x0123456789abcdefn } } },
  { id: 'LDTRSW', asm: 'ldtrsw x8, [x0]', words: [0xb8800808], init: { mem: P, x: { 0: B } }, expect: { x: { 8: 0xffffffffccddeeffn } } },
];

const pre: Case[] = [
  { id: 'STRB_imm_pre', asm: 'strb w1, [x0, #1]!', words: [0x38001c01], init: { mem: P, x: { 0: B, 1: X1 } }, expect: { mem: { 0x20100: 0x8899aabbccddefffn }, x: { 0: B + 1n } } },
  { id: 'LDRB_imm_pre', asm: 'ldrb w2, [x0, #7]!', words: [0x38407c02], init: { mem: P, x: { 0: B } }, expect: { x: { 0: B + 7n, 2: 0x88n } } },
  { id: 'LDRSB_imm_pre', asm: 'ldrsb w3, [x0, #6]!', words: [0x38c06c03], init: { mem: P, x: { 0: B } }, expect: { x: { 0: B + 6n, 3: 0xffffff99n } } },
  { id: 'LDRSB_imm_pre', asm: 'ldrsb x3, [x0, #-256]!', words: [0x38900c03], init: { mem: { ...P, 0x20000: 0x7fn }, x: { 0: B } }, expect: { x: { 0: D, 3: 0x7fn } } },
  { id: 'STRH_imm_pre', asm: 'strh w1, [x0, #-2]!', words: [0x781fec01], init: { mem: P, x: { 0: B, 1: X1 } }, expect: { mem: { 0x200f8: 0xcdef000000000000n, 0x20100: P[0x20100] }, x: { 0: B - 2n } } },
  { id: 'LDRH_imm_pre', asm: 'ldrh w4, [x0, #2]!', words: [0x78402c04], init: { mem: P, x: { 0: B } }, expect: { x: { 0: B + 2n, 4: 0xccddn } } },
  { id: 'LDRSH_imm_pre', asm: 'ldrsh x5, [x0, #8]!', words: [0x78808c05], init: { mem: P, x: { 0: B } }, expect: { x: { 0: B + 8n, 5: 0xffffffffffffcdefn } } },
  { id: 'LDRSH_imm_pre', asm: 'ldrsh w5, [x0, #6]!', words: [0x78c06c05], init: { mem: P, x: { 0: B } }, expect: { x: { 0: B + 6n, 5: 0xffff8899n } } },
  { id: 'STR_imm_pre', asm: 'str x1, [sp, #-16]!', words: [0xf81f0fe1], init: { sp: D + 0x200n, x: { 1: X1 } }, expect: { mem: { 0x201f0: X1 }, sp: D + 0x1f0n } },
  { id: 'STR_imm_pre', asm: 'str x1, [x1, #8]!', words: [0xf8008c21], init: { x: { 1: B } }, expect: { mem: { 0x20108: B }, x: { 1: B + 8n } } }, // Rt == Rn: stores the old base (QEMU)
  { id: 'LDR_imm_pre', asm: 'ldr w6, [x0, #4]!', words: [0xb8404c06], init: { mem: P, x: { 0: B } }, expect: { x: { 0: B + 4n, 6: 0x8899aabbn } } },
  { id: 'LDR_imm_pre', asm: 'ldr x7, [x0, #8]!', words: [0xf8408c07], init: { mem: P, x: { 0: B } }, expect: { x: { 0: B + 8n, 7: 0x0123456789abcdefn } } },
  { id: 'LDRSW_imm_pre', asm: 'ldrsw x8, [x0, #12]!', words: [0xb880cc08], init: { mem: P, x: { 0: B } }, expect: { x: { 0: B + 12n, 8: 0x01234567n } } },
  { id: 'STR_imm_fpsimd_pre', asm: 'str d0, [x0, #8]!', words: [0xfc008c00], init: { mem: P, x: { 0: B }, v: { 0: V0 } }, expect: { x: { 0: B + 8n }, mem: { 0x20108: 0x8796a5b4c3d2e1f0n } } },
  { id: 'LDR_imm_fpsimd_pre', asm: 'ldr q1, [x0, #16]!', words: [0x3cc10c01], init: { mem: P, x: { 0: B } }, expect: { x: { 0: B + 16n }, v: { 1: (0x1122334455667788n << 64n) | 0xfedcba9876543210n } } },
  { id: 'LDR_imm_fpsimd_pre', asm: 'ldr h1, [sp, #-2]!', words: [0x7c5fefe1], init: { mem: P, sp: B + 0x10n, v: { 1: ONES } }, expect: { sp: B + 0xen, v: { 1: 0x0123n } } },
];

const reg: Case[] = [
  { id: 'STRB_reg', asm: 'strb w1, [x0, x2]', words: [0x38226801], init: { mem: P, x: { 0: B, 1: X1, 2: 3n } }, expect: { mem: { 0x20100: 0x8899aabbefddeeffn } } },
  { id: 'LDRB_reg', asm: 'ldrb w3, [x0, w2, sxtw]', words: [0x3862c803], init: { mem: P, x: { 0: B + 8n, 2: 0x12345678fffffffen } }, expect: { x: { 3: 0x99n } } },
  { id: 'LDRSB_reg', asm: 'ldrsb x4, [x0, x2, lsl #0]', words: [0x38a27804], init: { mem: P, x: { 0: B, 2: 7n } }, expect: { x: { 4: 0xffffffffffffff88n } } },
  { id: 'LDRSB_reg', asm: 'ldrsb w4, [x0, w2, uxtw]', words: [0x38e24804], init: { mem: P, x: { 0: B, 2: 0xffffffff00000005n } }, expect: { x: { 4: 0xffffffaan } } },
  { id: 'STRH_reg', asm: 'strh w1, [x0, x2, lsl #1]', words: [0x78227801], init: { mem: P, x: { 0: B, 1: X1, 2: 1n } }, expect: { mem: { 0x20100: 0x8899aabbcdefeeffn } } },
  { id: 'LDRH_reg', asm: 'ldrh w3, [x0, w2, uxtw #1]', words: [0x78625803], init: { mem: P, x: { 0: B, 2: 0x1_00000003n } }, expect: { x: { 3: 0x8899n } } },
  { id: 'LDRSH_reg', asm: 'ldrsh w5, [x0, w2, sxtw #1]', words: [0x78e2d805], init: { mem: P, x: { 0: B + 8n, 2: 0xffffffffn } }, expect: { x: { 5: 0xffff8899n } } },
  { id: 'LDRSH_reg', asm: 'ldrsh x5, [x0, x2]', words: [0x78a26805], init: { mem: P, x: { 0: B, 2: 2n } }, expect: { x: { 5: 0xffffffffffffccddn } } },
  { id: 'STR_reg', asm: 'str x1, [x0, x2, lsl #3]', words: [0xf8227801], init: { mem: P, x: { 0: B, 1: X1, 2: 1n } }, expect: { mem: { 0x20108: X1 } } },
  { id: 'STR_reg', asm: 'str w1, [x0, x2]', words: [0xb8226801], init: { mem: P, x: { 0: B, 1: X1, 2: 4n } }, expect: { mem: { 0x20100: 0x90abcdefccddeeffn } } },
  { id: 'LDR_reg', asm: 'ldr w3, [x0, w2, uxtw #2]', words: [0xb8625803], init: { mem: P, x: { 0: B, 2: 1n } }, expect: { x: { 3: 0x8899aabbn } } },
  { id: 'LDR_reg', asm: 'ldr x4, [x0, x2, sxtx #3]', words: [0xf862f804], init: { mem: P, x: { 0: B + 0x10n, 2: -2n } }, expect: { x: { 4: 0x8899aabbccddeeffn } } },
  { id: 'LDR_reg', asm: 'ldr x4, [sp, xzr]', words: [0xf87f6be4], init: { mem: P, sp: B }, expect: { x: { 4: 0x8899aabbccddeeffn } } },
  { id: 'LDR_reg', asm: '.inst 0xf8620804', words: [0xf8620804], expect: { undef: true } }, // option = 000: reserved
  { id: 'LDR_reg', asm: '.inst 0xf8628804', words: [0xf8628804], expect: { undef: true } }, // option = 100: reserved
  { id: 'LDRSW_reg', asm: 'ldrsw x5, [x0, w2, sxtw #2]', words: [0xb8a2d805], init: { mem: P, x: { 0: B + 8n, 2: 0xffffffffn } }, expect: { x: { 5: 0xffffffff8899aabbn } } },
  { id: 'PRFM_reg', asm: 'prfm pldl1keep, [x30, x2]', words: [0xf8a26bc0], init: { x: { 2: 0x1234n } }, expect: {} },
  { id: 'PRFM_reg', asm: '.inst 0xf8a20bc0', words: [0xf8a20bc0], expect: { undef: true } }, // option = 000: reserved
  { id: 'STR_reg_fpsimd', asm: 'str q0, [x0, x2, lsl #4]', words: [0x3ca27800], init: { x: { 0: B, 2: 1n }, v: { 0: V0 } }, expect: { mem: { 0x20110: 0x8796a5b4c3d2e1f0n, 0x20118: 0x0f1e2d3c4b5a6978n } } },
  { id: 'STR_reg_fpsimd', asm: 'str s0, [x0, w2, uxtw]', words: [0xbc224800], init: { mem: P, x: { 0: B, 2: 4n }, v: { 0: V0 } }, expect: { mem: { 0x20100: 0xc3d2e1f0ccddeeffn } } },
  { id: 'LDR_reg_fpsimd', asm: 'ldr h1, [x0, w2, sxtw #1]', words: [0x7c62d801], init: { mem: P, x: { 0: B + 8n, 2: 0xfffffffcn }, v: { 1: ONES } }, expect: { v: { 1: 0xeeffn } } },
  { id: 'LDR_reg_fpsimd', asm: 'ldr d1, [x0, x2, lsl #3]', words: [0xfc627801], init: { mem: P, x: { 0: B, 2: 2n }, v: { 1: ONES } }, expect: { v: { 1: 0xfedcba9876543210n } } },
];

t.test('load/store single register', (tt) => {
  runCases(tt, 'literal', literal);
  runCases(tt, 'unsigned offset', unsigned);
  runCases(tt, 'unscaled', unscaled);
  runCases(tt, 'post-index', post);
  runCases(tt, 'unprivileged (EL0: normal accesses)', unpriv);
  runCases(tt, 'pre-index', pre);
  runCases(tt, 'register offset', reg);
  tt.end();
});

/** The cases, for the differential check against qemu-aarch64. */
export const CASES: Case[] = [...literal, ...unsigned, ...unscaled, ...post, ...unpriv, ...pre, ...reg];
