/**
 * Adjacent accesses sharing one soft-TLB check (src/backend-js/pairs.ts): LDP/STP of X and W
 * registers and Q-register loads and stores, inside a page and across the end of the data
 * area (the second half faults): the JIT must agree with the interpreter on registers,
 * memory and the fault, and the generated code must check each pair once.
 */
import t from 'tap';
import { emitRegion } from '../../src/backend-js/emit.js';
import { translateBlock } from '../../src/frontend/translate/translate.js';
import { optimize } from '../../src/ir/opt/pipeline.js';
import { USER_MODE_CTX } from '../../src/runtime/location.js';
import { CODE_BASE, DATA_BASE, DATA_SIZE, makeEnv, runBoth, x } from '../helpers/testenv.js';

const PAIRS = [
  0xa9400801, // ldp x1, x2, [x0]
  0xa9001003, // stp x3, x4, [x0]
  0x29411805, // ldp w5, w6, [x0, #8]
  0x29021805, // stp w5, w6, [x0, #16]
  0x3dc00000, // ldr q0, [x0]
  0x3d800800, // str q0, [x0, #32]
  0xa9422007, // ldp x7, x8, [x0, #32]
  0xa9830801, // stp x1, x2, [x0, #48]!
  0xa8ff2809, // ldp x9, x10, [x0], #-16
];

function start(words: number[], at: number) {
  const env = makeEnv(words);
  const frame = env.space.frameOf(DATA_BASE >>> 12)!;
  for (let k = 0; k < 0x1000; k += 4) env.mem.dv.setInt32(frame + k, (k * 2654435761) ^ 0x5a5a5a5a, true);
  env.cpu.setX(0, BigInt(at));
  env.cpu.setX(3, 0x1122334455667788n);
  env.cpu.setX(4, 0x99aabbccddeeff00n);
  return env;
}

t.test('pairs inside a page: both tiers agree on every register and byte', (t) => {
  const env = runBoth(start(PAIRS, DATA_BASE + 0x100));
  t.equal(env.stop?.kind, 'svc', 'runs to the end marker');
  t.equal(x(env, 7), 0x1122334455667788n, 'ldp x7, x8 reads the q0 copy of what stp x3, x4 wrote');
  t.equal(x(env, 8), 0x99aabbccddeeff00n, 'and its second half');
  t.equal(x(env, 0), BigInt(DATA_BASE + 0x100 + 48 - 16), 'writeback: +48 pre-index, -16 post-index');
  t.end();
});

t.test('a pair crossing into an unmapped page faults at its instruction in both tiers', (t) => {
  const end = DATA_BASE + DATA_SIZE;
  for (const [name, word] of [
    ['ldp x1, x2', 0xa9400801],
    ['stp x3, x4', 0xa9001003],
    ['ldp w5, w6', 0x29401805], // ldp w5, w6, [x0]
    ['ldr q0', 0x3dc00000],
    ['str q0', 0x3d800000], // str q0, [x0]
  ] as const) {
    const env = runBoth(start([word], end - (name.includes(' w') ? 4 : 8)));
    t.equal(env.stop?.kind, 'fault', `${name}: faults`);
    if (env.stop?.kind === 'fault') {
      t.equal(env.stop.fault.pcLo >>> 0, CODE_BASE, `${name}: at the instruction`);
      t.equal(env.stop.fault.vaLo >>> 0, end, `${name}: on the first byte past the data area`);
    }
  }
  t.end();
});

t.test('each pair is checked once in the generated code', (t) => {
  const fetch = (lo: number) => PAIRS[(lo - CODE_BASE) >>> 2] ?? 0xd40eeee1;
  const b = translateBlock(fetch, { lo: CODE_BASE, hi: 0 }, USER_MODE_CTX);
  optimize(b);
  const src = emitRegion([b]).source;
  const checks = src.match(/[RW]T\[t\] ===/g)?.length ?? 0;
  // 9 instructions, each one pair (a Q access is two 64-bit halves): 9 checks instead of 18.
  t.equal(checks, PAIRS.length, `${checks} TLB checks for ${PAIRS.length} paired instructions`);
  t.match(src, /\+ 15\) & -4096/, 'an X pair checks 16 bytes');
  t.match(src, /\+ 7\) & -4096\) && RH/, 'a W pair checks 8 bytes');
  t.end();
});
