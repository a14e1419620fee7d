/**
 * The process's memory map: a sorted list of VMAs (page ranges with
 * permissions and a name) kept alongside the UserSpace page table, and the
 * memory syscalls built on it: brk, mmap, munmap, mprotect, mremap, madvise,
 * msync. Anonymous PROT_NONE reservations get no RAM frames until they are
 * made accessible (runtimes reserve huge PROT_NONE ranges). MAP_SHARED file
 * mappings are written back to the file on msync, munmap and exit.
 */
import { PAGE_SIZE } from '../../backend-js/abi.js';
import { Perm } from '../memory.js';
import type { UserSpace } from '../user-space.js';
import { ERRNO, SysError, fail } from './errno.js';
import { TASK_SIZE } from './elf.js';

export const PROT_NONE = 0;
export const PROT_READ = 1;
export const PROT_WRITE = 2;
export const PROT_EXEC = 4;
export const PROT_GROWSDOWN = 0x01000000;
export const PROT_GROWSUP = 0x02000000;

export const MAP_SHARED = 0x01;
export const MAP_PRIVATE = 0x02;
export const MAP_SHARED_VALIDATE = 0x03;
export const MAP_TYPE = 0x0f;
export const MAP_FIXED = 0x10;
export const MAP_ANONYMOUS = 0x20;
export const MAP_GROWSDOWN = 0x0100;
export const MAP_DENYWRITE = 0x0800;
export const MAP_EXECUTABLE = 0x1000;
export const MAP_LOCKED = 0x2000;
export const MAP_NORESERVE = 0x4000;
export const MAP_POPULATE = 0x8000;
export const MAP_NONBLOCK = 0x10000;
export const MAP_STACK = 0x20000;
export const MAP_HUGETLB = 0x40000;
export const MAP_SYNC = 0x80000;
export const MAP_FIXED_NOREPLACE = 0x100000;

export const MREMAP_MAYMOVE = 1;
export const MREMAP_FIXED = 2;
export const MREMAP_DONTUNMAP = 4;

export const MADV_NORMAL = 0;
export const MADV_DONTNEED = 4;
export const MADV_FREE = 8;

export const MS_ASYNC = 1;
export const MS_INVALIDATE = 2;
export const MS_SYNC = 4;

/** Lowest address mmap hands out (Linux's mmap_min_addr). */
export const MMAP_MIN = 0x10000;
/** Top of the region searched top-down for mmap placements. */
export const MMAP_TOP = 0x7f00_0000_0000;

const TASK_PAGES = TASK_SIZE / PAGE_SIZE;

/** What a file mapping reads from (and a shared one writes back to). */
export interface MapSource {
  path: string;
  /** Read up to n bytes at pos (fewer at end of file). */
  readAt(n: number, pos: number): Uint8Array;
  writeAt(data: Uint8Array, pos: number): number;
  size(): number;
  retain(): void;
  release(): void;
}

interface SharedBacking {
  source: MapSource;
  /** File offset of the VMA's first page. */
  offset: number;
  /** Ever mapped writable: needs write-back. */
  dirty: boolean;
}

export interface Vma {
  /** Page range [start, end). */
  start: number;
  end: number;
  perms: number;
  /** No frames yet: an anonymous PROT_NONE reservation. */
  lazy: boolean;
  /** "[heap]", "[stack]", a file path, or "" for anonymous. */
  name: string;
  /** File offset of the first page (for /proc/self/maps). */
  fileOffset: number;
  shared?: SharedBacking;
}

/** Permissions for PROT_* bits (write or exec imply read on arm64 Linux). */
export function permsOfProt(prot: number): number {
  let p = 0;
  if (prot & PROT_READ) p |= Perm.R;
  if (prot & PROT_WRITE) p |= Perm.R | Perm.W;
  if (prot & PROT_EXEC) p |= Perm.R | Perm.X;
  return p;
}

const pageUp = (bytes: number) => Math.ceil(bytes / PAGE_SIZE);
const FOREIGN_SCAN = 1 << 16;

