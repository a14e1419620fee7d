/**
 * Helper family: the store-exclusive. It is a helper, not inline IR, because
 * it must not touch memory at all when the monitor does not hold its address
 * (qemu-aarch64 7.2 then returns status 1 without an access, so no fault on an
 * unmapped or read-only page; the Arm ARM leaves the order of the monitor
 * check and the MMU check IMPLEMENTATION DEFINED), and IR blocks do not
 * branch. The comparison follows qemu (see impl/load-store-atomic.ts).
 * Alignment is checked before the call, by the translator.
 */
import { Slot } from '../../backend-js/abi.js';
import { registerHelpers } from './registry.js';

registerHelpers((ctx) => ({
  /**
   * Store-exclusive of `bytes` (1, 2, 4, 8; 8 for a W pair packed in d1; 16
   * for an X pair d1, d2) at addr. Returns the status: 0 stored, 1 failed.
   * Clears the monitor.
   */
  storeExclusive(lo: number, hi: number, bytes: number, d1lo: number, d1hi: number, d2lo: number, d2hi: number): number {
    const S = ctx.cpu.s;
    const held = S[Slot.EXCL_SIZE] !== 0 && S[Slot.EXCL_ADDR] === lo && S[Slot.EXCL_ADDR + 1] === hi;
    S[Slot.EXCL_SIZE] = 0;
    if (!held) return 1;
    const mem = ctx.mem;
    const vlo = S[Slot.EXCL_VAL]!, vhi = S[Slot.EXCL_VAL + 1]!;
    if (bytes >= 8) {
      const olo = mem.ld64(lo, hi), ohi = mem.retHi;
      let same = olo === vlo && ohi === vhi;
      const lo2 = (lo + 8) | 0, hi2 = (lo2 >>> 0) < (lo >>> 0) ? (hi + 1) | 0 : hi;
      if (bytes === 16) {
        const plo = mem.ld64(lo2, hi2), phi = mem.retHi;
        same = same && plo === S[Slot.EXCL_VAL + 2] && phi === S[Slot.EXCL_VAL + 3];
      }
      if (!same) return 1;
      mem.st64(lo, hi, d1lo, d1hi);
      if (bytes === 16) mem.st64(lo2, hi2, d2lo, d2hi);
      return 0;
    }
    // B/H/W: store when memory equals the low bytes of the recorded value; status 0 only when it equals all 64 bits.
    const old = bytes === 1 ? mem.ld8(lo, hi) : bytes === 2 ? mem.ld16(lo, hi) : mem.ld32(lo, hi) >>> 0;
    const mask = bytes === 4 ? 0xffffffff : (1 << (8 * bytes)) - 1;
    if (old !== (vlo & mask) >>> 0) return 1;
    if (bytes === 1) mem.st8(lo, hi, d1lo);
    else if (bytes === 2) mem.st16(lo, hi, d1lo);
    else mem.st32(lo, hi, d1lo);
    return old === vlo >>> 0 && vhi === 0 ? 0 : 1;
  },
}), { memory: true });
