import fs from 'fs';
const root = new URL('../../dist', import.meta.url).pathname;
const { makeEnv, runInterp } = await import(root + '/test/helpers/testenv.js');
const data = JSON.parse(fs.readFileSync(process.argv[2] || 'out.json'));
const SLOT_FPCR = 67, SLOT_FPSR = 68;
let bad = 0; const byInsn = {};
for (const r of data.rows) {
  const [idx, fpcr, a, b, c, nzcv, fpsr, nzcvOut, d0, v0hi, x9] = r.map((x, i) => i === 0 ? x : BigInt("0x" + x));
  const [text, word] = data.insns[idx];
  const env = makeEnv([word]);
  const cpu = env.cpu;
  cpu.s[SLOT_FPCR] = Number(fpcr);
  cpu.nzcv = Number(nzcv);
  cpu.setX(10, a); cpu.setX(11, b); cpu.setX(12, c); cpu.setX(9, (1n << 64n) - 1n);
  cpu.setV(1, a | (c << 64n)); cpu.setV(2, b); cpu.setV(3, c); cpu.setV(0, (1n << 128n) - 1n);
  runInterp(env, 1);
  const v0 = cpu.getV(0);
  const got = [BigInt(cpu.s[SLOT_FPSR] >>> 0), BigInt(cpu.nzcv), v0 & ((1n << 64n) - 1n), v0 >> 64n, cpu.getX(9)];
  const want = [fpsr, nzcvOut, d0, v0hi, x9];
  const names = ['fpsr', 'nzcv', 'd0', 'v0hi', 'x9'];
  const diffs = names.filter((n, i) => got[i] !== want[i]);
  if (diffs.length || env.exitReason) {
    bad++;
    byInsn[text] = (byInsn[text] || 0) + 1;
    if (byInsn[text] <= 3) console.log(`${text} fpcr=${fpcr.toString(16)} a=${a.toString(16)} b=${b.toString(16)} c=${c.toString(16)} exit=${env.exitReason}: ` + diffs.map((n) => `${n} got ${got[names.indexOf(n)].toString(16)} want ${want[names.indexOf(n)].toString(16)}`).join('; '));
  }
}
console.log('bad', bad, 'of', data.rows.length);
console.log(byInsn);