export class MemoryManager {
  /** Sorted, non-overlapping. */
  vmas: Vma[] = [];
  brkStart = 0;
  brkCur = 0;
  /** Largest brk allowed (bytes). */
  brkLimit = MMAP_TOP;
  mmapMinPage = MMAP_MIN / PAGE_SIZE;
  mmapTopPage = MMAP_TOP / PAGE_SIZE;

  constructor(readonly space: UserSpace) {}

  // ---------------------------------------------------------------- VMA list

  private indexAfter(page: number): number {
    // first index with vma.end > page
    let lo = 0;
    let hi = this.vmas.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.vmas[mid]!.end > page) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** The VMA containing page, if any. */
  find(page: number): Vma | undefined {
    const v = this.vmas[this.indexAfter(page)];
    return v && v.start <= page ? v : undefined;
  }

  /** VMAs overlapping [start, end), clipped to it (copies). */
  pieces(start: number, end: number): Vma[] {
    const out: Vma[] = [];
    for (let i = this.indexAfter(start); i < this.vmas.length && this.vmas[i]!.start < end; i++) {
      const v = this.vmas[i]!;
      out.push(this.slice(v, Math.max(v.start, start), Math.min(v.end, end), false));
    }
    return out;
  }

  /** Whether [start, end) is entirely covered by VMAs. */
  covered(start: number, end: number): boolean {
    let at = start;
    for (let i = this.indexAfter(start); i < this.vmas.length && at < end; i++) {
      const v = this.vmas[i]!;
      if (v.start > at) return false;
      at = v.end;
    }
    return at >= end;
  }

  /** Whether no VMA (and, for ranges of practical size, no foreign page mapping) touches [start, end). */
  isFree(start: number, end: number): boolean {
    const i = this.indexAfter(start);
    if (i < this.vmas.length && this.vmas[i]!.start < end) return false;
    return this.foreignClash(start, end) < 0;
  }

  /**
   * Highest page in [start, end) mapped in the page table without a VMA (by
   * someone other than this process), or -1. Every mapping this layer makes
   * has a VMA, so only ranges up to FOREIGN_SCAN pages are scanned.
   */
  private foreignClash(start: number, end: number): number {
    if (end - start > FOREIGN_SCAN) return -1;
    for (let p = end - 1; p >= start; p--) if (this.space.isMapped(p)) return p;
    return -1;
  }

  private slice(v: Vma, start: number, end: number, retain: boolean): Vma {
    const d = start - v.start;
    const s: Vma = { ...v, start, end, fileOffset: v.fileOffset + d * PAGE_SIZE };
    if (v.shared) {
      s.shared = { ...v.shared, offset: v.shared.offset + d * PAGE_SIZE };
      if (retain) v.shared.source.retain();
    }
    return s;
  }

  /**
   * Remove [start, end) from the VMA list (splitting VMAs at the edges) and
   * return the removed pieces. Shared pieces keep a reference that the caller
   * must drop (after write-back).
   */
  private carve(start: number, end: number): Vma[] {
    const removed: Vma[] = [];
    let i = this.indexAfter(start);
    const repl: Vma[] = [];
    const first = i;
    for (; i < this.vmas.length && this.vmas[i]!.start < end; i++) {
      const v = this.vmas[i]!;
      if (v.start < start) repl.push(this.slice(v, v.start, start, true));
      removed.push(this.slice(v, Math.max(v.start, start), Math.min(v.end, end), true));
      if (v.end > end) repl.push(this.slice(v, end, v.end, true));
      v.shared?.source.release();
    }
    this.vmas.splice(first, i - first, ...repl);
    return removed;
  }

  private insert(v: Vma): void {
    let i = this.indexAfter(v.start);
    this.vmas.splice(i, 0, v);
    // merge with neighbours of identical kind
    const same = (a: Vma, b: Vma) =>
      a.end === b.start && a.perms === b.perms && a.lazy === b.lazy && a.name === b.name && !a.shared && !b.shared &&
      (a.name === '' || a.name.startsWith('[') || a.fileOffset + (a.end - a.start) * PAGE_SIZE === b.fileOffset);
    if (i + 1 < this.vmas.length && same(this.vmas[i]!, this.vmas[i + 1]!)) {
      this.vmas[i]!.end = this.vmas[i + 1]!.end;
      this.vmas.splice(i + 1, 1);
    }
    if (i > 0 && same(this.vmas[i - 1]!, this.vmas[i]!)) {
      this.vmas[i - 1]!.end = this.vmas[i]!.end;
      this.vmas.splice(i, 1);
      i--;
    }
  }

