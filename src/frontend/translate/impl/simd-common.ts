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
