import t from 'tap';
import { Memory, Perm } from '../../src/runtime/memory.js';
import { UserSpace } from '../../src/runtime/user-space.js';
import { GuestFault } from '../../src/runtime/fault.js';

t.test('user space maps pages and memory round-trips across page boundaries', (t) => {
  const mem = new Memory(1 << 20);
  const us = new UserSpace(mem);
  us.map(0x400, 2, Perm.R | Perm.W); // 0x400000..0x401fff
  mem.st64(0x400ffc, 0, 0x11223344, 0x55667788);
  t.equal(mem.ld32(0x400ffc, 0) >>> 0, 0x11223344);
  t.equal(mem.ld32(0x401000, 0) >>> 0, 0x55667788);
  t.equal(mem.ld64(0x400ffc, 0) >>> 0, 0x11223344);
  t.equal(mem.retHi >>> 0, 0x55667788);
  t.equal(mem.ld16(0x400fff, 0), 0x8811);
  mem.st16(0x400fff, 0, 0xbeef);
  t.equal(mem.ld8(0x400fff, 0), 0xef);
  t.equal(mem.ld8(0x401000, 0), 0xbe);
  t.end();
});

t.test('faults are precise: a page-crossing store to a hole writes nothing', (t) => {
  const mem = new Memory(1 << 20);
  const us = new UserSpace(mem);
  us.map(0x400, 1, Perm.R | Perm.W);
  // The fault names the first byte that cannot be written, as qemu and Linux report it.
  t.throws(() => mem.st64(0x400ffc, 0, -1, -1), new GuestFault('translation', 'write', 0x401000, 0));
  t.equal(mem.ld32(0x400ffc, 0), 0);
  t.throws(() => mem.st32(0x400ffe, 0, -1), new GuestFault('translation', 'write', 0x401000, 0));
  t.throws(() => mem.ld64(0x400ffd, 0), new GuestFault('translation', 'read', 0x401000, 0));
  t.throws(() => mem.ld32(0x400fff, 0), new GuestFault('translation', 'read', 0x401000, 0));
  t.equal(mem.ld32(0x400ffc, 0), 0);
  t.throws(() => mem.ld8(0x500000, 0), new GuestFault('translation', 'read', 0x500000, 0));
  us.protect(0x400, 1, Perm.R);
  t.throws(() => mem.st8(0x400000, 0, 1), new GuestFault('permission', 'write', 0x400000, 0));
  t.throws(() => mem.fetch32(0x400000, 0), new GuestFault('permission', 'exec', 0x400000, 0));
  t.end();
});

t.test('top byte ignore: tagged data addresses reach the same page; faults keep the tag', (t) => {
  const mem = new Memory(1 << 20);
  const us = new UserSpace(mem);
  us.map(0x400, 1, Perm.R | Perm.W);
  mem.st32(0x400010, 0, 0x12345678);
  t.throws(() => mem.ld32(0x400010, 0x5a000000), new GuestFault('translation', 'read', 0x400010, 0x5a000000), 'without TBI a tagged address is another address');
  mem.tbi = true;
  t.equal(mem.ld32(0x400010, 0x5a000000), 0x12345678);
  mem.st32(0x400014, 0xff000000 | 0, 0x0badf00d);
  t.equal(mem.ld32(0x400014, 0), 0x0badf00d);
  t.throws(() => mem.ld8(0x500000, 0x5a000000), new GuestFault('translation', 'read', 0x500000, 0x5a000000));
  // Bit 55 set selects the upper (kernel) half: not user memory even with the tag ignored.
  t.throws(() => mem.ld8(0x400010, 0x00800000), new GuestFault('translation', 'read', 0x400010, 0x00800000));
  t.end();
});

t.test('TLB entries follow unmap and code-page protection', (t) => {
  const mem = new Memory(1 << 20);
  const us = new UserSpace(mem);
  us.map(0x10, 1, Perm.R | Perm.W | Perm.X);
  mem.st32(0x10000, 0, 7);
  t.equal(mem.ld32(0x10000, 0), 7);
  let hits = 0;
  mem.onCodeWrite = () => hits++;
  const frame = us.frameOf(0x10)!;
  mem.protectCodePage(frame >>> 12);
  mem.st32(0x10004, 0, 9);
  t.equal(hits, 1, 'a write to a code page is reported');
  us.unmap(0x10, 1);
  t.throws(() => mem.ld32(0x10000, 0), new GuestFault('translation', 'read', 0x10000, 0));
  t.end();
});
