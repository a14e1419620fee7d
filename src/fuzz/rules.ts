/**
 * What the fuzzer never generates or compares, in one place, each with the
 * reason. Everything here is either behaviour the Arm architecture leaves
 * open (UNPREDICTABLE / CONSTRAINED UNPREDICTABLE, UNKNOWN values), or state
 * that is not the instruction's to decide (time, the host). Nothing is here
 * because jitvisor got it wrong: such rows are fixed in the translator.
 */
import type { Fields } from '../frontend/decoder/bitpattern.js';

export interface WordRule {
  /** Greppable rule name (appears in reports). */
  readonly name: string;
  /** Row ids it applies to. */
  readonly rows: RegExp;
  /** Arm ARM reason. */
  readonly reason: string;
  /** True when the instance must not be generated. */
  readonly applies: (f: Fields) => boolean;
}

const LOAD_WRITEBACK = /^(LDRS?[BHW]?_imm_(pre|post)|LDR_imm_(pre|post))$/;
const STORE_WRITEBACK = /^(STR[BH]?_imm_(pre|post))$/;
const sysKey = (f: Fields): number => (f['o']! << 14) | (f['p']! << 11) | (f['C']! << 7) | (f['M']! << 3) | f['q']!;
/** MRS op0<0>:op1:CRn:CRm:op2 keys. */
const CNTVCT_EL0 = sysKey({ o: 1, p: 3, C: 14, M: 0, q: 2 });
const ID_AA64ISAR0_EL1 = sysKey({ o: 1, p: 0, C: 0, M: 6, q: 0 });
/** The debug communications channel registers EL0 can name: MDCCSR_EL0, DBGDTR_EL0, DBGDTRRX_EL0/DBGDTRTX_EL0. */
const DCC = new Set([sysKey({ o: 0, p: 3, C: 0, M: 1, q: 0 }), sysKey({ o: 0, p: 3, C: 0, M: 4, q: 0 }), sysKey({ o: 0, p: 3, C: 0, M: 5, q: 0 })]);

export const WORD_RULES: readonly WordRule[] = [
  {
    name: 'load-writeback-overlap',
    rows: LOAD_WRITEBACK,
    reason: 'load with writeback and Rn == Rt (Rn != SP): CONSTRAINED UNPREDICTABLE (Arm ARM, LDR (immediate): "if wback && n == t && n != 31")',
    applies: (f) => f['n'] === f['t'] && f['n'] !== 31,
  },
  {
    name: 'store-writeback-overlap',
    rows: STORE_WRITEBACK,
    reason: 'store with writeback and Rn == Rt (Rn != SP): CONSTRAINED UNPREDICTABLE (the value stored is UNKNOWN)',
    applies: (f) => f['n'] === f['t'] && f['n'] !== 31,
  },
  {
    name: 'pair-writeback-overlap',
    rows: /^(LDP_gen_(pre|post)|LDPSW_(pre|post)|STP_gen_(pre|post))$/,
    reason: 'load/store pair with writeback and Rn == Rt or Rn == Rt2 (Rn != SP): CONSTRAINED UNPREDICTABLE',
    applies: (f) => f['n'] !== 31 && (f['n'] === f['t'] || f['n'] === f['a']),
  },
  {
    name: 'load-pair-same-register',
    rows: /^(LDP_gen_\w+|LDPSW_\w+|LDNP_gen|LDP_fpsimd_\w+|LDNP_fpsimd|LDXP|LDAXP)$/,
    reason: 'load pair with Rt == Rt2: CONSTRAINED UNPREDICTABLE (Arm ARM, LDP: "if t == t2")',
    applies: (f) => f['t'] === f['a'],
  },
  {
    name: 'store-exclusive-status-overlap',
    rows: /^(STL?XR[BH]?|STL?XP)$/,
    reason: 'store-exclusive with Rs == Rt, Rs == Rt2 or Rs == Rn (Rn != SP): CONSTRAINED UNPREDICTABLE',
    applies: (f) => f['s'] === f['t'] || (f['a'] !== undefined && f['s'] === f['a']) || (f['s'] === f['n'] && f['n'] !== 31),
  },
  {
    name: 'counter-read',
    rows: /^MRS$/,
    reason: 'CNTVCT_EL0 counts time: two runs never read the same value (CNTPCT_EL0 and the self-synchronised forms are UNDEFINED at EL0 and compared)',
    applies: (f) => sysKey(f) === CNTVCT_EL0,
  },
  {
    name: 'dcc-at-el0',
    rows: /^(MRS|MSR_reg)$/,
    reason: 'the debug communications channel (MDCCSR_EL0, DBGDTR_EL0, DBGDTRRX/TX_EL0) at EL0: Linux sets MDSCR_EL1.TDCC so they are UNDEFINED (SIGILL), as in jitvisor; qemu-user lets EL0 read them as 0',
    applies: (f) => DCC.has(sysKey(f)),
  },
  {
    name: 'id-aa64isar0',
    rows: /^MRS$/,
    reason: 'ID_AA64ISAR0_EL1 names the instruction-set features: jitvisor advertises CRC32 and LSE (what it implements); qemu\'s cortex-a53 has AES/PMULL, SHA1, SHA2 and CRC32 and no LSE, and no QEMU CPU model has exactly jitvisor\'s set. Every other ID register read at EL0 is compared',
    applies: (f) => sysKey(f) === ID_AA64ISAR0_EL1,
  },
];

