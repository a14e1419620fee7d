/** Shared pieces of the AdvSIMD translators. */
import type { Value } from '../../../ir/value.js';
import type { TranslationContext } from '../context.js';

/** Call a vector helper with decoded numbers as U32 arguments; continues the block. */
export function helper(c: TranslationContext, name: string, ...args: number[]): true {
  c.callVoid(name, ...args.map((a) => c.ir.u32(a)));
  return true;
}

/** Elements of esize bits in a 64-bit (q = 0) or 128-bit (q = 1) vector. */
export function lanesOf(q: number, esize: number): number {
  return (q ? 128 : 64) / esize;
}

/** HighestSetBit(x) for x > 0. */
export function highestSetBit(x: number): number {
  return 31 - Math.clz32(x);
}

/** LowestSetBit(x), or -1 for x = 0. */
export function lowestSetBit(x: number): number {
  return x === 0 ? -1 : 31 - Math.clz32(x & -x);
}

/**
 * Write a 64-bit (q = 0: lane 0, upper half zeroed) or 128-bit result computed lane by
 * lane in IR; every lane is computed before any write, so Vd may alias a source.
 */
export function setVector(c: TranslationContext, q: number, d: number, lane: (i: number) => Value): void {
  const lo = lane(0);
  const hi = q ? lane(1) : undefined;
  c.setV64(d, 0, lo);
  if (hi) c.setV64(d, 1, hi);
  else c.zeroVHigh(d);
}

// ---- integer lanes inline in IR ----
// Same-size ops work on 32- and 64-bit elements: values are U32 for esize 32 and U64 for
// esize 64, and `sf` (0 / 1) picks the sized opcode (c.op(sf, 'Add', ...)) as it does for
// the general registers. Narrower elements stay in the helpers, except in the lengthening
// and narrowing forms (longElem, setLong, setNarrow), which take them out of 32-bit words.

/** The sized-op flag of an element size: 1 for 64-bit elements, 0 for 32-bit ones. */
export function sfOf(esize: number): number {
  return esize === 64 ? 1 : 0;
}

/** Element i of V[n], esize 32 or 64. */
export function elem(c: TranslationContext, n: number, esize: number, i: number): Value {
  return esize === 64 ? c.V64(n, i) : c.V32(n, i);
}

/**
 * Write `count` elements of esize 32 or 64 bits computed by lane(i), all computed before
 * any write (Vd may alias a source); a result narrower than 128 bits (Q = 0, or a
 * scalar) zeroes the rest of Vd.
 */
export function setElems(c: TranslationContext, d: number, esize: number, count: number, lane: (i: number) => Value): void {
  const vals = Array.from({ length: count }, (_, i) => lane(i));
  if (esize === 32 && count === 1) c.setV64(d, 0, c.ir.op('ZeroExtend32To64', vals[0]!));
  else vals.forEach((v, i) => (esize === 64 ? c.setV64(d, i, v) : c.setV32(d, i, v)));
  if (count * esize < 128) c.zeroVHigh(d);
}

/** All ones if u (U1) is set, else zero, as an element of the sf size. */
export function maskOf(c: TranslationContext, sf: number, u: Value): Value {
  return c.op(sf, 'Select', u, c.const(sf, -1n), c.const(sf, 0n));
}

/** Every bit a copy of the sign bit of a. */
export function signFill(c: TranslationContext, sf: number, a: Value): Value {
  return c.op(sf, 'Asr', a, c.ir.u32(sf ? 63 : 31));
}

/** All ones if a < b (signed), else zero: the sign of a - b, flipped when the subtraction overflows (N != V). */
export function maskLtSigned(c: TranslationContext, sf: number, a: Value, b: Value): Value {
  const t = c.op(sf, 'Sub', a, b);
  return signFill(c, sf, c.op(sf, 'Xor', t, c.op(sf, 'And', c.op(sf, 'Xor', a, b), c.op(sf, 'Xor', t, a))));
}

/** All ones if a < b (unsigned), else zero: the borrow out of a - b, (~a & b) | (~(a ^ b) & (a - b)). */
export function maskLtUnsigned(c: TranslationContext, sf: number, a: Value, b: Value): Value {
  const borrow = c.op(sf, 'Or', c.op(sf, 'AndNot', b, a), c.op(sf, 'And', c.op(sf, 'XorNot', a, b), c.op(sf, 'Sub', a, b)));
  return signFill(c, sf, borrow);
}

