/**
 * 64-bit lanes for the fast AdvSIMD helpers, as (lo, hi) 32-bit word pairs
 * (V[r] lane j is words 4r + 2j (low) and 4r + 2j + 1 (high)). No bigints.
 * Every function takes the machine's Kernel views; writes go through Int32Array
 * (modular), reads of low words through Uint32Array.
 */
import type { Kernel } from './simd-fast-gen.js';
import { QC } from './simd-lanes.js';

const TWO32 = 4294967296;

/** Result of mulWide: a * b = hi * 2^32 + lo exactly, 0 <= lo < 2^32 (hi is floor(a*b / 2^32), not reduced). */
export const W = { hi: 0, lo: 0 };
/** a * b for integers a, b in [-2^31, 2^32), exactly, into W. */
export function mulWide(a: number, b: number): void {
  const bl = b & 0xffff;
  const bh = (b - bl) / 65536; // exact: floor(b / 2^16)
  const p1 = a * bl; // |p1| < 2^48
  const p2 = a * bh; // |p2| < 2^48
  const q2 = Math.floor(p2 / 65536);
  const t = (p2 - q2 * 65536) * 65536 + p1; // a*b = q2 * 2^32 + t, |t| < 2^49
  const qt = Math.floor(t / TWO32);
  W.hi = q2 + qt;
  W.lo = t - qt * TWO32;
}

// ---- three same, 64-bit lanes ----
export const ADD = 0, SUB = 1, CMEQ = 2, CMHI = 3, CMHS = 4, CMGT = 5, CMGE = 6, CMTST = 7;

/** Vd[i] = op(Vn[i], Vm[i]) on 64-bit lanes (element-wise, so alias-safe). */
export function same64(K: Kernel, d: number, n: number, m: number, lanes: number, op: number): void {
  const u = K.u32, w = K.i32;
  for (let i = 0; i < lanes; i++) {
    const p = 4 * n + 2 * i, q = 4 * m + 2 * i, o = 4 * d + 2 * i;
    const al = u[p]!, ah = w[p + 1]!, bl = u[q]!, bh = w[q + 1]!;
    let lo: number, hi: number;
    if (op === ADD) {
      lo = al + bl;
      hi = ah + bh + (lo >= TWO32 ? 1 : 0);
    } else if (op === SUB) {
      lo = al - bl;
      hi = ah - bh - (lo < 0 ? 1 : 0);
    } else {
      let t: boolean;
      switch (op) {
        case CMEQ: t = al === bl && ah === bh; break;
        case CMHI: t = ah >>> 0 > bh >>> 0 || (ah === bh && al > bl); break;
        case CMHS: t = ah >>> 0 > bh >>> 0 || (ah === bh && al >= bl); break;
        case CMGT: t = ah > bh || (ah === bh && al > bl); break;
        case CMGE: t = ah > bh || (ah === bh && al >= bl); break;
        default: t = ((al & bl) | (ah & bh)) !== 0;
      }
      lo = hi = t ? -1 : 0;
    }
    w[o] = lo;
    w[o + 1] = hi;
  }
}

/** ADDP (vector) on 64-bit lanes: Vd = [Vn0 + Vn1, Vm0 + Vm1]. */
export function addp64(K: Kernel, d: number, n: number, m: number): void {
  const u = K.u32, w = K.i32;
  const a0 = u[4 * n]! + u[4 * n + 2]!, a1 = w[4 * n + 1]! + w[4 * n + 3]!;
  const b0 = u[4 * m]! + u[4 * m + 2]!, b1 = w[4 * m + 1]! + w[4 * m + 3]!;
  w[4 * d] = a0;
  w[4 * d + 1] = a1 + (a0 >= TWO32 ? 1 : 0);
  w[4 * d + 2] = b0;
  w[4 * d + 3] = b1 + (b0 >= TWO32 ? 1 : 0);
}

// ---- two-register misc, 64-bit lanes ----
export const CMGT0 = 0, CMGE0 = 1, CMEQ0 = 2, CMLE0 = 3, CMLT0 = 4, ABS = 5, NEG = 6;

export function un64(K: Kernel, d: number, n: number, lanes: number, op: number): void {
  const u = K.u32, w = K.i32;
  for (let i = 0; i < lanes; i++) {
    const p = 4 * n + 2 * i, o = 4 * d + 2 * i;
    const lo = u[p]!, hi = w[p + 1]!;
    const zero = lo === 0 && hi === 0;
    let t: boolean;
    switch (op) {
      case CMGT0: t = hi > 0 || (hi === 0 && !zero); break;
      case CMGE0: t = hi >= 0; break;
      case CMEQ0: t = zero; break;
      case CMLE0: t = hi < 0 || zero; break;
      case CMLT0: t = hi < 0; break;
      default: {
        // NEG, or ABS of a negative value: two's complement negation
        if (op === NEG || hi < 0) {
          w[o] = -lo;
          w[o + 1] = ~hi + (lo === 0 ? 1 : 0);
        } else {
          w[o] = lo;
          w[o + 1] = hi;
        }
        continue;
      }
    }
    w[o] = w[o + 1] = t ? -1 : 0;
  }
}