/**
 * Rule 'store-exclusive-misaligned' (applied by the generator, which knows the
 * address): store-exclusives get a 16-byte aligned address and are not used in
 * sequences. Reason: with the exclusive monitor closed, the Arm ARM's
 * AArch64.ExclusiveMonitorsPass raises the alignment fault before it checks
 * the monitor (jitvisor does), while qemu 7.2 checks the monitor first and
 * fails the store without a fault.
 */
export const STORE_EXCLUSIVE_RULE = 'store-exclusive-misaligned';

/** The first rule forbidding this instance of `rowId`, if any. */
export function forbiddenBy(rowId: string, f: Fields): WordRule | undefined {
  for (const r of WORD_RULES) if (r.rows.test(rowId) && r.applies(f)) return r;
  return undefined;
}

/** Comparison rules: parts of the final state that are not compared, and why. */
export const COMPARE_RULES = [
  {
    name: 'faulting-load-destinations',
    reason: 'a load that takes a synchronous Data Abort leaves the registers it would write UNKNOWN (Arm ARM); qemu loads vectors and pairs element by element and keeps the elements loaded before the faulting one, jitvisor writes nothing',
  },
  {
    name: 'dc-zva-fault-pc',
    reason: 'qemu 7.2 reports a DC ZVA that faults at the start of its translation block, not at the instruction (its helper does not restore the guest PC); when jitvisor faults at a DC ZVA and qemu reports the same signal, the PC is not compared',
  },
  {
    name: 'fault-address-outside-user-space',
    reason: 'an access to an address outside the 48-bit user address space (tag byte ignored): qemu-user reports si_addr 0, Linux and jitvisor report the address without its tag byte; the signal and PC are still compared',
  },
  {
    name: 'faulting-store-memory',
    reason: 'a store that takes a synchronous abort may have written any part of its locations (Arm ARM: the memory written by an instruction that aborts is UNKNOWN); qemu splits pairs and vectors into parts: registers, PC and fault are compared, memory is not',
  },
] as const;

/** DC ZVA's encoding (SYS #3, C7, C4, #1, Xt) without Rt. */
export const DC_ZVA = 0xd50b7420;

/** Registers (X and V) that rule 'faulting-load-destinations' leaves uncompared when `rowId` with fields `f` faults. */
export function unknownAfterFault(rowId: string, f: Fields): { x: number[]; v: number[] } {
  if (!/^(LD|CAS|SWP)/.test(rowId)) return { x: [], v: [] };
  const t = f['t'], a = f['a'], s = f['s'];
  if (/^LD[1-4](_|R)/.test(rowId)) {
    // Structure loads: up to four consecutive V registers from Vt.
    return { x: [], v: [0, 1, 2, 3].map((k) => (t! + k) % 32) };
  }
  const vector = /fpsimd/.test(rowId);
  const regs = [t, a].filter((r): r is number => r !== undefined);
  if (/^(CAS|SWP|LD(ADD|CLR|EOR|SET|SMAX|SMIN|UMAX|UMIN))/.test(rowId)) {
    // Atomics write Rt (the old value); CAS writes Rs (and Rs+1 for pairs).
    const out = /^CAS/.test(rowId) ? [s!, ...(rowId === 'CASP' ? [s! + 1] : [])] : [t!];
    return { x: out.filter((r) => r < 31), v: [] };
  }
  return vector ? { x: [], v: regs } : { x: regs.filter((r) => r < 31), v: [] };
}

/** Rule 'fault-address-outside-user-space': is this si_addr outside the 48-bit user space once the tag byte is dropped? */
export function outsideUserSpace(addr: bigint): boolean {
  return (addr & 0x00ff_ffff_ffff_ffffn) >= 1n << 48n || addr === 0n;
}
