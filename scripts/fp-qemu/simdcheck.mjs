import fs from 'fs';
const fp = await import(new URL('../../dist/src/runtime/helpers/fp.js', import.meta.url).href);
const d = JSON.parse(fs.readFileSync('simd.json'));
const FPCR = 67, FPSR = 68, RET_HI = 76;
let bad = 0; const cnt = {};
for (const r of d.rows) {
  const [idx, ...hex] = r;
  const [fpcr, a, b, c, nzcv, fpsr, nz, d0, v0hi, x9] = hex.map((h) => BigInt('0x' + h));
  const text = d.insns[idx][0];
  const s = new Int32Array(96); s[FPCR] = Number(fpcr);
  const op = text.split(' ')[0], dbl = text.includes('d0');
  const lo = (x) => Number(x & 0xffffffffn) | 0, hi = (x) => Number(x >> 32n) | 0;
  let got;
  const F = {
    frecps: [fp.fpRecipStepFused32, fp.fpRecipStepFused64], frsqrts: [fp.fpRSqrtStepFused32, fp.fpRSqrtStepFused64], fmulx: [fp.fpMulX32, fp.fpMulX64],
  };
  if (op === 'fcvtxn') got = BigInt(fp.fpConvert(s, 64, 32, lo(a), hi(a), 5) >>> 0);
  else if (F[op]) {
    if (dbl) { const l = F[op][1](s, lo(a), hi(a), lo(b), hi(b)); got = (BigInt(s[RET_HI] >>> 0) << 32n) | BigInt(l >>> 0); }
    else got = BigInt(F[op][0](s, lo(a), lo(b)) >>> 0);
  } else if (op === 'fabd') {
    if (dbl) { const l = fp.fpSub64(s, lo(a), hi(a), lo(b), hi(b)); got = ((BigInt(s[RET_HI] >>> 0) << 32n) | BigInt(l >>> 0)) & ((1n << 63n) - 1n); }
    else got = BigInt(fp.fpSub32(s, lo(a), lo(b)) & 0x7fffffff);
  } else {
    const abs = op.startsWith('fac');
    const cond = op === 'fcmeq' ? 'EQ' : op.endsWith('ge') ? 'GE' : 'GT';
    let res;
    if (dbl) {
      let ah = hi(a), bh = hi(b); if (abs) { ah &= 0x7fffffff; bh &= 0x7fffffff; }
      res = fp['fpCompare' + cond + '64'](s, lo(a), ah, lo(b), bh);
      got = res ? (1n << 64n) - 1n : 0n;
    } else {
      let al = lo(a), bl = lo(b); if (abs) { al &= 0x7fffffff; bl &= 0x7fffffff; }
      res = fp['fpCompare' + cond + '32'](s, al, bl);
      got = res ? 0xffffffffn : 0n;
    }
  }
  const gf = BigInt(s[FPSR] >>> 0);
  if (got !== d0 || gf !== fpsr) { bad++; cnt[text] = (cnt[text] || 0) + 1; if (cnt[text] <= 3) console.log(text, 'fpcr', fpcr.toString(16), a.toString(16), b.toString(16), 'got', got.toString(16), gf, 'want', d0.toString(16), fpsr); }
}
console.log('bad', bad, 'of', d.rows.length, cnt);