  /** Top-down search for `count` free pages within [low, high). */
  findGap(count: number, low = this.mmapMinPage, high = this.mmapTopPage): number | undefined {
    let top = high;
    let i = this.indexAfter(high) - 1;
    // skip VMAs that start at or above `high` but end above it (straddling)
    const straddle = this.vmas[i + 1];
    if (straddle && straddle.start < high) top = straddle.start;
    for (;;) {
      const below = i >= 0 ? this.vmas[i]! : undefined;
      const bottom = Math.max(low, below ? below.end : low);
      let candTop = Math.min(top, high);
      while (candTop - count >= bottom) {
        const cand = candTop - count;
        const clash = this.foreignClash(cand, candTop);
        if (clash < 0) return cand;
        candTop = clash;
      }
      if (!below || below.start <= low) return undefined;
      top = below.start;
      i--;
    }
  }

  /**
   * Record pages already mapped in the UserSpace (by the ELF loader or stack
   * builder) as VMAs, one run per permission.
   */
  adopt(first: number, count: number, name: string, fileOffset = 0): void {
    const end = first + count;
    let runStart = first;
    let runPerms = this.space.perms(first);
    for (let p = first + 1; p <= end; p++) {
      const perms = p < end ? this.space.perms(p) : -1;
      if (perms === runPerms) continue;
      if (runPerms !== undefined && runPerms !== -1) {
        this.carve(runStart, p).forEach((r) => this.dropPiece(r, false));
        this.insert({ start: runStart, end: p, perms: runPerms, lazy: false, name, fileOffset: fileOffset + (runStart - first) * PAGE_SIZE });
      }
      runStart = p;
      runPerms = perms;
    }
  }

  // ---------------------------------------------------------------- frames

  private framesNeeded(start: number, end: number, lazy: boolean): void {
    if (lazy) return;
    if (end - start > this.space.mem.ram.byteLength / PAGE_SIZE) throw new SysError(ERRNO.ENOMEM);
    let reused = 0;
    for (let p = start; p < end; p++) if (this.space.isMapped(p)) reused++;
    if (end - start - reused > this.space.framesLeft()) throw new SysError(ERRNO.ENOMEM);
  }

  /** Write bytes straight into the frame of a mapped page (loader/mmap use), keeping the code cache coherent. */
  private poke(page: number, offset: number, data: Uint8Array): void {
    const frame = this.space.frameOf(page);
    if (frame === undefined) return;
    const mem = this.space.mem;
    const ramPage = frame / PAGE_SIZE;
    if (mem.codePages.has(ramPage)) {
      mem.onCodeWrite(ramPage);
      mem.codePages.delete(ramPage);
    }
    mem.u8.set(data, frame + offset);
  }

  private zeroPage(page: number): void {
    const frame = this.space.frameOf(page);
    if (frame === undefined) return;
    this.poke(page, 0, new Uint8Array(PAGE_SIZE));
  }

  private writeBack(v: Vma): void {
    const sh = v.shared;
    if (!sh || !sh.dirty || v.lazy) return;
    const size = sh.source.size();
    const ram = this.space.mem.u8;
    for (let p = v.start; p < v.end; p++) {
      const off = sh.offset + (p - v.start) * PAGE_SIZE;
      if (off >= size) break;
      const frame = this.space.frameOf(p);
      if (frame === undefined) continue;
      const n = Math.min(PAGE_SIZE, size - off);
      try {
        sh.source.writeAt(ram.subarray(frame, frame + n), off);
      } catch {
        // the file went away or became unwritable: nothing to report to the guest here
      }
    }
  }

  private dropPiece(v: Vma, writeBack: boolean): void {
    if (writeBack) this.writeBack(v);
    v.shared?.source.release();
  }

