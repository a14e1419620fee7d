/** What the dispatcher does after a syscall or a signal delivery. */
export type SyscallResult = { kind: 'continue' } | { kind: 'exit'; code: number };

export const CONTINUE: SyscallResult = Object.freeze({ kind: 'continue' }) as SyscallResult;

/** Details of a signal for siginfo_t. */
export interface SigInfo {
  /** si_code: SEGV_MAPERR, SI_USER, ... */
  code: number;
  /** si_addr for fault signals (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP). */
  addr?: bigint;
  /** si_pid/si_uid for signals sent by kill/tgkill. */
  pid?: number;
  uid?: number;
  si_errno?: number;
  /** Raw 128-byte siginfo supplied by the guest (rt_sigqueueinfo). */
  raw?: Uint8Array;
}

/**
 * Thrown by a syscall that was waiting when a signal became deliverable:
 * returns -EINTR, or restarts the syscall after the handler when
 * `restartable` and the handler has SA_RESTART (Linux's -ERESTARTSYS).
 */
export class Interrupted extends Error {
  constructor(readonly restartable: boolean) {
    super('interrupted by a signal');
  }
}