// ---- shifts by immediate, 64-bit lanes ----

/**
 * SSHR/USHR/SRSHR/URSHR (acc = false) and SSRA/USRA/SRSRA/URSRA (acc = true), shift 1..64:
 * (a + round bit) >> sh = (a >> sh) + a<sh-1>, then optionally added to Vd.
 */
export function shr64(K: Kernel, d: number, n: number, sh: number, lanes: number, signed: boolean, round: boolean, acc: boolean): void {
  const u = K.u32, w = K.i32;
  for (let i = 0; i < lanes; i++) {
    const p = 4 * n + 2 * i, o = 4 * d + 2 * i;
    const lo = u[p]!, hi = w[p + 1]!;
    let rl: number, rh: number;
    if (sh < 32) {
      rl = ((lo >>> sh) | (hi << (32 - sh))) >>> 0;
      rh = signed ? hi >> sh : hi >>> sh;
    } else if (sh < 64) {
      rl = (signed ? hi >> (sh - 32) : hi >>> (sh - 32)) >>> 0;
      rh = signed ? hi >> 31 : 0;
    } else {
      rl = signed ? (hi >> 31) >>> 0 : 0;
      rh = signed ? hi >> 31 : 0;
    }
    if (round) {
      const bit = sh <= 32 ? (lo >>> (sh - 1)) & 1 : (hi >>> (sh - 33)) & 1;
      rl += bit;
      if (rl >= TWO32) {
        rl -= TWO32;
        rh++;
      }
    }
    if (acc) {
      rl += u[o]!;
      rh += w[o + 1]! + (rl >= TWO32 ? 1 : 0);
    }
    w[o] = rl;
    w[o + 1] = rh;
  }
}

/** SHL, shift 0..63. */
export function shl64(K: Kernel, d: number, n: number, sh: number, lanes: number): void {
  const w = K.i32;
  for (let i = 0; i < lanes; i++) {
    const p = 4 * n + 2 * i, o = 4 * d + 2 * i;
    const lo = w[p]!, hi = w[p + 1]!;
    if (sh === 0) {
      w[o] = lo;
      w[o + 1] = hi;
    } else if (sh < 32) {
      w[o] = lo << sh;
      w[o + 1] = (hi << sh) | (lo >>> (32 - sh));
    } else {
      w[o] = 0;
      w[o + 1] = lo << (sh - 32);
    }
  }
}

// ---- long (32 -> 64) ----
export const L_ADD = 0, L_SUB = 1, L_ABD = 2, L_ABA = 3, L_MUL = 4, L_MLA = 5, L_MLS = 6, L_SHL = 7;

/**
 * Long forms with 32-bit narrow elements: Vd (2 x 64) [i] = op(A[i], B[i], Vd[i]), A = Vn's
 * 32-bit elements (from the half selected by q) or, when wideA, Vn's 64-bit elements; B = Vm's
 * (bIndex >= 0: element bIndex for every lane). L_SHL: A << sh (SSHLL/USHLL/SHLL).
 * Alias-safe: the lower half (q = 0) is walked downwards, the upper half upwards.
 */
export function long64(K: Kernel, d: number, n: number, m: number, q: number, op: number, signed: boolean, wideA: boolean, bIndex: number, sh: number): void {
  const part = q ? 2 : 0;
  const bfix = bIndex >= 0 ? (signed ? K.i32[4 * m + bIndex]! : K.u32[4 * m + bIndex]!) : 0;
  if (q) {
    long64Lane(K, d, n, m, 0, part, op, signed, wideA, bIndex, bfix, sh);
    long64Lane(K, d, n, m, 1, part, op, signed, wideA, bIndex, bfix, sh);
  } else {
    long64Lane(K, d, n, m, 1, part, op, signed, wideA, bIndex, bfix, sh);
    long64Lane(K, d, n, m, 0, part, op, signed, wideA, bIndex, bfix, sh);
  }
}
function long64Lane(K: Kernel, d: number, n: number, m: number, i: number, part: number, op: number, signed: boolean, wideA: boolean,
  bIndex: number, bfix: number, sh: number): void {
  const u = K.u32, w = K.i32, o = 4 * d + 2 * i;
  const b = bIndex >= 0 ? bfix : signed ? w[4 * m + part + i]! : u[4 * m + part + i]!;
  let lo: number, hi: number;
  if (wideA) {
    // W forms: 64-bit A +/- sign- or zero-extended B
    const al = u[4 * n + 2 * i]!, ah = w[4 * n + 2 * i + 1]!;
    const bh = b < 0 ? -1 : 0, bl = b >>> 0;
    if (op === L_ADD) {
      lo = al + bl;
      hi = ah + bh + (lo >= TWO32 ? 1 : 0);
    } else {
      lo = al - bl;
      hi = ah - bh - (lo < 0 ? 1 : 0);
    }
    w[o] = lo;
    w[o + 1] = hi;
    return;
  }
  const a = signed ? w[4 * n + part + i]! : u[4 * n + part + i]!;
  switch (op) {
    case L_SHL:
      // sh = 0..31 (SSHLL/USHLL), 32 (SHLL)
      lo = sh === 32 ? 0 : a << sh;
      hi = sh === 0 ? (signed ? a >> 31 : 0) : sh === 32 ? a : signed ? a >> (32 - sh) : a >>> (32 - sh);
      w[o] = lo;
      w[o + 1] = hi;
      return;
    case L_MUL:
    case L_MLA:
    case L_MLS:
      mulWide(a, b);
      lo = W.lo;
      hi = W.hi;
      break;
    default: {
      // |x| < 2^33: exact
      const x = op === L_ADD ? a + b : op === L_SUB ? a - b : a > b ? a - b : b - a;
      hi = Math.floor(x / TWO32);
      lo = x - hi * TWO32;
    }
  }
  if (op === L_ABA || op === L_MLA) {
    lo += u[o]!;
    hi += w[o + 1]! + (lo >= TWO32 ? 1 : 0);
  } else if (op === L_MLS) {
    lo = u[o]! - lo;
    hi = w[o + 1]! - hi - (lo < 0 ? 1 : 0);
  }
  w[o] = lo;
  w[o + 1] = hi;
}

