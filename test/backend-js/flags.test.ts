/**
 * Fused conditions and lazy NZCV (src/backend-js/flags.ts): every condition
 * after SUBS, ADDS and ANDS (W and X forms) on edge operands, tested by a
 * conditional select and a conditional branch; the JIT must agree with the
 * interpreter (which packs NZCV eagerly) and with NZCV computed here.
 */
import t from 'tap';
import { emitRegion } from '../../src/backend-js/emit.js';
import { translateBlock } from '../../src/frontend/translate/translate.js';
import { condHolds } from '../../src/ir/int64.js';
import { optimize } from '../../src/ir/opt/pipeline.js';
import { USER_MODE_CTX } from '../../src/runtime/location.js';
import { CODE_BASE, DATA_BASE, makeEnv, runBoth } from '../helpers/testenv.js';

const M64 = (1n << 64n) - 1n;

/** NZCV (bits 3..0) of op on 32- or 64-bit operands, from the Arm pseudocode. */
function nzcvOf(op: 'subs' | 'adds' | 'ands', wide: boolean, a: bigint, b: bigint): number {
  const bits = wide ? 64n : 32n;
  const mask = (1n << bits) - 1n;
  const sign = 1n << (bits - 1n);
  const sx = (v: bigint) => (v & sign ? v - (1n << bits) : v);
  a &= mask;
  b &= mask;
  if (op === 'ands') {
    const r = a & b;
    return ((r & sign ? 8 : 0) | (r === 0n ? 4 : 0)) >>> 0;
  }
  const y = op === 'subs' ? ~b & mask : b;
  const cin = op === 'subs' ? 1n : 0n;
  const usum = a + y + cin;
  const ssum = sx(a) + sx(y) + cin;
  const r = usum & mask;
  return (r & sign ? 8 : 0) | (r === 0n ? 4 : 0) | (usum !== r ? 2 : 0) | (sx(r) !== ssum ? 1 : 0);
}

/** ConditionHolds on NZCV in bits 3..0. */
const holds = (cond: number, nzcv: number): boolean => condHolds(nzcv << 28, cond);

const OPS = {
  subs: { x: 0xeb010002, w: 0x6b010002, flags: 'subs' }, // subs x2, x0, x1 / subs w2, w0, w1
  adds: { x: 0xab010002, w: 0x2b010002, flags: 'adds' }, // adds x2, x0, x1 / adds w2, w0, w1
  ands: { x: 0xea010002, w: 0x6a010002, flags: 'ands' }, // ands x2, x0, x1 / ands w2, w0, w1
  // The result is discarded: the generated code never computes it, and packs NZCV from the operands.
  cmp: { x: 0xeb01001f, w: 0x6b01001f, flags: 'subs' }, // cmp x0, x1 / cmp w0, w1
  cmn: { x: 0xab01001f, w: 0x2b01001f, flags: 'adds' }, // cmn x0, x1 / cmn w0, w1
} as const;

// Sign, carry and overflow boundaries of both widths.
const EDGES = [0n, 1n, 2n, 0x7fffffffn, 0x80000000n, 0xffffffffn, 0x100000000n, 0x7fffffffffffffffn, 0x8000000000000000n, M64, M64 - 1n, 0x123456789abcdefn];
const PAIRS = EDGES.flatMap((a) => EDGES.map((b) => [a, b] as const));
const RESULTS = 0x1000;

/** One loop over every pair: the op, a select and a branch on cond, then NZCV read back (MRS packs lazy flags). */
function program(op: number, cond: number): number[] {
  return [
    0xd2a0004a, // movz x10, #0x2, lsl #16 (DATA_BASE: the pairs)
    0x9140054c, // add x12, x10, #0x1000 (the results)
    0xd2800000 | (PAIRS.length << 5) | 11, // mov x11, #pairs
    0xa8c10540, // loop: ldp x0, x1, [x10], #16
    0xd2800004, // mov x4, #0
    op, // subs/adds/ands x2|w2, x0|w0, x1|w1
    (0x9a9f07e3 | (cond << 12)) >>> 0, // csinc x3, xzr, xzr, <cond>: 0 when cond holds
    (0x54000040 | cond) >>> 0, // b.<cond> +8
    0xd2800024, // mov x4, #1 (skipped when cond holds)
    0xd53b4205, // mrs x5, nzcv
    0xa8811183, // stp x3, x4, [x12], #16
    0xf8008585, // str x5, [x12], #8
    0xf100056b, // subs x11, x11, #1
    0x54fffec1, // b.ne loop
  ];
}

