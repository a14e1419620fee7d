/**
 * Micro-benchmark of the AdvSIMD helpers, called directly (as generated code
 * does: H.simd_<op>(...) with constant arguments) on a CpuState/Memory pair,
 * with the arrangements that real guest code uses (GCC -O2 vectorised loops,
 * glibc string routines). Prints ns per call and a checksum of the vector
 * register file after a fixed number of calls from a fixed start state, so
 * two builds can be compared for speed and for identical results.
 *
 *   npx tsc -p . && node dist/bench/simd-helpers.js [--ms N] [--rounds N] [--only SUBSTR] [--json FILE]
 *
 * Each case is timed for --ms milliseconds in each of --rounds rounds over all
 * cases (round robin, so a noisy moment does not hit one case only); the
 * best batch of all rounds is reported.
 * Every case is run once before any timing so each helper sees the mix of
 * element sizes it sees in a real run (one helper serves many call sites).
 */
import { writeFileSync } from 'node:fs';
import { Slot } from '../src/backend-js/abi.js';
import { CpuState } from '../src/runtime/cpu-state.js';
import { makeHelpers, type HelperFn } from '../src/runtime/helpers/all.js';
import { Memory } from '../src/runtime/memory.js';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string): string => {
  const k = args.indexOf(name);
  return k >= 0 && args[k + 1] ? args[k + 1]! : dflt;
};
const budgetMs = Number(opt('--ms', '60'));
const rounds = Number(opt('--rounds', '5'));
const only = opt('--only', '');
const jsonOut = opt('--json', '');

const cpu = new CpuState();
const mem = new Memory(1 << 16);
const H = makeHelpers({ cpu, mem }).byName;

