/** Translate-time immediate helpers from the Arm ARM shared pseudocode. */

export function sext(v: number, bits: number): number {
  const s = 32 - bits;
  return (v << s) >> s;
}

const ones = (n: number): bigint => (1n << BigInt(n)) - 1n;

function ror(x: bigint, r: number, esize: number): bigint {
  if (r === 0) return x;
  const m = ones(esize);
  return ((x >> BigInt(r)) | (x << BigInt(esize - r))) & m;
}

function replicate(x: bigint, esize: number, datasize: number): bigint {
  let out = 0n;
  for (let i = 0; i < datasize; i += esize) out |= x << BigInt(i);
  return out;
}

/** DecodeBitMasks(N, imms, immr, immediate, M): [wmask, tmask], or undefined if reserved. */
export function decodeBitMasks(n: number, imms: number, immr: number, immediate: boolean, datasize: number): [bigint, bigint] | undefined {
  const combined = (n << 6) | (~imms & 0x3f);
  if (combined === 0) return undefined;
  const len = 31 - Math.clz32(combined);
  if (len < 1) return undefined;
  const levels = (1 << len) - 1;
  if (immediate && (imms & levels) === levels) return undefined;
  const s = imms & levels;
  const r = immr & levels;
  const diff = (s - r) & levels;
  const esize = 1 << len;
  if (esize > datasize) return undefined;
  const welem = ones(s + 1);
  const telem = ones(diff + 1);
  return [replicate(ror(welem, r, esize), esize, datasize), replicate(telem, esize, datasize)];
}
