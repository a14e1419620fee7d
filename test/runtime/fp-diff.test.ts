/**
 * Differential test: the fast paths of helpers/fp-fast.ts against the bigint
 * reference (fp-soft.ts, a transcription of the Arm ARM pseudocode) on random
 * and adversarial operands, in every rounding mode, with FZ and DN on and off.
 * Results and FPSR flags must agree bit for bit.
 */
import t from 'tap';
import { Slot } from '../../src/backend-js/abi.js';
import * as fp from '../../src/runtime/helpers/fp.js';
import { dbits, dval, fbits, fval, xorshift32 } from '../helpers/fp-bits.js';

const { rnd32, pick } = xorshift32(0x12345678);

/** Interesting single-precision operands. */
function genS(): number {
  switch (rnd32() % 8) {
    case 0:
      return rnd32(); // anything
    case 1:
      return pick([0, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000, 0x7fa00001, 0x00000001, 0x007fffff, 0x00800000, 0x7f7fffff, 0x3f800000, 0xbf800000]);
    case 2: // near 1
      return (0x3f800000 + (rnd32() % 64) - 32) | ((rnd32() & 1) << 31);
    case 3: // small mantissa perturbations
      return ((rnd32() % 20 + 117) << 23) | (rnd32() & 0x7) | ((rnd32() & 1) << 31);
    case 4: // near the top
      return (((rnd32() % 6) + 249) << 23) | (rnd32() & 0x7fffff) | ((rnd32() & 1) << 31);
    case 5: // near the bottom
      return (((rnd32() % 30)) << 23) | (rnd32() & 0x7fffff) | ((rnd32() & 1) << 31);
    case 6: // mantissa with few bits set
      return ((rnd32() % 254 + 1) << 23) | ((1 << (rnd32() % 23)) | (1 << (rnd32() % 23))) | ((rnd32() & 1) << 31);
    default:
      return ((rnd32() % 60 + 97) << 23) | (rnd32() & 0x7fffff) | ((rnd32() & 1) << 31);
  }
}
function genD(): bigint {
  const hiRand = (e: number) => (BigInt(e) << 52n) | (BigInt(rnd32() & 0xfffff) << 32n) | BigInt(rnd32());
  const sign = () => BigInt(rnd32() & 1) << 63n;
  switch (rnd32() % 9) {
    case 0:
      return (BigInt(rnd32()) << 32n) | BigInt(rnd32());
    case 1:
      return pick([0n, 1n << 63n, 0x7ff0000000000000n, 0xfff0000000000000n, 0x7ff8000000000000n, 0x7ff4000000000001n, 1n, 0x000fffffffffffffn,
        0x0010000000000000n, 0x7fefffffffffffffn, 0x3ff0000000000000n, 0xbff0000000000000n]);
    case 2:
      return (0x3ff0000000000000n + BigInt(rnd32() % 64) - 32n) | sign();
    case 3:
      return hiRand(rnd32() % 40 + 1003) | sign();
    case 4:
      return hiRand(rnd32() % 30 + 2017) | sign();
    case 5:
      return hiRand(rnd32() % 80) | sign();
    case 6:
      return (BigInt(rnd32() % 2046 + 1) << 52n) | (1n << BigInt(rnd32() % 52)) | (1n << BigInt(rnd32() % 52)) | sign();
    case 7:
      return hiRand(rnd32() % 2046 + 1) | sign();
    default:
      return hiRand(rnd32() % 200 + 923) | sign();
  }
}

const FPCRS = [0, 1 << 22, 2 << 22, 3 << 22, fp.FPCR_FZ, fp.FPCR_DN, fp.FPCR_FZ | (2 << 22), fp.FPCR_DN | fp.FPCR_FZ | (1 << 22), 3 << 22 | fp.FPCR_FZ];

function state(fpcr: number): Int32Array {
  const s = new Int32Array(Slot.SIZE);
  s[Slot.FPCR] = fpcr;
  return s;
}
const lo = (b: bigint) => Number(b & 0xffffffffn) | 0;
const hi = (b: bigint) => Number(b >> 32n) | 0;
const get64 = (s: Int32Array, l: number) => (BigInt(s[Slot.RET_HI]! >>> 0) << 32n) | BigInt(l >>> 0);

