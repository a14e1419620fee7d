/**
 * The text of a guest memory access in generated code: the inline soft-TLB probe
 * (`probe`) and the DataView reads and writes of its hit path at a RAM offset `o`; its
 * miss path leaves the region (SlowPath.miss). Single accesses (emit.ts) and pairs under
 * one probe (pairs.ts) are built from these, so both read and write memory the same way.
 */
import type { Inst } from '../ir/value.js';
import { TLB_MASK } from './abi.js';

export type AccessSize = 1 | 2 | 4 | 8;

/** Statements around a slow-path call, for the instruction making it (the emitter builds them per block). */
export interface SlowPath {
  /**
   * Around a call that can fault or write translated code: `save` writes the budget back (it
   * counts retired instructions, and the runtime zeroes it to make running code leave);
   * `restore` re-reads it and leaves on a fault, at the instruction.
   */
  slow: (inst: Inst) => { save: string; restore: string };
  /**
   * After a call that can fault but never changes the budget (a load, an alignment check):
   * leave on a fault, at the instruction.
   */
  faulted: (inst: Inst) => string;
  /**
   * A soft-TLB miss: leave the region at the instruction, returning MISS_EXIT (abi.ts); the
   * runtime runs it in the interpreter, which fills the TLB, and comes back.
   */
  miss: (inst: Inst) => string;
}

/**
 * `{ hit } else { miss }` behind the probe of the read (R) or write (W) TLB for `bytes` bytes
 * at (al, ah): it hits when the entry maps the page of the first and of the last byte; `hit`
 * sees the RAM offset of the first byte as `o`.
 */
export function probe(table: 'R' | 'W', al: string, ah: string, bytes: number, hit: string, miss: string): string {
  return (
    `{ const t = (${al} >>> 12) & ${TLB_MASK}; if (${table}T[t] === ((${al} + ${bytes - 1}) & -4096) && ${table}H[t] === ${ah}) ` +
    `{ const o = (${table}A[t] + ${al}) | 0; ${hit} } else { ${miss} } }`
  );
}

/** Read `size` bytes at RAM offset `o` into a<id> (and b<id> for 8). */
export function loadHit(size: AccessSize, id: number, o: string): string {
  switch (size) {
    case 1: return `a${id} = D.getUint8(${o});`;
    case 2: return `a${id} = D.getUint16(${o}, true);`;
    case 4: return `a${id} = D.getInt32(${o}, true);`;
    case 8: return `a${id} = D.getInt32(${o}, true); b${id} = D.getInt32(${o} + 4, true);`;
  }
}

/** Write `size` bytes of (vl, vh) at RAM offset `o`. */
export function storeHit(size: AccessSize, o: string, vl: string, vh: string): string {
  switch (size) {
    case 1: return `D.setUint8(${o}, ${vl});`;
    case 2: return `D.setUint16(${o}, ${vl}, true);`;
    case 4: return `D.setInt32(${o}, ${vl}, true);`;
    case 8: return `D.setInt32(${o}, ${vl}, true); D.setInt32(${o} + 4, ${vh}, true);`;
  }
}
