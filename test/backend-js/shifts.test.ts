/**
 * 64-bit shifts by a register amount (LSLV, LSRV, ASRV; emit.ts shiftBy: inline, branch-free):
 * every amount from 0 to 129 (the architecture takes it mod 64) of a value with both sign bits
 * set and of one with the top bit clear, compiled against the interpreter's int64 helpers, and
 * a few results against values worked out by hand.
 */
import t from 'tap';
import { DATA_BASE, makeEnv, runBoth } from '../helpers/testenv.js';

const SHIFTS = [
  0xd2a00053, // 0x00: mov x19, #0x20000
  0xd2800002, // 0x04: mov x2, #0
  0xd2f02461, // 0x08: mov x1, #0x8123000000000000
  0xf2c8ace1, // 0x0c: movk x1, #0x4567, lsl #32
  0xf2b13561, // 0x10: movk x1, #0x89ab, lsl #16
  0xf299bde1, // 0x14: movk x1, #0xcdef
  0x9ac22023, // 0x18: loop: lsl x3, x1, x2
  0x9ac22424, // 0x1c: lsr x4, x1, x2
  0x9ac22825, // 0x20: asr x5, x1, x2
  0x9ac22c26, // 0x24: ror x6, x1, x2
  0xd341fc27, // 0x28: lsr x7, x1, #1
  0x9ac228e8, // 0x2c: asr x8, x7, x2
  0xa8811263, // 0x30: stp x3, x4, [x19], #16
  0xa8811a65, // 0x34: stp x5, x6, [x19], #16
  0xf8008668, // 0x38: str x8, [x19], #8
  0x91000442, // 0x3c: add x2, x2, #1
  0xf102085f, // 0x40: cmp x2, #130
  0x54fffea1, // 0x44: b.ne loop
];

t.test('LSLV, LSRV, ASRV and RORV by every amount agree between the tiers and with hand values', (t) => {
  const env = runBoth(makeEnv(SHIFTS)); // throws if the compiled code and the interpreter disagree
  const frame = env.space.frameOf(DATA_BASE >>> 12)!;
  const at = (n: number, k: number) => env.mem.dv.getBigUint64(frame + 40 * n + 8 * k, true);
  const v = 0x8123456789abcdefn;
  for (const n of [0, 1, 4, 31, 32, 33, 36, 63, 64, 68, 100, 127]) {
    const s = BigInt(n & 63);
    const signed = BigInt.asIntN(64, v);
    t.equal(at(n, 0), BigInt.asUintN(64, v << s), `lsl by ${n}`);
    t.equal(at(n, 1), v >> s, `lsr by ${n}`);
    t.equal(at(n, 2), BigInt.asUintN(64, signed >> s), `asr by ${n} (negative)`);
    t.equal(at(n, 3), BigInt.asUintN(64, (v >> s) | (v << (64n - s))), `ror by ${n}`);
    t.equal(at(n, 4), (v >> 1n) >> s, `asr by ${n} (positive)`);
  }
  t.end();
});
