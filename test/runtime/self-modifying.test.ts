/**
 * Self-modifying code: a store into a page holding translated code drops the
 * translations of that page, so the next execution sees the new instruction,
 * in the interpreter and in compiled regions alike.
 */
import t from 'tap';
import { Perm } from '../../src/runtime/memory.js';
import { CODE_BASE, makeEnv, runInterp, runJit, x } from '../helpers/testenv.js';

const WORDS = [
  0x94000005, // 0:  bl f
  0xb9000022, // 4:  str w2, [x1]      (x1 = f, w2 = "mov x0, #42")
  0xaa0003e5, // 8:  mov x5, x0
  0x94000002, // c:  bl f
  0x14000003, // 10: b end
  0xd2800020, // 14: f: mov x0, #1
  0xd65f03c0, // 18: ret
];

for (const [tier, run] of [['interp', runInterp], ['jit', runJit]] as const) {
  t.test(`patched instruction takes effect (${tier})`, (t) => {
    const env = makeEnv(WORDS);
    env.space.protect(CODE_BASE >>> 12, 1, Perm.R | Perm.W | Perm.X); // a JIT's code page
    env.cpu.setX(1, BigInt(CODE_BASE + 0x14));
    env.cpu.setX(2, 0xd2800540n); // mov x0, #42
    run(env);
    t.equal(env.exitReason, 0, 'reached the end');
    t.equal(x(env, 5), 1n, 'first call ran the original instruction');
    t.equal(x(env, 0), 42n, 'second call ran the patched instruction');
    t.end();
  });
}

t.test('a loop patching its own body every iteration, with ISB as the architecture requires (jit)', (t) => {
  // Without the ISB the first iteration may run the old instruction (allowed, and what qemu does on Arm).
  const words = [
    0xb9000022, // 0:  str w2, [x1]        (slot := w2)
    0xd5033fdf, // 4:  isb
    0x8b030084, // 8:  slot: add x4, x4, x3 (overwritten before it runs)
    0xf1000463, // c:  subs x3, x3, #1
    0x54ffff81, // 10: b.ne 0
  ];
  const env = makeEnv(words);
  env.space.protect(CODE_BASE >>> 12, 1, Perm.R | Perm.W | Perm.X);
  env.cpu.setX(1, BigInt(CODE_BASE + 8));
  env.cpu.setX(2, 0x91000484n); // add x4, x4, #1
  env.cpu.setX(3, 100n);
  runJit(env);
  t.equal(x(env, 4), 100n, 'every iteration executed the patched add #1, never the original');
  t.end();
});
