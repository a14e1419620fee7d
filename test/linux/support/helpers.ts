/** Shared helpers for the Linux layer tests: hand-built ELF files and a process with captured stdio. */
import { CpuState } from '../../../src/runtime/cpu-state.js';
import { Memory } from '../../../src/runtime/memory.js';
import { UserSpace } from '../../../src/runtime/user-space.js';
import { LinuxProcess, type LinuxProcessOptions } from '../../../src/runtime/linux/process.js';

export interface SegSpec {
  type?: number;
  vaddr: number;
  flags: number;
  data: Uint8Array;
  memsz?: number;
  /** File offset of the data (default: a fresh page-aligned spot congruent to vaddr). */
  offset?: number;
}

export interface ElfSpec {
  type?: number;
  machine?: number;
  entry?: number;
  segments: SegSpec[];
  /** Put the program headers inside the first segment's file range (offset 0 segment). */
  headersInFirst?: boolean;
}

/** A little-endian ELF64 image with program headers right after the ELF header. */
export function makeElf(spec: ElfSpec): Uint8Array {
  const phnum = spec.segments.length;
  const placed = spec.segments.map((s, i) => ({ ...s, offset: s.offset ?? 0x1000 * (i + 1) + (s.vaddr % 0x1000) }));
  const end = Math.max(64 + 56 * phnum, ...placed.map((s) => s.offset + s.data.length));
  const b = new Uint8Array(end);
  const dv = new DataView(b.buffer);
  b.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]);
  dv.setUint16(16, spec.type ?? 2, true);
  dv.setUint16(18, spec.machine ?? 183, true);
  dv.setUint32(20, 1, true);
  dv.setBigUint64(24, BigInt(spec.entry ?? spec.segments[0]?.vaddr ?? 0), true);
  dv.setBigUint64(32, 64n, true);
  dv.setUint16(52, 64, true);
  dv.setUint16(54, 56, true);
  dv.setUint16(56, phnum, true);
  placed.forEach((s, i) => {
    const o = 64 + 56 * i;
    dv.setUint32(o, s.type ?? 1, true);
    dv.setUint32(o + 4, s.flags, true);
    dv.setBigUint64(o + 8, BigInt(s.offset), true);
    dv.setBigUint64(o + 16, BigInt(s.vaddr), true);
    dv.setBigUint64(o + 24, BigInt(s.vaddr), true);
    dv.setBigUint64(o + 32, BigInt(s.data.length), true);
    dv.setBigUint64(o + 40, BigInt(s.memsz ?? s.data.length), true);
    dv.setBigUint64(o + 48, 0x1000n, true);
    b.set(s.data, s.offset);
  });
  return b;
}

export function words(...w: number[]): Uint8Array {
  const b = new Uint8Array(w.length * 4);
  const dv = new DataView(b.buffer);
  w.forEach((x, i) => dv.setUint32(4 * i, x >>> 0, true));
  return b;
}

/** A small static executable: code at 0x400000 (R+X), data+bss at 0x410000 (R+W). */
export function tinyElf(): Uint8Array {
  return makeElf({
    entry: 0x400000,
    segments: [
      { vaddr: 0x400000, flags: 5, data: words(0xd2800000, 0xd2800ba8, 0xd4000001, 0xd65f03c0) }, // mov x0,#0; mov x8,#93; svc #0; ret
      { vaddr: 0x410000, flags: 6, data: new Uint8Array([1, 2, 3, 4]), memsz: 0x3000 },
    ],
  });
}

export interface TestProc {
  p: LinuxProcess;
  cpu: CpuState;
  mem: Memory;
  space: UserSpace;
  out: () => string;
  err: () => string;
}

export function newProcess(extra: Partial<LinuxProcessOptions> = {}, ramBytes = 64 << 20): TestProc {
  const cpu = new CpuState();
  const mem = new Memory(ramBytes);
  const space = new UserSpace(mem);
  const outChunks: Uint8Array[] = [];
  const errChunks: Uint8Array[] = [];
  const p = new LinuxProcess({
    cpu,
    mem,
    space,
    argv: ['/bin/tiny', 'one', 'two'],
    envp: ['HOME=/home/guest', 'LANG=C'],
    hwcap: 0x8ff,
    seed: 7,
    stdout: (b) => outChunks.push(b),
    stderr: (b) => errChunks.push(b),
    stdin: () => new Uint8Array(0),
    stackSize: 256 * 1024,
    ...extra,
  });
  p.load(tinyElf(), '/bin/tiny');
  return {
    p,
    cpu,
    mem,
    space,
    out: () => Buffer.concat(outChunks).toString('utf8'),
    err: () => Buffer.concat(errChunks).toString('utf8'),
  };
}

/** Run syscall nr with arguments (numbers or bigints); returns x0 as a signed number. */
export function sys(p: LinuxProcess, nr: number, ...args: (number | bigint)[]): number {
  const cpu = p.cpu;
  for (let i = 0; i < 6; i++) cpu.setX(i, BigInt.asUintN(64, BigInt(args[i] ?? 0)));
  cpu.setX(8, BigInt(nr));
  const r = p.syscall();
  if (r.kind === 'exit') return Number.NaN;
  return Number(BigInt.asIntN(64, cpu.getX(0)));
}

/** A scratch buffer in guest memory: maps pages with mmap and returns the address. */
export function scratch(p: LinuxProcess, bytes = 0x10000): number {
  const a = sys(p, 222, 0, bytes, 3, 0x22, -1, 0);
  if (a < 0) throw new Error(`mmap failed: ${a}`);
  return a;
}

export function putStr(p: LinuxProcess, addr: number, s: string): number {
  const b = Buffer.from(s + '\0', 'utf8');
  p.ua.write(addr, b);
  return addr;
}

export function getStr(p: LinuxProcess, addr: number, len?: number): string {
  if (len !== undefined) return Buffer.from(p.ua.read(addr, len)).toString('utf8');
  return p.ua.cstring(addr);
}
