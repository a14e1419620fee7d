import t from 'tap';
import { existsSync, readFileSync } from 'node:fs';
import { Memory, Perm } from '../../src/runtime/memory.js';
import { UserSpace } from '../../src/runtime/user-space.js';
import { ET_DYN_BASE, ElfError, loadElf, parseElf, permsOfFlags } from '../../src/runtime/linux/elf.js';
import { makeElf, tinyElf, words } from './support/helpers.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
interface Asserts {
  ok(...a: any[]): unknown;
  notOk(...a: any[]): unknown;
  match(...a: any[]): unknown;
  fail(...a: any[]): unknown;
}

function expectError(t: Asserts, bytes: Uint8Array, re: RegExp, what: string): void {
  try {
    parseElf(bytes);
    t.fail(`${what}: no error`);
  } catch (e) {
    t.ok(e instanceof ElfError, `${what}: throws ElfError`);
    const msg = (e as Error).message;
    t.match(msg, re, `${what}: ${msg}`);
    t.notOk(msg.includes('\n'), `${what}: one line`);
  }
}

t.test('malformed ELF files give precise one-line errors', (t) => {
  const good = tinyElf();
  const mut = (f: (b: Uint8Array, dv: DataView) => void) => {
    const b = good.slice();
    f(b, new DataView(b.buffer));
    return b;
  };
  expectError(t, new Uint8Array([0x23, 0x21, 0x2f, 0x62, 0x69, 0x6e]), /not an ELF file: bad magic at offset 0/, 'shell script');
  expectError(t, new Uint8Array(0), /bad magic/, 'empty file');
  expectError(t, mut((b) => (b[4] = 1)), /not a 64-bit ELF: EI_CLASS \(offset 0x4\) is 1 \(ELFCLASS32\)/, '32-bit');
  expectError(t, mut((b) => (b[5] = 2)), /not a little-endian ELF: EI_DATA \(offset 0x5\) is 2 \(big-endian\)/, 'big-endian');
  expectError(t, mut((_b, dv) => dv.setUint16(18, 62, true)), /e_machine \(offset 0x12\) is 62 \(x86-64\), expected 183/, 'x86-64');
  expectError(t, mut((_b, dv) => dv.setUint16(18, 9999, true)), /e_machine \(offset 0x12\) is 9999, expected 183/, 'unknown machine');
  expectError(t, good.slice(0, 40), /truncated ELF header: file is 40 bytes, header needs 64/, 'truncated header');
  expectError(t, mut((_b, dv) => dv.setUint16(16, 1, true)), /not an executable: e_type \(offset 0x10\) is 1 \(ET_REL/, 'object file');
  expectError(t, mut((_b, dv) => dv.setBigUint64(32, BigInt(good.length - 20), true)), /truncated program header table: e_phoff .* beyond the file end/, 'phdr table past end');
  expectError(t, mut((_b, dv) => dv.setUint16(54, 32, true)), /bad e_phentsize \(offset 0x36\): 32, expected 56/, 'phentsize');
  expectError(t, mut((_b, dv) => {
        dv.setBigUint64(64 + 32, 0x100000n, true);
        dv.setBigUint64(64 + 40, 0x100000n, true);
      }), /truncated file: PT_LOAD program header 0 \(at file offset 0x40\) needs file bytes 0x1000\.\.0x101000, beyond the file end/, 'segment beyond end');
  expectError(
    t,
    mut((_b, dv) => dv.setBigUint64(64 + 40, 2n, true)),
    /bad PT_LOAD in program header 0 \(at file offset 0x40\): p_filesz 0x10 > p_memsz 0x2/,
    'filesz > memsz',
  );
  expectError(
    t,
    mut((_b, dv) => dv.setBigUint64(64 + 16, 0xffff_ffff_ffff_f000n, true)),
    /program header 0 p_vaddr 0xfffffffffffff000 is out of range/,
    'vaddr beyond 2^53',
  );
  expectError(
    t,
    mut((_b, dv) => dv.setBigUint64(64 + 16, 0xffff_ffff_fff8n, true)),
    /segment address overflow in program header 0 .*beyond the 48-bit user address space/,
    'segment beyond user space',
  );
  expectError(
    t,
    mut((_b, dv) => {
      dv.setUint32(64, 4, true);
      dv.setUint32(64 + 56, 0x6474e551, true);
    }),
    /no PT_LOAD segment among the 2 program headers/,
    'no PT_LOAD',
  );
  const interp = makeElf({
    segments: [
      { type: 3, vaddr: 0x400200, flags: 4, data: Buffer.from('/lib/ld-linux-aarch64.so.1\0') },
      { vaddr: 0x400000, flags: 5, data: words(0xd503201f) },
    ],
  });
  expectError(t, interp, /^dynamically linked executables are not supported; build with -static \(PT_INTERP .*\/lib\/ld-linux-aarch64\.so\.1\)$/, 'PT_INTERP');
  t.end();
});

t.test('loading maps segments page by page with their permissions', (t) => {
  const mem = new Memory(4 << 20);
  const space = new UserSpace(mem);
  const code = words(0xd2800540, 0xd2800ba8, 0xd4000001);
  const elf = makeElf({
    entry: 0x400008,
    segments: [
      // text: offset 0 covers the headers, like a real linker lays it out
      { vaddr: 0x400000, flags: 5, data: new Uint8Array(0), offset: 0 },
      { vaddr: 0x401000, flags: 5, data: code },
      // data + bss crossing into a second and third page
      { vaddr: 0x402ff0, flags: 6, data: new Uint8Array([9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), memsz: 0x1100 },
      // read-only data sharing the last bss page: perms are ORed
      { vaddr: 0x404080, flags: 4, data: new Uint8Array([0xaa]) },
    ],
  });
  // make segment 0 really cover the headers
  const dv = new DataView(elf.buffer);
  dv.setBigUint64(64 + 32, 0x200n, true);
  dv.setBigUint64(64 + 40, 0x200n, true);
  const info = parseElf(elf);
  t.equal(info.loads.length, 4);
  const l = loadElf(elf, space);
  t.equal(l.base, 0);
  t.equal(l.entry, 0x400008);
  t.equal(l.phdr, 0x400040, 'AT_PHDR: the table inside the first PT_LOAD');
  t.equal(l.phent, 56);
  t.equal(l.phnum, 4);
  t.equal(l.brk, 0x405000, 'brk: page-aligned end of the highest segment');
  t.equal(space.perms(0x400), Perm.R | Perm.X);
  t.equal(space.perms(0x401), Perm.R | Perm.X);
  t.equal(space.perms(0x402), Perm.R | Perm.W);
  t.equal(space.perms(0x403), Perm.R | Perm.W);
  t.equal(space.perms(0x404), Perm.R | Perm.W, 'page shared by bss and rodata gets both');
  t.equal(space.perms(0x405), undefined);
  t.equal(mem.fetch32(0x401004, 0) >>> 0, 0xd2800ba8, 'code bytes are in place');
  t.equal(mem.ld8(0x402ff0, 0), 9);
  t.equal(mem.ld8(0x403002, 0), 9, 'data crossing a page boundary');
  t.equal(mem.ld8(0x403003, 0), 0, 'bss is zero');
  t.equal(mem.ld8(0x4040ff, 0), 0, 'bss is zero to its end');
  t.equal(mem.ld8(0x404080, 0), 0xaa, 'overlapping segment bytes');
  t.equal(mem.ld32(0x400000, 0) >>> 0, 0x464c457f, 'ELF header mapped at the start');
  t.end();
});

t.test('static-pie (ET_DYN) executables load at the fixed base', (t) => {
  const mem = new Memory(1 << 20);
  const space = new UserSpace(mem);
  const elf = makeElf({
    type: 3,
    entry: 0x10000,
    segments: [
      { type: 6, vaddr: 0x40, flags: 4, data: new Uint8Array(0), offset: 0x40 }, // PT_PHDR
      { vaddr: 0, flags: 4, data: new Uint8Array(0), offset: 0 }, // headers + rodata
      { vaddr: 0x10000, flags: 5, data: words(0xd503201f, 0xd65f03c0) },
    ],
  });
  new DataView(elf.buffer).setBigUint64(64 + 56 + 40, 0x100n, true); // memsz of the first PT_LOAD
  new DataView(elf.buffer).setBigUint64(64 + 56 + 32, 0x100n, true);
  const l = loadElf(elf, space);
  t.equal(l.base, ET_DYN_BASE, 'the first PT_LOAD lands at the base');
  t.equal(l.entry, ET_DYN_BASE + 0x10000);
  t.equal(l.phdr, ET_DYN_BASE + 0x40, 'PT_PHDR gives AT_PHDR');
  t.equal(space.perms(ET_DYN_BASE / 4096), Perm.R);
  t.equal(space.perms((ET_DYN_BASE + 0x10000) / 4096), Perm.R | Perm.X);
  const a = ET_DYN_BASE + 0x10004;
  t.equal(mem.fetch32(a >>> 0, Math.floor(a / 2 ** 32)) >>> 0, 0xd65f03c0);
  t.equal(mem.ld32(ET_DYN_BASE >>> 0, Math.floor(ET_DYN_BASE / 2 ** 32)) >>> 0, 0x464c457f);
  t.end();
});

t.test('the project guest binary parses and loads', { skip: !existsSync('guests/bin/hello') && 'guests/bin/hello not built' }, (t) => {
  const bytes = readFileSync('guests/bin/hello');
  const info = parseElf(bytes);
  t.equal(info.type, 2);
  t.equal(info.entry, Number(new DataView(bytes.buffer, bytes.byteOffset).getBigUint64(24, true)));
  t.ok(info.tls, 'PT_TLS noted');
  const mem = new Memory(16 << 20);
  const space = new UserSpace(mem);
  const l = loadElf(bytes, space);
  t.equal(l.phdr, info.loads[0]!.vaddr + info.phoff, 'AT_PHDR inside the text segment');
  for (const ld of info.loads) {
    const last = Math.floor((ld.vaddr + ld.memsz - 1) / 4096);
    t.equal(space.perms(Math.floor(ld.vaddr / 4096)), permsOfFlags(ld.flags), `first page of the segment at 0x${ld.vaddr.toString(16)}`);
    t.equal(space.perms(last), permsOfFlags(ld.flags), 'and its last page');
  }
  t.equal(mem.fetch32(l.entry, 0), new DataView(bytes.buffer, bytes.byteOffset).getInt32(l.entry - info.loads[0]!.vaddr + info.loads[0]!.offset, true));
  t.equal(l.execStack, false);
  t.end();
});