const N = 40000;

t.test('single precision ops: fast == reference', async (t) => {
  let bad = 0;
  const check = (name: string, fast: (s: Int32Array) => number, slow: (s: Int32Array) => bigint | number, fpcr: number, ops: number[]) => {
    const s1 = state(fpcr), s2 = state(fpcr);
    const r1 = fast(s1) >>> 0, r2 = Number(slow(s2)) >>> 0;
    if (r1 !== r2 || s1[Slot.FPSR] !== s2[Slot.FPSR]) {
      if (bad++ < 20) t.comment(`${name}(${ops.map((x) => x.toString(16)).join(', ')}) fpcr=${fpcr.toString(16)}: fast ${r1.toString(16)} fpsr ${s1[Slot.FPSR]} vs ref ${r2.toString(16)} fpsr ${s2[Slot.FPSR]}`);
    }
  };
  const S = fp.FMT_S;
  const B = (x: number) => BigInt(x >>> 0);
  for (let i = 0; i < N; i++) {
    const fpcr = pick(FPCRS);
    let a = genS(), b = genS();
    const c = genS();
    if (rnd32() % 4 === 0) b = (a + (rnd32() % 5) - 2) ^ ((rnd32() & 1) << 31); // cancellation
    if (rnd32() % 8 === 0) a = fbits(Math.fround(fval(b) * (1 + (rnd32() % 5)))); // multiples
    check('add', (s) => fp.fpAdd32(s, a, b), (s) => fp.addBig(S, B(a), B(b), false, s), fpcr, [a, b]);
    check('sub', (s) => fp.fpSub32(s, a, b), (s) => fp.addBig(S, B(a), B(b), true, s), fpcr, [a, b]);
    check('mul', (s) => fp.fpMul32(s, a, b), (s) => fp.mulBig(S, B(a), B(b), s), fpcr, [a, b]);
    check('mulx', (s) => fp.fpMulX32(s, a, b), (s) => fp.mulBig(S, B(a), B(b), s, true), fpcr, [a, b]);
    check('div', (s) => fp.fpDiv32(s, a, b), (s) => fp.divBig(S, B(a), B(b), s), fpcr, [a, b]);
    check('sqrt', (s) => fp.fpSqrt32(s, a), (s) => fp.sqrtBig(S, B(a), s), fpcr, [a]);
    check('fma', (s) => fp.fpMulAdd32(s, c, a, b), (s) => fp.mulAddBig(S, B(c), B(a), B(b), s), fpcr, [c, a, b]);
    check('max', (s) => fp.fpMax32(s, a, b), (s) => fp.maxMinBig(S, B(a), B(b), true, s), fpcr, [a, b]);
    check('min', (s) => fp.fpMin32(s, a, b), (s) => fp.maxMinBig(S, B(a), B(b), false, s), fpcr, [a, b]);
    check('maxnm', (s) => fp.fpMaxNum32(s, a, b), (s) => fp.maxMinNumBig(S, B(a), B(b), true, s), fpcr, [a, b]);
    check('minnm', (s) => fp.fpMinNum32(s, a, b), (s) => fp.maxMinNumBig(S, B(a), B(b), false, s), fpcr, [a, b]);
    check('cmp', (s) => fp.fpCompare32(s, a, b, false), (s) => fp.compareBig(S, B(a), B(b), false, s), fpcr, [a, b]);
    check('recps', (s) => fp.fpRecipStepFused32(s, a, b), (s) => fp.stepFusedBig(S, B(a), B(b), false, s), fpcr, [a, b]);
    const rm = rnd32() % 5;
    check(`frint${rm}`, (s) => fp.fpRoundInt(s, 32, a, 0, rm, true), (s) => fp.roundIntBig(S, B(a), rm, true, s), fpcr, [a]);
    const M = rnd32() & 1 ? 64 : 32, fb = rnd32() % 3 === 0 ? rnd32() % (M + 1) : 0, u = (rnd32() & 1) === 1;
    check(`tofixed${rm},${M},${fb},${u}`, (s) => fp.fpToFixed(s, 32, a, 0, fb, u, rm, M) ^ (M === 64 ? 0 : 0),
      (s) => Number(fp.toFixedBig(S, B(a), fb, u, rm, M, s) & 0xffffffffn), fpcr, [a]);
    check('cvt s->d lo', (s) => fp.fpConvert(s, 32, 64, a, 0, fp.fpcrRounding(fpcr)), (s) => Number(fp.convertBig(S, fp.FMT_D, B(a), fp.fpcrRounding(fpcr), s) & 0xffffffffn), fpcr, [a]);
    const ia = rnd32() % 3 === 0 ? (rnd32() >>> (rnd32() % 32)) : rnd32();
    const ib = rnd32();
    check(`fromint${M},${fb},${u}`, (s) => fp.fixedToFp(s, 32, ia, ib, M, fb, u, fp.fpcrRounding(fpcr)),
      (s) => fp.fixedToFpBig(S, M === 32 ? B(ia) : (B(ib) << 32n) | B(ia), M, fb, u, fp.fpcrRounding(fpcr), s), fpcr, [ia, ib]);
  }
  t.equal(bad, 0, 'no mismatches');
});

