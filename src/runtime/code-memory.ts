/**
 * What generated code calls on a soft-TLB miss (the `M` of abi.ts) and which
 * helpers it calls that touch memory: the same accesses as Memory and the
 * helpers, but a guest fault does not unwind through the region. It is
 * recorded here, EXIT_REASON becomes Fault, and the call returns 0; the
 * generated code then leaves through its one epilogue, which writes the
 * registers, NZCV and the retired count back, with the PC of the faulting
 * instruction. Regions need no try/finally, whose exception edges carry every
 * live local in TurboFan and made bigger regions slow to compile.
 */
import { ExitReason, Slot } from '../backend-js/abi.js';
import { GuestFault } from './fault.js';
import type { HelperFn } from './helpers/registry.js';
import type { Memory } from './memory.js';

export class CodeMemory {
  /** High word of the last ld64. */
  retHi = 0;
  /** The fault a call recorded (EXIT_REASON = Fault), until the engine takes it. */
  fault: GuestFault | undefined = undefined;

  constructor(
    private readonly mem: Memory,
    private readonly S: Int32Array,
  ) {
    // Second stores: mutable fields from the start (see Memory's constructor).
    this.retHi = 0;
    this.fault = undefined;
  }

  /** Record a guest fault (anything else is a host error and propagates). */
  failed(e: unknown): 0 {
    if (!(e instanceof GuestFault)) throw e;
    this.fault = e;
    this.S[Slot.EXIT_REASON] = ExitReason.Fault;
    return 0;
  }

  /** Take the recorded fault (the engine, on an exit with reason Fault). */
  take(): GuestFault {
    const f = this.fault;
    if (f === undefined) throw new Error('code memory: Fault exit without a recorded fault');
    this.fault = undefined;
    return f;
  }

  ld8(lo: number, hi: number): number {
    try {
      return this.mem.ld8(lo, hi);
    } catch (e) {
      return this.failed(e);
    }
  }
  ld16(lo: number, hi: number): number {
    try {
      return this.mem.ld16(lo, hi);
    } catch (e) {
      return this.failed(e);
    }
  }
  ld32(lo: number, hi: number): number {
    try {
      return this.mem.ld32(lo, hi);
    } catch (e) {
      return this.failed(e);
    }
  }
  ld64(lo: number, hi: number): number {
    try {
      const v = this.mem.ld64(lo, hi);
      this.retHi = this.mem.retHi;
      return v;
    } catch (e) {
      this.retHi = 0;
      return this.failed(e);
    }
  }
  st8(lo: number, hi: number, v: number): void {
    try {
      this.mem.st8(lo, hi, v);
    } catch (e) {
      this.failed(e);
    }
  }
  st16(lo: number, hi: number, v: number): void {
    try {
      this.mem.st16(lo, hi, v);
    } catch (e) {
      this.failed(e);
    }
  }
  st32(lo: number, hi: number, v: number): void {
    try {
      this.mem.st32(lo, hi, v);
    } catch (e) {
      this.failed(e);
    }
  }
  st64(lo: number, hi: number, vlo: number, vhi: number): void {
    try {
      this.mem.st64(lo, hi, vlo, vhi);
    } catch (e) {
      this.failed(e);
    }
  }
  alignmentFault(lo: number, hi: number, write: number): void {
    try {
      this.mem.alignmentFault(lo, hi, write);
    } catch (e) {
      this.failed(e);
    }
  }

  /** A memory-touching helper as generated code calls it: a guest fault is recorded, not thrown. */
  wrap(f: HelperFn): HelperFn {
    return (...args: number[]) => {
      try {
        return f(...args);
      } catch (e) {
        return this.failed(e);
      }
    };
  }
}
