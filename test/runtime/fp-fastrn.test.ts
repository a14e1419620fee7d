/**
 * Differential test of the host-double fast paths taken when FPCR is RN with
 * FZ = 0 and FPSR.IXC is already set (fastRN in fp-fast.ts, the scalar FP
 * helpers of fp.ts that work on the registers as doubles, and the 64-bit lane
 * helpers of simd-fast-fp.ts), against the bigint reference (fp-soft.ts):
 * results and FPSR bit for bit, with FPSR starting from IXC (the fast case)
 * or other flag sets, in every FPCR mode. FMA gets adversarial operands
 * (short mantissas that make ties, exact cancellation, addends around the
 * product's rounding error).
 */
import t from 'tap';
import { Slot } from '../../src/backend-js/abi.js';
import { CpuState } from '../../src/runtime/cpu-state.js';
import * as fp from '../../src/runtime/helpers/fp.js';
import { makeHelpers, type HelperFn } from '../../src/runtime/helpers/all.js';
import type { Memory } from '../../src/runtime/memory.js';
import { dbits, dval, fbits, fval, xorshift32 } from '../helpers/fp-bits.js';

const { rnd32, pick } = xorshift32(0x2468ace1);
const sign = (): bigint => BigInt(rnd32() & 1) << 63n;
const mant = (bits: number): bigint => {
  // a fraction with its set bits among the top `bits` (short mantissas make exact products and ties)
  const m = (BigInt(rnd32() & 0xfffff) << 32n) | BigInt(rnd32());
  return bits >= 52 ? m : (m >> BigInt(52 - bits)) << BigInt(52 - bits);
};

function genD(): bigint {
  switch (rnd32() % 10) {
    case 0:
      return (BigInt(rnd32()) << 32n) | BigInt(rnd32());
    case 1:
      return pick([0n, 1n << 63n, 0x7ff0000000000000n, 0xfff0000000000000n, 0x7ff8000000000000n, 0x7ff4000000000001n, 1n, 0x000fffffffffffffn,
        0x0010000000000000n, 0x0010000000000001n, 0x7fefffffffffffffn, 0x3ff0000000000000n, 0xbff0000000000000n]);
    case 2:
      return (0x3ff0000000000000n + BigInt(rnd32() % 64) - 32n) | sign();
    case 3: // near the top
      return (BigInt(rnd32() % 40 + 2007) << 52n) | mant(52) | sign();
    case 4: // near the bottom, denormals included
      return (BigInt(rnd32() % 80) << 52n) | mant(52) | sign();
    case 5:
      return (BigInt(rnd32() % 2046 + 1) << 52n) | mant(rnd32() % 53) | sign();
    default: // ordinary magnitudes
      return (BigInt(rnd32() % 200 + 923) << 52n) | mant(pick([52, 52, 3, 10, 26, 27])) | sign();
  }
}
function genS(): number {
  switch (rnd32() % 8) {
    case 0:
      return rnd32();
    case 1:
      return pick([0, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000, 0x7fa00001, 1, 0x007fffff, 0x00800000, 0x00800001, 0x7f7fffff, 0x3f800000]);
    case 2:
      return (((rnd32() % 6) + 249) << 23) | (rnd32() & 0x7fffff) | ((rnd32() & 1) << 31);
    case 3:
      return ((rnd32() % 30) << 23) | (rnd32() & 0x7fffff) | ((rnd32() & 1) << 31);
    default:
      return (((rnd32() % 60) + 97) << 23) | (rnd32() & (0x7fffff << (rnd32() % 24)) & 0x7fffff) | ((rnd32() & 1) << 31);
  }
}
/** Operands for c + a*b that stress the final rounding: ties, cancellation, c around the product's error. */
function genFma(): [bigint, bigint, bigint] {
  const ea = 1023 + (rnd32() % 60) - 30, eb = 1023 + (rnd32() % 60) - 30;
  const a = (BigInt(ea) << 52n) | mant(rnd32() % 53) | sign();
  const b = (BigInt(eb) << 52n) | mant(rnd32() % 53) | sign();
  const p = dval(a) * dval(b);
  let c: bigint;
  switch (rnd32() % 5) {
    case 0: // exact or near-exact cancellation
      c = BigInt.asUintN(64, dbits(-p) + BigInt(rnd32() % 7) - 3n);
      break;
    case 1: { // c near half an ulp of the product (ties), few bits
      const e = ((Number(dbits(p) >> 52n) & 0x7ff) - 53 + (rnd32() % 5) - 2);
      c = e > 0 ? (BigInt(e) << 52n) | mant(rnd32() % 4) | sign() : 0n;
      break;
    }
    case 2: { // c at the product's magnitude, short mantissa
      const e = (Number(dbits(p) >> 52n) & 0x7ff) + (rnd32() % 9) - 4;
      c = e > 0 && e < 2047 ? (BigInt(e) << 52n) | mant(rnd32() % 53) | sign() : 0n;
      break;
    }
    case 3: { // c anywhere from far below to far above
      const e = (Number(dbits(p) >> 52n) & 0x7ff) + (rnd32() % 240) - 120;
      c = e > 0 && e < 2047 ? (BigInt(e) << 52n) | mant(52) | sign() : 0n;
      break;
    }
    default:
      c = genD();
  }
  return rnd32() % 8 === 0 ? [genD(), genD(), genD()] : [c, a, b];
}

