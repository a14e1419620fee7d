/** Comparing two outcomes of the same case: every register, flag, the signal and (when no signal) the scratch memory. */
import type { Outcome } from './state.js';

export interface Diff {
  /** x3, sp, nzcv, fpsr, fpcr, v7, signal, pc, fault-address, exit, memory+0x120 */
  what: string;
  ref: string;
  ours: string;
}

const hex = (v: bigint | number): string => '0x' + v.toString(16);
const SIGNAMES: Record<number, string> = { 0: 'none', 4: 'SIGILL', 5: 'SIGTRAP', 7: 'SIGBUS', 8: 'SIGFPE', 11: 'SIGSEGV' };
export const signalName = (s: number): string => SIGNAMES[s] ?? `signal ${s}`;

function vreg(v: Uint8Array, i: number): string {
  let s = '';
  for (let k = 15; k >= 0; k--) s += v[16 * i + k]!.toString(16).padStart(2, '0');
  return '0x' + s;
}

/** What a rule (rules.ts COMPARE_RULES) leaves out of one comparison. */
export interface Exempt {
  x?: readonly number[];
  v?: readonly number[];
  faultAddress?: boolean;
  /** The PC of a signal (both runs took the same signal). */
  pc?: boolean;
}

/** Differences of `ours` from the reference `ref` (empty when they agree). */
export function compareOutcomes(ref: Outcome | undefined, ours: Outcome | undefined, exempt: Exempt = {}): Diff[] {
  if (!ref || !ours) return ref === ours ? [] : [{ what: 'output', ref: ref ? 'case ran' : 'no output', ours: ours ? 'case ran' : 'no output' }];
  const d: Diff[] = [];
  if (ref.status !== ours.status) d.push({ what: 'signal', ref: signalName(ref.status), ours: signalName(ours.status) });
  if (ref.exit !== ours.exit && !(exempt.pc && ref.status === ours.status)) d.push({ what: ref.status || ours.status ? 'pc' : 'exit', ref: hex(ref.exit), ours: hex(ours.exit) });
  if ((ref.status === 11 || ref.status === 7) && ref.status === ours.status && ref.addr !== ours.addr && !exempt.faultAddress)
    d.push({ what: 'fault-address', ref: hex(ref.addr), ours: hex(ours.addr) });
  for (let i = 0; i < 31; i++) if (ref.x[i] !== ours.x[i] && !exempt.x?.includes(i)) d.push({ what: `x${i}`, ref: hex(ref.x[i]!), ours: hex(ours.x[i]!) });
  if (ref.sp !== ours.sp) d.push({ what: 'sp', ref: hex(ref.sp), ours: hex(ours.sp) });
  if (ref.nzcv !== ours.nzcv) d.push({ what: 'nzcv', ref: hex(ref.nzcv >>> 28), ours: hex(ours.nzcv >>> 28) });
  if (ref.fpsr !== ours.fpsr) d.push({ what: 'fpsr', ref: hex(ref.fpsr), ours: hex(ours.fpsr) });
  if (ref.fpcr !== ours.fpcr) d.push({ what: 'fpcr', ref: hex(ref.fpcr), ours: hex(ours.fpcr) });
  for (let i = 0; i < 32; i++) {
    let same = true;
    for (let k = 16 * i; k < 16 * i + 16; k++) if (ref.v[k] !== ours.v[k]) same = false;
    if (!same && !exempt.v?.includes(i)) d.push({ what: `v${i}`, ref: vreg(ref.v, i), ours: vreg(ours.v, i) });
  }
  // rules.ts COMPARE_RULES 'faulting-store-memory': memory is compared only when the case completed.
  if (ref.scratch && ours.scratch && ref.status === 0 && ours.status === 0) {
    for (let k = 0; k < ref.scratch.length; k += 8) {
      let same = true;
      for (let j = 0; j < 8; j++) if (ref.scratch[k + j] !== ours.scratch[k + j]) same = false;
      if (same) continue;
      const word = (s: Uint8Array): string => hex(new DataView(s.buffer, s.byteOffset + k, 8).getBigUint64(0, true));
      d.push({ what: `memory+${hex(k)}`, ref: word(ref.scratch), ours: word(ours.scratch) });
      if (d.length > 40) break;
    }
  }
  return d;
}
