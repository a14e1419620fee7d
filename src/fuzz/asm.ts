/**
 * The few A64 instructions the fuzz harness is made of, encoded by hand so
 * the fuzzer needs no cross toolchain (test/fuzz/asm.test.ts checks every
 * encoder against aarch64-linux-gnu-as). Registers are numbers 0..31; 31 is
 * SP or ZR as the instruction defines.
 */

/** A system register as MRS/MSR name it: op0, op1, CRn, CRm, op2. */
export interface SysReg {
  readonly op0: number;
  readonly op1: number;
  readonly crn: number;
  readonly crm: number;
  readonly op2: number;
}

export const NZCV: SysReg = { op0: 3, op1: 3, crn: 4, crm: 2, op2: 0 };
export const FPCR: SysReg = { op0: 3, op1: 3, crn: 4, crm: 4, op2: 0 };
export const FPSR: SysReg = { op0: 3, op1: 3, crn: 4, crm: 4, op2: 1 };
export const TPIDR_EL0: SysReg = { op0: 3, op1: 3, crn: 13, crm: 0, op2: 2 };

function reg(r: number): number {
  if (!Number.isInteger(r) || r < 0 || r > 31) throw new Error(`asm: bad register ${r}`);
  return r;
}

function scaled(off: number, scale: number, bits: number, signed: boolean, what: string): number {
  if (off % scale !== 0) throw new Error(`asm: ${what} offset ${off} is not a multiple of ${scale}`);
  const v = off / scale;
  const lo = signed ? -(1 << (bits - 1)) : 0;
  const hi = signed ? (1 << (bits - 1)) - 1 : (1 << bits) - 1;
  if (v < lo || v > hi) throw new Error(`asm: ${what} offset ${off} out of range`);
  return v & ((1 << bits) - 1);
}

function branchOffset(from: number, to: number, bits: number, what: string): number {
  return scaled(to - from, 4, bits, true, what);
}

const u = (w: number): number => w >>> 0;

/** MOVZ Xd, #imm16, LSL #(16*hw) */
export const movz = (d: number, imm16: number, hw = 0): number => u(0xd2800000 | (hw << 21) | ((imm16 & 0xffff) << 5) | reg(d));
/** MOVK Xd, #imm16, LSL #(16*hw) */
export const movk = (d: number, imm16: number, hw = 0): number => u(0xf2800000 | (hw << 21) | ((imm16 & 0xffff) << 5) | reg(d));

/** MOVZ/MOVK sequence putting a 32-bit unsigned value in Xd (two words, always: fixed-size code). */
export function mov32(d: number, value: number): number[] {
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) throw new Error(`asm: mov32 value ${value} out of range`);
  return [movz(d, value & 0xffff), movk(d, value >>> 16, 1)];
}

/** LDP Xt1, Xt2, [Xn|SP, #off] */
export const ldpX = (t1: number, t2: number, n: number, off: number): number =>
  u(0xa9400000 | (scaled(off, 8, 7, true, 'ldp') << 15) | (reg(t2) << 10) | (reg(n) << 5) | reg(t1));
/** STP Xt1, Xt2, [Xn|SP, #off] */
export const stpX = (t1: number, t2: number, n: number, off: number): number =>
  u(0xa9000000 | (scaled(off, 8, 7, true, 'stp') << 15) | (reg(t2) << 10) | (reg(n) << 5) | reg(t1));
/** LDP Qt1, Qt2, [Xn|SP, #off] */
export const ldpQ = (t1: number, t2: number, n: number, off: number): number =>
  u(0xad400000 | (scaled(off, 16, 7, true, 'ldp q') << 15) | (reg(t2) << 10) | (reg(n) << 5) | reg(t1));
/** STP Qt1, Qt2, [Xn|SP, #off] */
export const stpQ = (t1: number, t2: number, n: number, off: number): number =>
  u(0xad000000 | (scaled(off, 16, 7, true, 'stp q') << 15) | (reg(t2) << 10) | (reg(n) << 5) | reg(t1));
/** LDP Qt1, Qt2, [Xn|SP], #off (post-index) */
export const ldpQPost = (t1: number, t2: number, n: number, off: number): number =>
  u(0xacc00000 | (scaled(off, 16, 7, true, 'ldp q post') << 15) | (reg(t2) << 10) | (reg(n) << 5) | reg(t1));