const FPCRS = [0, 0, 0, 0, fp.FPCR_DN, 1 << 22, 2 << 22, 3 << 22, fp.FPCR_FZ, fp.FPCR_FZ | fp.FPCR_DN, fp.FPCR_DN | (1 << 22)];
const FPSRS = [fp.FPSR_IXC, fp.FPSR_IXC, fp.FPSR_IXC, fp.FPSR_IXC | fp.FPSR_UFC, fp.FPSR_IXC | fp.FPSR_IOC | fp.FPSR_IDC, 0, fp.FPSR_OFC];
const lo = (b: bigint): number => Number(b & 0xffffffffn) | 0;
const hi = (b: bigint): number => Number(b >> 32n) | 0;
function state(fpcr: number, fpsr: number): Int32Array {
  const s = new Int32Array(Slot.SIZE);
  s[Slot.FPCR] = fpcr;
  s[Slot.FPSR] = fpsr;
  return s;
}
const get64 = (s: Int32Array, l: number): bigint => (BigInt(s[Slot.RET_HI]! >>> 0) << 32n) | BigInt(l >>> 0);
const hex = (x: bigint | number): string => (typeof x === 'bigint' ? x : BigInt(x >>> 0)).toString(16);

const N = 30000;
const D = fp.FMT_D, S = fp.FMT_S;