  /** Unmap [start, end) pages: VMAs, frames, write-back of shared file pages. */
  unmapPages(start: number, end: number): void {
    for (const r of this.carve(start, end)) {
      this.dropPiece(r, true);
      if (!r.lazy) this.space.unmap(r.start, r.end - r.start);
    }
    const clash = this.foreignClash(start, end);
    if (clash >= 0) this.space.unmap(start, end - start);
  }

  /**
   * Create a mapping of pages [start, end), replacing whatever was there.
   * File bytes (if any) are copied in; the rest of the pages is zero.
   */
  private mapPages(start: number, end: number, perms: number, name: string, src?: { source: MapSource; offset: number; shared: boolean }): void {
    const lazy = perms === 0 && !src;
    this.framesNeeded(start, end, lazy);
    this.unmapPages(start, end);
    if (!lazy) {
      try {
        this.space.map(start, end - start, Perm.R | Perm.W);
      } catch {
        throw new SysError(ERRNO.ENOMEM);
      }
      if (src) {
        const want = (end - start) * PAGE_SIZE;
        const data = src.source.readAt(want, src.offset);
        for (let done = 0; done < data.length; done += PAGE_SIZE) {
          this.poke(start + done / PAGE_SIZE, 0, data.subarray(done, Math.min(done + PAGE_SIZE, data.length)));
        }
      }
      if (perms !== (Perm.R | Perm.W)) this.space.protect(start, end - start, perms);
    }
    const v: Vma = { start, end, perms, lazy, name, fileOffset: src ? src.offset : 0 };
    if (src?.shared) {
      src.source.retain();
      v.shared = { source: src.source, offset: src.offset, dirty: (perms & Perm.W) !== 0 };
    }
    this.insert(v);
  }

  /**
   * Map fresh pages holding `data` (zero-padded) with `perms` somewhere free
   * (top-down), for runtime-provided code such as the sigreturn trampoline.
   */
  mapBlob(data: Uint8Array, perms: number, name: string): number {
    const count = Math.max(1, pageUp(data.length));
    const start = this.findGap(count);
    if (start === undefined) throw new SysError(ERRNO.ENOMEM);
    this.mapPages(start, start + count, Perm.R | Perm.W, name);
    for (let done = 0; done < data.length; done += PAGE_SIZE) {
      this.poke(start + done / PAGE_SIZE, 0, data.subarray(done, Math.min(done + PAGE_SIZE, data.length)));
    }
    this.space.protect(start, count, perms);
    const v = this.find(start)!;
    v.perms = perms;
    return start * PAGE_SIZE;
  }

  // ---------------------------------------------------------------- syscalls

  /** brk(2): returns the new break, or the old one on failure. */
  brk(addr: number): number {
    if (addr === 0 || addr < this.brkStart || addr > this.brkLimit) return this.brkCur;
    const oldTop = pageUp(this.brkCur);
    const newTop = pageUp(addr);
    if (newTop > oldTop) {
      if (!this.isFree(oldTop, newTop)) return this.brkCur;
      try {
        this.mapPages(oldTop, newTop, Perm.R | Perm.W, '[heap]');
      } catch (e) {
        if (e instanceof SysError) return this.brkCur;
        throw e;
      }
    } else if (newTop < oldTop) {
      this.unmapPages(newTop, oldTop);
    }
    this.brkCur = addr;
    return addr;
  }