t.test('double precision ops: fast == reference', async (t) => {
  let bad = 0;
  const D = fp.FMT_D;
  const check = (name: string, fast: (s: Int32Array) => number, slow: (s: Int32Array) => bigint, fpcr: number, ops: bigint[]) => {
    const s1 = state(fpcr), s2 = state(fpcr);
    const l = fast(s1);
    const r1 = get64(s1, l), r2 = slow(s2);
    if (r1 !== r2 || s1[Slot.FPSR] !== s2[Slot.FPSR]) {
      if (bad++ < 20) t.comment(`${name}(${ops.map((x) => x.toString(16)).join(', ')}) fpcr=${fpcr.toString(16)}: fast ${r1.toString(16)} fpsr ${s1[Slot.FPSR]} vs ref ${r2.toString(16)} fpsr ${s2[Slot.FPSR]}`);
    }
  };
  for (let i = 0; i < N; i++) {
    const fpcr = pick(FPCRS);
    let a = genD(), b = genD();
    let c = genD();
    if (rnd32() % 4 === 0) b = (a + BigInt(rnd32() % 5) - 2n) ^ (BigInt(rnd32() & 1) << 63n);
    if (rnd32() % 6 === 0) {
      // fma with heavy cancellation: c ~ -(a*b)
      const p = dval(a) * dval(b);
      if (Number.isFinite(p)) c = dbits(-p) + BigInt(rnd32() % 3) - 1n;
    }
    a = BigInt.asUintN(64, a);
    b = BigInt.asUintN(64, b);
    c = BigInt.asUintN(64, c);
    const [al, ah, bl, bh, cl, ch] = [lo(a), hi(a), lo(b), hi(b), lo(c), hi(c)];
    check('add', (s) => fp.fpAdd64(s, al, ah, bl, bh), (s) => fp.addBig(D, a, b, false, s), fpcr, [a, b]);
    check('sub', (s) => fp.fpSub64(s, al, ah, bl, bh), (s) => fp.addBig(D, a, b, true, s), fpcr, [a, b]);
    check('mul', (s) => fp.fpMul64(s, al, ah, bl, bh), (s) => fp.mulBig(D, a, b, s), fpcr, [a, b]);
    check('div', (s) => fp.fpDiv64(s, al, ah, bl, bh), (s) => fp.divBig(D, a, b, s), fpcr, [a, b]);
    check('sqrt', (s) => fp.fpSqrt64(s, al, ah), (s) => fp.sqrtBig(D, a, s), fpcr, [a]);
    check('fma', (s) => fp.fpMulAdd64(s, cl, ch, al, ah, bl, bh), (s) => fp.mulAddBig(D, c, a, b, s), fpcr, [c, a, b]);
    check('max', (s) => fp.fpMax64(s, al, ah, bl, bh), (s) => fp.maxMinBig(D, a, b, true, s), fpcr, [a, b]);
    check('min', (s) => fp.fpMin64(s, al, ah, bl, bh), (s) => fp.maxMinBig(D, a, b, false, s), fpcr, [a, b]);
    check('maxnm', (s) => fp.fpMaxNum64(s, al, ah, bl, bh), (s) => fp.maxMinNumBig(D, a, b, true, s), fpcr, [a, b]);
    check('minnm', (s) => fp.fpMinNum64(s, al, ah, bl, bh), (s) => fp.maxMinNumBig(D, a, b, false, s), fpcr, [a, b]);
    check('cmp', (s) => ((s[Slot.RET_HI] = 0), fp.fpCompare64(s, al, ah, bl, bh, true)), (s) => BigInt(fp.compareBig(D, a, b, true, s)), fpcr, [a, b]);
    check('recps', (s) => fp.fpRecipStepFused64(s, al, ah, bl, bh), (s) => fp.stepFusedBig(D, a, b, false, s), fpcr, [a, b]);
    const rm = rnd32() % 5;
    check(`frint${rm}`, (s) => fp.fpRoundInt(s, 64, al, ah, rm, rm === 2), (s) => fp.roundIntBig(D, a, rm, rm === 2, s), fpcr, [a]);
    const M = rnd32() & 1 ? 64 : 32, fb = rnd32() % 3 === 0 ? rnd32() % (M + 1) : 0, u = (rnd32() & 1) === 1;
    check(`tofixed${rm},${M},${fb},${u}`, (s) => {
      const l = fp.fpToFixed(s, 64, al, ah, fb, u, rm, M);
      if (M === 32) s[Slot.RET_HI] = 0;
      return l;
    }, (s) => fp.toFixedBig(D, a, fb, u, rm, M, s), fpcr, [a]);
    check('cvt d->s', (s) => ((s[Slot.RET_HI] = 0), fp.fpConvert(s, 64, 32, al, ah, fp.fpcrRounding(fpcr))),
      (s) => fp.convertBig(D, fp.FMT_S, a, fp.fpcrRounding(fpcr), s), fpcr, [a]);
    check('fromint', (s) => fp.fixedToFp(s, 64, al, ah, M, fb, u, fp.fpcrRounding(fpcr)),
      (s) => fp.fixedToFpBig(D, M === 32 ? BigInt(al >>> 0) : a, M, fb, u, fp.fpcrRounding(fpcr), s), fpcr, [a]);
  }
  t.equal(bad, 0, 'no mismatches');
});

