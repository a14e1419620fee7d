/**
 * What generated code calls that can raise a guest fault (the `M` of abi.ts): the
 * alignment check's fault, and (through `wrap`) the helpers that touch memory. A
 * guest fault does not unwind through the region: it is recorded here, EXIT_REASON
 * becomes Fault, and the call returns 0; the generated code then leaves through its
 * one epilogue, which writes the registers, NZCV and the retired count back, with the
 * PC of the faulting instruction. Regions need no try/finally, whose exception edges
 * carry every live local in TurboFan and made bigger regions slow to compile. (A load
 * or store that misses the soft TLB leaves the region instead: the interpreter runs
 * it, and raises its fault.)
 */
import { ExitReason, Slot } from '../backend-js/abi.js';
import { GuestFault } from './fault.js';
import type { HelperFn } from './helpers/registry.js';
import type { Memory } from './memory.js';

export class CodeMemory {
  /** The fault a call recorded (EXIT_REASON = Fault), until the engine takes it. */
  fault: GuestFault | undefined = undefined;

  constructor(
    private readonly mem: Memory,
    private readonly S: Int32Array,
  ) {
    // Second stores: mutable fields from the start (see Memory's constructor).
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
