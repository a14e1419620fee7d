/**
 * The guest register file, laid out by backend-js/abi.ts: scalar state in one
 * Int32Array (GPRs as lo/hi pairs, PC, NZCV, FPCR/FPSR, monitor, counters),
 * vector registers in one 512-byte buffer with typed views.
 */
import { Slot } from '../backend-js/abi.js';

export class VecFile {
  readonly buf = new ArrayBuffer(32 * 16);
  readonly u8 = new Uint8Array(this.buf);
  readonly u16 = new Uint16Array(this.buf);
  readonly i32 = new Int32Array(this.buf);
  readonly u32 = new Uint32Array(this.buf);
  readonly f32 = new Float32Array(this.buf);
  readonly f64 = new Float64Array(this.buf);
  readonly dv = new DataView(this.buf);
}

export class CpuState {
  readonly s = new Int32Array(Slot.SIZE);
  readonly v = new VecFile();
  /** System registers by packed encoding key (see hyp/sysregs/encoding.ts): lo/hi pairs. */
  readonly sys = new Map<number, [number, number]>();

  getX(n: number): bigint {
    return (BigInt(this.s[2 * n + 1]! >>> 0) << 32n) | BigInt(this.s[2 * n]! >>> 0);
  }
  setX(n: number, v: bigint): void {
    this.s[2 * n] = Number(v & 0xffffffffn) | 0;
    this.s[2 * n + 1] = Number((v >> 32n) & 0xffffffffn) | 0;
  }
  /** X register as a JS number (exact below 2^53), for syscall arguments. */
  xNum(n: number): number {
    return (this.s[2 * n + 1]! >>> 0) * 0x1_0000_0000 + (this.s[2 * n]! >>> 0);
  }
  setXNum(n: number, v: number): void {
    this.s[2 * n] = v | 0;
    this.s[2 * n + 1] = Math.floor(v / 0x1_0000_0000) | 0;
    if (v < 0) this.s[2 * n + 1] = -1; // small negative numbers (errno returns)
  }
  get pc(): bigint {
    return this.getX(Slot.PC / 2);
  }
  set pc(v: bigint) {
    this.setX(Slot.PC / 2, v);
  }
  get sp(): bigint {
    return this.getX(31);
  }
  set sp(v: bigint) {
    this.setX(31, v);
  }
  get nzcv(): number {
    return this.s[Slot.NZCV]! >>> 0;
  }
  set nzcv(v: number) {
    this.s[Slot.NZCV] = v & 0xf0000000;
  }
  /** Vector register n as a 128-bit bigint. */
  getV(n: number): bigint {
    const a = this.v.u32;
    return (BigInt(a[4 * n + 3]!) << 96n) | (BigInt(a[4 * n + 2]!) << 64n) | (BigInt(a[4 * n + 1]!) << 32n) | BigInt(a[4 * n]!);
  }
  setV(n: number, v: bigint): void {
    const a = this.v.u32;
    for (let k = 0; k < 4; k++) a[4 * n + k] = Number((v >> BigInt(32 * k)) & 0xffffffffn);
  }
  /** Instructions retired: those before the engine's current budget slice and those retired in it. */
  get icount(): number {
    const s = this.s;
    return (s[Slot.ICOUNT + 1]! >>> 0) * 0x1_0000_0000 + (s[Slot.ICOUNT]! >>> 0) + (s[Slot.BUDGET_ISSUED]! - s[Slot.BUDGET]!);
  }
  /** Add n retired instructions to ICOUNT (the engine, when a budget slice ends). */
  addRetired(n: number): void {
    const t = (this.s[Slot.ICOUNT + 1]! >>> 0) * 0x1_0000_0000 + (this.s[Slot.ICOUNT]! >>> 0) + n;
    this.s[Slot.ICOUNT] = t % 0x1_0000_0000;
    this.s[Slot.ICOUNT + 1] = Math.floor(t / 0x1_0000_0000);
  }
}
