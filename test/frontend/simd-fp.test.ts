/**
 * AdvSIMD floating point: hand-computed expectations (values, FPSR flags,
 * the Armv8.0 reciprocal estimates). Words from aarch64-linux-gnu-as.
 */
import t from 'tap';
import { Slot } from '../../src/backend-js/abi.js';
import { type Env, makeEnv, runInterp } from '../helpers/testenv.js';

const f32 = (x: number): bigint => {
  const b = new DataView(new ArrayBuffer(4));
  b.setFloat32(0, x, true);
  return BigInt(b.getUint32(0, true));
};
const f64 = (x: number): bigint => {
  const b = new DataView(new ArrayBuffer(8));
  b.setFloat64(0, x, true);
  return b.getBigUint64(0, true);
};
const s4 = (...v: (number | bigint)[]): bigint =>
  v.reduce<bigint>((acc, x, i) => acc | ((typeof x === 'bigint' ? x : f32(x)) << BigInt(32 * i)), 0n);
const d2 = (...v: (number | bigint)[]): bigint =>
  v.reduce<bigint>((acc, x, i) => acc | ((typeof x === 'bigint' ? x : f64(x)) << BigInt(64 * i)), 0n);
const IOC = 1, DZC = 2, OFC = 4, IXC = 16;

function run(word: number, setup: (e: Env) => void): Env {
  const env = makeEnv([word]);
  setup(env);
  runInterp(env, 1);
  return env;
}
const V = (e: Env, n: number): bigint => e.cpu.getV(n);
const fpsr = (e: Env): number => e.cpu.s[Slot.FPSR]! >>> 0;

t.test('FADD (vector): values and flags', async (t) => {
  const e = run(0x4e22d420 /* fadd v0.4s, v1.4s, v2.4s */, (e) => {
    e.cpu.setV(1, s4(1.5, 1.0, Infinity, 3e38));
    e.cpu.setV(2, s4(2.25, -1.0, -Infinity, 3e38));
  });
  t.equal(V(e, 0), s4(3.75, 0, 0x7fc00000n, Infinity), 'inf + -inf = default NaN; overflow to +inf');
  t.equal(fpsr(e), IOC | OFC | IXC);
});

t.test('FMLA (by element), FDIV, FADDP, FMAXNMV', async (t) => {
  let e = run(0x4fc21820 /* fmla v0.2d, v1.2d, v2.d[1] */, (e) => {
    e.cpu.setV(0, d2(1.0, 2.0));
    e.cpu.setV(1, d2(3.0, -1.0));
    e.cpu.setV(2, d2(100.0, 0.5));
  });
  t.equal(V(e, 0), d2(2.5, 1.5));
  e = run(0x6e62fc20 /* fdiv v0.2d, v1.2d, v2.2d */, (e) => {
    e.cpu.setV(1, d2(1.0, 1.0));
    e.cpu.setV(2, d2(0.0, 3.0));
  });
  t.equal(V(e, 0), d2(Infinity, 0x3fd5555555555555n));
  t.equal(fpsr(e), DZC | IXC);
  e = run(0x7e70d820 /* faddp d0, v1.2d */, (e) => e.cpu.setV(1, d2(1.5, 2.25)));
  t.equal(V(e, 0), f64(3.75));
  e = run(0x6e30c820 /* fmaxnmv s0, v1.4s */, (e) => e.cpu.setV(1, s4(1.0, 0x7fc00000n, 5.0, -2.0)));
  t.equal(V(e, 0), f32(5.0), 'quiet NaN loses to a number');
  t.equal(fpsr(e), 0);
});

t.test('compares and conversions', async (t) => {
  let e = run(0x4ea0c820 /* fcmgt v0.4s, v1.4s, #0.0 */, (e) => e.cpu.setV(1, s4(1.0, -1.0, 0.0, 0x7fc00000n)));
  t.equal(V(e, 0), s4(0xffffffffn, 0n, 0n, 0n));
  t.equal(fpsr(e), IOC, 'FCMGT signals on a quiet NaN');
  e = run(0x4ea1b820 /* fcvtzs v0.4s, v1.4s */, (e) => e.cpu.setV(1, s4(1.9, -1.9, 3e9, 0x7fc00000n)));
  t.equal(V(e, 0), s4(1n, 0xffffffffn, 0x7fffffffn, 0n));
  t.equal(fpsr(e), IOC | IXC);
  e = run(0x4e61d820 /* scvtf v0.2d, v1.2d */, (e) => e.cpu.setV(1, d2(-3n & 0xffffffffffffffffn, (1n << 53n) + 1n)));
  t.equal(V(e, 0), d2(-3.0, 2 ** 53), '2^53 + 1 rounds to even');
  t.equal(fpsr(e), IXC);
  e = run(0x4e218820 /* frintn v0.4s, v1.4s */, (e) => e.cpu.setV(1, s4(0.5, 1.5, 2.5, -0.5)));
  t.equal(V(e, 0), s4(0, 2.0, 2.0, 0x80000000n), 'ties to even, -0.5 -> -0');
  t.equal(fpsr(e), 0, 'FRINTN does not raise IXC');
  e = run(0x0e617820 /* fcvtl v0.2d, v1.2s */, (e) => e.cpu.setV(1, s4(1.5, -0.25, 7.0, 7.0)));
  t.equal(V(e, 0), d2(1.5, -0.25));
  e = run(0x4e616820 /* fcvtn2 v0.4s, v1.2d */, (e) => {
    e.cpu.setV(0, s4(9.0, 8.0, 7.0, 6.0));
    e.cpu.setV(1, d2(1.5, 0.1));
  });
  t.equal(V(e, 0), s4(9.0, 8.0, 1.5, 0x3dcccccdn), 'low half kept');
  t.equal(fpsr(e), IXC);
  e = run(0x0e217820 /* fcvtl v0.4s, v1.4h */, (e) => e.cpu.setV(1, 0x0001_7c00_c000_3c00n));
  t.equal(V(e, 0), s4(1.0, -2.0, Infinity, 0x33800000n), 'half to single, denormal 2^-24 exact');
});

t.test('reciprocal estimates (Armv8.0 tables)', async (t) => {
  let e = run(0x5ea1d820 /* frecpe s0, s1 */, (e) => e.cpu.setV(1, f32(2.0)));
  t.equal(V(e, 0), 0x3eff8000n, '1/2 estimated as 0.4990234375');
  e = run(0x2ea1d820 /* frsqrte v0.2s, v1.2s */, (e) => e.cpu.setV(1, s4(4.0, 1.0, 9.0, 9.0)));
  t.equal(V(e, 0), s4(0x3eff8000n, 0x3f7f8000n), '1/sqrt(4) ~ 0.499, 1/sqrt(1) ~ 0.998; upper half zeroed');
  e = run(0x5ea1d820 /* frecpe s0, s1 */, (e) => e.cpu.setV(1, f32(-0.0)));
  t.equal(V(e, 0), f32(-Infinity));
  t.equal(fpsr(e), DZC);
});
