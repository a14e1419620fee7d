/** Bit patterns <-> host numbers for the FP tests (doubles as bigint, singles as uint32). */
const F64 = new Float64Array(1);
const U32x2 = new Uint32Array(F64.buffer);
const F32 = new Float32Array(1);
const U32 = new Uint32Array(F32.buffer);

export const dbits = (x: number): bigint => {
  F64[0] = x;
  return (BigInt(U32x2[1]!) << 32n) | BigInt(U32x2[0]!);
};
export const dval = (b: bigint): number => {
  U32x2[0] = Number(b & 0xffffffffn);
  U32x2[1] = Number(b >> 32n);
  return F64[0]!;
};
export const fbits = (x: number): number => {
  F32[0] = x;
  return U32[0]!;
};
export const fval = (b: number): number => {
  U32[0] = b;
  return F32[0]!;
};

/** A seeded xorshift32 stream and a picker over it. */
export function xorshift32(seed: number): { rnd32: () => number; pick: <T>(a: readonly T[]) => T } {
  let s = seed | 0;
  const rnd32 = (): number => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return s >>> 0;
  };
  return { rnd32, pick: <T>(a: readonly T[]): T => a[rnd32() % a.length]! };
}
