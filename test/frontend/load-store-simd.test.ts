/**
 * Advanced SIMD structure loads and stores: LD1-LD4/ST1-ST4 multiple
 * structures, single structure (one lane), LD1R-LD4R; no offset and
 * post-index by immediate and by register. Memory at 0x20100 holds the bytes
 * 0, 1, 2, ...; V0-V3 hold the bytes 0x00.., 0x10.., 0x20.., 0x30... Expected
 * values were checked against qemu-aarch64 7.2.
 */
import t from 'tap';
import { type Case, D, runCases } from './load-store-harness.test.js';

const B = D + 0x100n;
/** A 128-bit value from its bytes, lowest first (missing bytes are 0). */
const le = (...bytes: number[]): bigint => bytes.reduceRight((acc, b) => (acc << 8n) | BigInt(b & 0xff), 0n);
/** Bytes start, start + step, ... (n of them). */
const seq = (start: number, step: number, n: number): bigint => le(...Array.from({ length: n }, (_, k) => start + k * step));
/** Each element of `bytes.length` bytes repeated over n bytes. */
const rep = (n: number, ...bytes: number[]): bigint => le(...Array.from({ length: n }, (_, k) => bytes[k % bytes.length]!));
const MEM = { 0x20100: Array.from({ length: 64 }, (_, k) => k) };
const V = { 0: seq(0x00, 1, 16), 1: seq(0x10, 1, 16), 2: seq(0x20, 1, 16), 3: seq(0x30, 1, 16) };
const ONES = (1n << 128n) - 1n;
/** The 64-bit little-endian value of 8 bytes. */
const m = (...bytes: number[]): bigint => le(...bytes);

