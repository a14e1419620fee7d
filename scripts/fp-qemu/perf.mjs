const fp = await import(new URL('../../dist/src/runtime/helpers/fp.js', import.meta.url).href);
const s = new Int32Array(96);
const F64 = new Float64Array(1), I32 = new Int32Array(F64.buffer);
const vals = []; for (let i = 0; i < 1024; i++) { F64[0] = (Math.random() - 0.5) * 1000; vals.push([I32[0], I32[1]]); }
function bench(name, fn) { const n = 2e6; const t0 = performance.now(); let acc = 0; for (let i = 0; i < n; i++) { const a = vals[i & 1023], b = vals[(i * 7) & 1023], c = vals[(i * 13) & 1023]; acc ^= fn(a, b, c); } const dt = performance.now() - t0; console.log(name, (n / dt / 1000).toFixed(1), 'M ops/s'); }
bench('add64', (a, b) => fp.fpAdd64(s, a[0], a[1], b[0], b[1]));
bench('mul64', (a, b) => fp.fpMul64(s, a[0], a[1], b[0], b[1]));
bench('div64', (a, b) => fp.fpDiv64(s, a[0], a[1], b[0], b[1]));
bench('sqrt64', (a) => fp.fpSqrt64(s, a[0], a[1] & 0x7fffffff));
bench('fma64', (a, b, c) => fp.fpMulAdd64(s, c[0], c[1], a[0], a[1], b[0], b[1]));
bench('add32', (a, b) => fp.fpAdd32(s, a[1], b[1]));
bench('fma32', (a, b, c) => fp.fpMulAdd32(s, c[1], a[1], b[1]));
bench('toint', (a) => fp.fpToFixed(s, 64, a[0], a[1], 0, false, 3, 32));
bench('fromint', (a) => fp.fixedToFp(s, 64, a[0], a[1], 64, 0, false, 0));
bench('fma64 slow (ref)', (a, b, c) => Number(fp.mulAddBig(fp.FMT_D, (BigInt(c[1] >>> 0) << 32n) | BigInt(c[0] >>> 0), (BigInt(a[1] >>> 0) << 32n) | BigInt(a[0] >>> 0), (BigInt(b[1] >>> 0) << 32n) | BigInt(b[0] >>> 0), s) & 1n));
