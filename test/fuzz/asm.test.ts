/**
 * The fuzz harness's hand encoders against the GNU assembler: every encoder,
 * with register and offset extremes, must produce the word aarch64-linux-gnu-as
 * produces for the same text.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import * as A from '../../src/fuzz/asm.js';

const CASES: [number, string][] = [
  [A.movz(0, 0xffff), 'movz x0, #0xffff'],
  [A.movz(30, 0x1234, 1), 'movz x30, #0x1234, lsl #16'],
  [A.movk(7, 0x3000, 1), 'movk x7, #0x3000, lsl #16'],
  [A.movk(31, 1, 3), 'movk xzr, #1, lsl #48'],
  [A.ldpX(2, 3, 0, 72), 'ldp x2, x3, [x0, #72]'],
  [A.ldpX(4, 5, 31, -512), 'ldp x4, x5, [sp, #-512]'],
  [A.stpX(28, 29, 0, 504), 'stp x28, x29, [x0, #504]'],
  [A.ldpQ(0, 1, 2, 1008), 'ldp q0, q1, [x2, #1008]'],
  [A.stpQ(30, 31, 3, -1024), 'stp q30, q31, [x3, #-1024]'],
  [A.ldpQPost(0, 1, 2, 32), 'ldp q0, q1, [x2], #32'],
  [A.stpQPost(0, 1, 1, 32), 'stp q0, q1, [x1], #32'],
  [A.ldrX(30, 0, 296), 'ldr x30, [x0, #296]'],
  [A.ldrX(1, 31, 32760), 'ldr x1, [sp, #32760]'],
  [A.strX(31, 0, 0), 'str xzr, [x0]'],
  [A.ldrW(4, 2, 472), 'ldr w4, [x2, #472]'],
  [A.strW(9, 8, 16380), 'str w9, [x8, #16380]'],
  [A.mrs(1, A.NZCV), 'mrs x1, nzcv'],
  [A.mrs(1, A.FPCR), 'mrs x1, fpcr'],
  [A.mrs(2, A.FPSR), 'mrs x2, fpsr'],
  [A.mrs(1, A.TPIDR_EL0), 'mrs x1, tpidr_el0'],
  [A.msr(A.NZCV, 1), 'msr nzcv, x1'],
  [A.msr(A.FPCR, 30), 'msr fpcr, x30'],
  [A.msr(A.FPSR, 0), 'msr fpsr, x0'],
  [A.msr(A.TPIDR_EL0, 0), 'msr tpidr_el0, x0'],
  [A.addImm(31, 1, 0), 'mov sp, x1'],
  [A.addImm(1, 31, 0), 'mov x1, sp'],
  [A.addImm(5, 6, 4095), 'add x5, x6, #4095'],
  [A.subsImm(3, 3, 1), 'subs x3, x3, #1'],
  [A.svc(0), 'svc #0'],
  [A.svc(0xffff), 'svc #0xffff'],
  [A.b(0, 8), 'b .+8'],
  [A.b(0, -0x8000000), 'b .-0x8000000'],
  [A.bl(0, 0x7fffffc), 'bl .+0x7fffffc'],
  [A.bne(12, 0), 'b.ne .-12'],
  [A.ret(), 'ret'],
  [A.nop(), 'nop'],
];

function assemble(lines: string[]): number[] {
  const dir = mkdtempSync(join(tmpdir(), 'jitvisor-asm-'));
  try {
    writeFileSync(join(dir, 'a.s'), lines.map((l) => `  ${l}\n`).join(''));
    const as = spawnSync('aarch64-linux-gnu-as', ['-o', join(dir, 'a.o'), join(dir, 'a.s')], { encoding: 'utf8' });
    if (as.error) throw new Error('aarch64-linux-gnu-as is not installed: run  sudo apt-get install -y binutils-aarch64-linux-gnu');
    if (as.status !== 0) throw new Error(`as failed: ${as.stderr}`);
    const cp = spawnSync('aarch64-linux-gnu-objcopy', ['-O', 'binary', '-j', '.text', join(dir, 'a.o'), join(dir, 'a.bin')], { encoding: 'utf8' });
    if (cp.status !== 0) throw new Error(`objcopy failed: ${cp.stderr}`);
    const b = readFileSync(join(dir, 'a.bin'));
    return Array.from({ length: b.length / 4 }, (_, i) => b.readUInt32LE(4 * i));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

t.test('every harness encoder matches aarch64-linux-gnu-as', (t) => {
  const want = assemble(CASES.map(([, text]) => text));
  t.equal(want.length, CASES.length);
  CASES.forEach(([got, text], i) => t.equal(got.toString(16), want[i]!.toString(16), text));
  t.end();
});

t.test('mov32 is always two words and covers 32 bits', (t) => {
  t.same(A.mov32(3, 0x3000_0100), [A.movz(3, 0x0100), A.movk(3, 0x3000, 1)]);
  t.same(A.mov32(0, 0), [A.movz(0, 0), A.movk(0, 0, 1)]);
  t.throws(() => A.mov32(0, 0x1_0000_0000), /out of range/);
  t.end();
});

t.test('bad operands are refused, not encoded wrong', (t) => {
  t.throws(() => A.ldpX(0, 1, 2, 4), /not a multiple of 8/);
  t.throws(() => A.ldpX(0, 1, 2, 512), /out of range/);
  t.throws(() => A.ldrX(0, 1, -8), /out of range/);
  t.throws(() => A.b(0, 2), /not a multiple of 4/);
  t.throws(() => A.bne(0, 1 << 20), /out of range/);
  t.throws(() => A.movz(32, 0), /bad register/);
  t.end();
});

t.test('CodeBuffer: addresses, holes and patches', (t) => {
  const c = new A.CodeBuffer(0x1000);
  c.emit(A.nop());
  const hole = c.hole();
  t.equal(hole, 0x1004);
  c.emit(A.ret());
  c.patch(hole, A.b(hole, c.here));
  t.equal(c.here, 0x100c);
  const b = c.bytes();
  t.equal(b.length, 12);
  t.equal(new DataView(b.buffer).getUint32(4, true), A.b(0x1004, 0x100c));
  t.end();
});
