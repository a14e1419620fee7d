/**
 * A system register (or system instruction) row, in the style of QEMU's
 * ARMCPRegInfo: encoding, access rights per EL, storage, side effects.
 * System mode and the virtual EL2 add EL1/EL2 rows and trap attributes.
 */
import type { SysEnc } from './encoding.js';

/** Access rights: the lowest EL that may read (R) and write (W). */
export type Access = 'PL0_R' | 'PL0_W' | 'PL0_RW' | 'PL1_R' | 'PL1_W' | 'PL1_RW' | 'PL2_RW';

export type Storage =
  /** A fixed value (ID registers). */
  | { kind: 'const'; value: bigint }
  /** PSTATE.NZCV. */
  | { kind: 'nzcv' }
  /** A slot of the scalar state array (abi Slot), 32 bits, with a writable mask. */
  | { kind: 'slot'; slot: number; mask: number }
  /** A 64-bit value kept in CpuState.sys under the row's key. */
  | { kind: 'store'; reset: bigint }
  /** Computed on access by a named function of the runtime (helpers/system.ts). */
  | { kind: 'fn'; read?: string; write?: string }
  /** A system instruction (SYS): a write-only operation performed by a named function. */
  | { kind: 'op'; fn: string };

export interface SysRegInfo extends SysEnc {
  /** Greppable Arm ARM name. */
  readonly name: string;
  readonly access: Access;
  readonly storage: Storage;
  /**
   * ID registers: the value Linux shows EL0 when it emulates the read (its
   * sanitised view: hidden fields read as their safe value), where that
   * differs from the register's own value.
   */
  readonly el0View?: bigint;
}