/** STP Qt1, Qt2, [Xn|SP], #off (post-index) */
export const stpQPost = (t1: number, t2: number, n: number, off: number): number =>
  u(0xac800000 | (scaled(off, 16, 7, true, 'stp q post') << 15) | (reg(t2) << 10) | (reg(n) << 5) | reg(t1));
/** LDR Xt, [Xn|SP, #off] (unsigned offset) */
export const ldrX = (t: number, n: number, off: number): number =>
  u(0xf9400000 | (scaled(off, 8, 12, false, 'ldr') << 10) | (reg(n) << 5) | reg(t));
/** STR Xt, [Xn|SP, #off] (unsigned offset) */
export const strX = (t: number, n: number, off: number): number =>
  u(0xf9000000 | (scaled(off, 8, 12, false, 'str') << 10) | (reg(n) << 5) | reg(t));
/** LDR Wt, [Xn|SP, #off] (unsigned offset) */
export const ldrW = (t: number, n: number, off: number): number =>
  u(0xb9400000 | (scaled(off, 4, 12, false, 'ldr w') << 10) | (reg(n) << 5) | reg(t));
/** STR Wt, [Xn|SP, #off] (unsigned offset) */
export const strW = (t: number, n: number, off: number): number =>
  u(0xb9000000 | (scaled(off, 4, 12, false, 'str w') << 10) | (reg(n) << 5) | reg(t));

function sysreg(r: SysReg): number {
  return ((r.op0 & 1) << 19) | (r.op1 << 16) | (r.crn << 12) | (r.crm << 8) | (r.op2 << 5);
}
/** MRS Xt, <sysreg> */
export const mrs = (t: number, r: SysReg): number => u(0xd5300000 | sysreg(r) | reg(t));
/** MSR <sysreg>, Xt */
export const msr = (r: SysReg, t: number): number => u(0xd5100000 | sysreg(r) | reg(t));

/** ADD Xd|SP, Xn|SP, #imm12 (MOV to/from SP when imm is 0) */
export const addImm = (d: number, n: number, imm12: number): number =>
  u(0x91000000 | (scaled(imm12, 1, 12, false, 'add') << 10) | (reg(n) << 5) | reg(d));
/** SUBS Xd, Xn|SP, #imm12 */
export const subsImm = (d: number, n: number, imm12: number): number =>
  u(0xf1000000 | (scaled(imm12, 1, 12, false, 'subs') << 10) | (reg(n) << 5) | reg(d));

/** SVC #imm16 */
export const svc = (imm16 = 0): number => u(0xd4000001 | ((imm16 & 0xffff) << 5));
/** B to `to` from `from` (byte addresses) */
export const b = (from: number, to: number): number => u(0x14000000 | branchOffset(from, to, 26, 'b'));
/** BL to `to` from `from` */
export const bl = (from: number, to: number): number => u(0x94000000 | branchOffset(from, to, 26, 'bl'));
/** B.NE to `to` from `from` */
export const bne = (from: number, to: number): number => u(0x54000001 | (branchOffset(from, to, 19, 'b.ne') << 5));
/** CBZ Xt to `to` from `from` */
export const cbz = (t: number, from: number, to: number): number => u(0xb4000000 | (branchOffset(from, to, 19, 'cbz') << 5) | reg(t));
/** BR Xn */
export const br = (n: number): number => u(0xd61f0000 | (reg(n) << 5));
/** RET (X30) */
export const ret = (): number => 0xd65f03c0;
/** NOP */
export const nop = (): number => 0xd503201f;

/** A code buffer that knows its own address: emit words, take labels, patch forward branches. */
export class CodeBuffer {
  readonly words: number[] = [];
  constructor(readonly base: number) {}
  /** Address of the next word. */
  get here(): number {
    return this.base + 4 * this.words.length;
  }
  emit(...ws: number[]): this {
    for (const w of ws) this.words.push(w >>> 0);
    return this;
  }
  /** Reserve one word to be patched later; returns its address. */
  hole(): number {
    const at = this.here;
    this.words.push(0);
    return at;
  }
  patch(at: number, w: number): void {
    this.words[(at - this.base) / 4] = w >>> 0;
  }
  bytes(): Uint8Array {
    const out = new Uint8Array(4 * this.words.length);
    const dv = new DataView(out.buffer);
    this.words.forEach((w, i) => dv.setUint32(4 * i, w, true));
    return out;
  }
}