const multiple: Case[] = [
  { id: 'LD1_mult_1r', asm: 'ld1 {v0.16b}, [x0]', words: [0x4c407000], init: { mem: MEM, x: { 0: B } }, expect: { x: { 0: B }, v: { 0: seq(0, 1, 16) } } },
  { id: 'LD1_mult_1r', asm: 'ld1 {v1.8b}, [x0], #8', words: [0x0cdf7001], init: { mem: MEM, x: { 0: B }, v: { 1: ONES } }, expect: { x: { 0: B + 8n }, v: { 1: seq(0, 1, 8) } } },
  { id: 'LD1_mult_1r', asm: 'ld1 {v2.2d}, [x0], x2', words: [0x4cc27c02], init: { mem: MEM, x: { 0: B, 2: 32n } }, expect: { x: { 0: B + 32n }, v: { 2: seq(0, 1, 16) } } },
  { id: 'LD1_mult_2r', asm: 'ld1 {v0.4s, v1.4s}, [x0]', words: [0x4c40a800], init: { mem: MEM, x: { 0: B } }, expect: { v: { 0: seq(0, 1, 16), 1: seq(16, 1, 16) } } },
  { id: 'LD1_mult_2r', asm: 'ld1 {v31.8b, v0.8b}, [sp], #16', words: [0x0cdfa3ff], init: { mem: MEM, sp: B, v: { 31: ONES, 0: ONES } }, expect: { sp: B + 16n, v: { 31: seq(0, 1, 8), 0: seq(8, 1, 8) } } },
  { id: 'LD1_mult_3r', asm: 'ld1 {v0.8h, v1.8h, v2.8h}, [x0], #48', words: [0x4cdf6400], init: { mem: MEM, x: { 0: B } }, expect: { x: { 0: B + 48n }, v: { 0: seq(0, 1, 16), 1: seq(16, 1, 16), 2: seq(32, 1, 16) } } },
  { id: 'LD1_mult_4r', asm: 'ld1 {v4.16b, v5.16b, v6.16b, v7.16b}, [x0]', words: [0x4c402004], init: { mem: MEM, x: { 0: B } }, expect: { v: { 4: seq(0, 1, 16), 5: seq(16, 1, 16), 6: seq(32, 1, 16), 7: seq(48, 1, 16) } } },
  { id: 'LD1_mult_4r', asm: 'ld1 {v0.1d, v1.1d, v2.1d, v3.1d}, [x0], x3', words: [0x0cc32c00], init: { mem: MEM, x: { 0: B, 3: -8n }, v: V }, expect: { x: { 0: B - 8n }, v: { 0: seq(0, 1, 8), 1: seq(8, 1, 8), 2: seq(16, 1, 8), 3: seq(24, 1, 8) } } },
  { id: 'LD2_mult', asm: 'ld2 {v0.16b, v1.16b}, [x0]', words: [0x4c408000], init: { mem: MEM, x: { 0: B } }, expect: { v: { 0: seq(0, 2, 16), 1: seq(1, 2, 16) } } },
  { id: 'LD2_mult', asm: 'ld2 {v2.4h, v3.4h}, [x0], #16', words: [0x0cdf8402], init: { mem: MEM, x: { 0: B }, v: V }, expect: { x: { 0: B + 16n }, v: { 2: le(0, 1, 4, 5, 8, 9, 12, 13), 3: le(2, 3, 6, 7, 10, 11, 14, 15) } } },
  { id: 'LD2_mult', asm: 'ld2 {v4.2d, v5.2d}, [x0]', words: [0x4c408c04], init: { mem: MEM, x: { 0: B } }, expect: { v: { 4: le(0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23), 5: le(8, 9, 10, 11, 12, 13, 14, 15, 24, 25, 26, 27, 28, 29, 30, 31) } } },
  { id: 'LD2_mult', asm: '.inst 0x0c408c00', words: [0x0c408c00], expect: { undef: true } }, // ld2 {v0.1d, v1.1d}: size:Q = 110 reserved
  { id: 'LD3_mult', asm: 'ld3 {v0.8b, v1.8b, v2.8b}, [x0]', words: [0x0c404000], init: { mem: MEM, x: { 0: B }, v: V }, expect: { v: { 0: seq(0, 3, 8), 1: seq(1, 3, 8), 2: seq(2, 3, 8) } } },
  { id: 'LD3_mult', asm: 'ld3 {v0.4s, v1.4s, v2.4s}, [x0], x2', words: [0x4cc24800], init: { mem: MEM, x: { 0: B, 2: 100n } }, expect: { x: { 0: B + 100n }, v: { 0: le(0, 1, 2, 3, 12, 13, 14, 15, 24, 25, 26, 27, 36, 37, 38, 39), 1: le(4, 5, 6, 7, 16, 17, 18, 19, 28, 29, 30, 31, 40, 41, 42, 43), 2: le(8, 9, 10, 11, 20, 21, 22, 23, 32, 33, 34, 35, 44, 45, 46, 47) } } },
  { id: 'LD4_mult', asm: 'ld4 {v0.16b, v1.16b, v2.16b, v3.16b}, [x0]', words: [0x4c400000], init: { mem: MEM, x: { 0: B } }, expect: { v: { 0: seq(0, 4, 16), 1: seq(1, 4, 16), 2: seq(2, 4, 16), 3: seq(3, 4, 16) } } },
  { id: 'LD4_mult', asm: 'ld4 {v0.2s, v1.2s, v2.2s, v3.2s}, [x0], #32', words: [0x0cdf0800], init: { mem: MEM, x: { 0: B }, v: V }, expect: { x: { 0: B + 32n }, v: { 0: le(0, 1, 2, 3, 16, 17, 18, 19), 1: le(4, 5, 6, 7, 20, 21, 22, 23), 2: le(8, 9, 10, 11, 24, 25, 26, 27), 3: le(12, 13, 14, 15, 28, 29, 30, 31) } } },
  { id: 'LD4_mult', asm: 'ld4 {v30.8h, v31.8h, v0.8h, v1.8h}, [x0]', words: [0x4c40041e], init: { mem: MEM, x: { 0: B } }, expect: { v: { 30: le(0, 1, 8, 9, 16, 17, 24, 25, 32, 33, 40, 41, 48, 49, 56, 57), 31: le(2, 3, 10, 11, 18, 19, 26, 27, 34, 35, 42, 43, 50, 51, 58, 59), 0: le(4, 5, 12, 13, 20, 21, 28, 29, 36, 37, 44, 45, 52, 53, 60, 61), 1: le(6, 7, 14, 15, 22, 23, 30, 31, 38, 39, 46, 47, 54, 55, 62, 63) } } },
  { id: 'LD1_mult_1r', asm: '.inst 0x4c427000', words: [0x4c427000], expect: { undef: true } }, // no-offset form with Rm != 0
  { id: 'ST1_mult_1r', asm: 'st1 {v0.16b}, [x0]', words: [0x4c007000], init: { x: { 0: B }, v: V }, expect: { mem: { 0x20100: seq(0, 1, 8), 0x20108: seq(8, 1, 8), 0x20110: 0n } } },
  { id: 'ST1_mult_1r', asm: 'st1 {v1.8b}, [x0], #8', words: [0x0c9f7001], init: { x: { 0: B }, v: V }, expect: { x: { 0: B + 8n }, mem: { 0x20100: seq(0x10, 1, 8), 0x20108: 0n } } },
  { id: 'ST1_mult_2r', asm: 'st1 {v0.2d, v1.2d}, [x0]', words: [0x4c00ac00], init: { x: { 0: B }, v: V }, expect: { mem: { 0x20100: seq(0, 1, 8), 0x20108: seq(8, 1, 8), 0x20110: seq(0x10, 1, 8), 0x20118: seq(0x18, 1, 8) } } },
  { id: 'ST1_mult_3r', asm: 'st1 {v0.4h, v1.4h, v2.4h}, [x0], #24', words: [0x0c9f6400], init: { x: { 0: B }, v: V }, expect: { x: { 0: B + 24n }, mem: { 0x20100: seq(0, 1, 8), 0x20108: seq(0x10, 1, 8), 0x20110: seq(0x20, 1, 8), 0x20118: 0n } } },
  { id: 'ST1_mult_4r', asm: 'st1 {v0.16b, v1.16b, v2.16b, v3.16b}, [x0], x2', words: [0x4c822000], init: { x: { 0: B, 2: 64n }, v: V }, expect: { x: { 0: B + 64n }, mem: { 0x20100: seq(0, 1, 8), 0x20118: seq(0x18, 1, 8), 0x20130: seq(0x30, 1, 8), 0x20138: seq(0x38, 1, 8) } } },
  { id: 'ST2_mult', asm: 'st2 {v0.16b, v1.16b}, [x0]', words: [0x4c008000], init: { x: { 0: B }, v: V }, expect: { mem: { 0x20100: m(0x00, 0x10, 0x01, 0x11, 0x02, 0x12, 0x03, 0x13), 0x20118: m(0x0c, 0x1c, 0x0d, 0x1d, 0x0e, 0x1e, 0x0f, 0x1f), 0x20120: 0n } } },
  { id: 'ST2_mult', asm: 'st2 {v2.2d, v3.2d}, [x0], #32', words: [0x4c9f8c02], init: { x: { 0: B }, v: V }, expect: { x: { 0: B + 32n }, mem: { 0x20100: seq(0x20, 1, 8), 0x20108: seq(0x30, 1, 8), 0x20110: seq(0x28, 1, 8), 0x20118: seq(0x38, 1, 8) } } },
  { id: 'ST3_mult', asm: 'st3 {v0.4h, v1.4h, v2.4h}, [x0]', words: [0x0c004400], init: { x: { 0: B }, v: V }, expect: { mem: { 0x20100: m(0x00, 0x01, 0x10, 0x11, 0x20, 0x21, 0x02, 0x03), 0x20108: m(0x12, 0x13, 0x22, 0x23, 0x04, 0x05, 0x14, 0x15), 0x20110: m(0x24, 0x25, 0x06, 0x07, 0x16, 0x17, 0x26, 0x27), 0x20118: 0n } } },
  { id: 'ST3_mult', asm: 'st3 {v1.16b, v2.16b, v3.16b}, [x0], x4', words: [0x4c844001], init: { x: { 0: B, 4: 48n }, v: V }, expect: { x: { 0: B + 48n }, mem: { 0x20100: m(0x10, 0x20, 0x30, 0x11, 0x21, 0x31, 0x12, 0x22), 0x20128: m(0x2d, 0x3d, 0x1e, 0x2e, 0x3e, 0x1f, 0x2f, 0x3f), 0x20130: 0n } } },
  { id: 'ST4_mult', asm: 'st4 {v0.4s, v1.4s, v2.4s, v3.4s}, [x0]', words: [0x4c000800], init: { x: { 0: B }, v: V }, expect: { mem: { 0x20100: m(0, 1, 2, 3, 0x10, 0x11, 0x12, 0x13), 0x20108: m(0x20, 0x21, 0x22, 0x23, 0x30, 0x31, 0x32, 0x33), 0x20110: m(4, 5, 6, 7, 0x14, 0x15, 0x16, 0x17), 0x20138: m(0x2c, 0x2d, 0x2e, 0x2f, 0x3c, 0x3d, 0x3e, 0x3f) } } },
  { id: 'ST4_mult', asm: 'st4 {v0.8b, v1.8b, v2.8b, v3.8b}, [x0], #32', words: [0x0c9f0000], init: { x: { 0: B }, v: V }, expect: { x: { 0: B + 32n }, mem: { 0x20100: m(0x00, 0x10, 0x20, 0x30, 0x01, 0x11, 0x21, 0x31), 0x20118: m(0x06, 0x16, 0x26, 0x36, 0x07, 0x17, 0x27, 0x37), 0x20120: 0n } } },
];