t.test('bit-pattern functions with FPSR.IXC preset: fast == reference', async (t) => {
  let bad = 0, n = 0;
  const check = (name: string, fast: (s: Int32Array) => bigint, slow: (s: Int32Array) => bigint, fpcr: number, fpsr: number, ops: (bigint | number)[]): void => {
    const s1 = state(fpcr, fpsr), s2 = state(fpcr, fpsr);
    const r1 = fast(s1), r2 = slow(s2);
    n++;
    if ((r1 !== r2 || s1[Slot.FPSR] !== s2[Slot.FPSR]) && bad++ < 20) {
      t.comment(`${name}(${ops.map(hex).join(', ')}) fpcr=${hex(fpcr)} fpsr=${hex(fpsr)}: fast ${hex(r1)} fpsr ${s1[Slot.FPSR]} vs ref ${hex(r2)} fpsr ${s2[Slot.FPSR]}`);
    }
  };
  const B = (x: number): bigint => BigInt(x >>> 0);
  const n32 = (x: number): bigint => BigInt(x >>> 0);
  for (let i = 0; i < N; i++) {
    const fpcr = pick(FPCRS), fpsr = pick(FPSRS);
    const a = genD();
    // b: independent, or next to +-a (cancellation)
    const b = rnd32() % 4 ? genD() : BigInt.asUintN(64, (a + BigInt(rnd32() % 5) - 2n) ^ sign());
    const [c3, a3, b3] = genFma();
    const [al, ah, bl, bh] = [lo(a), hi(a), lo(b), hi(b)];
    check('add', (s) => get64(s, fp.fpAdd64(s, al, ah, bl, bh)), (s) => fp.addBig(D, a, b, false, s), fpcr, fpsr, [a, b]);
    check('sub', (s) => get64(s, fp.fpSub64(s, al, ah, bl, bh)), (s) => fp.addBig(D, a, b, true, s), fpcr, fpsr, [a, b]);
    check('mul', (s) => get64(s, fp.fpMul64(s, al, ah, bl, bh)), (s) => fp.mulBig(D, a, b, s), fpcr, fpsr, [a, b]);
    check('div', (s) => get64(s, fp.fpDiv64(s, al, ah, bl, bh)), (s) => fp.divBig(D, a, b, s), fpcr, fpsr, [a, b]);
    check('sqrt', (s) => get64(s, fp.fpSqrt64(s, al, ah)), (s) => fp.sqrtBig(D, a, s), fpcr, fpsr, [a]);
    check('fma', (s) => get64(s, fp.fpMulAdd64(s, lo(c3), hi(c3), lo(a3), hi(a3), lo(b3), hi(b3))), (s) => fp.mulAddBig(D, c3, a3, b3, s), fpcr, fpsr, [c3, a3, b3]);
    check('recps', (s) => get64(s, fp.fpRecipStepFused64(s, al, ah, bl, bh)), (s) => fp.stepFusedBig(D, a, b, false, s), fpcr, fpsr, [a, b]);
    const x = genS(), y = rnd32() % 4 ? genS() : ((x + (rnd32() % 5) - 2) ^ ((rnd32() & 1) << 31)) >>> 0;
    // z: sometimes -(x*y) rounded, for cancellation in the fused sum
    const z = rnd32() % 4 ? genS() : fbits(-Math.fround(fval(x) * fval(y)));
    check('adds', (s) => n32(fp.fpAdd32(s, x, y)), (s) => fp.addBig(S, B(x), B(y), false, s), fpcr, fpsr, [x, y]);
    check('subs', (s) => n32(fp.fpSub32(s, x, y)), (s) => fp.addBig(S, B(x), B(y), true, s), fpcr, fpsr, [x, y]);
    check('muls', (s) => n32(fp.fpMul32(s, x, y)), (s) => fp.mulBig(S, B(x), B(y), s), fpcr, fpsr, [x, y]);
    check('divs', (s) => n32(fp.fpDiv32(s, x, y)), (s) => fp.divBig(S, B(x), B(y), s), fpcr, fpsr, [x, y]);
    check('sqrts', (s) => n32(fp.fpSqrt32(s, x)), (s) => fp.sqrtBig(S, B(x), s), fpcr, fpsr, [x]);
    check('fmas', (s) => n32(fp.fpMulAdd32(s, z, x, y)), (s) => fp.mulAddBig(S, B(z), B(x), B(y), s), fpcr, fpsr, [z, x, y]);
  }
  t.ok(n > 0);
  t.equal(bad, 0, 'no mismatches');
});

/** One machine's helpers on a CpuState (the FP helpers touch no memory). */
function machine(): { cpu: CpuState; H: Record<string, HelperFn> } {
  const cpu = new CpuState();
  return { cpu, H: makeHelpers({ cpu, mem: {} as Memory }).byName };
}
const setQ = (cpu: CpuState, r: number, v: bigint): void => {
  for (let k = 0; k < 4; k++) cpu.v.i32[4 * r + k] = Number((v >> BigInt(32 * k)) & 0xffffffffn) | 0;
};
const getQ = (cpu: CpuState, r: number): bigint => {
  let v = 0n;
  for (let k = 3; k >= 0; k--) v = (v << 32n) | BigInt(cpu.v.i32[4 * r + k]! >>> 0);
  return v;
};
const M64 = (1n << 64n) - 1n;

