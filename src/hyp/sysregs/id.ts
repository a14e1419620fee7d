/**
 * The CPU's identity and feature set, in one place: what the ID registers say
 * is exactly what the translator implements (Armv8.0-A with FP, AdvSIMD,
 * CRC32 and LSE atomics), so glibc's ifunc choices only pick routines that
 * jitvisor executes. Linux user mode also reports these through AT_HWCAP.
 */
import type { SysRegInfo } from './types.js';

/** HWCAP bits (arch/arm64/include/uapi/asm/hwcap.h) matching the ID registers below. */
export const HWCAP = {
  FP: 1 << 0,
  ASIMD: 1 << 1,
  CRC32: 1 << 7,
  ATOMICS: 1 << 8,
  CPUID: 1 << 11,
} as const;
export const AT_HWCAP = HWCAP.FP | HWCAP.ASIMD | HWCAP.CRC32 | HWCAP.ATOMICS | HWCAP.CPUID;

/** An Arm Cortex-A53-like MIDR (implementer 0x41, part 0xd03, r0p4). */
export const MIDR = 0x410fd034n;

const ID = (name: string, crm: number, op2: number, value: bigint, crn = 0): SysRegInfo => ({
  name, op0: 3, op1: 0, crn, crm, op2, access: 'PL1_R', storage: { kind: 'const', value },
});

export const ID_REGS: SysRegInfo[] = [
  ID('MIDR_EL1', 0, 0, MIDR),
  ID('MPIDR_EL1', 0, 5, 0x80000000n),
  ID('REVIDR_EL1', 0, 6, 0n),
  // ID_AA64PFR0_EL1: EL0..EL1 AArch64 only (1), FP = 0 (implemented), AdvSIMD = 0 (implemented).
  ID('ID_AA64PFR0_EL1', 4, 0, 0x11n),
  ID('ID_AA64PFR1_EL1', 4, 1, 0n),
  ID('ID_AA64DFR0_EL1', 5, 0, 0x6n),
  ID('ID_AA64DFR1_EL1', 5, 1, 0n),
  ID('ID_AA64AFR0_EL1', 5, 4, 0n),
  ID('ID_AA64AFR1_EL1', 5, 5, 0n),
  // ID_AA64ISAR0_EL1: CRC32 [19:16] = 1, Atomic [23:20] = 2 (LSE).
  ID('ID_AA64ISAR0_EL1', 6, 0, (1n << 16n) | (2n << 20n)),
  ID('ID_AA64ISAR1_EL1', 6, 1, 0n),
  ID('ID_AA64ISAR2_EL1', 6, 2, 0n),
  // ID_AA64MMFR0_EL1: 48-bit PA (5), 16-bit ASID (2), 4K granule supported, 16K/64K not.
  // Linux hides every field from EL0 but shows TGran4/TGran64 as their safe "not implemented" value (0xf).
  { ...ID('ID_AA64MMFR0_EL1', 7, 0, 0x5n | (2n << 4n) | (0xfn << 24n) | (0x0n << 28n) | (0xfn << 20n)), el0View: 0xff000000n },
  ID('ID_AA64MMFR1_EL1', 7, 1, 0n),
  ID('ID_AA64MMFR2_EL1', 7, 2, 0n),
  ID('ID_AA64ZFR0_EL1', 4, 4, 0n),
];
