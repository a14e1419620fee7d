import { spawnSync, execSync } from 'node:child_process';
import { writeFileSync, readFileSync } from 'node:fs';
const WS = '/tmp/ldst/ws';
const { a64Decoder } = await import(`${WS}/dist/src/frontend/decoder/table.js`);
const dec = a64Decoder();
let seed = Number(process.env.SEED ?? 3);
const rnd = () => { seed = (seed + 0x6d2b79f5) | 0; let t = Math.imul(seed ^ (seed >>> 15), 1 | seed); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
const words = [];
while (words.length < Number(process.env.N ?? 20000)) {
  let w = (Math.floor(rnd() * 2 ** 32) >>> 0);
  w = ((w & ~0x0a000000) | 0x08000000) >>> 0;
  // registers: Rn in 0..7 (pointers), Rt random
  w = ((w & ~(0x1f << 5)) | (Math.floor(rnd() * 8) << 5)) >>> 0;
  if (!dec.decode(w)) words.push(w);
}
const state = Buffer.alloc(776);
for (let k = 0; k < 31; k++) state.writeBigUInt64LE(k < 8 ? 0x28000n : BigInt(k), 8 * k);
state.writeBigUInt64LE(0x28000n, 248);
const mem = Buffer.alloc(0x10000);
const parts = [];
for (const w of words) { const h = Buffer.alloc(8); h.writeUInt32LE(1, 0); h.writeUInt32LE(w, 4); parts.push(h, state, mem); }
writeFileSync('/tmp/ldst/fuzz/neg.bin', Buffer.concat(parts));
spawnSync('sh', ['-c', 'qemu-aarch64 /tmp/ldst/fuzz/runner < /tmp/ldst/fuzz/neg.bin > /tmp/ldst/fuzz/negout.bin'], { stdio: 'inherit' });
const out = readFileSync('/tmp/ldst/fuzz/negout.bin');
const accepted = [];
words.forEach((w, i) => { const st = out.readUInt32LE(i * (4 + 776 + 0x10000)); if (st !== 4) accepted.push(w); });
console.log(`undefined here: ${words.length}, qemu accepts: ${accepted.length}`);
writeFileSync('/tmp/ldst/fuzz/acc.s', accepted.map((w) => `.inst 0x${w.toString(16)}`).join('\n') + '\n');
execSync('aarch64-linux-gnu-as -march=armv9.4-a+memtag+ls64+rcpc3+lse128+d128+the+gcs -o /tmp/ldst/fuzz/acc.o /tmp/ldst/fuzz/acc.s 2>/dev/null || aarch64-linux-gnu-as -march=armv8.5-a+memtag -o /tmp/ldst/fuzz/acc.o /tmp/ldst/fuzz/acc.s');
const dis = execSync('aarch64-linux-gnu-objdump -d -M no-aliases /tmp/ldst/fuzz/acc.o').toString().split('\n').filter((l) => /^\s+[0-9a-f]+:/.test(l));
const mn = new Map();
for (const l of dis) { const m = l.split('\t')[2] ?? '?'; const k = m.trim(); mn.set(k, (mn.get(k) ?? 0) + 1); }
console.log([...mn].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}:${v}`).join(' '));