t.test('reference agrees with the host in round-to-nearest (no flags check)', async (t) => {
  let bad = 0;
  for (let i = 0; i < 20000; i++) {
    const a = genD(), b = genD();
    const x = dval(a), y = dval(b);
    const s = state(0);
    for (const [name, got, want] of [
      ['add', fp.addBig(fp.FMT_D, a, b, false, s), x + y],
      ['mul', fp.mulBig(fp.FMT_D, a, b, s), x * y],
      ['div', fp.divBig(fp.FMT_D, a, b, s), x / y],
      ['sqrt', fp.sqrtBig(fp.FMT_D, a, s), Math.sqrt(x)],
    ] as const) {
      const w = want;
      const ok = w !== w ? dval(got) !== dval(got) : got === dbits(w);
      if (!ok && bad++ < 10) t.comment(`${name}(${a.toString(16)}, ${b.toString(16)}) = ${got.toString(16)}, host ${dbits(w).toString(16)}`);
    }
    const fa = genS(), fb = genS();
    const got = Number(fp.addBig(fp.FMT_S, BigInt(fa), BigInt(fb), false, s));
    const w = Math.fround(fval(fa) + fval(fb));
    if (!(w !== w ? fval(got) !== fval(got) : got === fbits(w)) && bad++ < 10) t.comment(`adds ${fa.toString(16)} ${fb.toString(16)}`);
  }
  t.equal(bad, 0);
});

