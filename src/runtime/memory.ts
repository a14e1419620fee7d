/**
 * Guest memory: one ArrayBuffer of "physical" RAM, an AddressSpace that maps
 * virtual pages to RAM offsets (user mode: a page map; system mode: the MMU),
 * and the software TLB that generated code reads inline.
 *
 * TLB entry i caches one virtual page whose page number satisfies
 * (vpn & TLB_MASK) == i. Tags: lo tag = va & ~PAGE_MASK, hi tag = va hi word.
 * The add-offset `a` satisfies ((a + vaLo) | 0) == RAM offset of vaLo.
 * Fast path (4-byte load):  idx = (lo >>> 12) & MASK;
 *   if (RT[idx] === ((lo + 3) & ~0xfff) && RH[idx] === hi) v = D.getInt32((RA[idx] + lo) | 0, true)
 * Testing the page of the last byte makes page-crossing accesses take the slow path.
 */
import { PAGE_BITS, PAGE_MASK, PAGE_SIZE, TLB_ENTRIES, TLB_MASK } from '../backend-js/abi.js';
import { type Access, GuestFault } from './fault.js';

export const enum Perm {
  R = 1,
  W = 2,
  X = 4,
}

/** A translation: RAM offset of the page and its permissions, or a fault kind. */
export interface AddressSpace {
  /** Returns the RAM offset of the page containing va (page-aligned), or throws GuestFault. */
  translatePage(vaLo: number, vaHi: number, access: Access): number;
}

const INVALID_TAG = 1; // never equal to a page-aligned address

export class Memory {
  readonly ram: ArrayBuffer;
  readonly dv: DataView;
  readonly u8: Uint8Array;
  readonly rt = new Int32Array(TLB_ENTRIES).fill(INVALID_TAG);
  readonly rh = new Int32Array(TLB_ENTRIES);
  readonly ra = new Int32Array(TLB_ENTRIES);
  readonly wt = new Int32Array(TLB_ENTRIES).fill(INVALID_TAG);
  readonly wh = new Int32Array(TLB_ENTRIES);
  readonly wa = new Int32Array(TLB_ENTRIES);
  /** RAM page indexes (offset >>> PAGE_BITS) that hold translated code: never in the write TLB. */
  readonly codePages = new Set<number>();
  /** Called before a write lands in a code page (the runtime invalidates the blocks there). */
  onCodeWrite: (ramPage: number) => void = () => {};
  /** Scratch for 64-bit results: high half of the last ld64. */
  retHi = 0;
  space: AddressSpace;
  tlbMisses = 0;

  constructor(ramBytes: number, space?: AddressSpace) {
    if (ramBytes % PAGE_SIZE !== 0 || ramBytes <= 0 || ramBytes > 0x7fff_f000) {
      throw new RangeError(`RAM size ${ramBytes} must be a positive multiple of ${PAGE_SIZE} below 2 GiB`);
    }
    // Fields the hot paths write are stored a second time here: V8 treats a field as constant
    // until its second store, and the first slow path to write one would otherwise throw away
    // the optimized code that folded it (the dispatcher's, with the interpreter inlined).
    this.retHi = 0;
    this.tlbMisses = 0;
    this.ram = new ArrayBuffer(ramBytes);
    this.dv = new DataView(this.ram);
    this.u8 = new Uint8Array(this.ram);
    this.space = space ?? {
      translatePage(lo, hi, access) {
        throw new GuestFault('translation', access, lo, hi);
      },
    };
  }

  flushTlb(): void {
    this.rt.fill(INVALID_TAG);
    this.wt.fill(INVALID_TAG);
  }

  /** Drop any TLB entry for the page containing va. */
  flushPage(vaLo: number, vaHi: number): void {
    const i = (vaLo >>> PAGE_BITS) & TLB_MASK;
    const tag = vaLo & ~PAGE_MASK;
    // With TBI an entry may have been filled under a tagged high word: compare without the top byte.
    const sh = this.tbi ? 8 : 0;
    const hi = (vaHi << sh) >> sh;
    if (this.rt[i] === tag && ((this.rh[i]! << sh) >> sh) === hi) this.rt[i] = INVALID_TAG;
    if (this.wt[i] === tag && ((this.wh[i]! << sh) >> sh) === hi) this.wt[i] = INVALID_TAG;
  }

  /** Drop write-TLB entries mapping a RAM page (it now holds code). */
  protectCodePage(ramPage: number): void {
    if (this.codePages.has(ramPage)) return;
    this.codePages.add(ramPage);
    const base = ramPage << PAGE_BITS;
    for (let i = 0; i < TLB_ENTRIES; i++) {
      if (this.wt[i] !== INVALID_TAG && ((this.wa[i] + this.wt[i]) | 0) === base) this.wt[i] = INVALID_TAG;
    }
  }

