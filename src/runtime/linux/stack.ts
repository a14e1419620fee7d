/**
 * The initial process stack as Linux's create_elf_tables builds it:
 *
 *   high  [ execfn string ][ envp strings ][ argv strings ]
 *         [ "aarch64\0" ][ 16 random bytes ] (16-byte aligned below)
 *         [ auxv pairs ... AT_NULL ][ envp ... NULL ][ argv ... NULL ][ argc ]  <- sp (16-aligned)
 *   low
 *
 * and the register state at the entry point (everything zero but SP and PC).
 */
import { PAGE_SIZE, Slot } from '../../backend-js/abi.js';
import type { CpuState } from '../cpu-state.js';
import { Perm } from '../memory.js';
import type { UserSpace } from '../user-space.js';
import type { LoadedElf } from './elf.js';
import { hi, lo } from './uaccess.js';

export const AT_NULL = 0;
export const AT_IGNORE = 1;
export const AT_EXECFD = 2;
export const AT_PHDR = 3;
export const AT_PHENT = 4;
export const AT_PHNUM = 5;
export const AT_PAGESZ = 6;
export const AT_BASE = 7;
export const AT_FLAGS = 8;
export const AT_ENTRY = 9;
export const AT_NOTELF = 10;
export const AT_UID = 11;
export const AT_EUID = 12;
export const AT_GID = 13;
export const AT_EGID = 14;
export const AT_PLATFORM = 15;
export const AT_HWCAP = 16;
export const AT_CLKTCK = 17;
export const AT_SECURE = 23;
export const AT_BASE_PLATFORM = 24;
export const AT_RANDOM = 25;
export const AT_HWCAP2 = 26;
export const AT_EXECFN = 31;
export const AT_SYSINFO_EHDR = 33;
export const AT_MINSIGSTKSZ = 51;

/** Top of the initial stack (one page below 2^47, as a 47-bit layout would put it). */
export const STACK_TOP = 0x7fff_ffff_f000;
export const DEFAULT_STACK_SIZE = 8 * 1024 * 1024;
export const MINSIGSTKSZ = 5120;
export const PLATFORM = 'aarch64';

export interface StackOptions {
  argv: string[];
  envp: string[];
  /** AT_EXECFN: the path the executable was started as. */
  execfn: string;
  elf: LoadedElf;
  hwcap: number | bigint;
  hwcap2?: number | bigint;
  /** 16 bytes for AT_RANDOM. */
  random: Uint8Array;
  uid?: number;
  euid?: number;
  gid?: number;
  egid?: number;
  stackTop?: number;
  stackSize?: number;
}

export interface StackLayout {
  sp: number;
  /** Mapped stack range [low, top). */
  low: number;
  top: number;
  argc: number;
  argvAddr: number;
  envpAddr: number;
  auxvAddr: number;
  randomAddr: number;
  platformAddr: number;
  execfnAddr: number;
  /** The auxiliary vector as written (type, value) in order, without AT_NULL. */
  auxv: [number, bigint][];
}

