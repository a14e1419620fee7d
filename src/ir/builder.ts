/** Generic typed IR builder. Arguments are checked against the opcode table as they are added. */
import { type Opcode, type OpInfo, OPCODES } from './opcodes.js';
import type { ArgKind } from './types.js';
import { type Block, Imm, Inst, type Value } from './value.js';

export class IrError extends Error {}

export function argOk(kind: ArgKind, v: Value): boolean {
  switch (kind) {
    case 'ImmReg':
    case 'ImmCond':
    case 'ImmBit':
    case 'ImmHelper':
    case 'ImmAny':
      return v.kind === 'imm' && v.type === 'Imm';
    case 'Op':
      return v.kind === 'inst';
    default:
      return v.type === kind;
  }
}

export class IrBuilder {
  /** Index of the guest instruction being translated; stamped on every instruction. */
  gi = 0;
  constructor(readonly block: Block) {}

  op(op: Opcode, ...args: Value[]): Inst {
    const info: OpInfo = OPCODES[op];
    const n = info.args.length;
    if (info.variadic ? args.length < n : args.length !== n) {
      throw new IrError(`${op}: expected ${n} arguments, got ${args.length}`);
    }
    for (let i = 0; i < args.length; i++) {
      const kind: ArgKind = i < n ? info.args[i]! : 'U32';
      const a = args[i]!;
      if (i >= n ? !(a.type === 'U32' || a.type === 'U64' || a.type === 'U1') : !argOk(kind, a)) {
        throw new IrError(`${op}: argument ${i} must be ${kind}, got ${a.kind === 'imm' ? 'immediate ' : ''}${a.type}`);
      }
    }
    const inst = new Inst(op, args);
    inst.gi = this.gi;
    this.block.insts.push(inst);
    return inst;
  }

  // ---- immediates ----
  imm(n: number): Imm {
    return new Imm('Imm', n | 0);
  }
  u1(b: boolean | number): Imm {
    return new Imm('U1', b ? 1 : 0);
  }
  u32(n: number): Imm {
    return new Imm('U32', n | 0);
  }
  u64(lo: number, hi: number): Imm {
    return new Imm('U64', lo | 0, hi | 0);
  }
  u64n(v: bigint): Imm {
    return new Imm('U64', Number(BigInt.asUintN(32, v)) | 0, Number(BigInt.asUintN(32, v >> 32n)) | 0);
  }
  nzcv(flags4: number): Imm {
    return new Imm('NZCV', (flags4 << 28) | 0);
  }
}
