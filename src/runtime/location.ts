/**
 * The translation context word of a location descriptor: every bit of CPU
 * state that changes what a guest instruction means, so that translated code
 * is specialised on it (QEMU's hflags, dynarmic's location descriptor). A
 * block is found in the code cache by (PC, context). In user mode the guest
 * always runs at EL0 with one regime, so the word is constant; system mode adds
 * the fields below as it implements them.
 */
export const enum CtxBits {
  /** Current exception level (bits 1:0). */
  EL_SHIFT = 0,
  /** PSTATE.SP selects SP_ELx (bit 2). */
  SPSEL = 1 << 2,
  /** Running in the virtual EL2 of a guest hypervisor (bit 3). */
  VEL2 = 1 << 3,
  /** Stage-1 translation enabled (bit 4). */
  MMU = 1 << 4,
}

/** Context of Linux user mode: EL0, no other state varies. */
export const USER_MODE_CTX = 0;
