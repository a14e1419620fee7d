/**
 * Adjacent accesses of one instruction share one soft-TLB check: LDP/STP of W or
 * X registers and the two halves of a Q register access become, in IR,
 * `Read(a); b = Add64(a, size); Read(b)` (or the same with Write), back to back.
 * The first access is emitted at the second's place, under one check that both
 * lie in one page (`(a + 2 * size - 1) & -4096` against the tag). A pair that
 * crosses a page, or misses the TLB, leaves the region at the instruction, and the
 * interpreter runs it, faults included, exactly as two separate accesses would.
 * Moving the first access down is safe: only the address add lies between them,
 * and it neither reads memory nor uses the first result.
 */
import { loadHit, probe, storeHit, type SlowPath } from './access.js';
import type { Block, Inst } from '../ir/value.js';
import { Hh, isImm, L } from './values.js';

const READS: Record<string, 4 | 8> = { Read32: 4, Read64: 8 };
const WRITES: Record<string, 4 | 8> = { Write32: 4, Write64: 8 };

/** Second access -> first access, for every pair in the block (see the file comment). */
export function findPairs(b: Block): Map<Inst, Inst> {
  const pairs = new Map<Inst, Inst>();
  const insts = b.insts;
  for (let k = 0; k + 2 < insts.length; k++) {
    const first = insts[k]!, add = insts[k + 1]!, second = insts[k + 2]!;
    const size = READS[first.op] ?? WRITES[first.op];
    if (size === undefined || second.op !== first.op || first.gi !== second.gi) continue;
    const a = first.args[0]!;
    if (add.op !== 'Add64' || add.args[0] !== a || !isImm(add.args[1]!, size) || second.args[0] !== add) continue;
    pairs.set(second, first);
    k += 2;
  }
  return pairs;
}

/** The code of a pair, emitted at the second access. */
export function pairCode(first: Inst, second: Inst, c: SlowPath): string {
  const a = first.args[0]!;
  const al = L(a), ah = Hh(a);
  const load = READS[first.op];
  if (load !== undefined) {
    return probe('R', al, ah, 2 * load, `${loadHit(load, first.id, 'o')} ${loadHit(load, second.id, `o + ${load}`)}`, c.miss(first));
  }
  const size = WRITES[first.op]!;
  const v = first.args[1]!, w = second.args[1]!;
  return probe('W', al, ah, 2 * size, `${storeHit(size, 'o', L(v), Hh(v))} ${storeHit(size, `o + ${size}`, L(w), Hh(w))}`, c.miss(first));
}
