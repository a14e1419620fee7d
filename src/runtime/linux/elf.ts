/**
 * ELF64 little-endian AArch64 executables: parsing (with precise, one-line
 * errors for malformed input) and loading of static executables (ET_EXEC and
 * static-pie ET_DYN) into a UserSpace.
 */
import { PAGE_SIZE } from '../../backend-js/abi.js';
import { Perm } from '../memory.js';
import type { UserSpace } from '../user-space.js';

export class ElfError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ElfError';
  }
}

export const EM_AARCH64 = 183;
export const ET_EXEC = 2;
export const ET_DYN = 3;

export const PT_NULL = 0;
export const PT_LOAD = 1;
export const PT_DYNAMIC = 2;
export const PT_INTERP = 3;
export const PT_NOTE = 4;
export const PT_PHDR = 6;
export const PT_TLS = 7;
export const PT_GNU_EH_FRAME = 0x6474e550;
export const PT_GNU_STACK = 0x6474e551;
export const PT_GNU_RELRO = 0x6474e552;
export const PT_GNU_PROPERTY = 0x6474e553;

export const PF_X = 1;
export const PF_W = 2;
export const PF_R = 4;

/** Where a static-pie (ET_DYN) executable is loaded, as qemu-aarch64 does. */
export const ET_DYN_BASE = 0x55_0000_0000;
/** First address past user space (48-bit VA). */
export const TASK_SIZE = 2 ** 48;

const EHDR_SIZE = 64;
const PHDR_SIZE = 56;

const MACHINE_NAMES: Record<number, string> = {
  0: 'none',
  3: 'x86 (i386)',
  8: 'MIPS',
  20: 'PowerPC',
  21: 'PowerPC64',
  22: 'S/390',
  40: 'ARM (32-bit)',
  42: 'SuperH',
  43: 'SPARC v9',
  50: 'IA-64',
  62: 'x86-64',
  183: 'AArch64',
  243: 'RISC-V',
  258: 'LoongArch',
};

export interface ProgramHeader {
  index: number;
  type: number;
  flags: number;
  offset: number;
  vaddr: number;
  filesz: number;
  memsz: number;
  align: number;
}

export interface ElfInfo {
  type: number;
  machine: number;
  entry: number;
  phoff: number;
  phentsize: number;
  phnum: number;
  phdrs: ProgramHeader[];
  /** PT_LOAD headers in file order. */
  loads: ProgramHeader[];
  interp?: string;
  tls?: ProgramHeader;
  /** p_flags of PT_GNU_STACK (PF_X set means the stack wants to be executable). */
  stackFlags?: number;
}

export interface LoadedSegment {
  vaddr: number;
  /** p_offset in the file. */
  offset: number;
  memsz: number;
  filesz: number;
  flags: number;
  /** Page range [firstPage, firstPage + pageCount). */
  firstPage: number;
  pageCount: number;
}

export interface LoadedElf {
  /** Load bias added to every p_vaddr (0 for ET_EXEC). */
  base: number;
  entry: number;
  /** AT_PHDR: address of the program header table in guest memory (0 if not mapped). */
  phdr: number;
  phent: number;
  phnum: number;
  /** Page-aligned end of the highest segment: where brk starts. */
  brk: number;
  /** Lowest and one past the highest mapped address. */
  start: number;
  end: number;
  segments: LoadedSegment[];
  /** PT_TLS (addresses biased), if any. */
  tls?: { vaddr: number; filesz: number; memsz: number; align: number };
  /** True if PT_GNU_STACK asks for an executable stack (arm64 Linux defaults to a non-executable one). */
  execStack: boolean;
  info: ElfInfo;
}

const hex = (n: number | bigint) => '0x' + n.toString(16);

/** Read a u64 and make it a JS number, failing if it is not exact. */
function u64(dv: DataView, off: number, what: string): number {
  const v = dv.getBigUint64(off, true);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new ElfError(`${what} ${hex(v)} is out of range (at file offset ${hex(off)})`);
  return Number(v);
}

