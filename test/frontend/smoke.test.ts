import t from 'tap';
import { makeEnv, runBoth, x } from '../helpers/testenv.js';

t.test('a short integer sequence runs in the interpreter', (t) => {
  const words = [
    0xd28000a0, // mov x0, #5
    0x91001c01, // add x1, x0, #7
    0xf1003022, // subs x2, x1, #12
    0x9a810403, // csinc x3, x0, x1, eq
    0xd35f7824, // lsl x4, x1, #33
    0xd35e9c85, // ubfx x5, x4, #30, #10
    0x9b017c26, // mul x6, x1, x1
    0x9ac008c7, // udiv x7, x6, x0
  ];
  const env = runBoth(makeEnv(words));
  t.equal(x(env, 0), 5n);
  t.equal(x(env, 1), 12n);
  t.equal(x(env, 2), 0n);
  t.equal(x(env, 3), 5n, 'eq holds after 12-12');
  t.equal(x(env, 4), 12n << 33n);
  t.equal(x(env, 5), ((12n << 33n) >> 30n) & 0x3ffn);
  t.equal(x(env, 6), 144n);
  t.equal(x(env, 7), 28n);
  t.equal(env.cpu.nzcv >>> 28, 0b0110, 'Z and C set');
  t.end();
});
