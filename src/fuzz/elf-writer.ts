/**
 * A minimal static ELF64 (AArch64, little-endian, ET_EXEC) writer: the fuzz
 * harness builds its test programs with it, so neither qemu-aarch64 nor
 * jitvisor needs anything but the bytes this file produces.
 */

export interface ElfSegment {
  /** Page-aligned virtual address. */
  vaddr: number;
  /** Bytes present in the file (may be shorter than memsz: the rest is zero). */
  data: Uint8Array;
  /** Size in memory (>= data.length). */
  memsz: number;
  /** PF_R = 4, PF_W = 2, PF_X = 1. */
  flags: number;
}

export const PF_X = 1;
export const PF_W = 2;
export const PF_R = 4;
const PAGE = 0x1000;
const EHDR = 64;
const PHDR = 56;

/** An ELF executable with `segments` (non-overlapping, page-aligned) starting at `entry`. */
export function writeElf(entry: number, segments: ElfSegment[]): Uint8Array {
  const sorted = [...segments].sort((a, b) => a.vaddr - b.vaddr);
  for (let i = 0; i < sorted.length; i++) {
    const s = sorted[i]!;
    if (s.vaddr % PAGE !== 0) throw new Error(`elf-writer: segment at 0x${s.vaddr.toString(16)} is not page aligned`);
    if (s.memsz < s.data.length) throw new Error(`elf-writer: segment at 0x${s.vaddr.toString(16)}: memsz < file size`);
    const next = sorted[i + 1];
    if (next && s.vaddr + s.memsz > next.vaddr) throw new Error(`elf-writer: segments at 0x${s.vaddr.toString(16)} and 0x${next.vaddr.toString(16)} overlap`);
  }
  // File layout: headers, then each segment's data at a page-aligned offset (offset % PAGE == vaddr % PAGE).
  let off = EHDR + PHDR * sorted.length;
  const offsets: number[] = [];
  for (const s of sorted) {
    off = Math.ceil(off / PAGE) * PAGE;
    offsets.push(off);
    off += s.data.length;
  }
  const out = new Uint8Array(off);
  const dv = new DataView(out.buffer);
  out.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0], 0); // ELFCLASS64, LSB, EV_CURRENT, SYSV ABI
  dv.setUint16(16, 2, true); // ET_EXEC
  dv.setUint16(18, 183, true); // EM_AARCH64
  dv.setUint32(20, 1, true); // e_version
  dv.setBigUint64(24, BigInt(entry), true);
  dv.setBigUint64(32, BigInt(EHDR), true); // e_phoff
  dv.setBigUint64(40, 0n, true); // e_shoff: no sections
  dv.setUint32(48, 0, true); // e_flags
  dv.setUint16(52, EHDR, true);
  dv.setUint16(54, PHDR, true);
  dv.setUint16(56, sorted.length, true);
  dv.setUint16(58, 64, true); // e_shentsize
  dv.setUint16(60, 0, true);
  dv.setUint16(62, 0, true);
  sorted.forEach((s, i) => {
    const p = EHDR + PHDR * i;
    dv.setUint32(p, 1, true); // PT_LOAD
    dv.setUint32(p + 4, s.flags, true);
    dv.setBigUint64(p + 8, BigInt(offsets[i]!), true);
    dv.setBigUint64(p + 16, BigInt(s.vaddr), true);
    dv.setBigUint64(p + 24, BigInt(s.vaddr), true);
    dv.setBigUint64(p + 32, BigInt(s.data.length), true);
    dv.setBigUint64(p + 40, BigInt(s.memsz), true);
    dv.setBigUint64(p + 48, BigInt(PAGE), true);
    out.set(s.data, offsets[i]!);
  });
  return out;
}