t.test('scalar register helpers (fp_bin/fma/sqrt/cmp) with FPSR.IXC preset: == reference', async (t) => {
  const { cpu, H } = machine();
  const s = cpu.s;
  let bad = 0;
  const report = (what: string, got: bigint, want: bigint, gotFpsr: number, wantFpsr: number): void => {
    if ((got !== want || gotFpsr !== wantFpsr) && bad++ < 20) t.comment(`${what}: got ${hex(got)} fpsr ${gotFpsr}, want ${hex(want)} fpsr ${wantFpsr}`);
  };
  const BIN64: ((ref: Int32Array, a: bigint, b: bigint) => bigint)[] = [
    (r, a, b) => fp.mulBig(D, a, b, r), (r, a, b) => fp.divBig(D, a, b, r), (r, a, b) => fp.addBig(D, a, b, false, r),
    (r, a, b) => fp.addBig(D, a, b, true, r), (r, a, b) => fp.maxMinBig(D, a, b, true, r), (r, a, b) => fp.maxMinBig(D, a, b, false, r),
    (r, a, b) => fp.maxMinNumBig(D, a, b, true, r), (r, a, b) => fp.maxMinNumBig(D, a, b, false, r), (r, a, b) => fp.mulBig(D, a, b, r) ^ (1n << 63n),
  ];
  const BIN32: ((ref: Int32Array, a: bigint, b: bigint) => bigint)[] = [
    (r, a, b) => fp.mulBig(S, a, b, r), (r, a, b) => fp.divBig(S, a, b, r), (r, a, b) => fp.addBig(S, a, b, false, r),
    (r, a, b) => fp.addBig(S, a, b, true, r), (r, a, b) => fp.maxMinBig(S, a, b, true, r), (r, a, b) => fp.maxMinBig(S, a, b, false, r),
    (r, a, b) => fp.maxMinNumBig(S, a, b, true, r), (r, a, b) => fp.maxMinNumBig(S, a, b, false, r), (r, a, b) => fp.mulBig(S, a, b, r) ^ (1n << 31n),
  ];
  const junk = (): bigint => (BigInt(rnd32()) << 96n) | (BigInt(rnd32()) << 64n);
  for (let i = 0; i < N; i++) {
    const fpcr = pick(FPCRS), fpsr = pick(FPSRS);
    const ref = state(fpcr, fpsr);
    s[Slot.FPCR] = fpcr;
    s[Slot.FPSR] = fpsr;
    // registers: n, m, a distinct or aliased with d
    const d = rnd32() % 4, n = rnd32() % 4, m = rnd32() % 4, ra = rnd32() % 4;
    const kind = rnd32() % 8;
    if (kind < 3) {
      const op = rnd32() % 9;
      const x = genD(), y = n === m ? x : genD();
      setQ(cpu, n, junk() | x);
      setQ(cpu, m, junk() | y);
      H.fp_bin64!(op, d, n, m);
      report(`fp_bin64 op ${op} (${hex(x)}, ${hex(y)}) fpcr ${hex(fpcr)} fpsr ${fpsr}`, getQ(cpu, d), BIN64[op]!(ref, x, y) & M64, s[Slot.FPSR]!, ref[Slot.FPSR]!);
    } else if (kind < 5) {
      let [c, x, y] = genFma();
      // the helper's operands: Va, Vn, Vm (aliases share a value)
      const regs = new Map<number, bigint>([[ra, c]]);
      if (regs.has(n)) x = regs.get(n)!;
      else regs.set(n, x);
      if (regs.has(m)) y = regs.get(m)!;
      else regs.set(m, y);
      for (const [r, v] of regs) setQ(cpu, r, junk() | v);
      const negA = rnd32() & 1, negN = rnd32() & 1;
      H.fp_fma64!(d, n, m, ra, negA, negN);
      const want = fp.mulAddBig(D, c ^ (negA ? 1n << 63n : 0n), x ^ (negN ? 1n << 63n : 0n), y, ref);
      report(`fp_fma64 neg ${negA}${negN} (${hex(c)}, ${hex(x)}, ${hex(y)}) fpcr ${hex(fpcr)} fpsr ${fpsr}`, getQ(cpu, d), want, s[Slot.FPSR]!, ref[Slot.FPSR]!);
    } else if (kind === 5) {
      const x = genD();
      setQ(cpu, n, junk() | x);
      H.fp_sqrt64!(d, n);
      report(`fp_sqrt64 (${hex(x)}) fpcr ${hex(fpcr)} fpsr ${fpsr}`, getQ(cpu, d), fp.sqrtBig(D, x, ref), s[Slot.FPSR]!, ref[Slot.FPSR]!);
      const w = genS();
      setQ(cpu, n, junk() | BigInt(w >>> 0));
      H.fp_sqrt32!(d, n);
      report(`fp_sqrt32 (${hex(w)}) fpcr ${hex(fpcr)} fpsr ${fpsr}`, getQ(cpu, d), fp.sqrtBig(S, BigInt(w >>> 0), ref), s[Slot.FPSR]!, ref[Slot.FPSR]!);
    } else if (kind === 6) {
      const x = genD(), y = n === m ? x : rnd32() & 1 ? x : genD(), zero = rnd32() % 4 === 0 ? 1 : 0, signal = rnd32() & 1;
      setQ(cpu, n, junk() | x);
      setQ(cpu, m, junk() | y);
      const got = H.fp_cmp64!(n, m, zero, signal) as number;
      const want = fp.compareBig(D, x, zero ? 0n : y, signal === 1, ref) << 28;
      report(`fp_cmp64 (${hex(x)}, ${hex(y)}, ${zero}, ${signal}) fpcr ${hex(fpcr)}`, BigInt(got >>> 0), BigInt(want >>> 0), s[Slot.FPSR]!, ref[Slot.FPSR]!);
      const u = genS(), v = n === m ? u : genS();
      setQ(cpu, n, junk() | BigInt(u >>> 0));
      setQ(cpu, m, junk() | BigInt(v >>> 0));
      const got32 = H.fp_cmp32!(n, m, zero, signal) as number;
      const want32 = fp.compareBig(S, BigInt(u >>> 0), zero ? 0n : BigInt(v >>> 0), signal === 1, ref) << 28;
      report(`fp_cmp32 (${hex(u)}, ${hex(v)}, ${zero}, ${signal}) fpcr ${hex(fpcr)}`, BigInt(got32 >>> 0), BigInt(want32 >>> 0), s[Slot.FPSR]!, ref[Slot.FPSR]!);
    } else {
      const op = rnd32() % 9;
      const x = genS(), y = n === m ? x : genS();
      setQ(cpu, n, junk() | BigInt(x >>> 0));
      setQ(cpu, m, junk() | BigInt(y >>> 0));
      H.fp_bin32!(op, d, n, m);
      report(`fp_bin32 op ${op} (${hex(x)}, ${hex(y)}) fpcr ${hex(fpcr)} fpsr ${fpsr}`, getQ(cpu, d), BIN32[op]!(ref, BigInt(x >>> 0), BigInt(y >>> 0)) & 0xffffffffn,
        s[Slot.FPSR]!, ref[Slot.FPSR]!);
    }
  }
  t.equal(bad, 0, 'no mismatches');
});

