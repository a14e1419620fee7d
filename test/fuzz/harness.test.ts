/**
 * The fuzz harness end to end: the ELF it writes runs under qemu-aarch64 and
 * under jitvisor (both tiers), and known instructions give the outcomes they
 * must (register results, signals with their PC and address, the exit a
 * branch takes, the scratch memory a store leaves).
 */
import t from 'tap';
import { writeElf, PF_R, PF_X } from '../../src/fuzz/elf-writer.js';
import { type HarnessCase, EXIT_WORDS, PRISTINE_SIZE, SCRATCH, buildHarness, parseOutput } from '../../src/fuzz/harness.js';
import { Rng } from '../../src/fuzz/rng.js';
import { qemuMissing, runJitvisor, runQemu } from '../../src/fuzz/run.js';
import { randomState } from '../../src/fuzz/state.js';
import { compareOutcomes } from '../../src/fuzz/compare.js';
import { movz, svc } from '../../src/fuzz/asm.js';

const missing = qemuMissing();
if (missing) throw new Error(missing);

t.test('elf-writer: a two-instruction program exits with its code under qemu and jitvisor', (t) => {
  const code = new Uint8Array(12);
  const dv = new DataView(code.buffer);
  [movz(0, 42), movz(8, 93), svc(0)].forEach((w, i) => dv.setUint32(4 * i, w, true));
  const elf = writeElf(0x400000, [{ vaddr: 0x400000, data: code, memsz: code.length, flags: PF_R | PF_X }]);
  t.equal(runQemu(elf, 'cortex-a53').exitCode, 42);
  t.equal(runJitvisor(elf, 'interp').exitCode, 42);
  t.throws(() => writeElf(0x400000, [{ vaddr: 0x400010, data: code, memsz: 12, flags: PF_R }]), /not page aligned/);
  t.end();
});

t.test('known cases give the expected outcomes in qemu, interp and jit', (t) => {
  const r = new Rng(7);
  const pristine = new Uint8Array(PRISTINE_SIZE);
  for (let i = 0; i < pristine.length; i++) pristine[i] = i & 0xff;
  const mk = (words: number[], setup: (s: HarnessCase) => void = () => {}): HarnessCase => {
    const c: HarnessCase = { words, memory: false, twoExits: false, state: randomState(r), pristineOffset: 0 };
    setup(c);
    return c;
  };
  const cases: HarnessCase[] = [
    mk([0x8b020020], (c) => { c.state.x[1] = 5n; c.state.x[2] = 7n; }), // add x0, x1, x2
    mk([0x00000000]), // udf #0
    mk([0xf9400020], (c) => { c.state.x[1] = 0x12345000n; }), // ldr x0, [x1] (unmapped)
    mk([0xf9000020], (c) => { c.memory = true; c.state.x[0] = 0x1122334455667788n; c.state.x[1] = BigInt(SCRATCH + 8); }), // str x0, [x1]
    mk([0xd4200000]), // brk #0
    mk([0x54000000 | ((1 + EXIT_WORDS) << 5)], (c) => { c.twoExits = true; c.state.nzcv = 0x40000000; }), // b.eq to the second exit, Z set: taken
    mk([0x54000000 | ((1 + EXIT_WORDS) << 5)], (c) => { c.twoExits = true; c.state.nzcv = 0; }), // same, Z clear: not taken
    mk([0xf9400020], (c) => { c.memory = true; c.state.x[1] = BigInt(SCRATCH + 0xffd); }), // ldr x0, [x1] across the scratch end
  ];
  const prog = buildHarness(cases, pristine);
  const q = runQemu(prog.elf, 'cortex-a53');
  t.notOk(q.problem, 'qemu ran the program');
  t.equal(q.out.length, prog.outputBytes);
  const ref = parseOutput(q.out, cases);
  t.equal(ref[0]!.status, 0);
  t.equal(ref[0]!.x[0], 12n);
  t.equal(ref[1]!.status, 4, 'SIGILL');
  t.equal(ref[1]!.exit, BigInt(prog.slotBase[1]!), 'at the UDF');
  t.equal(ref[2]!.status, 11, 'SIGSEGV');
  t.equal(ref[2]!.addr, 0x12345000n);
  t.equal(ref[2]!.x[1], 0x12345000n, 'registers as before the load');
  t.equal(ref[3]!.status, 0);
  t.equal(new DataView(ref[3]!.scratch!.buffer).getBigUint64(8, true), 0x1122334455667788n, 'the store landed in the scratch dump');
  t.equal(ref[4]!.status, 5, 'SIGTRAP');
  t.not(ref[5]!.exit, ref[6]!.exit, 'taken and not-taken branches end in different exits');
  t.equal(ref[7]!.status, 11);
  t.equal(ref[7]!.addr, BigInt(SCRATCH + 0x1000), 'the first byte that cannot be read');
  for (const tier of ['interp', 'jit'] as const) {
    const j = runJitvisor(prog.elf, tier);
    t.notOk(j.problem, `${tier}: ran to the end`);
    const ours = parseOutput(j.out, cases);
    cases.forEach((_, i) => t.same(compareOutcomes(ref[i], ours[i]), [], `${tier}: case ${i} agrees with qemu`));
  }
  t.end();
});

t.test('a difference is reported register by register', (t) => {
  const r = new Rng(1);
  const c: HarnessCase = { words: [0x8b020020], memory: false, twoExits: false, state: randomState(r), pristineOffset: 0 };
  const prog = buildHarness([c], new Uint8Array(PRISTINE_SIZE));
  const ref = parseOutput(runQemu(prog.elf, 'cortex-a53').out, [c])[0]!;
  const bad = { ...ref, x: [...ref.x], nzcv: ref.nzcv ^ 0x80000000 };
  bad.x[0] = bad.x[0]! + 1n;
  const d = compareOutcomes(ref, bad);
  t.same(d.map((x) => x.what), ['x0', 'nzcv']);
  t.end();
});