// ---- narrow (64 -> 32) ----
export const N_XTN = 0, N_SQXTN = 1, N_UQXTN = 2, N_SQXTUN = 3, N_SHRN = 4, N_ADDHN = 5, N_RADDHN = 6, N_SUBHN = 7, N_RSUBHN = 8;

/**
 * Narrowing to 32-bit elements: element part + i of Vd (part = lanes when q) = op(Vn[i], Vm[i]) for
 * i < lanes, 64-bit sources. q = 1 keeps the low half of Vd; the caller zeroes the rest when q = 0.
 * Alias-safe: the upper half (q = 1) is written downwards, the lower half upwards.
 */
export function narrow64(K: Kernel, d: number, n: number, m: number, q: number, lanes: number, op: number, sh: number): void {
  if (q) for (let i = lanes - 1; i >= 0; i--) narrow64Lane(K, d, n, m, lanes + i, i, op, sh);
  else for (let i = 0; i < lanes; i++) narrow64Lane(K, d, n, m, i, i, op, sh);
}
function narrow64Lane(K: Kernel, d: number, n: number, m: number, di: number, i: number, op: number, sh: number): void {
  const u = K.u32, w = K.i32;
  const lo = u[4 * n + 2 * i]!, hi = w[4 * n + 2 * i + 1]!;
  let r: number;
  switch (op) {
    case N_XTN:
      r = lo;
      break;
    case N_SQXTN:
      if (hi === (lo | 0) >> 31) r = lo;
      else {
        QC.hit = true;
        r = hi < 0 ? 0x80000000 : 0x7fffffff;
      }
      break;
    case N_UQXTN:
      if (hi === 0) r = lo;
      else {
        QC.hit = true;
        r = 0xffffffff;
      }
      break;
    case N_SQXTUN:
      if (hi === 0) r = lo;
      else {
        QC.hit = true;
        r = hi < 0 ? 0 : 0xffffffff;
      }
      break;
    case N_SHRN:
      // shift 1..32
      r = sh === 32 ? hi : (lo >>> sh) | (hi << (32 - sh));
      break;
    default: {
      // high half of Vn +/- Vm (+ 2^31)
      const bl = u[4 * m + 2 * i]!, bh = w[4 * m + 2 * i + 1]!;
      const rnd = op === N_RADDHN || op === N_RSUBHN ? 0x80000000 : 0;
      if (op === N_ADDHN || op === N_RADDHN) {
        const s = lo + bl + rnd;
        r = hi + bh + Math.floor(s / TWO32);
      } else {
        const s = lo - bl + rnd;
        r = hi - bh + Math.floor(s / TWO32);
      }
    }
  }
  w[4 * d + di] = r;
}

// ---- pairwise add long 32 -> 64 and across lanes ----

/** SADDLP/UADDLP/SADALP/UADALP with 32-bit source elements: Vd[i] (64) = (acc ? Vd[i] : 0) + Vn[2i] + Vn[2i+1]. */
export function addlp64(K: Kernel, d: number, n: number, lanes: number, signed: boolean, acc: boolean): void {
  const u = K.u32, w = K.i32;
  for (let i = 0; i < lanes; i++) {
    const p = 4 * n + 2 * i, o = 4 * d + 2 * i;
    const x = signed ? w[p]! + w[p + 1]! : u[p]! + u[p + 1]!;
    let hi = Math.floor(x / TWO32);
    let lo = x - hi * TWO32;
    if (acc) {
      lo += u[o]!;
      hi += w[o + 1]! + (lo >= TWO32 ? 1 : 0);
    }
    w[o] = lo;
    w[o + 1] = hi;
  }
}

/** Write the exact integer x (|x| < 2^53) as the 64-bit element 0 of Vd. */
export function put64(K: Kernel, d: number, x: number): void {
  const hi = Math.floor(x / TWO32);
  K.i32[4 * d] = x - hi * TWO32;
  K.i32[4 * d + 1] = hi;
}