t.test('fused multiply-add hard cases: fast == reference', async (t) => {
  let bad = 0;
  const D = fp.FMT_D;
  const S = fp.FMT_S;
  const shortMant = (e: number, bits: number) => (BigInt(e) << 52n) | (BigInt(rnd32() & ((1 << Math.min(bits, 20)) - 1)) << 32n) | (BigInt(rnd32()) & (bits > 20 ? 0xffffffffn : 0n));
  for (let i = 0; i < 60000; i++) {
    const fpcr = pick(FPCRS);
    const ea = 1023 + (rnd32() % 40) - 20, eb = 1023 + (rnd32() % 40) - 20;
    const a = shortMant(ea, rnd32() % 53) | (BigInt(rnd32() & 1) << 63n);
    const b = shortMant(eb, rnd32() % 53) | (BigInt(rnd32() & 1) << 63n);
    const pe = ea + eb - 1023 + (rnd32() % 120) - 60;
    let c = pe > 0 && pe < 2047 ? ((BigInt(pe) << 52n) | (BigInt(rnd32() & 0xfffff) << 32n) | BigInt((rnd32() & pick([0, 1, 0xffffffff, 0x80000000])) >>> 0)) : 0n;
    c |= BigInt(rnd32() & 1) << 63n;
    if (rnd32() % 3 === 0) {
      const p = dval(a) * dval(b);
      c = dbits(-p);
      if (rnd32() & 1) c = c + BigInt(rnd32() % 7) - 3n;
    }
    const s1 = state(fpcr), s2 = state(fpcr);
    const l = fp.fpMulAdd64(s1, lo(c), hi(c), lo(a), hi(a), lo(b), hi(b));
    const r1 = get64(s1, l), r2 = fp.mulAddBig(D, c, a, b, s2);
    if ((r1 !== r2 || s1[Slot.FPSR] !== s2[Slot.FPSR]) && bad++ < 20) {
      t.comment(`fma(${c.toString(16)}, ${a.toString(16)}, ${b.toString(16)}) fpcr=${fpcr.toString(16)}: fast ${r1.toString(16)} ${s1[Slot.FPSR]} ref ${r2.toString(16)} ${s2[Slot.FPSR]}`);
    }
    // single: same idea
    const fa = ((ea - 1023 + 127) << 23) | (rnd32() & (0x7fffff >>> (rnd32() % 23))) | ((rnd32() & 1) << 31);
    const fb = ((eb - 1023 + 127) << 23) | (rnd32() & (0x7fffff >>> (rnd32() % 23))) | ((rnd32() & 1) << 31);
    const fpe = ea + eb - 2046 + 127 + (rnd32() % 60) - 30;
    let fc = fpe > 0 && fpe < 255 ? (fpe << 23) | (rnd32() & pick([0, 1, 0x7fffff, 0x400000, 0x3fffff])) | ((rnd32() & 1) << 31) : 0;
    if (rnd32() % 3 === 0) fc = fbits(-Math.fround(fval(fa) * fval(fb))) + (rnd32() % 5) - 2;
    const t1 = state(fpcr), t2 = state(fpcr);
    const q1 = fp.fpMulAdd32(t1, fc, fa, fb) >>> 0, q2 = Number(fp.mulAddBig(S, BigInt(fc >>> 0), BigInt(fa >>> 0), BigInt(fb >>> 0), t2));
    if ((q1 !== q2 || t1[Slot.FPSR] !== t2[Slot.FPSR]) && bad++ < 20) {
      t.comment(`fmas(${(fc >>> 0).toString(16)}, ${(fa >>> 0).toString(16)}, ${(fb >>> 0).toString(16)}) fpcr=${fpcr.toString(16)}: fast ${q1.toString(16)} ${t1[Slot.FPSR]} ref ${q2.toString(16)} ${t2[Slot.FPSR]}`);
    }
  }
  t.equal(bad, 0);
});