  /** mmap(2). `source` is the open file for non-anonymous mappings (checked by the caller). */
  mmap(addr: number, len: number, prot: number, flags: number, source: MapSource | undefined, offset: number): number {
    if (len === 0) fail('EINVAL');
    if (offset % PAGE_SIZE !== 0 || offset < 0) fail('EINVAL');
    const type = flags & MAP_TYPE;
    if (type !== MAP_SHARED && type !== MAP_PRIVATE && type !== MAP_SHARED_VALIDATE) fail('EINVAL');
    if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC)) fail('EINVAL');
    const count = pageUp(len);
    if (count > TASK_PAGES) fail('ENOMEM');
    const fixed = (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) !== 0;
    let start: number;
    if (fixed) {
      if (addr % PAGE_SIZE !== 0) fail('EINVAL');
      start = addr / PAGE_SIZE;
      if (start + count > TASK_PAGES) fail('ENOMEM');
      if (flags & MAP_FIXED_NOREPLACE && !this.isFree(start, start + count)) fail('EEXIST');
    } else {
      const hint = pageUp(addr);
      if (addr !== 0 && hint >= this.mmapMinPage && hint + count <= TASK_PAGES && this.isFree(hint, hint + count)) start = hint;
      else {
        const g = this.findGap(count);
        if (g === undefined) fail('ENOMEM');
        start = g;
      }
    }
    const anon = (flags & MAP_ANONYMOUS) !== 0 || !source;
    const name = anon ? '' : source!.path;
    this.mapPages(
      start,
      start + count,
      permsOfProt(prot),
      name,
      anon ? undefined : { source: source!, offset, shared: type !== MAP_PRIVATE },
    );
    return start * PAGE_SIZE;
  }

  munmap(addr: number, len: number): number {
    if (addr % PAGE_SIZE !== 0 || len === 0) fail('EINVAL');
    const start = addr / PAGE_SIZE;
    const end = Math.min(start + pageUp(len), TASK_PAGES);
    if (start >= TASK_PAGES) fail('EINVAL');
    this.unmapPages(start, end);
    return 0;
  }

  mprotect(addr: number, len: number, prot: number): number {
    if (addr % PAGE_SIZE !== 0) fail('EINVAL');
    if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC | PROT_GROWSDOWN | PROT_GROWSUP)) fail('EINVAL');
    if (len === 0) return 0;
    const start = addr / PAGE_SIZE;
    const end = start + pageUp(len);
    if (end > TASK_PAGES || !this.covered(start, end)) fail('ENOMEM');
    const perms = permsOfProt(prot);
    const pieces = this.pieces(start, end);
    let need = 0;
    for (const p of pieces) if (p.lazy && perms !== 0) need += p.end - p.start;
    if (need > this.space.framesLeft()) fail('ENOMEM');
    for (const r of this.carve(start, end)) {
      if (r.lazy) {
        if (perms !== 0) {
          this.space.map(r.start, r.end - r.start, perms);
          r.lazy = false;
        }
      } else {
        this.space.protect(r.start, r.end - r.start, perms);
      }
      r.perms = perms;
      if (r.shared && perms & Perm.W) r.shared.dirty = true;
      this.insert(r);
    }
    return 0;
  }

  mremap(oldAddr: number, oldLen: number, newLen: number, flags: number, newAddr: number): number {
    if (oldAddr % PAGE_SIZE !== 0) fail('EINVAL');
    if (flags & ~(MREMAP_MAYMOVE | MREMAP_FIXED | MREMAP_DONTUNMAP)) fail('EINVAL');
    if (flags & MREMAP_FIXED && !(flags & MREMAP_MAYMOVE)) fail('EINVAL');
    if (flags & MREMAP_DONTUNMAP) fail('EINVAL');
    if (newLen === 0 || oldLen === 0) fail('EINVAL');
    const oldStart = oldAddr / PAGE_SIZE;
    const oldCount = pageUp(oldLen);
    const newCount = pageUp(newLen);
    if (oldStart + oldCount > TASK_PAGES || newCount > TASK_PAGES) fail('EINVAL');
    if (!this.covered(oldStart, oldStart + oldCount)) fail('EFAULT');

    if (flags & MREMAP_FIXED) {
      if (newAddr % PAGE_SIZE !== 0) fail('EINVAL');
      const to = newAddr / PAGE_SIZE;
      if (to + newCount > TASK_PAGES) fail('EINVAL');
      if (to < oldStart + oldCount && oldStart < to + newCount) fail('EINVAL');
      this.unmapPages(to, to + newCount);
      return this.moveTo(oldStart, oldCount, to, newCount) * PAGE_SIZE;
    }
    if (newCount <= oldCount) {
      if (newCount < oldCount) this.unmapPages(oldStart + newCount, oldStart + oldCount);
      return oldAddr;
    }
    const tail = oldStart + oldCount;
    const last = this.find(tail - 1)!;
    if (tail + (newCount - oldCount) <= TASK_PAGES && this.isFree(tail, oldStart + newCount)) {
      this.extend(last, tail, oldStart + newCount);
      return oldAddr;
    }
    if (!(flags & MREMAP_MAYMOVE)) fail('ENOMEM');
    const to = this.findGap(newCount);
    if (to === undefined) fail('ENOMEM');
    return this.moveTo(oldStart, oldCount, to, newCount) * PAGE_SIZE;
  }

  /** Grow a mapping at [from, to) with pages like `like`. */
  private extend(like: Vma, from: number, to: number): void {
    if (like.shared) {
      this.mapPages(from, to, like.perms, like.name, {
        source: like.shared.source,
        offset: like.shared.offset + (from - like.start) * PAGE_SIZE,
        shared: true,
      });
    } else if (like.lazy) {
      this.mapPages(from, to, 0, like.name);
    } else {
      this.framesNeeded(from, to, false);
      this.space.map(from, to - from, like.perms);
      this.insert({ start: from, end: to, perms: like.perms, lazy: false, name: like.name, fileOffset: like.fileOffset + (from - like.start) * PAGE_SIZE });
    }
  }

  /** Move pages [from, from+count) to `to` (which must be free), then size to newCount. Returns `to`. */
  private moveTo(from: number, count: number, to: number, newCount: number): number {
    const keep = Math.min(count, newCount);
    const last = this.find(from + count - 1)!;
    if (newCount > count && !last.lazy) this.framesNeeded(to + count, to + newCount, false);
    if (count > keep) this.unmapPages(from + keep, from + count);
    const pieces = this.carve(from, from + keep);
    for (const r of pieces) {
      const len = r.end - r.start;
      const dst = to + (r.start - from);
      if (!r.lazy) this.space.move(r.start, dst, len);
      r.start = dst;
      r.end = dst + len;
      this.insert(r);
    }
    if (newCount > keep) this.extend(this.find(to + keep - 1)!, to + keep, to + newCount);
    return to;
  }

  madvise(addr: number, len: number, advice: number): number {
    if (addr % PAGE_SIZE !== 0) fail('EINVAL');
    if (len === 0) return 0;
    const start = addr / PAGE_SIZE;
    const end = start + pageUp(len);
    if (end > TASK_PAGES || !this.covered(start, end)) fail('ENOMEM');
    if (advice === MADV_DONTNEED) {
      for (const r of this.pieces(start, end)) {
        if (r.lazy || r.shared) continue;
        for (let p = r.start; p < r.end; p++) this.zeroPage(p);
      }
    }
    return 0;
  }

  msync(addr: number, len: number, flags: number): number {
    if (addr % PAGE_SIZE !== 0) fail('EINVAL');
    if (flags & ~(MS_ASYNC | MS_INVALIDATE | MS_SYNC) || (flags & MS_ASYNC && flags & MS_SYNC)) fail('EINVAL');
    const start = addr / PAGE_SIZE;
    const end = start + pageUp(len);
    if (end > TASK_PAGES || !this.covered(start, end)) fail('ENOMEM');
    for (const r of this.pieces(start, end)) this.writeBack(r);
    return 0;
  }

  /** Write back every shared file mapping (at exit). */
  flushAll(): void {
    for (const v of this.vmas) this.writeBack(v);
  }

  /** /proc/self/maps text. */
  mapsText(): string {
    const h = (n: number, w: number) => n.toString(16).padStart(w, '0');
    return this.vmas
      .map((v) => {
        const perms =
          (v.perms & Perm.R ? 'r' : '-') + (v.perms & Perm.W ? 'w' : '-') + (v.perms & Perm.X ? 'x' : '-') + (v.shared ? 's' : 'p');
        const named = v.name !== '' && !v.name.startsWith('[');
        const head = `${h(v.start * PAGE_SIZE, 8)}-${h(v.end * PAGE_SIZE, 8)} ${perms} ${h(named ? v.fileOffset : 0, 8)} 00:00 0`;
        return v.name ? head.padEnd(73) + v.name + '\n' : head + '\n';
      })
      .join('');
  }
}