/** Parse and validate an ELF header and its program headers. */
export function parseElf(bytes: Uint8Array): ElfInfo {
  if (bytes.length < 4 || bytes[0] !== 0x7f || bytes[1] !== 0x45 || bytes[2] !== 0x4c || bytes[3] !== 0x46) {
    throw new ElfError('not an ELF file: bad magic at offset 0 (expected 7f 45 4c 46)');
  }
  if (bytes.length < 6) throw new ElfError(`truncated ELF header: file is ${bytes.length} bytes, header needs ${EHDR_SIZE}`);
  if (bytes[4] !== 2) {
    throw new ElfError(`not a 64-bit ELF: EI_CLASS (offset 0x4) is ${bytes[4]}${bytes[4] === 1 ? ' (ELFCLASS32)' : ''}, expected 2 (ELFCLASS64)`);
  }
  if (bytes[5] !== 1) {
    throw new ElfError(`not a little-endian ELF: EI_DATA (offset 0x5) is ${bytes[5]}${bytes[5] === 2 ? ' (big-endian)' : ''}, expected 1 (ELFDATA2LSB)`);
  }
  if (bytes.length < EHDR_SIZE) throw new ElfError(`truncated ELF header: file is ${bytes.length} bytes, header needs ${EHDR_SIZE}`);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes[6] !== 1) throw new ElfError(`bad ELF version: EI_VERSION (offset 0x6) is ${bytes[6]}, expected 1`);
  const type = dv.getUint16(16, true);
  const machine = dv.getUint16(18, true);
  if (machine !== EM_AARCH64) {
    const name = MACHINE_NAMES[machine];
    throw new ElfError(`not an AArch64 executable: e_machine (offset 0x12) is ${machine}${name ? ` (${name})` : ''}, expected ${EM_AARCH64} (AArch64)`);
  }
  if (type !== ET_EXEC && type !== ET_DYN) {
    const what = type === 1 ? ' (ET_REL: an object file, not linked)' : type === 4 ? ' (ET_CORE: a core dump)' : '';
    throw new ElfError(`not an executable: e_type (offset 0x10) is ${type}${what}, expected 2 (ET_EXEC) or 3 (ET_DYN)`);
  }
  const entry = u64(dv, 24, 'e_entry');
  const phoff = u64(dv, 32, 'e_phoff');
  const phentsize = dv.getUint16(54, true);
  const phnum = dv.getUint16(56, true);
  if (phnum === 0xffff) throw new ElfError('e_phnum (offset 0x38) is PN_XNUM (extended numbering), which is not supported');
  if (phnum === 0) throw new ElfError('no program headers: e_phnum (offset 0x38) is 0');
  if (phentsize !== PHDR_SIZE) throw new ElfError(`bad e_phentsize (offset 0x36): ${phentsize}, expected ${PHDR_SIZE}`);
  const tableEnd = phoff + phnum * PHDR_SIZE;
  if (tableEnd > bytes.length) {
    throw new ElfError(
      `truncated program header table: e_phoff ${hex(phoff)} + ${phnum} x ${PHDR_SIZE} bytes ends at ${hex(tableEnd)}, beyond the file end ${hex(bytes.length)}`,
    );
  }
  const phdrs: ProgramHeader[] = [];
  for (let i = 0; i < phnum; i++) {
    const o = phoff + i * PHDR_SIZE;
    phdrs.push({
      index: i,
      type: dv.getUint32(o, true),
      flags: dv.getUint32(o + 4, true),
      offset: u64(dv, o + 8, `program header ${i} p_offset`),
      vaddr: u64(dv, o + 16, `program header ${i} p_vaddr`),
      filesz: u64(dv, o + 32, `program header ${i} p_filesz`),
      memsz: u64(dv, o + 40, `program header ${i} p_memsz`),
      align: u64(dv, o + 48, `program header ${i} p_align`),
    });
  }
  const info: ElfInfo = { type, machine, entry, phoff, phentsize, phnum, phdrs, loads: [] };
  for (const ph of phdrs) {
    const where = `program header ${ph.index} (at file offset ${hex(phoff + ph.index * PHDR_SIZE)})`;
    switch (ph.type) {
      case PT_INTERP: {
        let name = '';
        if (ph.offset + ph.filesz <= bytes.length) {
          const raw = bytes.subarray(ph.offset, ph.offset + ph.filesz);
          const nul = raw.indexOf(0);
          name = Buffer.from(raw.subarray(0, nul < 0 ? raw.length : nul)).toString('latin1');
        }
        info.interp = name;
        throw new ElfError(
          `dynamically linked executables are not supported; build with -static (PT_INTERP in ${where}${name ? ` requests ${name}` : ''})`,
        );
      }
      case PT_LOAD: {
        if (ph.filesz > ph.memsz) {
          throw new ElfError(`bad PT_LOAD in ${where}: p_filesz ${hex(ph.filesz)} > p_memsz ${hex(ph.memsz)}`);
        }
        if (ph.offset + ph.filesz > bytes.length) {
          throw new ElfError(
            `truncated file: PT_LOAD ${where} needs file bytes ${hex(ph.offset)}..${hex(ph.offset + ph.filesz)}, beyond the file end ${hex(bytes.length)}`,
          );
        }
        if (ph.vaddr + ph.memsz > TASK_SIZE || ph.vaddr + ph.memsz < ph.vaddr) {
          throw new ElfError(
            `segment address overflow in ${where}: p_vaddr ${hex(ph.vaddr)} + p_memsz ${hex(ph.memsz)} is beyond the 48-bit user address space`,
          );
        }
        info.loads.push(ph);
        break;
      }
      case PT_TLS:
        info.tls = ph;
        break;
      case PT_GNU_STACK:
        info.stackFlags = ph.flags;
        break;
      default:
        break;
    }
  }
  if (!info.loads.some((l) => l.memsz > 0) && info.loads.length > 0) throw new ElfError('every PT_LOAD segment is empty (p_memsz 0): nothing to load');
  if (info.loads.length === 0) throw new ElfError(`no PT_LOAD segment among the ${phnum} program headers: nothing to load`);
  return info;
}

