/** CRC32 and CRC32C (FEAT_CRC32): bit-reflected, polynomials 0x04C11DB7 and 0x1EDC6F41. */
import { registerHelpers } from './registry.js';

function table(poly: number): Int32Array {
  const t = new Int32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ poly : c >>> 1;
    t[i] = c;
  }
  return t;
}
const CRC32 = table(0xedb88320);
const CRC32C = table(0x82f63b78);

function update(t: Int32Array, acc: number, value: number, bytes: number): number {
  for (let k = 0; k < bytes; k++) acc = t[(acc ^ (value >>> (8 * k))) & 0xff]! ^ (acc >>> 8);
  return acc | 0;
}

registerHelpers(() => ({
  /** crc32(acc, lo, hi, bytes): hi is used for 8-byte updates. */
  crc32: (acc: number, lo: number, hi: number, bytes: number) =>
    bytes === 8 ? update(CRC32, update(CRC32, acc, lo, 4), hi, 4) : update(CRC32, acc, lo, bytes),
  crc32c: (acc: number, lo: number, hi: number, bytes: number) =>
    bytes === 8 ? update(CRC32C, update(CRC32C, acc, lo, 4), hi, 4) : update(CRC32C, acc, lo, bytes),
}));
