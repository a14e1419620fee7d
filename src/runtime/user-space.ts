/**
 * User-mode address space: a flat page map from virtual page numbers to RAM
 * frames with R/W/X permissions, as Linux gives a process. Frames come from
 * the Memory's RAM; fresh pages are zero-filled.
 */
import { PAGE_BITS, PAGE_SIZE } from '../backend-js/abi.js';
import { type Access, GuestFault } from './fault.js';
import { type AddressSpace, type Memory, Perm } from './memory.js';

/** Virtual page number of a 64-bit address as an exact JS number. */
export function vpn(lo: number, hi: number): number {
  return (hi >>> 0) * 0x100000 + (lo >>> PAGE_BITS);
}

export class UserSpace implements AddressSpace {
  /** vpn -> RAM offset | perms (offset is page aligned, perms in the low 3 bits). */
  private readonly pages = new Map<number, number>();
  private readonly freeFrames: number[] = [];
  private nextFrame = 0;
  /** Called when mappings change so caches of translations can be dropped. */
  onChange: (vpnFirst: number, count: number) => void = () => {};

  constructor(readonly mem: Memory) {
    mem.space = this;
  }

  translatePage(lo: number, hi: number, access: Access): number {
    const e = this.pages.get(vpn(lo, hi));
    if (e === undefined) throw new GuestFault('translation', access, lo, hi);
    const need = access === 'read' ? Perm.R : access === 'write' ? Perm.W : Perm.X;
    if ((e & need) === 0) throw new GuestFault('permission', access, lo, hi);
    return e & ~7;
  }

  isMapped(page: number): boolean {
    return this.pages.has(page);
  }

  perms(page: number): number | undefined {
    const e = this.pages.get(page);
    return e === undefined ? undefined : e & 7;
  }

  /** RAM offset of a mapped page (no permission check), for loaders and syscalls. */
  frameOf(page: number): number | undefined {
    const e = this.pages.get(page);
    return e === undefined ? undefined : e & ~7;
  }

  private allocFrame(): number {
    let f = this.freeFrames.pop();
    if (f === undefined) {
      if (this.nextFrame + PAGE_SIZE > this.mem.ram.byteLength) {
        throw new RangeError('guest RAM exhausted');
      }
      f = this.nextFrame;
      this.nextFrame += PAGE_SIZE;
    } else {
      this.mem.u8.fill(0, f, f + PAGE_SIZE);
    }
    return f;
  }

  /** Free frames left (for mmap ENOMEM decisions). */
  framesLeft(): number {
    return this.freeFrames.length + Math.floor((this.mem.ram.byteLength - this.nextFrame) / PAGE_SIZE);
  }

  /** A frame stops holding the code it held: drop its translations. */
  private dropCode(frame: number): void {
    const page = frame >>> PAGE_BITS;
    if (this.mem.codePages.has(page)) {
      this.mem.codePages.delete(page);
      this.mem.onCodeWrite(page);
    }
  }

  private release(entry: number): void {
    this.dropCode(entry & ~7);
    this.freeFrames.push(entry & ~7);
  }

  /** Map `count` pages from `first` with fresh zeroed frames (replacing any existing mapping). */
  map(first: number, count: number, perms: number): void {
    if (count > this.framesLeft()) throw new RangeError('guest RAM exhausted');
    for (let p = first; p < first + count; p++) {
      const old = this.pages.get(p);
      if (old !== undefined) this.release(old);
      this.pages.set(p, this.allocFrame() | perms);
    }
    this.changed(first, count);
  }

  unmap(first: number, count: number): void {
    for (let p = first; p < first + count; p++) {
      const old = this.pages.get(p);
      if (old !== undefined) {
        this.release(old);
        this.pages.delete(p);
      }
    }
    this.changed(first, count);
  }

  /** Change permissions; returns false if some page in the range is unmapped. */
  protect(first: number, count: number, perms: number): boolean {
    for (let p = first; p < first + count; p++) if (!this.pages.has(p)) return false;
    for (let p = first; p < first + count; p++) {
      const e = this.pages.get(p)!;
      if ((perms & Perm.X) === 0) this.dropCode(e & ~7);
      this.pages.set(p, (e & ~7) | perms);
    }
    this.changed(first, count);
    return true;
  }

  /** Move mappings (mremap): pages keep their frames and contents. */
  move(from: number, to: number, count: number): void {
    const entries: number[] = [];
    for (let p = from; p < from + count; p++) {
      entries.push(this.pages.get(p)!);
      this.dropCode(this.pages.get(p)! & ~7);
      this.pages.delete(p);
    }
    for (let k = 0; k < count; k++) {
      const old = this.pages.get(to + k);
      if (old !== undefined) this.release(old);
      this.pages.set(to + k, entries[k]!);
    }
    this.changed(from, count);
    this.changed(to, count);
  }

  /** Lowest run of `count` free pages at or above `hint`, below `limit`, searching down from limit if top-down. */
  findFree(count: number, low: number, high: number): number | undefined {
    // Top-down like Linux's mmap: scan from high - count downwards.
    let p = high - count;
    while (p >= low) {
      let k = 0;
      while (k < count && !this.pages.has(p + k)) k++;
      if (k === count) return p;
      p = p + k - count; // jump below the mapped page we hit
    }
    return undefined;
  }

  private changed(first: number, count: number): void {
    this.mem.flushTlb();
    this.onChange(first, count);
  }
}
