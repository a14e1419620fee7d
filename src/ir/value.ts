/** IR values: immediates and instruction results; blocks and their terminals. */
import type { Opcode } from './opcodes.js';
import { OPCODES } from './opcodes.js';
import type { IrType } from './types.js';

/** A constant. 64-bit constants carry lo/hi int32 halves; others use lo only. */
export class Imm {
  readonly kind = 'imm' as const;
  constructor(
    readonly type: IrType | 'Imm',
    readonly lo: number,
    readonly hi = 0,
  ) {}
}

export class Inst {
  readonly kind = 'inst' as const;
  uses = 0;
  /** Position in the block, assigned by renumber(). */
  id = -1;
  /** Index of the guest instruction this belongs to (for precise faults). */
  gi = 0;
  constructor(
    public op: Opcode,
    public args: Value[],
  ) {}
  get type(): IrType {
    return OPCODES[this.op].ret;
  }
}

export type Value = Imm | Inst;

/** A guest address known at translation time. */
export interface Pc {
  lo: number;
  hi: number;
}

export type Terminal =
  /** Continue at a constant address. */
  | { kind: 'Link'; next: Pc }
  /** Conditional: cond (U1) true -> taken, false -> notTaken. */
  | { kind: 'Branch'; cond: Value; taken: Pc; notTaken: Pc }
  /** Continue at a computed address (U64). */
  | { kind: 'Indirect'; target: Value }
  /** Return to the runtime with a reason (ExitReason), its argument, and the PC to resume at. */
  | { kind: 'Exit'; reason: number; arg: number; next: Pc }
  /** The instruction at `at` is UNDEFINED: raise it there. */
  | { kind: 'Undefined'; at: Pc };

export class Block {
  readonly insts: Inst[] = [];
  terminal: Terminal | undefined;
  /** Guest instructions covered (the UNDEFINED one of an Undefined terminal is not counted). */
  guestCount = 0;
  /** Address after the last instruction translated. */
  end: Pc;
  /** Where a call in this block returns to (BL/BLR): a likely later target, used to form regions. */
  returnHint: Pc | undefined;
  /**
   * The one target an indirect call (BLR) ending this block was seen to take, when the engine
   * put that callee in the block's region: generated code goes there without leaving if it is.
   */
  callHint: Pc | undefined;
  constructor(
    readonly start: Pc,
    /** Translation context bits of the location descriptor (EL, regime...). 0 in user mode. */
    readonly ctx = 0,
  ) {
    this.end = start;
  }

  /** Where the terminal jumps directly (a link or both ways of a branch; none for a computed target or an exit). */
  directTargets(): Pc[] {
    const t = this.terminal!;
    return t.kind === 'Link' ? [t.next] : t.kind === 'Branch' ? [t.taken, t.notTaken] : [];
  }

  /** Re-assign ids and recompute use counts from scratch. */
  renumber(): void {
    for (let i = 0; i < this.insts.length; i++) {
      this.insts[i]!.id = i;
      this.insts[i]!.uses = 0;
    }
    const use = (v: Value) => {
      if (v.kind === 'inst') v.uses++;
    };
    for (const inst of this.insts) inst.args.forEach(use);
    const t = this.terminal;
    if (t?.kind === 'Branch') use(t.cond);
    else if (t?.kind === 'Indirect') use(t.target);
  }
}

export function pcAdd(pc: Pc, n: number): Pc {
  const lo = (pc.lo + n) | 0;
  const carry = n >= 0 ? ((lo >>> 0) < (pc.lo >>> 0) ? 1 : 0) : (lo >>> 0) > (pc.lo >>> 0) ? -1 : 0;
  return { lo, hi: (pc.hi + carry) | 0 };
}

export function pcToBigInt(pc: Pc): bigint {
  return (BigInt(pc.hi >>> 0) << 32n) | BigInt(pc.lo >>> 0);
}

export function pcFromBigInt(v: bigint): Pc {
  return { lo: Number(v & 0xffffffffn) | 0, hi: Number((v >> 32n) & 0xffffffffn) | 0 };
}

export function pcHex(pc: Pc): string {
  return pcToBigInt(pc).toString(16);
}
