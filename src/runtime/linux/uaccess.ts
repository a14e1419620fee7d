/**
 * Guest memory access for syscalls ("copy_from_user"/"copy_to_user"): guest
 * addresses as JS numbers (user space is below 2^48, so they are exact),
 * bounds and permission checks before host side effects, and EFAULT for any
 * bad pointer instead of a host exception.
 */
import { PAGE_SIZE } from '../../backend-js/abi.js';
import { GuestFault } from '../fault.js';
import { type Memory, Perm } from '../memory.js';
import type { UserSpace } from '../user-space.js';
import { ERRNO, SysError } from './errno.js';
import { TASK_SIZE } from './elf.js';

export const PATH_MAX = 4096;

export class UAccess {
  constructor(
    readonly mem: Memory,
    readonly space: UserSpace,
  ) {}

  /** Throws EFAULT unless [addr, addr+len) is mapped with `perm` on every page. */
  check(addr: number, len: number, perm: number): void {
    if (len === 0) return;
    if (!(addr >= 0) || addr + len > TASK_SIZE || !Number.isSafeInteger(addr)) throw new SysError(ERRNO.EFAULT);
    const first = Math.floor(addr / PAGE_SIZE);
    const last = Math.floor((addr + len - 1) / PAGE_SIZE);
    for (let p = first; p <= last; p++) {
      const perms = this.space.perms(p);
      if (perms === undefined || (perms & perm) === 0) throw new SysError(ERRNO.EFAULT);
    }
  }

  read(addr: number, len: number): Uint8Array {
    this.check(addr, len, Perm.R);
    if (len === 0) return new Uint8Array(0);
    return guard(() => this.mem.readBytes(lo(addr), hi(addr), len));
  }

  write(addr: number, data: Uint8Array): void {
    this.check(addr, data.length, Perm.W);
    if (data.length === 0) return;
    guard(() => this.mem.writeBytes(lo(addr), hi(addr), data));
  }

  u32(addr: number): number {
    const b = this.read(addr, 4);
    return (b[0]! | (b[1]! << 8) | (b[2]! << 16) | (b[3]! << 24)) >>> 0;
  }
  i32(addr: number): number {
    return this.u32(addr) | 0;
  }
  /** u64 as a JS number (exact below 2^53; larger values lose low bits). */
  u64(addr: number): number {
    const b = this.read(addr, 8);
    const dv = new DataView(b.buffer, b.byteOffset, 8);
    return dv.getUint32(4, true) * 0x1_0000_0000 + dv.getUint32(0, true);
  }
  big64(addr: number): bigint {
    const b = this.read(addr, 8);
    return new DataView(b.buffer, b.byteOffset, 8).getBigUint64(0, true);
  }
  /** Signed 64-bit as a number. */
  i64(addr: number): number {
    return Number(BigInt.asIntN(64, this.big64(addr)));
  }
  setU32(addr: number, v: number): void {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setUint32(0, v >>> 0, true);
    this.write(addr, b);
  }
  setU64(addr: number, v: number | bigint): void {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setBigUint64(0, BigInt.asUintN(64, BigInt(v)), true);
    this.write(addr, b);
  }

  /** NUL-terminated string (a path): EFAULT on a bad pointer, ENAMETOOLONG past `max`. */
  cstring(addr: number, max = PATH_MAX): string {
    const bytes: number[] = [];
    let a = addr;
    for (;;) {
      if (!(a >= 0) || a >= TASK_SIZE) throw new SysError(ERRNO.EFAULT);
      const page = Math.floor(a / PAGE_SIZE);
      const perms = this.space.perms(page);
      if (perms === undefined || (perms & Perm.R) === 0) throw new SysError(ERRNO.EFAULT);
      const frame = this.space.frameOf(page)!;
      const off = a % PAGE_SIZE;
      const chunk = this.mem.u8.subarray(frame + off, frame + PAGE_SIZE);
      const nul = chunk.indexOf(0);
      const take = nul < 0 ? chunk.length : nul;
      for (let k = 0; k < take; k++) bytes.push(chunk[k]!);
      if (bytes.length >= max) throw new SysError(ERRNO.ENAMETOOLONG);
      if (nul >= 0) break;
      a += take;
    }
    return Buffer.from(bytes).toString('utf8');
  }

  /** Bytes of a NUL-terminated string (no decoding), up to max. */
  cbytes(addr: number, max: number): Uint8Array {
    const s = this.cstring(addr, max);
    return Buffer.from(s, 'utf8');
  }
}

export function lo(addr: number): number {
  return addr >>> 0 | 0;
}
export function hi(addr: number): number {
  return Math.floor(addr / 0x1_0000_0000) | 0;
}

/** Run a memory access, turning a GuestFault into EFAULT. */
export function guard<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof GuestFault) throw new SysError(ERRNO.EFAULT);
    throw e;
  }
}

/** Little helper to build structs: a zeroed buffer with a DataView and typed setters. */
export class StructWriter {
  readonly bytes: Uint8Array;
  readonly dv: DataView;
  constructor(size: number) {
    this.bytes = new Uint8Array(size);
    this.dv = new DataView(this.bytes.buffer);
  }
  u8(off: number, v: number): this {
    this.dv.setUint8(off, v);
    return this;
  }
  u16(off: number, v: number): this {
    this.dv.setUint16(off, v, true);
    return this;
  }
  u32(off: number, v: number): this {
    this.dv.setUint32(off, v >>> 0, true);
    return this;
  }
  i32(off: number, v: number): this {
    this.dv.setInt32(off, v, true);
    return this;
  }
  u64(off: number, v: number | bigint): this {
    this.dv.setBigUint64(off, BigInt.asUintN(64, BigInt(typeof v === 'number' ? Math.trunc(v) : v)), true);
    return this;
  }
  str(off: number, s: string, max: number): this {
    const b = Buffer.from(s, 'utf8').subarray(0, max - 1);
    this.bytes.set(b, off);
    return this;
  }
}

/** Deterministic byte stream (xoshiro128**, seeded with splitmix32) for AT_RANDOM, getrandom and /dev/urandom. */
export class SeededRandom {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  constructor(seed: number) {
    let x = seed >>> 0;
    const next = () => {
      x = (x + 0x9e3779b9) | 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    // Mix the high part of seeds above 2^32 too.
    const hiSeed = Math.floor(seed / 0x1_0000_0000) >>> 0;
    this.s0 = next() ^ hiSeed;
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }
  nextU32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }
  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i += 4) {
      const v = this.nextU32();
      for (let k = 0; k < 4 && i + k < n; k++) out[i + k] = v >>> (8 * k);
    }
    return out;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