/** Deterministic register contents: integers for V0..V15, FP values (normal, moderate) for V16..V31. */
function reset(): void {
  let x = 0x12345678;
  const rnd = (): number => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
  const w = cpu.v.u32;
  for (let i = 0; i < 64; i++) w[i] = rnd();
  const f = cpu.v.f32;
  for (let i = 64; i < 96; i++) f[i] = ((rnd() % 20000) - 10000) / 64;
  const d = cpu.v.f64;
  for (let i = 48; i < 64; i++) d[i] = ((rnd() % 200000) - 100000) / 1024;
  cpu.s[Slot.FPCR] = 0;
  cpu.s[Slot.FPSR] = 0;
}
function checksum(): string {
  let h = 0x811c9dc5;
  const b = cpu.v.u8;
  for (let i = 0; i < b.length; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
  h = Math.imul(h ^ cpu.s[Slot.FPSR]!, 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

const h = (name: string): HelperFn => {
  const f = H[name];
  if (!f) throw new Error(`no helper ${name}`);
  return f;
};

// Register use: integer sources V1..V7 (V8..V15 accumulators/destinations); single FP sources V16..V19
// (V20..V24 destinations); double FP sources V26, V27 (V28, V29 destinations).
// Each case is a closure with constant arguments, like a call site in a region.
const cases: [string, () => void][] = [];
const add = (name: string, f: () => void): void => {
  cases.push([name, f]);
};
{
  const smlal = h('simd_smlal'), umlal = h('simd_umlal'), smull = h('simd_smull'), umull = h('simd_umull');
  add('smlal 4h->4s', () => smlal(8, 1, 2, 16, 0));
  add('smlal2 8h->4s', () => smlal(9, 1, 2, 16, 1));
  add('smlal 8b->8h', () => smlal(10, 3, 4, 8, 0));
  add('smlal 2s->2d', () => smlal(11, 3, 4, 32, 0));
  add('umlal 4h->4s', () => umlal(8, 1, 2, 16, 0));
  add('umlal 8b->8h', () => umlal(10, 3, 4, 8, 0));
  add('smull 4h->4s', () => smull(12, 1, 2, 16, 0));
  add('smull 8b->8h', () => smull(12, 3, 4, 8, 0));
  add('smull 2s->2d', () => smull(12, 3, 4, 32, 1));
  add('umull 4h->4s', () => umull(13, 1, 2, 16, 0));
  add('umull 8b->8h', () => umull(13, 3, 4, 8, 0));
  const smlalE = h('simd_smlal_elem');
  add('smlal 4h->4s by elem', () => smlalE(8, 1, 2, 3, 16, 0, 4));
  const uaddw = h('simd_uaddw');
  add('uaddw 2s->2d', () => uaddw(14, 14, 5, 32, 0));
  add('uaddw2 4s->2d', () => uaddw(14, 14, 5, 32, 1));
  const uaddl = h('simd_uaddl');
  add('uaddl 8b->8h', () => uaddl(14, 5, 6, 8, 0));

  for (const op of ['add', 'sub', 'mul', 'mla'] as const) {
    const f = h(`simd_${op}`);
    add(`${op} 4s`, () => f(8, 1, 2, 32, 4));
    add(`${op} 8h`, () => f(9, 1, 2, 16, 8));
    add(`${op} 16b`, () => f(10, 1, 2, 8, 16));
  }
  const sqadd = h('simd_sqadd');
  add('sqadd 8h', () => sqadd(9, 1, 2, 16, 8));
  const smax = h('simd_smax'), umin = h('simd_umin');
  add('smax 4s', () => smax(8, 1, 2, 32, 4));
  add('umin 16b', () => umin(8, 1, 2, 8, 16));
  for (const op of ['cmeq', 'cmhi', 'cmgt', 'cmhs'] as const) {
    const f = h(`simd_${op}`);
    add(`${op} 16b`, () => f(8, 1, 2, 8, 16));
  }
  const cmhi = h('simd_cmhi'), cmhs = h('simd_cmhs'), cmeq = h('simd_cmeq');
  add('cmhi 2d', () => cmhi(8, 1, 2, 64, 2));
  add('cmhs 2d', () => cmhs(8, 1, 2, 64, 2));
  add('cmeq 4s', () => cmeq(8, 1, 2, 32, 4));
  const cmeq0 = h('simd_cmeq_zero');
  add('cmeq #0 16b', () => cmeq0(8, 1, 8, 16));
  add('cmeq #0 8h', () => cmeq0(8, 1, 16, 8));
  for (const op of ['umaxp', 'uminp', 'addp'] as const) {
    const f = h(`simd_${op}`);
    add(`${op} 16b`, () => f(8, 1, 2, 8, 16));
    add(`${op} 4s`, () => f(9, 1, 2, 32, 4));
  }
  for (const op of ['addv', 'umaxv', 'uminv'] as const) {
    const f = h(`simd_${op}`);
    add(`${op} 16b`, () => f(8, 1, 8, 16));
    add(`${op} 4s`, () => f(9, 1, 32, 4));
  }
  const shrn = h('simd_shrn');
  add('shrn 8h->8b #4', () => shrn(8, 1, 4, 8, 0, 8));
  add('shrn 4s->4h #16', () => shrn(8, 1, 16, 16, 0, 4));
  for (const op of ['ushr', 'sshr', 'shl'] as const) {
    const f = h(`simd_${op}_imm`);
    add(`${op} 4s`, () => f(8, 1, 5, 32, 4));
    add(`${op} 2d`, () => f(9, 1, 5, 64, 2));
  }
  const ushll = h('simd_ushll'), sshll = h('simd_sshll');
  add('uxtl 8b->8h', () => ushll(8, 1, 0, 8, 0));
  add('uxtl 4h->4s', () => ushll(8, 1, 0, 16, 0));
  add('sxtl 4h->4s', () => sshll(8, 1, 0, 16, 0));
  add('sxtl2 8h->4s', () => sshll(8, 1, 0, 16, 1));
  add('sxtl 2s->2d', () => sshll(8, 1, 0, 32, 0));
  const xtn = h('simd_xtn');
  add('xtn 8h->8b', () => xtn(8, 1, 8, 0, 8));
  add('xtn 4s->4h', () => xtn(8, 1, 16, 0, 4));
  const dupE = h('simd_dup_elem'), dupG = h('simd_dup_gen');
  add('dup 4s, v.s[1]', () => dupE(8, 1, 1, 32, 4));
  add('dup 16b, v.b[3]', () => dupE(8, 1, 3, 8, 16));
  add('dup 16b, w', () => dupG(8, 0x41, 0, 8, 16));
  add('dup 4s, w', () => dupG(8, 0x41, 0, 32, 4));
  const insE = h('simd_ins_elem'), insG = h('simd_ins_gen');
  add('ins v.s[1], v.s[0]', () => insE(8, 1, 1, 0, 32));
  add('ins v.h[3], v.h[0]', () => insE(8, 3, 1, 0, 16));
  add('ins v.d[1], x', () => insG(8, 1, 64, 0x1234, 0x5678));
  for (const op of ['zip1', 'uzp1', 'trn1', 'uzp2'] as const) {
    const f = h(`simd_${op}`);
    add(`${op} 16b`, () => f(8, 1, 2, 8, 16));
    add(`${op} 4s`, () => f(9, 1, 2, 32, 4));
  }
  const ext = h('simd_ext'), tbl = h('simd_tbl'), rev = h('simd_rev');
  add('ext 16b #3', () => ext(8, 1, 2, 3, 1));
  add('tbl 16b, {1 reg}', () => tbl(8, 1, 1, 2, 1));
  add('tbl 16b, {2 regs}', () => tbl(8, 1, 2, 3, 1));
  add('rev64 16b', () => rev(8, 1, 8, 64, 16));
  add('rev32 8h', () => rev(8, 1, 16, 32, 8));
  const cnt = h('simd_cnt');
  add('cnt 16b', () => cnt(8, 1, 8, 16));

  for (const op of ['fadd', 'fmul', 'fmla', 'fsub', 'fdiv'] as const) {
    const f = h(`simd_${op}`);
    add(`${op} 4s`, () => f(24, 16, 17, 32, 4));
    add(`${op} 2d`, () => f(28, 26, 27, 64, 2));
  }
  const fmlaE = h('simd_fmla_elem');
  add('fmla 4s by elem', () => fmlaE(24, 16, 17, 1, 32, 4));
  const faddp = h('simd_faddp'), fmaxnmv = h('simd_fmaxnmv');
  add('faddp 4s', () => faddp(24, 16, 17, 32, 4));
  add('fmaxnmv 4s', () => fmaxnmv(24, 16, 4));
  const fcvtzs = h('simd_fcvtzs'), scvtf = h('simd_scvtf'), fcmgt = h('simd_fcmgt'), fabs = h('simd_fabs');
  add('fcvtzs 4s', () => fcvtzs(20, 16, 32, 4));
  add('fcvtzs 2d', () => fcvtzs(29, 26, 64, 2));
  add('scvtf 4s', () => scvtf(21, 1, 0, 32, 4));
  add('fcmgt 4s', () => fcmgt(22, 16, 17, 32, 4));
  add('fabs 4s', () => fabs(22, 16, 32, 4));
}

function timeCase(f: () => void): number {
  // Batches of `n` calls; the best batch (least disturbed) gives ns/op.
  let n = 1000;
  let best = Infinity;
  const end = performance.now() + budgetMs;
  while (performance.now() < end) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) f();
    const dt = performance.now() - t0;
    best = Math.min(best, (dt * 1e6) / n);
    if (dt < 2) n *= 2;
  }
  return best;
}

const selected = cases.filter(([name]) => !only || name.includes(only));
// Warm-up over all cases, so each helper's type feedback is as mixed as in a real run.
reset();
for (let k = 0; k < 2000; k++) for (const [, f] of cases) f();

const results: Record<string, { ns: number; sum: string }> = {};
for (const [name, f] of selected) {
  reset();
  for (let i = 0; i < 1000; i++) f();
  results[name] = { ns: Infinity, sum: checksum() };
}
for (let r = 0; r < rounds; r++) {
  for (const [name, f] of selected) {
    reset();
    const res = results[name]!;
    res.ns = Math.min(res.ns, timeCase(f));
  }
}
console.log(`${'case'.padEnd(26)} ${'ns/op'.padStart(8)}  checksum`);
for (const [name, { ns, sum }] of Object.entries(results)) console.log(`${name.padEnd(26)} ${ns.toFixed(1).padStart(8)}  ${sum}`);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(results, null, 1));
