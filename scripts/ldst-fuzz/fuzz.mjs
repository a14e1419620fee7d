// Differential fuzzer: our interpreter + JIT vs qemu-aarch64 for every LDST row.
import { spawnSync } from 'node:child_process';
import { writeFileSync, readFileSync } from 'node:fs';
const WS = process.env.WS ?? '/tmp/ldst/ws';
const { LDST_ROWS } = await import(`${WS}/dist/src/frontend/decoder/a64-ldst.table.js`);
const { a64Decoder } = await import(`${WS}/dist/src/frontend/decoder/table.js`);
const { parseBits } = await import(`${WS}/dist/src/frontend/decoder/bitpattern.js`);
const T = await import(`${WS}/dist/test/helpers/testenv.js`);

let seed = Number(process.env.SEED ?? 1);
const rnd = () => { seed = (seed + 0x6d2b79f5) | 0; let t = Math.imul(seed ^ (seed >>> 15), 1 | seed); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
const ri = (n) => Math.floor(rnd() * n);
const pick = (a) => a[ri(a.length)];
const dec = a64Decoder();
const PER = Number(process.env.PER ?? 40);
const only = process.env.ONLY ? new RegExp(process.env.ONLY) : null;

function setField(w, f, v) { const m = ((1 << f.width) - 1) << f.lsb; return ((w & ~m) | ((v << f.lsb) & m)) >>> 0; }
function genWord(row) {
  const p = parseBits(row.bits, row.id);
  let w = (p.expect | (ri(0x100000000) & ~p.mask)) >>> 0;
  for (const f of p.fields) {
    let v = ri(1 << f.width);
    if (f.name === 'n') v = pick([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 31]);
    if (f.name === 'm') v = pick([16, 17, 18, 19, 20, 21, 22, 23, 31]);
    if (f.name === 'i' && f.width === 19) v = 0x4000 + ri(0x4000) - (row.id === 'LDR_lit_fpsimd' ? 0 : 0);
    if (f.name === 'i' && f.width === 12 && rnd() < 0.7) v = ri(0x200);
    w = setField(w, f, v);
  }
  const pf = p.fields.find((f) => f.name === 'p'); const mf = p.fields.find((f) => f.name === 'm');
  if (pf && mf && !((w >>> pf.lsb) & 1) && rnd() < 0.9) w = setField(w, mf, 0);
  const of = p.fields.find((f) => f.name === 'o'); if (of && rnd() < 0.8) w = setField(w, of, pick([2, 3, 6, 7]));
  return w >>> 0;
}
const STATE = 776, MEM = 0x10000;
function genState(exclAligned) {
  const x = [];
  for (let k = 0; k < 31; k++) {
    if (k <= 11) x.push(BigInt(0x22000 + ri(0xc000)) & (exclAligned ? ~0xfn : (rnd() < 0.5 ? ~0xfn : ~0n)));
    else if (k >= 16 && k <= 23) x.push(BigInt.asUintN(64, (rnd() < 0.5 ? BigInt(ri(0x100000000)) << 32n : 0n) | BigInt.asUintN(32, BigInt(ri(256) - 128))));
    else x.push(BigInt(ri(0x100000000)) << 32n | BigInt(ri(0x100000000)));
  }
  const sp = BigInt(0x24000 + ri(0x8000)) & ~0xfn;
  const nzcv = ri(16) << 28;
  const v = new Uint8Array(512); for (let k = 0; k < 512; k++) v[k] = ri(256);
  const mem = new Uint8Array(MEM); for (let k = 0; k < MEM; k++) mem[k] = ri(256);
  return { x, sp, nzcv, v, mem };
}
function packState(s) {
  const b = Buffer.alloc(STATE);
  s.x.forEach((v, k) => b.writeBigUInt64LE(v, 8 * k));
  b.writeBigUInt64LE(s.sp, 248); b.writeBigUInt64LE(BigInt(s.nzcv >>> 0), 256);
  Buffer.from(s.v).copy(b, 264);
  return b;
}
function runOurs(words, s, tier) {
  const env = T.makeEnv(words);
  s.x.forEach((v, k) => env.cpu.setX(k, v));
  env.cpu.sp = s.sp; env.cpu.nzcv = s.nzcv; env.cpu.v.u8.set(s.v);
  const fr = env.space.frameOf(T.DATA_BASE >>> 12); env.mem.u8.set(s.mem, fr);
  tier === 'jit' ? T.runJit(env) : T.runInterp(env);
  const x = []; for (let k = 0; k < 31; k++) x.push(env.cpu.getX(k));
  return { stop: env.stop.kind === 'fault' && env.stop.fault.kind === 'alignment' ? 'bus' : env.stop.kind, x, sp: env.cpu.sp, nzcv: env.cpu.nzcv, v: new Uint8Array(env.cpu.v.u8), mem: new Uint8Array(env.mem.u8.subarray(fr, fr + MEM)) };
}
function diff(a, b) {
  const out = [];
  for (let k = 0; k < 31; k++) if (a.x[k] !== b.x[k]) out.push(`x${k}: ${a.x[k].toString(16)} vs ${b.x[k].toString(16)}`);
  if (a.sp !== b.sp) out.push(`sp ${a.sp.toString(16)} vs ${b.sp.toString(16)}`);
  if ((a.nzcv >>> 0) !== (b.nzcv >>> 0)) out.push('nzcv');
  for (let r = 0; r < 32; r++) { for (let k = 0; k < 16; k++) if (a.v[16 * r + k] !== b.v[16 * r + k]) { out.push(`v${r}`); break; } }
  for (let k = 0; k < MEM; k++) if (a.mem[k] !== b.mem[k]) { out.push(`mem 0x${(0x20000 + k).toString(16)}: ${a.mem[k]} vs ${b.mem[k]}`); if (out.length > 12) break; }
  return out.join('; ');
}
// Build cases.
const cases = [];
const EXCL_LD = ['LDXRB', 'LDXRH', 'LDXR', 'LDAXRB', 'LDAXRH', 'LDAXR', 'LDXP', 'LDAXP'];
for (const row of LDST_ROWS) {
  if (only && !only.test(row.id)) continue;
  for (let k = 0; k < PER; k++) {
    const w = genWord(row);
    const d = dec.decode(w);
    if (!d || d.id !== row.id) continue;
    const excl = /X[RP]|AR|LR|CAS|^LD(ADD|CLR|EOR|SET|SMAX|SMIN|UMAX|UMIN)|^SWP/.test(row.id) && rnd() < 0.95;
    let words = [w];
    if (/^ST(L)?X[RP]/.test(row.id) && rnd() < 0.7) {
      // precede with the matching load-exclusive on the same base
      const ldId = row.id.replace(/^STL?X/, 'LDX');
      const lrow = LDST_ROWS.find((r) => r.id === ldId);
      let lw = genWord(lrow);
      lw = (lw & ~(0x1f << 5)) | (w & (0x1f << 5));
      lw = (lw & ~(1 << 30)) | (w & (1 << 30));
      if (rnd() < 0.2) lw = (lw & ~(0x1f << 5)) | (((((w >> 5) & 31) + 1) % 12) << 5);
      const nb = (w >> 5) & 31; if (((lw & 31) === nb) || (((lw >> 10) & 31) === nb)) lw = (lw & ~31 & ~(31 << 10)) | 29 | (28 << 10);
      words = [lw >>> 0, w];
    }
    cases.push({ id: row.id, words, s: genState(excl) });
  }
}
// Run qemu in one batch.
const parts = [];
for (const c of cases) {
  const h = Buffer.alloc(4 + 4 * c.words.length); h.writeUInt32LE(c.words.length, 0); c.words.forEach((w, i) => h.writeUInt32LE(w, 4 + 4 * i));
  parts.push(h, packState(c.s), Buffer.from(c.s.mem));
}
writeFileSync('/tmp/ldst/fuzz/in.bin', Buffer.concat(parts));
const r = spawnSync('sh', ['-c', 'qemu-aarch64 /tmp/ldst/fuzz/runner < /tmp/ldst/fuzz/in.bin > /tmp/ldst/fuzz/out.bin'], { stdio: 'inherit' });
const out = readFileSync('/tmp/ldst/fuzz/out.bin');
let off = 0, bad = 0, ok = 0, faults = 0, align = 0;
const badIds = new Map(); const okIds = new Map(); const stopIds = new Map(); let exSucc = 0;
for (const c of cases) {
  const status = out.readUInt32LE(off); off += 4;
  const st = out.subarray(off, off + STATE); off += STATE;
  const mem = new Uint8Array(out.subarray(off, off + MEM)); off += MEM;
  const q = { x: [], sp: st.readBigUInt64LE(248), nzcv: Number(st.readBigUInt64LE(256)), v: new Uint8Array(st.subarray(264, 264 + 512)), mem };
  for (let k = 0; k < 31; k++) q.x.push(st.readBigUInt64LE(8 * k));
  const ours = runOurs(c.words, c.s, 'interp');
  const jit = runOurs(c.words, c.s, 'jit');
  const asm = c.words.map((w) => w.toString(16).padStart(8, '0')).join(' ');
  const jd = diff(ours, jit);
  if (jd || ours.stop !== jit.stop) { bad++; console.log(`JIT MISMATCH ${c.id} ${asm}: ${ours.stop}/${jit.stop} ${jd}`); }
  const qstop = status === 0 ? 'svc' : status === 11 ? 'fault' : status === 7 ? 'bus' : status === 4 ? 'undefined' : `sig${status}`;
  if (qstop !== 'svc' || ours.stop !== 'svc') {
    if (qstop === ours.stop) { faults++; stopIds.set(c.id + ':' + qstop, (stopIds.get(c.id + ':' + qstop) ?? 0) + 1); continue; }
    if (qstop === 'bus' && ours.stop === 'svc') { align++; continue; }
    bad++; badIds.set(c.id, (badIds.get(c.id) ?? 0) + 1);
    if ((badIds.get(c.id)) <= 3) console.log(`STOP ${c.id} ${asm}: qemu ${qstop} ours ${ours.stop}`);
    continue;
  }
  const d = diff(q, ours);
  if (d) { bad++; badIds.set(c.id, (badIds.get(c.id) ?? 0) + 1); if (badIds.get(c.id) <= 3) console.log(`DIFF ${c.id} ${asm}: ${d}`); }
  else { ok++; okIds.set(c.id, (okIds.get(c.id) ?? 0) + 1); if (/^STL?X[RP]/.test(c.id) && q.x[(c.words[c.words.length-1] >> 16) & 31] === 0n && ((c.words[c.words.length-1] >> 16) & 31) !== 31) exSucc++; }
}
console.log(`cases ${cases.length} ok ${ok} both-stopped ${faults} alignment-gap ${align} bad ${bad}`);
console.log('ok per id', [...okIds].map(([k, v]) => `${k}:${v}`).join(' '));
console.log('stops', [...stopIds].map(([k, v]) => `${k}:${v}`).join(' '));
console.log('excl successes', exSucc);
console.log([...badIds].map(([k, v]) => `${k}:${v}`).join(' '));