/** Page permissions for ELF p_flags (write or execute imply read, as on arm64 Linux). */
export function permsOfFlags(flags: number): number {
  let p = 0;
  if (flags & PF_R) p |= Perm.R;
  if (flags & PF_W) p |= Perm.W | Perm.R;
  if (flags & PF_X) p |= Perm.X | Perm.R;
  return p;
}

export interface LoadOptions {
  /** Base for ET_DYN executables (default ET_DYN_BASE). Must be page aligned. */
  dynBase?: number;
}

/**
 * Map the PT_LOAD segments of a parsed executable into `space`: page-granular,
 * file bytes copied, the rest zero; a page shared by two segments gets the
 * union of their permissions.
 */
export function loadElf(bytes: Uint8Array, space: UserSpace, opts: LoadOptions = {}, parsed?: ElfInfo): LoadedElf {
  const info = parsed ?? parseElf(bytes);
  const lowest = Math.min(...info.loads.map((l) => l.vaddr));
  let bias = 0;
  if (info.type === ET_DYN) {
    const dynBase = opts.dynBase ?? ET_DYN_BASE;
    if (dynBase % PAGE_SIZE !== 0) throw new ElfError(`ET_DYN load base ${hex(dynBase)} is not page aligned`);
    bias = dynBase - (lowest - (lowest % PAGE_SIZE));
  }
  const pagePerms = new Map<number, number>();
  const segments: LoadedSegment[] = [];
  let start = Infinity;
  let end = 0;
  for (const ph of info.loads) {
    if (ph.memsz === 0) continue;
    const va = ph.vaddr + bias;
    const last = va + ph.memsz;
    if (last > TASK_SIZE) {
      throw new ElfError(`segment address overflow in program header ${ph.index}: ${hex(va)} + ${hex(ph.memsz)} after relocation by ${hex(bias)}`);
    }
    const firstPage = Math.floor(va / PAGE_SIZE);
    const endPage = Math.ceil(last / PAGE_SIZE);
    const perms = permsOfFlags(ph.flags);
    for (let p = firstPage; p < endPage; p++) pagePerms.set(p, (pagePerms.get(p) ?? 0) | perms);
    segments.push({ vaddr: va, offset: ph.offset, memsz: ph.memsz, filesz: ph.filesz, flags: ph.flags, firstPage, pageCount: endPage - firstPage });
    start = Math.min(start, firstPage * PAGE_SIZE);
    end = Math.max(end, endPage * PAGE_SIZE);
  }
  if (pagePerms.size > space.framesLeft()) {
    throw new ElfError(`not enough guest RAM to load the executable: ${pagePerms.size} pages needed, ${space.framesLeft()} free`);
  }
  // Map every page once (fresh, zeroed, writable for the copy), copy, then set the final permissions.
  const pages = [...pagePerms.keys()].sort((a, b) => a - b);
  for (const p of pages) {
    space.unmap(p, 1);
    space.map(p, 1, Perm.R | Perm.W);
  }
  const ram = space.mem.u8;
  for (const ph of info.loads) {
    const va = ph.vaddr + bias;
    for (let done = 0; done < ph.filesz; ) {
      const a = va + done;
      const page = Math.floor(a / PAGE_SIZE);
      const off = a % PAGE_SIZE;
      const n = Math.min(ph.filesz - done, PAGE_SIZE - off);
      const frame = space.frameOf(page)!;
      ram.set(bytes.subarray(ph.offset + done, ph.offset + done + n), frame + off);
      done += n;
    }
  }
  for (const p of pages) {
    const perms = pagePerms.get(p)!;
    if (perms !== (Perm.R | Perm.W)) space.protect(p, 1, perms);
  }

  // AT_PHDR: PT_PHDR if present, else the PT_LOAD whose file bytes contain the table.
  let phdr = 0;
  const pt = info.phdrs.find((h) => h.type === PT_PHDR);
  if (pt) phdr = pt.vaddr + bias;
  else {
    const tableEnd = info.phoff + info.phnum * info.phentsize;
    const l = info.loads.find((h) => h.offset <= info.phoff && tableEnd <= h.offset + h.filesz);
    if (l) phdr = l.vaddr + (info.phoff - l.offset) + bias;
  }
  return {
    base: bias,
    entry: info.entry + bias,
    phdr,
    phent: info.phentsize,
    phnum: info.phnum,
    brk: end,
    start,
    end,
    segments,
    tls: info.tls ? { vaddr: info.tls.vaddr + bias, filesz: info.tls.filesz, memsz: info.tls.memsz, align: info.tls.align } : undefined,
    execStack: info.stackFlags !== undefined && (info.stackFlags & PF_X) !== 0,
    info,
  };
}