  /**
   * Top Byte Ignore for data accesses (Linux sets TCR_EL1.TBI0 for user
   * space): bits 63:56 of a data address are ignored, the address translated
   * is bit 55 sign-extended. A tagged pointer misses the fast path's TLB
   * compare only the first time: the entry is filled under its tagged high
   * word.
   */
  tbi = false;

  /** RAM offset of va for an access, filling the TLB. Throws GuestFault. */
  resolve(vaLo: number, vaHi: number, access: Access): number {
    this.tlbMisses++;
    let page: number;
    if (this.tbi && access !== 'exec' && ((vaHi << 8) >> 8) !== vaHi) {
      try {
        page = this.space.translatePage(vaLo, (vaHi << 8) >> 8, access);
      } catch (e) {
        // The fault names the address as the instruction formed it, tag included.
        if (e instanceof GuestFault) throw new GuestFault(e.kind, e.access, vaLo, vaHi);
        throw e;
      }
    } else {
      page = this.space.translatePage(vaLo, vaHi, access);
    }
    const tag = vaLo & ~PAGE_MASK;
    const i = (vaLo >>> PAGE_BITS) & TLB_MASK;
    const add = (page - tag) | 0;
    if (access === 'write') {
      const ramPage = page >>> PAGE_BITS;
      if (this.codePages.has(ramPage)) {
        this.onCodeWrite(ramPage);
        this.codePages.delete(ramPage);
      }
      this.wt[i] = tag;
      this.wh[i] = vaHi;
      this.wa[i] = add;
    } else if (access === 'read') {
      this.rt[i] = tag;
      this.rh[i] = vaHi;
      this.ra[i] = add;
    }
    return page + (vaLo & PAGE_MASK);
  }

  private addr(lo: number, hi: number, size: number, access: Access): number {
    const i = (lo >>> PAGE_BITS) & TLB_MASK;
    const last = (lo + size - 1) & ~PAGE_MASK;
    if (access === 'read') {
      if (this.rt[i] === last && this.rh[i] === hi) return (this.ra[i] + lo) | 0;
    } else if (this.wt[i] === last && this.wh[i] === hi) return (this.wa[i] + lo) | 0;
    return -1;
  }

  // ---- slow paths: called by generated code on a TLB miss or a page-crossing access ----

  ld8(lo: number, hi: number): number {
    const a = this.addr(lo, hi, 1, 'read');
    return this.u8[a >= 0 ? a : this.resolve(lo, hi, 'read')];
  }
  ld16(lo: number, hi: number): number {
    let a = this.addr(lo, hi, 2, 'read');
    if (a < 0) {
      if ((lo & PAGE_MASK) === PAGE_MASK) return this.ld8(lo, hi) | (this.ld8((lo + 1) | 0, lo === -1 ? (hi + 1) | 0 : hi) << 8);
      a = this.resolve(lo, hi, 'read');
    }
    return this.dv.getUint16(a, true);
  }
  ld32(lo: number, hi: number): number {
    let a = this.addr(lo, hi, 4, 'read');
    if (a < 0) {
      if ((lo & PAGE_MASK) > PAGE_SIZE - 4) return this.ldCross(lo, hi, 4);
      a = this.resolve(lo, hi, 'read');
    }
    return this.dv.getInt32(a, true);
  }
  /** Returns the low word; the high word is left in retHi. */
  ld64(lo: number, hi: number): number {
    let a = this.addr(lo, hi, 8, 'read');
    if (a < 0) {
      if ((lo & PAGE_MASK) > PAGE_SIZE - 8) {
        const l = this.ldCross(lo, hi, 4);
        const n = (lo + 4) | 0;
        this.retHi = this.ldCross(n, (n >>> 0) < (lo >>> 0) ? (hi + 1) | 0 : hi, 4);
        return l;
      }
      a = this.resolve(lo, hi, 'read');
    }
    this.retHi = this.dv.getInt32(a + 4, true);
    return this.dv.getInt32(a, true);
  }
  /** A load crossing pages, byte by byte from the lowest: a fault names the first byte that cannot be read (as qemu and Linux do). */
  private ldCross(lo: number, hi: number, size: number): number {
    let v = 0;
    for (let k = 0; k < size; k++) {
      const l = (lo + k) | 0;
      v |= this.ld8(l, (l >>> 0) < (lo >>> 0) ? (hi + 1) | 0 : hi) << (8 * k);
    }
    return v;
  }

