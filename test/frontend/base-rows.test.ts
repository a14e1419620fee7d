/**
 * Hand tests of the base decoder rows (data processing, branches, system):
 * each word runs from the same register state in both tiers, and the result
 * must equal what qemu-aarch64 computed for the same instruction and state
 * (recorded in base-cases.ts by running each instruction between a register
 * load and a register dump under qemu-aarch64).
 */
import t from 'tap';
import { a64Decoder } from '../../src/frontend/decoder/table.js';
import { BASE_ROWS } from '../../src/frontend/decoder/a64-base.table.js';
import { CASES, INIT } from './base-cases.js';
import { CODE_BASE, DATA_BASE, makeEnv, runBoth, x } from '../helpers/testenv.js';

const hex = (v: bigint) => '0x' + v.toString(16);

t.test('data processing rows agree with qemu-aarch64, in both tiers', (t) => {
  for (const c of CASES) {
    const env = makeEnv([c.word]);
    INIT.forEach((v, n) => env.cpu.setX(n, v));
    env.cpu.nzcv = c.nzcvIn;
    runBoth(env);
    const got = INIT.map((_, n) => x(env, n));
    const bad = got.map((v, n) => (v === c.regs[n] ? '' : `x${n}=${hex(v)} want ${hex(c.regs[n]!)}`)).filter(Boolean);
    if ((env.cpu.nzcv >>> 0) !== c.nzcv >>> 0) bad.push(`nzcv=${(env.cpu.nzcv >>> 0).toString(16)} want ${c.nzcv.toString(16)}`);
    t.same(bad, [], `${c.asm} (0x${c.word.toString(16)})`);
  }
  t.end();
});

t.test('PC-relative and SP forms', (t) => {
  const env = runBoth(makeEnv([
    0x10000800, // adr x0, .+0x100
    0xb0000001, // adrp x1, .+0x1000 (from 0x10004: page 0x10000 + 0x1000)
    0xd10043ff, // sub sp, sp, #0x10
    0x8b22cbe2, // add x2, sp, w2, sxtw #2
  ]));
  t.equal(x(env, 0), BigInt(CODE_BASE + 0x100));
  t.equal(x(env, 1), BigInt(CODE_BASE + 0x1000));
  t.equal(env.cpu.sp, (1n << 64n) - 16n, 'sp wrapped below zero');
  t.end();
});

t.test('ADD/SUB (immediate) carry and borrow across the 32-bit halves', (t) => {
  const env = makeEnv([
    0x91000400, // add x0, x0, #1
    0xd1000421, // sub x1, x1, #1
    0x913ffc42, // add x2, x2, #0xfff
    0xd1200063, // sub x3, x3, #0x800
  ]);
  env.cpu.setX(0, 0x0000_0000_ffff_ffffn);
  env.cpu.setX(1, 0x0000_0001_0000_0000n);
  env.cpu.setX(2, 0xffff_ffff_ffff_f001n);
  env.cpu.setX(3, 0n);
  runBoth(env);
  t.equal(x(env, 0), 0x1_0000_0000n);
  t.equal(x(env, 1), 0xffff_ffffn);
  t.equal(x(env, 2), 0n, 'wraps to zero');
  t.equal(x(env, 3), (1n << 64n) - 0x800n, 'borrows through both halves');
  t.end();
});

t.test('branches: B, BL, B.cond, CBZ/CBNZ, TBZ/TBNZ, BR, BLR, RET', (t) => {
  const words = [
    0xd2800020, // 0: mov x0, #1
    0x14000002, // 4: b 0xc
    0xd2800540, // 8: mov x0, #42 (skipped)
    0xb4000041, // c: cbz x1, 0x14 (x1 = 0: taken)
    0xd2800540, // 10: mov x0, #42 (skipped)
    0xb5000041, // 14: cbnz x1, 0x1c (not taken)
    0x91000400, // 18: add x0, x0, #1
    0x37000040, // 1c: tbnz w0, #0, 0x24 (x0 = 2: not taken)
    0x36080040, // 20: tbz w0, #1, 0x28 (bit 1 set: not taken)
    0xf100081f, // 24: cmp x0, #2
    0x54000040, // 28: b.eq 0x30 (taken)
    0xd2800540, // 2c: mov x0, #42 (skipped)
    0x94000003, // 30: bl 0x3c
    0x91000800, // 34: add x0, x0, #2 (after return)
    0x14000004, // 38: b 0x48 (end)
    0x10000062, // 3c: adr x2, 0x48
    0xd65f03c0, // 40: ret
    0xd2800540, // 44: mov x0, #42 (never)
  ];
  const env = runBoth(makeEnv(words));
  t.equal(x(env, 0), 4n);
  t.equal(x(env, 30), BigInt(CODE_BASE + 0x34), 'BL wrote the return address');
  t.equal(env.exitReason, 0, 'reached the end marker');
  const env2 = makeEnv([
    0x10000060, // adr x0, 0xc
    0xd63f0000, // blr x0
    0xd2800541, // mov x1, #42 (skipped by the callee's branch)
    0xd61f03c0, // c: br x30 -> returns to 8
  ]);
  runBoth(env2);
  t.equal(x(env2, 1), 42n);
  t.end();
});

