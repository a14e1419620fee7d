/**
 * Byte lanes four at a time (SWAR on the 32-bit words of the register file)
 * for the byte forms that glibc's string routines run in their inner loops
 * (CMEQ, CMHI/CMHS, CMGT/CMGE, ADD/SUB, UMAXP/UMINP/ADDP, SHRN/XTN). `words`
 * is 2 (Q = 0: the upper half of Vd is zeroed) or 4. Each result word only
 * depends on the same word of the sources, or the result is built in the
 * scratch register T, so Vd may alias a source.
 *
 * The bit tricks are written out in each function (no small helper calls):
 * these functions are inlined into the generated helpers, and V8 does not
 * inline calls nested deeper than its budget allows.
 *
 *   zero bytes of x:  t = (((x & 0x7f..) + 0x7f..) | x) & 0x80.. has the high bit of
 *                     each nonzero byte; (~t & 0x80..) >>> 7, times 0xff, is the mask.
 *   a >= b (bytes):   the even and odd bytes in 16-bit lanes, (a | 0x100) - b - k has
 *                     bit 8 set iff a >= b + k (k = 1 for a > b); no borrow between lanes.
 */
import type { Kernel } from './simd-fast-gen.js';

const HI = 0x80808080 | 0;
const LO7 = 0x7f7f7f7f;

export function cmeq8(K: Kernel, d: number, n: number, m: number, words: number): void {
  const w = K.i32;
  for (let j = 0; j < words; j++) {
    const x = w[4 * n + j]! ^ w[4 * m + j]!;
    const t = (((x & LO7) + LO7) | x) & HI;
    w[4 * d + j] = ((~t & HI) >>> 7) * 0xff;
  }
  if (words === 2) w[4 * d + 2] = w[4 * d + 3] = 0;
}
export function cmeqz8(K: Kernel, d: number, n: number, words: number): void {
  const w = K.i32;
  for (let j = 0; j < words; j++) {
    const x = w[4 * n + j]!;
    const t = (((x & LO7) + LO7) | x) & HI;
    w[4 * d + j] = ((~t & HI) >>> 7) * 0xff;
  }
  if (words === 2) w[4 * d + 2] = w[4 * d + 3] = 0;
}
/**
 * CMHS (k = 0) / CMHI (k = 0x00010001), unsigned; with flip = 0x80808080 the
 * sign bits are flipped first: CMGE / CMGT.
 */
export function cmhs8(K: Kernel, d: number, n: number, m: number, words: number, k: number, flip: number): void {
  const w = K.i32;
  for (let j = 0; j < words; j++) {
    const a = w[4 * n + j]! ^ flip, b = w[4 * m + j]! ^ flip;
    const de = ((a & 0x00ff00ff) | 0x01000100) - (b & 0x00ff00ff) - k;
    const dO = (((a >>> 8) & 0x00ff00ff) | 0x01000100) - ((b >>> 8) & 0x00ff00ff) - k;
    w[4 * d + j] = (((de >>> 8) & 0x00010001) | (((dO >>> 8) & 0x00010001) << 8)) * 0xff;
  }
  if (words === 2) w[4 * d + 2] = w[4 * d + 3] = 0;
}
export function add8(K: Kernel, d: number, n: number, m: number, words: number): void {
  const w = K.i32;
  for (let j = 0; j < words; j++) {
    const a = w[4 * n + j]!, b = w[4 * m + j]!;
    w[4 * d + j] = ((a & LO7) + (b & LO7)) ^ ((a ^ b) & HI);
  }
  if (words === 2) w[4 * d + 2] = w[4 * d + 3] = 0;
}
export function sub8(K: Kernel, d: number, n: number, m: number, words: number): void {
  const w = K.i32;
  for (let j = 0; j < words; j++) {
    const a = w[4 * n + j]!, b = w[4 * m + j]!;
    w[4 * d + j] = ((a | HI) - (b & LO7)) ^ ((a ^ ~b) & HI);
  }
  if (words === 2) w[4 * d + 2] = w[4 * d + 3] = 0;
}

/** V[d] = T halfwords [0, lanes / 2): the pairwise results; lanes 8 or 16. */
function commitPairs(K: Kernel, d: number, lanes: number): void {
  const w = K.u32, t = K.T32, o = 4 * d;
  w[o] = t[0]!;
  w[o + 1] = t[1]!;
  w[o + 2] = lanes === 16 ? t[2]! : 0;
  w[o + 3] = lanes === 16 ? t[3]! : 0;
}
/**
 * UMAXP/UMINP/ADDP on bytes (lanes 8 or 16): each source word x0..x3 (Vn's, then Vm's)
 * gives the halfword op(x0, x1) | op(x2, x3) << 8 of the result.
 */
export function umaxp8(K: Kernel, d: number, n: number, m: number, lanes: number): void {
  const w = K.i32, t = K.T16, words = lanes >> 2;
  for (let j = 0; j < 2 * words; j++) {
    const x = j < words ? w[4 * n + j]! : w[4 * m + j - words]!;
    const e = x & 0x00ff00ff, o = (x >>> 8) & 0x00ff00ff;
    const g = (((e | 0x01000100) - o) >>> 8) & 0x00010001; // 1 in each 16-bit lane where e >= o
    const ge = (g << 16) - g;
    const r = (e & ge) | (o & ~ge);
    t[j] = (r & 0xff) | ((r >>> 8) & 0xff00);
  }
  commitPairs(K, d, lanes);
}
export function uminp8(K: Kernel, d: number, n: number, m: number, lanes: number): void {
  const w = K.i32, t = K.T16, words = lanes >> 2;
  for (let j = 0; j < 2 * words; j++) {
    const x = j < words ? w[4 * n + j]! : w[4 * m + j - words]!;
    const e = x & 0x00ff00ff, o = (x >>> 8) & 0x00ff00ff;
    const g = (((e | 0x01000100) - o) >>> 8) & 0x00010001;
    const ge = (g << 16) - g;
    const r = (o & ge) | (e & ~ge);
    t[j] = (r & 0xff) | ((r >>> 8) & 0xff00);
  }
  commitPairs(K, d, lanes);
}
export function addp8(K: Kernel, d: number, n: number, m: number, lanes: number): void {
  const w = K.i32, t = K.T16, words = lanes >> 2;
  for (let j = 0; j < 2 * words; j++) {
    const x = j < words ? w[4 * n + j]! : w[4 * m + j - words]!;
    const r = ((x & 0x00ff00ff) + ((x >>> 8) & 0x00ff00ff)) & 0x00ff00ff;
    t[j] = (r & 0xff) | ((r >>> 8) & 0xff00);
  }
  commitPairs(K, d, lanes);
}

/** SHRN (sh) and XTN (sh = 0), halfwords -> bytes: 8 results into the low (q = 0, rest zeroed) or high half of Vd. */
export function narrow8(K: Kernel, d: number, n: number, q: number, sh: number): void {
  const w = K.i32, t = K.T16;
  for (let j = 0; j < 4; j++) {
    const x = w[4 * n + j]!;
    t[j] = (((x & 0xffff) >>> sh) & 0xff) | ((((x >>> 16) >>> sh) & 0xff) << 8);
  }
  const o = 4 * d, u = K.T32;
  if (q) {
    w[o + 2] = u[0]!;
    w[o + 3] = u[1]!;
  } else {
    w[o] = u[0]!;
    w[o + 1] = u[1]!;
    w[o + 2] = 0;
    w[o + 3] = 0;
  }
}
