/** EL0-accessible system registers and system instructions (user mode needs exactly these). */
import { Slot } from '../../backend-js/abi.js';
import type { SysRegInfo } from './types.js';

export const EL0_REGS: SysRegInfo[] = [
  { name: 'NZCV', op0: 3, op1: 3, crn: 4, crm: 2, op2: 0, access: 'PL0_RW', storage: { kind: 'nzcv' } },
  // FPCR: AHP, DN, FZ, RMode (bits 26..22) act; Stride (21:20) and Len (18:16) only hold what was written
  // (they act in AArch32 only; qemu's cortex-a53 keeps them too); the trap enables and FZ16 are RES0 here.
  { name: 'FPCR', op0: 3, op1: 3, crn: 4, crm: 4, op2: 0, access: 'PL0_RW', storage: { kind: 'slot', slot: Slot.FPCR, mask: 0x07f70000 } },
  // FPSR: QC (27) and the cumulative flags IDC, IXC, UFC, OFC, DZC, IOC; N, Z, C, V (31:28) only hold what was
  // written (AArch32's FPSCR flags; qemu's cortex-a53 keeps them too).
  { name: 'FPSR', op0: 3, op1: 3, crn: 4, crm: 4, op2: 1, access: 'PL0_RW', storage: { kind: 'slot', slot: Slot.FPSR, mask: 0xf800009f | 0 } },
  { name: 'TPIDR_EL0', op0: 3, op1: 3, crn: 13, crm: 0, op2: 2, access: 'PL0_RW', storage: { kind: 'store', reset: 0n } },
  { name: 'TPIDRRO_EL0', op0: 3, op1: 3, crn: 13, crm: 0, op2: 3, access: 'PL0_R', storage: { kind: 'store', reset: 0n } },
  // CTR_EL0 as a Cortex-A53's: IminLine = DminLine = 4 (64-byte lines), L1Ip = VIPT (2), ERG = CWG = 4, IDC = DIC = 0.
  { name: 'CTR_EL0', op0: 3, op1: 3, crn: 0, crm: 0, op2: 1, access: 'PL0_R', storage: { kind: 'const', value: 0x84448004n } },
  // DCZID_EL0: DC ZVA permitted, block size 2^4 words = 64 bytes.
  { name: 'DCZID_EL0', op0: 3, op1: 3, crn: 0, crm: 0, op2: 7, access: 'PL0_R', storage: { kind: 'const', value: 4n } },
  { name: 'CNTFRQ_EL0', op0: 3, op1: 3, crn: 14, crm: 0, op2: 0, access: 'PL0_R', storage: { kind: 'const', value: 62_500_000n } },
  { name: 'CNTVCT_EL0', op0: 3, op1: 3, crn: 14, crm: 0, op2: 2, access: 'PL0_R', storage: { kind: 'fn', read: 'sysReadCounter' } },
  // Linux leaves CNTKCTL_EL1.EL0PCTEN clear: the physical count is UNDEFINED at EL0 (SIGILL), the virtual one is readable.
  { name: 'CNTPCT_EL0', op0: 3, op1: 3, crn: 14, crm: 0, op2: 1, access: 'PL1_R', storage: { kind: 'fn', read: 'sysReadCounter' } },
  // System instructions usable at EL0 (SCTLR_EL1.UCI/DZE set by Linux). DC CVAP needs FEAT_DPB: not implemented, so UNDEFINED.
  { name: 'DC_ZVA', op0: 1, op1: 3, crn: 7, crm: 4, op2: 1, access: 'PL0_W', storage: { kind: 'op', fn: 'dcZva' } },
  { name: 'DC_CVAC', op0: 1, op1: 3, crn: 7, crm: 10, op2: 1, access: 'PL0_W', storage: { kind: 'op', fn: 'dcNop' } },
  { name: 'DC_CVAU', op0: 1, op1: 3, crn: 7, crm: 11, op2: 1, access: 'PL0_W', storage: { kind: 'op', fn: 'dcNop' } },
  { name: 'DC_CIVAC', op0: 1, op1: 3, crn: 7, crm: 14, op2: 1, access: 'PL0_W', storage: { kind: 'op', fn: 'dcNop' } },
  { name: 'IC_IVAU', op0: 1, op1: 3, crn: 7, crm: 5, op2: 1, access: 'PL0_W', storage: { kind: 'op', fn: 'dcNop' } },
];
