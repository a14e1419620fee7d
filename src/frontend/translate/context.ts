/**
 * The context every translator handler receives: the IR builder, the current
 * instruction's address, and A64-level helpers (register access with the
 * SP/ZR rules, sized op names, memory, helper calls, block endings).
 */
import { ExitReason } from '../../backend-js/abi.js';
import { IrBuilder } from '../../ir/builder.js';
import type { Opcode } from '../../ir/opcodes.js';
import { type Block, type Imm, type Inst, type Pc, pcAdd, type Value } from '../../ir/value.js';
import { helperIndex } from '../../runtime/helpers/all.js';

/** Opcode families that exist in 32- and 64-bit versions. */
type Sized<T extends string> = T extends `${infer B}32` ? (`${B}64` extends Opcode ? B : never) : never;
export type SizedOp = Sized<Opcode>;

export class TranslationContext {
  readonly ir: IrBuilder;
  pc: Pc = { lo: 0, hi: 0 };
  word = 0;
  /** Set by unallocated(): this instruction is UNDEFINED. */
  undefinedHere = false;

  constructor(readonly block: Block) {
    this.ir = new IrBuilder(block);
  }

  // ---- registers: n = 31 is ZR for X/W and SP for XSP/WSP ----
  X(n: number): Value {
    return n === 31 ? this.ir.u64(0, 0) : this.ir.op('A64GetX', this.ir.imm(n));
  }
  W(n: number): Value {
    return n === 31 ? this.ir.u32(0) : this.ir.op('A64GetW', this.ir.imm(n));
  }
  XSP(n: number): Value {
    return this.ir.op('A64GetX', this.ir.imm(n));
  }
  WSP(n: number): Value {
    return this.ir.op('A64GetW', this.ir.imm(n));
  }
  setX(n: number, v: Value): void {
    if (n !== 31) this.ir.op('A64SetX', this.ir.imm(n), v);
  }
  setW(n: number, v: Value): void {
    if (n !== 31) this.ir.op('A64SetW', this.ir.imm(n), v);
  }
  setXSP(n: number, v: Value): void {
    this.ir.op('A64SetX', this.ir.imm(n), v);
  }
  setWSP(n: number, v: Value): void {
    this.ir.op('A64SetW', this.ir.imm(n), v);
  }
  /** Register of the operation size: sf=1 -> X (U64), sf=0 -> W (U32). */
  reg(sf: number, n: number): Value {
    return sf ? this.X(n) : this.W(n);
  }
  regSP(sf: number, n: number): Value {
    return sf ? this.XSP(n) : this.WSP(n);
  }
  setReg(sf: number, n: number, v: Value): void {
    if (sf) this.setX(n, v);
    else this.setW(n, v);
  }
  setRegSP(sf: number, n: number, v: Value): void {
    if (sf) this.setXSP(n, v);
    else this.setWSP(n, v);
  }
  /** The sized opcode: op(sf, 'Add', a, b) is Add64 or Add32. */
  op(sf: number, base: SizedOp, ...args: Value[]): Inst {
    return this.ir.op(`${base}${sf ? '64' : '32'}` as Opcode, ...args);
  }
  /** Constant of the operation size. */
  const(sf: number, v: bigint): Imm {
    return sf ? this.ir.u64n(v) : this.ir.u32(Number(BigInt.asUintN(32, v)));
  }
  // ---- vector register file ----
  /** 64-bit lane (0 or 1) of V[n]. */
  V64(n: number, lane: number): Value {
    return this.ir.op('A64GetV64', this.ir.imm(n), this.ir.imm(lane));
  }
  V32(n: number, lane: number): Value {
    return this.ir.op('A64GetV32', this.ir.imm(n), this.ir.imm(lane));
  }
  setV64(n: number, lane: number, v: Value): void {
    this.ir.op('A64SetV64', this.ir.imm(n), this.ir.imm(lane), v);
  }
  setV32(n: number, lane: number, v: Value): void {
    this.ir.op('A64SetV32', this.ir.imm(n), this.ir.imm(lane), v);
  }
  zeroVHigh(n: number): void {
    this.ir.op('A64ZeroVHigh', this.ir.imm(n));
  }
  nzcv(): Value {
    return this.ir.op('A64GetNZCV');
  }
  setNZCV(v: Value): void {
    this.ir.op('A64SetNZCV', v);
  }

  // ---- helpers (runtime/helpers) ----
  callVoid(name: string, ...args: Value[]): Inst {
    return this.ir.op('CallVoid', this.ir.imm(helperIndex(name)), ...args);
  }
  call32(name: string, ...args: Value[]): Inst {
    return this.ir.op('Call32', this.ir.imm(helperIndex(name)), ...args);
  }
  call64(name: string, ...args: Value[]): Inst {
    return this.ir.op('Call64', this.ir.imm(helperIndex(name)), ...args);
  }

  // ---- block endings: each returns false ("stop translating") ----
  /** This encoding is UNDEFINED (unallocated, reserved value, or not implemented). */
  unallocated(): false {
    this.undefinedHere = true;
    this.block.terminal = { kind: 'Undefined', at: this.pc };
    return false;
  }
  branch(target: Pc): false {
    this.block.terminal = { kind: 'Link', next: target };
    return false;
  }
  branchIf(cond: Value, target: Pc): false {
    this.block.terminal = { kind: 'Branch', cond, taken: target, notTaken: this.nextPc() };
    return false;
  }
  branchIndirect(target: Value): false {
    this.block.terminal = { kind: 'Indirect', target };
    return false;
  }
  exit(reason: ExitReason, arg = 0): false {
    this.block.terminal = { kind: 'Exit', reason, arg, next: this.nextPc() };
    return false;
  }
  /** End the block after this instruction (e.g. after a system register write). */
  endBlock(): false {
    return this.branch(this.nextPc());
  }
  nextPc(): Pc {
    return pcAdd(this.pc, 4);
  }
  /** pc + a signed byte offset. */
  pcRel(offset: number): Pc {
    return pcAdd(this.pc, offset);
  }
}