t.test('every condition after SUBS, ADDS, ANDS, CMP and CMN on edge operands', (t) => {
  let checked = 0;
  for (const [name, enc] of Object.entries(OPS)) {
    for (const wide of [false, true]) {
      for (let cond = 0; cond < 16; cond++) {
        const env = makeEnv(program(wide ? enc.x : enc.w, cond));
        const frame = env.space.frameOf(DATA_BASE >>> 12)!;
        PAIRS.forEach(([a, b], k) => {
          env.mem.dv.setBigUint64(frame + 16 * k, a, true);
          env.mem.dv.setBigUint64(frame + 16 * k + 8, b, true);
        });
        runBoth(env);
        for (const [k, [a, b]] of PAIRS.entries()) {
          const at = frame + RESULTS + 24 * k;
          const x3 = env.mem.dv.getBigUint64(at, true), x4 = env.mem.dv.getBigUint64(at + 8, true);
          const nzcv = Number(env.mem.dv.getBigUint64(at + 16, true) >> 28n);
          const want = nzcvOf(enc.flags, wide, a, b);
          const yes = holds(cond, want);
          if (nzcv !== want || x3 !== (yes ? 0n : 1n) || x4 !== (yes ? 0n : 1n)) {
            t.fail(`${name} ${wide ? 'x' : 'w'} cond ${cond} a=${a} b=${b}: nzcv ${nzcv.toString(2)} want ${want.toString(2)}, x3=${x3} x4=${x4}`);
            t.end();
            return;
          }
          checked++;
        }
      }
    }
  }
  t.equal(checked, Object.keys(OPS).length * 2 * 16 * PAIRS.length, 'all combinations agree');
  t.end();
});

t.test('a CMP tested only by its branch computes no difference', (t) => {
  const words = [
    0xeb01001f, // cmp x0, x1
    0x54000041, // b.ne +8
  ];
  const fetch = (lo: number) => words[(lo - CODE_BASE) >>> 2] ?? 0xd40eeee1;
  const cmp = translateBlock(fetch, { lo: CODE_BASE, hi: 0 }, USER_MODE_CTX);
  optimize(cmp);
  const src = emitRegion([cmp]).source;
  t.notMatch(src, /4294967295 \? 1 : 0\), rl = u/, 'no 64-bit subtraction in the block');
  t.match(src, /nk = 3; n1 = /, 'the operands are recorded for packing at the exit');
  const sub = translateBlock((lo) => [0xeb010002, 0x54000041][(lo - CODE_BASE) >>> 2] ?? 0xd40eeee1, { lo: CODE_BASE, hi: 0 }, USER_MODE_CTX); // subs x2, x0, x1; b.ne
  optimize(sub);
  t.match(emitRegion([sub]).source, /4294967295 \? 1 : 0\), rl = u/, 'SUBS writing x2 still computes it');
  t.end();
});

t.test('a region packs only the kinds of lazy record it makes', (t) => {
  const words = [
    0x6b01001f, // 0x00: cmp w0, w1
    0x54000041, // 0x04: b.ne 0x0c
    0xd503201f, // 0x08: nop
    0xea01001f, // 0x0c: tst x0, x1
    0x54000040, // 0x10: b.eq 0x18
  ];
  const block = (offset: number) => {
    const b = translateBlock((lo) => words[(lo - CODE_BASE) >>> 2] ?? 0xd40eeee1, { lo: CODE_BASE + offset, hi: 0 }, USER_MODE_CTX);
    optimize(b);
    return b;
  };
  const one = emitRegion([block(0x00)]).source;
  t.match(one, /nk = 1; n1 = /, 'CMP W records a 32-bit subtraction (kind 1)');
  t.match(one, /if \(nk !== 0\) \{ \{ const y = ~n3, u = /, 'the epilogue packs a 32-bit subtraction without testing the kind');
  t.notMatch(one, /nk === |uh = |n6 === 0|n6 \| n7/, 'and nothing for other kinds');
  const two = emitRegion([block(0x00), block(0x0c)]).source;
  t.match(two, /if \(nk !== 0\) \{ if \(nk === 1\) \{ const y = ~n3, u = [^]*\} else nz = \(n7 & -2147483648\) \| \(\(n6 \| n7\) === 0 \? 1073741824 : 0\); nk = 0; \}/, 'with TST X too: the 32-bit subtraction, else the 64-bit logical result');
  const add = translateBlock((lo) => (lo === CODE_BASE ? 0x8b010000 : 0xd40eeee1), { lo: CODE_BASE, hi: 0 }, USER_MODE_CTX); // add x0, x0, x1; svc
  optimize(add);
  t.notMatch(emitRegion([add]).source, /nk !== 0/, 'a region that sets no flags never packs');
  t.end();
});

t.test('lazy NZCV is exact when a later load faults', (t) => {
  // cmp x0, x1 then a load from an unmapped address: the fault must see the compare's flags.
  const words = [
    0xeb01001f, // cmp x0, x1
    0xf9400040, // ldr x0, [x2]
  ];
  const env = makeEnv(words);
  env.cpu.setX(0, 3n);
  env.cpu.setX(1, 5n);
  env.cpu.setX(2, 0x7000_0000n);
  runBoth(env);
  t.equal(env.stop?.kind, 'fault');
  t.equal(env.cpu.nzcv >>> 28, nzcvOf('subs', true, 3n, 5n), 'N set, C clear: 3 - 5');
  t.end();
});
