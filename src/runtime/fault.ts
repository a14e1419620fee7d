/** A guest memory access that cannot complete: becomes an architectural abort (or SIGSEGV/SIGBUS in user mode). */
export type Access = 'read' | 'write' | 'exec';
export type FaultKind = 'translation' | 'permission' | 'alignment';

export class GuestFault extends Error {
  /** Guest PC of the faulting instruction (lo/hi), filled by whoever knows it. */
  pcLo = 0;
  pcHi = 0;
  constructor(
    readonly kind: FaultKind,
    readonly access: Access,
    readonly vaLo: number,
    readonly vaHi: number,
  ) {
    super(`guest ${kind} fault on ${access} at 0x${hex64(vaLo, vaHi)}`);
  }
}

export function hex64(lo: number, hi: number): string {
  return (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
}