const single: Case[] = [
  { id: 'LD1_single', asm: 'ld1 {v0.b}[5], [x0]', words: [0x0d401400], init: { mem: MEM, x: { 0: B + 9n }, v: V }, expect: { v: { 0: le(0, 1, 2, 3, 4, 9, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15) } } },
  { id: 'LD1_single', asm: 'ld1 {v1.h}[6], [x0], #2', words: [0x4ddf5001], init: { mem: MEM, x: { 0: B + 2n }, v: V }, expect: { x: { 0: B + 4n }, v: { 1: le(0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x1b, 2, 3, 0x1e, 0x1f) } } },
  { id: 'LD1_single', asm: 'ld1 {v2.s}[3], [x0], x2', words: [0x4dc29002], init: { mem: MEM, x: { 0: B + 4n, 2: 5n }, v: V }, expect: { x: { 0: B + 9n }, v: { 2: le(0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, 0x28, 0x29, 0x2a, 0x2b, 4, 5, 6, 7) } } },
  { id: 'LD1_single', asm: 'ld1 {v3.d}[1], [x0]', words: [0x4d408403], init: { mem: MEM, x: { 0: B + 8n }, v: V }, expect: { v: { 3: le(0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 8, 9, 10, 11, 12, 13, 14, 15) } } },
  { id: 'LD1_single', asm: 'ld1 {v3.b}[0], [x0], #1', words: [0x0ddf0003], init: { mem: MEM, x: { 0: B + 0x3fn }, v: V }, expect: { x: { 0: B + 0x40n }, v: { 3: le(0x3f, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3a, 0x3b, 0x3c, 0x3d, 0x3e, 0x3f) } } },
  { id: 'LD1_single', asm: '.inst 0x4d409403', words: [0x4d409403], expect: { undef: true } }, // .d lane with S = 1: reserved
  { id: 'LD1_single', asm: '.inst 0x0d404403', words: [0x0d404403], expect: { undef: true } }, // .h lane with size<0> = 1: reserved
  { id: 'LD2_single', asm: 'ld2 {v0.s, v1.s}[1], [x0]', words: [0x0d609000], init: { mem: MEM, x: { 0: B }, v: V }, expect: { v: { 0: le(0, 1, 2, 3, 0, 1, 2, 3, 8, 9, 10, 11, 12, 13, 14, 15), 1: le(0x10, 0x11, 0x12, 0x13, 4, 5, 6, 7, 0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f) } } },
  { id: 'LD3_single', asm: 'ld3 {v0.b, v1.b, v2.b}[15], [x0], #3', words: [0x4ddf3c00], init: { mem: MEM, x: { 0: B + 0x20n }, v: V }, expect: { x: { 0: B + 0x23n }, v: { 0: seq(0, 1, 15) | (0x20n << 120n), 1: seq(0x10, 1, 15) | (0x21n << 120n), 2: seq(0x20, 1, 15) | (0x22n << 120n) } } },
  { id: 'LD4_single', asm: 'ld4 {v0.d, v1.d, v2.d, v3.d}[0], [x0]', words: [0x0d60a400], init: { mem: MEM, x: { 0: B }, v: V }, expect: { v: { 0: (seq(0x08, 1, 8) << 64n) | seq(0, 1, 8), 1: (seq(0x18, 1, 8) << 64n) | seq(8, 1, 8), 2: (seq(0x28, 1, 8) << 64n) | seq(16, 1, 8), 3: (seq(0x38, 1, 8) << 64n) | seq(24, 1, 8) } } },
  { id: 'LD4_single', asm: 'ld4 {v30.h, v31.h, v0.h, v1.h}[7], [x0], x5', words: [0x4de5781e], init: { mem: MEM, x: { 0: B, 5: 0x10n }, v: { ...V, 30: 0n, 31: 0n } }, expect: { x: { 0: B + 0x10n }, v: { 30: le(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1), 31: 0x0302n << 112n, 0: seq(0, 1, 14) | (0x0504n << 112n), 1: seq(0x10, 1, 14) | (0x0706n << 112n) } } },
  { id: 'ST1_single', asm: 'st1 {v0.b}[9], [x0]', words: [0x4d000400], init: { mem: MEM, x: { 0: B }, v: V }, expect: { mem: { 0x20100: le(9, 1, 2, 3, 4, 5, 6, 7) } } },
  { id: 'ST1_single', asm: 'st1 {v1.d}[1], [x0], #8', words: [0x4d9f8401], init: { x: { 0: B }, v: V }, expect: { x: { 0: B + 8n }, mem: { 0x20100: seq(0x18, 1, 8), 0x20108: 0n } } },
  { id: 'ST1_single', asm: 'st1 {v2.h}[7], [sp]', words: [0x4d005be2], init: { sp: B, v: V }, expect: { mem: { 0x20100: 0x2f2en } } },
  { id: 'ST1_single', asm: '.inst 0x0d00c000', words: [0x0d00c000], expect: { undef: true } }, // opcode 110 (replicate) on a store: reserved
  { id: 'ST2_single', asm: 'st2 {v0.h, v1.h}[3], [x0]', words: [0x0d205800], init: { x: { 0: B }, v: V }, expect: { mem: { 0x20100: m(0x06, 0x07, 0x16, 0x17) } } },
  { id: 'ST3_single', asm: 'st3 {v0.s, v1.s, v2.s}[2], [x0], x2', words: [0x4d82a000], init: { x: { 0: B, 2: 12n }, v: V }, expect: { x: { 0: B + 12n }, mem: { 0x20100: m(8, 9, 10, 11, 0x18, 0x19, 0x1a, 0x1b), 0x20108: m(0x28, 0x29, 0x2a, 0x2b) } } },
  { id: 'ST4_single', asm: 'st4 {v0.b, v1.b, v2.b, v3.b}[15], [x0]', words: [0x4d203c00], init: { x: { 0: B }, v: V }, expect: { mem: { 0x20100: m(0x0f, 0x1f, 0x2f, 0x3f) } } },
  { id: 'ST4_single', asm: 'st4 {v0.d, v1.d, v2.d, v3.d}[1], [x0], #32', words: [0x4dbfa400], init: { x: { 0: B }, v: V }, expect: { x: { 0: B + 32n }, mem: { 0x20100: seq(0x08, 1, 8), 0x20108: seq(0x18, 1, 8), 0x20110: seq(0x28, 1, 8), 0x20118: seq(0x38, 1, 8) } } },
];