t.test('simd_fadd/fsub/fmul/fdiv/fmla/fmls on 64-bit lanes with FPSR.IXC preset: == reference', async (t) => {
  const { cpu, H } = machine();
  const s = cpu.s;
  let bad = 0;
  const names = ['simd_fadd', 'simd_fsub', 'simd_fmul', 'simd_fdiv', 'simd_fmla', 'simd_fmls'];
  for (let i = 0; i < N / 2; i++) {
    const fpcr = pick(FPCRS), fpsr = pick(FPSRS);
    const ref = state(fpcr, fpsr);
    s[Slot.FPCR] = fpcr;
    s[Slot.FPSR] = fpsr;
    const k = rnd32() % 6, lanes = rnd32() % 3 ? 2 : 1;
    const d = rnd32() % 3, n = rnd32() % 3, m = rnd32() % 3;
    const val = new Map<number, [bigint, bigint]>();
    const lane = (): [bigint, bigint, bigint] => (k >= 4 ? genFma() : [genD(), genD(), genD()]);
    const l0 = lane(), l1 = lane();
    // Vd = c lanes, Vn = a lanes, Vm = b lanes; aliased registers keep the first value given
    for (const [r, j] of [[d, 0], [n, 1], [m, 2]] as const) if (!val.has(r)) val.set(r, [l0[j], l1[j]]);
    for (const [r, [x0, x1]] of val) setQ(cpu, r, (x1 << 64n) | x0);
    const before = new Map([...val].map(([r, v]) => [r, v]));
    (H[names[k]!] as HelperFn)(d, n, m, 64, lanes);
    let want = 0n;
    for (let j = 0; j < lanes; j++) {
      const c = before.get(d)![j]!, a = before.get(n)![j]!, b = before.get(m)![j]!;
      const r = k === 0 ? fp.addBig(D, a, b, false, ref) : k === 1 ? fp.addBig(D, a, b, true, ref) : k === 2 ? fp.mulBig(D, a, b, ref)
        : k === 3 ? fp.divBig(D, a, b, ref) : fp.mulAddBig(D, c, k === 5 ? a ^ (1n << 63n) : a, b, ref);
      want |= r << BigInt(64 * j);
    }
    const got = getQ(cpu, d);
    if ((got !== want || s[Slot.FPSR] !== ref[Slot.FPSR]) && bad++ < 20) {
      t.comment(`${names[k]} d${d} n${n} m${m} lanes ${lanes} fpcr ${hex(fpcr)} fpsr ${fpsr}: got ${hex(got)} ${s[Slot.FPSR]}, want ${hex(want)} ${ref[Slot.FPSR]}`);
    }
  }
  t.equal(bad, 0, 'no mismatches');
});