t.test('exceptions: SVC exits with its immediate, BRK and HVC/SMC/HLT at EL0', (t) => {
  let env = runBoth(makeEnv([0xd4000001])); // svc #0
  t.same(env.stop, { kind: 'svc', imm: 0 });
  env = runBoth(makeEnv([0xd4200020])); // brk #1
  t.same(env.stop, { kind: 'brk', imm: 1, pcLo: CODE_BASE, pcHi: 0 });
  for (const w of [0xd4000002 /* hvc #0 */, 0xd4000003 /* smc #0 */, 0xd4400000 /* hlt #0 */, 0x00000000 /* udf #0 */]) {
    env = runBoth(makeEnv([0xd2800020, w])); // mov x0, #1; <w>
    t.equal(env.stop?.kind, 'undefined', `0x${w.toString(16)} is UNDEFINED at EL0`);
    t.equal(env.cpu.pc, BigInt(CODE_BASE + 4), 'at the instruction itself');
    t.equal(x(env, 0), 1n, 'the instruction before it ran');
  }
  t.end();
});

t.test('system: hints, barriers, CLREX, NZCV/FPCR/FPSR/TPIDR_EL0, ID registers, DC ZVA', (t) => {
  const env = makeEnv([
    0xd503201f, // nop
    0xd503233f, // paciasp (a hint without FEAT_PAuth)
    0xd5033bbf, // dmb ish
    0xd5033f9f, // dsb sy
    0xd5033fdf, // isb
    0xd503305f, // clrex
    0xd51b4200, // msr nzcv, x0
    0xd53b4201, // mrs x1, nzcv
    0xd51bd042, // msr tpidr_el0, x2
    0xd53bd043, // mrs x3, tpidr_el0
    0xd51b4404, // msr fpcr, x4
    0xd53b4405, // mrs x5, fpcr
    0xd5380606, // mrs x6, id_aa64isar0_el1
    0xd53b00e7, // mrs x7, dczid_el0
    0xd50b7428, // dc zva, x8
    0xd5380008, // mrs x8, midr_el1
  ]);
  env.cpu.setX(0, 0xa0000000n);
  env.cpu.setX(2, 0x1234_5678_9abc_def0n);
  env.cpu.setX(4, 0xffff_ffffn);
  env.cpu.setX(8, BigInt(DATA_BASE + 0x47));
  env.mem.writeBytes(DATA_BASE, 0, new Uint8Array(256).fill(0xee));
  runBoth(env);
  t.equal(x(env, 1), 0xa0000000n);
  t.equal(x(env, 3), 0x1234_5678_9abc_def0n);
  t.equal(x(env, 5), 0x07f70000n, 'only AHP/DN/FZ/RMode and the AArch32 Len/Stride fields stick (as on qemu\'s cortex-a53)');
  t.equal(x(env, 6), 0x210000n, 'CRC32 and LSE atomics advertised');
  t.equal(x(env, 7), 4n, '64-byte DC ZVA blocks');
  t.equal(x(env, 8), 0x410fd034n);
  const zeroed = env.mem.readBytes(DATA_BASE, 0, 256);
  t.same([zeroed[0x3f], zeroed[0x40], zeroed[0x7f], zeroed[0x80]], [0xee, 0, 0, 0xee], 'DC ZVA zeroed exactly the 64-byte block');
  t.end();
});

t.test('every base row has a test word', (t) => {
  const extra = [0x10000800, 0xb0000001, 0xd10043ff, 0x8b22cbe2, 0x14000002, 0x94000003, 0x54000040, 0xb4000041, 0xb5000041,
    0x37000040, 0x36080040, 0xd65f03c0, 0xd63f0000, 0xd61f03c0, 0xd4000001, 0xd4200020, 0xd4000002, 0xd4000003, 0xd4400000,
    0xd503201f, 0xd5033bbf, 0xd5033f9f, 0xd5033fdf, 0xd503305f, 0xd51b4200, 0xd53b4201, 0xd50b7428,
    0xd50040bf, // msr spsel, #0 (MSR_imm: UNDEFINED at EL0)
    0xd5280000, // sysl x0, #0, c0, c0, #0 (UNDEFINED)
  ];
  const d = a64Decoder();
  const covered = new Set([...CASES.map((c) => c.word), ...extra].map((w) => d.decode(w)?.id));
  const missing = BASE_ROWS.map((r) => r.id).filter((id) => !covered.has(id));
  t.same(missing, []);
  t.end();
});