  st8(lo: number, hi: number, v: number): void {
    const a = this.addr(lo, hi, 1, 'write');
    this.u8[a >= 0 ? a : this.resolve(lo, hi, 'write')] = v;
  }
  st16(lo: number, hi: number, v: number): void {
    let a = this.addr(lo, hi, 2, 'write');
    if (a < 0) {
      if ((lo & PAGE_MASK) === PAGE_MASK) return this.stCross(lo, hi, v, 2);
      a = this.resolve(lo, hi, 'write');
    }
    this.dv.setUint16(a, v, true);
  }
  st32(lo: number, hi: number, v: number): void {
    let a = this.addr(lo, hi, 4, 'write');
    if (a < 0) {
      if ((lo & PAGE_MASK) > PAGE_SIZE - 4) return this.stCross(lo, hi, v, 4);
      a = this.resolve(lo, hi, 'write');
    }
    this.dv.setInt32(a, v, true);
  }
  st64(lo: number, hi: number, vlo: number, vhi: number): void {
    let a = this.addr(lo, hi, 8, 'write');
    if (a < 0) {
      if ((lo & PAGE_MASK) > PAGE_SIZE - 8) {
        // Check both pages before writing anything, so a fault leaves memory untouched.
        this.probeCross(lo, hi);
        this.stCross(lo, hi, vlo, 4);
        const m = (lo + 4) | 0;
        this.stCross(m, (m >>> 0) < (lo >>> 0) ? (hi + 1) | 0 : hi, vhi, 4);
        return;
      }
      a = this.resolve(lo, hi, 'write');
    }
    this.dv.setInt32(a, vlo, true);
    this.dv.setInt32(a + 4, vhi, true);
  }
  /**
   * Before a store crossing pages: fault now if either page cannot be written,
   * naming the first byte that cannot (the access start, or the next page's
   * first byte), as qemu and Linux report it.
   */
  private probeCross(lo: number, hi: number): void {
    this.probe(lo, hi, 'write');
    const n = ((lo | PAGE_MASK) + 1) | 0;
    this.probe(n, (n >>> 0) < (lo >>> 0) ? (hi + 1) | 0 : hi, 'write');
  }
  private stCross(lo: number, hi: number, v: number, size: number): void {
    if ((lo & PAGE_MASK) > PAGE_SIZE - size) this.probeCross(lo, hi);
    for (let k = 0; k < size; k++) {
      const l = (lo + k) | 0;
      this.st8(l, (l >>> 0) < (lo >>> 0) ? (hi + 1) | 0 : hi, v >>> (8 * k));
    }
  }

  /** Raise the alignment fault of an access at va that had to be aligned (CheckAlignment). */
  alignmentFault(lo: number, hi: number, write: number): never {
    throw new GuestFault('alignment', write ? 'write' : 'read', lo, hi);
  }

  /** Faults now if va cannot be accessed; used before multi-part accesses so faults are precise. */
  probe(lo: number, hi: number, access: Access): void {
    if (this.addr(lo, hi, 1, access) < 0) this.resolve(lo, hi, access);
  }

  /** Instruction fetch (translator): 32-bit word at va, faulting with access 'exec'. */
  fetch32(lo: number, hi: number): number {
    const a = this.resolve(lo, hi, 'exec');
    return this.dv.getInt32(a, true);
  }

  // ---- bulk helpers for loaders and syscalls (virtual addresses) ----

  readBytes(lo: number, hi: number, len: number): Uint8Array {
    const out = new Uint8Array(len);
    for (let done = 0; done < len; ) {
      const l = (lo + done) | 0;
      const h = hi + (((lo >>> 0) + done) > 0xffffffff ? 1 : 0);
      const a = this.resolve(l, h | 0, 'read');
      const n = Math.min(len - done, PAGE_SIZE - (l & PAGE_MASK));
      out.set(this.u8.subarray(a, a + n), done);
      done += n;
    }
    return out;
  }

  writeBytes(lo: number, hi: number, data: Uint8Array): void {
    // Probe every page first so a fault leaves memory untouched.
    for (let done = 0; done < data.length; ) {
      const l = (lo + done) | 0;
      const h = hi + (((lo >>> 0) + done) > 0xffffffff ? 1 : 0);
      this.resolve(l, h | 0, 'write');
      done += PAGE_SIZE - (l & PAGE_MASK);
    }
    for (let done = 0; done < data.length; ) {
      const l = (lo + done) | 0;
      const h = hi + (((lo >>> 0) + done) > 0xffffffff ? 1 : 0);
      const a = this.resolve(l, h | 0, 'write');
      const n = Math.min(data.length - done, PAGE_SIZE - (l & PAGE_MASK));
      this.u8.set(data.subarray(done, done + n), a);
      done += n;
    }
  }

  /** NUL-terminated string at va (at most max bytes). */
  readCString(lo: number, hi: number, max = 4096): string {
    const bytes: number[] = [];
    for (let k = 0; k < max; k++) {
      const l = (lo + k) | 0;
      const b = this.ld8(l, (l >>> 0) < (lo >>> 0) ? (hi + 1) | 0 : hi);
      if (b === 0) break;
      bytes.push(b);
    }
    return Buffer.from(bytes).toString('utf8');
  }
}
