/**
 * A looping region without helper calls keeps the vector words it uses in
 * locals (v<word>), loaded at entry and written back in the epilogue: the
 * loop's results must equal the interpreter's and the lane arithmetic.
 */
import t from 'tap';
import { Engine } from '../../src/runtime/engine.js';
import { makeEnv, runBoth } from '../helpers/testenv.js';

const LOOP = [
  0xd2800c80, // mov x0, #100
  0x4ea18400, // 1: add v0.4s, v0.4s, v1.4s
  0x0f235402, // shl v2.2s, v0.2s, #3
  0x6e221c63, // eor v3.16b, v3.16b, v2.16b
  0x6f390464, // ushr v4.4s, v3.4s, #7
  0x5ee484a5, // add d5, d5, d4
  0xf1000400, // subs x0, x0, #1
  0x54ffff41, // b.ne 1b
];

function seeded(words: number[]) {
  const env = makeEnv(words);
  let s = 0x9e3779b9;
  for (let k = 0; k < 512; k++) {
    s = (Math.imul(s, 1103515245) + 12345) | 0;
    env.cpu.v.u8[k] = s >>> 24;
  }
  return env;
}

t.test('vector lanes in locals across 100 iterations agree with the interpreter', (t) => {
  const env = seeded(LOOP);
  const v0 = [0, 1, 2, 3].map((l) => env.cpu.v.u32[l]!);
  const v1 = [0, 1, 2, 3].map((l) => env.cpu.v.u32[4 + l]!);
  runBoth(env);
  for (let l = 0; l < 4; l++) t.equal(env.cpu.v.u32[l], (v0[l]! + 100 * v1[l]!) >>> 0, `v0.s[${l}] = v0 + 100 * v1`);
  t.equal(env.cpu.v.u32[10], 0, 'v2 (a 2S result) has its upper half zeroed');
  t.end();
});

t.test('the looping region holds the vector words in locals', (t) => {
  const env = seeded(LOOP);
  const dumps: string[] = [];
  const engine = new Engine(env.cpu, env.mem, { tier: 'jit', debug: true, dumpJs: (s) => dumps.push(s) });
  engine.run(10000);
  const loop = dumps.find((d) => d.includes('region at 0x10004'));
  t.ok(loop, 'the loop was compiled');
  t.match(loop!, /let v0 = V\[0\]/, 'v0 word 0 loaded into a local');
  t.match(loop!, /V\[20\] = v20/, 'v5 word 0 written back');
  t.end();
});