t.test('fused multiply-add: host double fast path agrees with the reference on many hard cases', async (t) => {
  // the IXC-preset RN case only, where fmaRNAt decides most operands
  let bad = 0, fast = 0;
  for (let i = 0; i < 4 * N; i++) {
    const [c, a, b] = genFma();
    const s1 = state(0, fp.FPSR_IXC), s2 = state(0, fp.FPSR_IXC);
    const A = new Float64Array([dval(c), dval(a), dval(b), 0]);
    const ok = fp.fmaRNAt(A, 3, 0, 1, 2, 1, 1);
    const want = fp.mulAddBig(D, c, a, b, s2);
    if (ok) {
      fast++;
      if ((dbits(A[3]!) !== want || s2[Slot.FPSR] !== fp.FPSR_IXC) && bad++ < 20) t.comment(`fmaRNAt(${hex(c)}, ${hex(a)}, ${hex(b)}) = ${hex(dbits(A[3]!))}, ref ${hex(want)} fpsr ${s2[Slot.FPSR]}`);
    }
    const got = get64(s1, fp.fpMulAdd64(s1, lo(c), hi(c), lo(a), hi(a), lo(b), hi(b)));
    if ((got !== want || s1[Slot.FPSR] !== s2[Slot.FPSR]) && bad++ < 20) t.comment(`fpMulAdd64(${hex(c)}, ${hex(a)}, ${hex(b)}) = ${hex(got)}, ref ${hex(want)}`);
  }
  t.ok(fast > N, `fast path taken (${fast})`);
  t.equal(bad, 0, 'no mismatches');
});