/**
 * Source element i of half `part` of V[n] (0: low, 1: high, the "2" forms) for the
 * lengthening ops, sign- or zero-extended: esize 16 to a U32, esize 32 to a U64.
 */
export function longElem(c: TranslationContext, n: number, esize: number, part: number, signed: boolean, i: number): Value {
  if (esize === 32) return c.ir.op(signed ? 'SignExtend32To64' : 'ZeroExtend32To64', c.V32(n, 2 * part + i));
  const w = c.V32(n, 2 * part + (i >> 1));
  if (i & 1) return c.ir.op(signed ? 'Asr32' : 'Lsr32', w, c.ir.u32(16));
  return c.ir.op(signed ? 'SignExtend16To32' : 'ZeroExtend16To32', w);
}

/**
 * Lengthen the esize-bit elements (8, 16, 32) of half `part` of V[n] to 2 * esize bits,
 * sign- or zero-extended, shifted left by shift (0..esize), into all 128 bits of Vd.
 * 8-bit sources are handled a 32-bit word at a time: two bytes become two halfwords.
 */
export function setLong(c: TranslationContext, d: number, n: number, esize: number, part: number, signed: boolean, shift: number): void {
  const u32 = (k: number) => c.ir.u32(k);
  const shl = (x: Value, s: number) => (s ? c.ir.op('Lsl32', x, u32(s)) : x);
  if (esize !== 8) {
    const sf = sfOf(2 * esize);
    setElems(c, d, 2 * esize, 64 / esize, (i) => {
      const x = longElem(c, n, esize, part, signed, i);
      return shift ? c.op(sf, 'Lsl', x, u32(shift)) : x;
    });
    return;
  }
  const src = [c.V32(n, 2 * part), c.V32(n, 2 * part + 1)];
  setElems(c, d, 32, 4, (j) => {
    const w = src[j >> 1]!;
    const half = j & 1 ? c.ir.op('Lsr32', w, u32(16)) : w; // bytes 2j and 2j + 1 in bits 15..0
    if (!signed) return shl(c.ir.op('Or32', c.ir.op('And32', half, u32(0xff)), c.ir.op('Lsl32', c.ir.op('And32', half, u32(0xff00)), u32(8))), shift);
    const lo = c.ir.op('And32', shl(c.ir.op('SignExtend8To32', half), shift), u32(0xffff));
    const hi = c.ir.op('Lsl32', c.ir.op('SignExtend8To32', c.ir.op('Lsr32', half, u32(8))), u32(16 + shift));
    return c.ir.op('Or32', lo, hi);
  });
}

/**
 * Narrow the 2 * esize-bit elements of Vn, shifted right by shift (0..esize), to their low
 * esize bits (esize 8, 16, 32) into half `part` of Vd: part 0 zeroes the upper half, part 1
 * (the "2" forms) keeps the lower half.
 */
export function setNarrow(c: TranslationContext, d: number, n: number, esize: number, part: number, shift: number): void {
  const u32 = (k: number) => c.ir.u32(k);
  const shr = (x: Value, s: number) => (s ? c.ir.op('Lsr32', x, u32(s)) : x);
  /** Output word k: from source element k (esize 32) or source words 2k and 2k + 1. */
  const word = (k: number): Value => {
    if (esize === 32) return shift ? c.ir.op('Truncate64To32', c.ir.op('Lsr64', c.V64(n, k), u32(shift))) : c.V32(n, 2 * k);
    // Each source word narrows to 16 bits: one 16-bit element, or two 8-bit elements.
    const half = (w: Value): Value =>
      esize === 16
        ? c.ir.op('ZeroExtend16To32', shr(w, shift))
        : c.ir.op('Or32', c.ir.op('And32', shr(w, shift), u32(0xff)), c.ir.op('And32', shr(w, 8 + shift), u32(0xff00)));
    return c.ir.op('Or32', half(c.V32(n, 2 * k)), c.ir.op('Lsl32', half(c.V32(n, 2 * k + 1)), u32(16)));
  };
  const lo = word(0), hi = word(1);
  c.setV64(d, part, c.ir.op('Pack32To64', lo, hi));
  if (!part) c.zeroVHigh(d);
}