/** Map the stack, write argv/envp/auxv, and set the entry register state. */
export function buildStack(cpu: CpuState, space: UserSpace, o: StackOptions): StackLayout {
  const top = o.stackTop ?? STACK_TOP;
  const size = o.stackSize ?? DEFAULT_STACK_SIZE;
  if (top % PAGE_SIZE !== 0 || size % PAGE_SIZE !== 0 || size <= 0) throw new RangeError('stack top and size must be page aligned');
  const low = top - size;
  const pages = size / PAGE_SIZE;
  space.unmap(low / PAGE_SIZE, pages);
  space.map(low / PAGE_SIZE, pages, Perm.R | Perm.W);
  const mem = space.mem;
  const put = (addr: number, bytes: Uint8Array) => mem.writeBytes(lo(addr), hi(addr), bytes);
  const cstr = (s: string) => {
    const b = Buffer.from(s, 'utf8');
    const out = new Uint8Array(b.length + 1);
    out.set(b);
    return out;
  };

  // Everything must fit with a page to spare (Linux allows a quarter of the stack rlimit).
  const strBytes = [o.execfn, ...o.envp, ...o.argv].reduce((n, s) => n + Buffer.byteLength(s, 'utf8') + 1, 0);
  const tableBytes = (1 + o.argv.length + 1 + o.envp.length + 1 + 2 * 20) * 8;
  if (8 + strBytes + 16 + 8 + 16 + 16 + tableBytes + 16 > size - PAGE_SIZE) {
    throw new RangeError(`arguments and environment (${strBytes} bytes of strings) do not fit in the ${size}-byte stack`);
  }

  // Strings, from the top: a NULL pointer-sized word, execfn, envp strings, argv strings.
  let p = top - 8;
  const pushStr = (s: string) => {
    const b = cstr(s);
    p -= b.length;
    put(p, b);
    return p;
  };
  const execfnAddr = pushStr(o.execfn);
  const envAddrs: number[] = [];
  for (let i = o.envp.length - 1; i >= 0; i--) envAddrs.unshift(pushStr(o.envp[i]!));
  const argAddrs: number[] = [];
  for (let i = o.argv.length - 1; i >= 0; i--) argAddrs.unshift(pushStr(o.argv[i]!));

  p = Math.floor(p / 16) * 16;
  const platformAddr = pushStr(PLATFORM);
  p -= 16;
  const randomAddr = p;
  put(randomAddr, o.random.subarray(0, 16));
  p = Math.floor(p / 16) * 16;

  const uid = o.uid ?? 0;
  const gid = o.gid ?? 0;
  const elf = o.elf;
  const auxv: [number, bigint][] = [
    [AT_MINSIGSTKSZ, BigInt(MINSIGSTKSZ)],
    [AT_HWCAP, BigInt(o.hwcap)],
    [AT_PAGESZ, BigInt(PAGE_SIZE)],
    [AT_CLKTCK, 100n],
    [AT_PHDR, BigInt(elf.phdr)],
    [AT_PHENT, BigInt(elf.phent)],
    [AT_PHNUM, BigInt(elf.phnum)],
    [AT_BASE, 0n],
    [AT_FLAGS, 0n],
    [AT_ENTRY, BigInt(elf.entry)],
    [AT_UID, BigInt(uid)],
    [AT_EUID, BigInt(o.euid ?? uid)],
    [AT_GID, BigInt(gid)],
    [AT_EGID, BigInt(o.egid ?? gid)],
    [AT_SECURE, 0n],
    [AT_RANDOM, BigInt(randomAddr)],
    [AT_HWCAP2, BigInt(o.hwcap2 ?? 0)],
    [AT_EXECFN, BigInt(execfnAddr)],
    [AT_PLATFORM, BigInt(platformAddr)],
  ];

  const words = 1 + (argAddrs.length + 1) + (envAddrs.length + 1) + (auxv.length + 1) * 2;
  const sp = Math.floor((p - words * 8) / 16) * 16;
  if (sp < low + PAGE_SIZE) throw new RangeError(`arguments and environment do not fit in the ${size}-byte stack`);
  const table = new Uint8Array(words * 8);
  const dv = new DataView(table.buffer);
  let w = 0;
  const word = (v: number | bigint) => {
    dv.setBigUint64(w, BigInt.asUintN(64, BigInt(v)), true);
    w += 8;
  };
  word(argAddrs.length);
  for (const a of argAddrs) word(a);
  word(0);
  for (const a of envAddrs) word(a);
  word(0);
  for (const [t, v] of auxv) {
    word(t);
    word(v);
  }
  word(AT_NULL);
  word(0);
  put(sp, table);

  // Entry state: all registers zero, SP and PC set.
  cpu.s.fill(0, 0, Slot.FPSR + 1);
  cpu.v.u8.fill(0);
  cpu.sp = BigInt(sp);
  cpu.pc = BigInt(elf.entry);

  const argvAddr = sp + 8;
  const envpAddr = argvAddr + (argAddrs.length + 1) * 8;
  const auxvAddr = envpAddr + (envAddrs.length + 1) * 8;
  return { sp, low, top, argc: argAddrs.length, argvAddr, envpAddr, auxvAddr, randomAddr, platformAddr, execfnAddr, auxv };
}
