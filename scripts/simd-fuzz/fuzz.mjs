// Differential fuzz: old helpers (/tmp/jvref) vs new (/work/main) on SIMD instruction words.
import { readFileSync } from 'node:fs';
const [,, seedArg, trialsArg, wordsArg, tierArg] = process.argv;
const tier = tierArg ?? 'interp';
const roots = ['/tmp/jvref', '/work/main'];
const mods = await Promise.all(roots.map(async (r) => ({
  env: await import(r + '/dist/test/helpers/testenv.js'),
  eng: await import(r + '/dist/src/runtime/engine.js'),
  abi: await import(r + '/dist/src/backend-js/abi.js'),
})));
const Slot = { FPCR: 67, FPSR: 68 };
const cases = JSON.parse(readFileSync('/tmp/fuzz/cases.json', 'utf8'));
let seed = Number(seedArg ?? 1) >>> 0 || 1;
const rnd = () => { seed ^= seed << 13; seed >>>= 0; seed ^= seed >>> 17; seed ^= seed << 5; seed >>>= 0; return seed; };
const pick = (a) => a[rnd() % a.length];
const SPECIAL32 = [0, 1, 0xffffffff, 0x7fffffff, 0x80000000, 0x80000001, 0x7f7f7f7f, 0x80808080, 0x7fff7fff, 0x80008000, 0xffff0000, 0x0000ffff, 0x00ff00ff,
  0x3f800000, 0xbf800000, 0x7f800000, 0xff800000, 0x7fc00000, 0x7fa00000, 0x00000001, 0x807fffff, 0x00800000, 0x4b000000, 0xcf000000, 0x4f000000, 0x5f000000, 0x3effffff, 0x3f000000, 0x40490fdb,
  0x12345678, 0xdeadbeef, 0x01010101, 0xfefefefe, 0x00000080, 0x00008000, 0xffffff80];
const SPECIAL64 = [[0, 0x3ff00000], [0, 0xbff00000], [0, 0x7ff00000], [0, 0xfff00000], [0, 0x7ff80000], [1, 0x7ff00000], [1, 0], [0xffffffff, 0x000fffff], [0, 0x43300000], [0, 0xc3e00000], [0, 0x43e00000], [0, 0x41e00000], [0xffc00000, 0x41dfffff],
  [0, 0x80000000], [0xffffffff, 0x7fffffff], [0, 0], [0xffffffff, 0xffffffff], [0x55555555, 0x3fd55555], [0, 0x3fe00000]];
function fillState(cpu) {
  const w = cpu.v.u32;
  const mode = rnd() % 4;
  for (let r = 0; r < 32; r++) {
    for (let h = 0; h < 2; h++) {
      const o = 4 * r + 2 * h, k = rnd() % 8;
      if (k < 3 || mode === 0) { w[o] = rnd(); w[o + 1] = rnd(); }
      else if (k < 5) { w[o] = pick(SPECIAL32); w[o + 1] = pick(SPECIAL32); }
      else if (k < 7) { const p = pick(SPECIAL64); w[o] = p[0]; w[o + 1] = p[1]; }
      else { const x = rnd() % 8; w[o] = rnd() % 4 === 0 ? x * 0x01010101 : x; w[o + 1] = rnd() % 2 ? 0 : 0xffffffff; }
    }
  }
  const fp = [0, 0, 1 << 24, 1 << 25, 3 << 24, (1 << 22), (2 << 22), (3 << 22), (3 << 24) | (1 << 22), (1 << 26) | (2 << 22)];
  cpu.s[Slot.FPCR] = pick(fp);
  cpu.s[Slot.FPSR] = rnd() % 8 === 0 ? (1 << 27) : 0;
  for (let i = 0; i < 8; i++) { cpu.s[i] = rnd(); }
}
function mutate(word) {
  let w = word;
  const k = rnd() % 10;
  // register fields: small numbers to force aliasing, or random
  const small = () => (rnd() % 3 === 0 ? rnd() % 32 : rnd() % 3);
  w = (w & ~0x1f) | small();
  w = (w & ~(0x1f << 5)) | (small() << 5);
  if (k < 4) w = (w & ~(0x1f << 16)) | (small() << 16);
  if (k >= 4 && k < 6) w ^= 1 << (16 + (rnd() % 7)); // imm / index / size bits
  if (k === 6) w ^= 1 << 30; // Q
  if (k === 7) w ^= 1 << (22 + (rnd() % 2)); // size
  if (k === 8) w ^= 1 << (10 + (rnd() % 6)); // opcode bits / imm
  return w | 0;
}
const trialsPerWord = Number(trialsArg ?? 20), nWords = Number(wordsArg ?? 2000);
let diffs = 0, runs = 0, undef = 0;
const t0 = Date.now();
for (let wi = 0; wi < nWords; wi++) {
  const base = rnd() % 5 === 0 ? ((rnd() & ~(0xf << 25)) | ((rnd() % 2 ? 0x7 : 0xf) << 25)) : pick(cases)[1];
  const word = rnd() % 6 === 0 ? base | 0 : mutate(base);
  const envs = mods.map((m) => m.env.makeEnv([word]));
  const engines = envs.map((e, i) => new mods[i].eng.Engine(e.cpu, e.mem, { tier }));
  for (let t = 0; t < trialsPerWord; t++) {
    const s0 = seed;
    fillState(envs[0].cpu);
    envs[1].cpu.s.set(envs[0].cpu.s); envs[1].cpu.v.u8.set(envs[0].cpu.v.u8);
    const stops = [];
    for (let i = 0; i < 2; i++) { envs[i].cpu.pc = 0x10000n; stops.push(engines[i].run(10)); }
    runs++;
    if (stops[0].kind === 'undefined') { undef++; }
    const a = envs[0].cpu, b = envs[1].cpu;
    let bad = stops[0].kind !== stops[1].kind ? `stop ${stops[0].kind} vs ${stops[1].kind}` : '';
    for (let k = 0; k < 512 && !bad; k++) if (a.v.u8[k] !== b.v.u8[k]) bad = `V${k >> 4} byte ${k & 15}: ${a.v.u8[k]} vs ${b.v.u8[k]}`;
    if (!bad && a.s[Slot.FPSR] !== b.s[Slot.FPSR]) bad = `FPSR ${a.s[Slot.FPSR].toString(16)} vs ${b.s[Slot.FPSR].toString(16)}`;
    for (let k = 0; k < 64 && !bad; k++) if (a.s[k] !== b.s[k]) bad = `S[${k}]`;
    if (bad) {
      diffs++;
      if (diffs <= 30) console.log(`DIFF word ${(word >>> 0).toString(16)} trial-seed ${s0}: ${bad}`);
    }
    if (stops[0].kind === 'undefined') break;
  }
}
console.log(`runs ${runs} (undefined ${undef}) diffs ${diffs} in ${Date.now() - t0} ms`);
process.exitCode = diffs ? 1 : 0;