const replicate: Case[] = [
  { id: 'LD1R', asm: 'ld1r {v0.16b}, [x0]', words: [0x4d40c000], init: { mem: MEM, x: { 0: B + 5n } }, expect: { v: { 0: rep(16, 5) } } },
  { id: 'LD1R', asm: 'ld1r {v1.4h}, [x0], #2', words: [0x0ddfc401], init: { mem: MEM, x: { 0: B + 2n }, v: V }, expect: { x: { 0: B + 4n }, v: { 1: rep(8, 2, 3) } } },
  { id: 'LD1R', asm: 'ld1r {v2.2d}, [x0]', words: [0x4d40cc02], init: { mem: MEM, x: { 0: B + 8n } }, expect: { v: { 2: rep(16, 8, 9, 10, 11, 12, 13, 14, 15) } } },
  { id: 'LD1R', asm: 'ld1r {v3.2s}, [x0], x2', words: [0x0dc2c803], init: { mem: MEM, x: { 0: B + 4n, 2: 4n }, v: V }, expect: { x: { 0: B + 8n }, v: { 3: rep(8, 4, 5, 6, 7) } } },
  { id: 'LD1R', asm: 'ld1r {v3.1d}, [x0]', words: [0x0d40cc03], init: { mem: MEM, x: { 0: B }, v: V }, expect: { v: { 3: seq(0, 1, 8) } } },
  { id: 'LD2R', asm: 'ld2r {v0.8h, v1.8h}, [x0]', words: [0x4d60c400], init: { mem: MEM, x: { 0: B } }, expect: { v: { 0: rep(16, 0, 1), 1: rep(16, 2, 3) } } },
  { id: 'LD3R', asm: 'ld3r {v0.4s, v1.4s, v2.4s}, [x0], #12', words: [0x4ddfe800], init: { mem: MEM, x: { 0: B } }, expect: { x: { 0: B + 12n }, v: { 0: rep(16, 0, 1, 2, 3), 1: rep(16, 4, 5, 6, 7), 2: rep(16, 8, 9, 10, 11) } } },
  { id: 'LD4R', asm: 'ld4r {v0.8b, v1.8b, v2.8b, v3.8b}, [x0]', words: [0x0d60e000], init: { mem: MEM, x: { 0: B }, v: V }, expect: { v: { 0: rep(8, 0), 1: rep(8, 1), 2: rep(8, 2), 3: rep(8, 3) } } },
  { id: 'LD4R', asm: 'ld4r {v0.1d, v1.1d, v2.1d, v3.1d}, [x0], #32', words: [0x0dffec00], init: { mem: MEM, x: { 0: B }, v: V }, expect: { x: { 0: B + 32n }, v: { 0: seq(0, 1, 8), 1: seq(8, 1, 8), 2: seq(16, 1, 8), 3: seq(24, 1, 8) } } },
];

t.test('SIMD structure loads and stores', (tt) => {
  runCases(tt, 'multiple structures', multiple);
  runCases(tt, 'single structure', single);
  runCases(tt, 'replicate', replicate);
  tt.end();
});

/** The cases, for the differential check against qemu-aarch64. */
export const CASES: Case[] = [...multiple, ...single, ...replicate];
