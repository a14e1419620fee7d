/**
 * Fast AdvSIMD integer helpers (three same, pairwise, two-register misc,
 * across lanes, shifts by immediate, three different, by element), generated
 * per instruction from element expressions (see simd-fast-gen.ts). Each table
 * entry gives, for 8/16/32-bit elements, the expression of one result element
 * from a (Vn element), b (Vm element), c (old Vd element), read signed or
 * unsigned as the entry says; `$E` is the element size. The 64-bit lanes use
 * the word-pair code of simd-fast-64.ts where given, else the generic helper.
 * The expressions are the element functions of the generic tables
 * (simd-three-same.ts etc.) specialised per size; results are stored through
 * unsigned views, so any exact integer is reduced modulo 2^esize.
 */
import type { HelperContext, HelperFn } from './registry.js';
import * as P from './simd-fast-64.js';
import * as B from './simd-fast-swar.js';
import { type Expr, exprAt, type GenSpec, type Kernel, kernelOf, realize, saturates, SIZES, specList, uses, view } from './simd-fast-gen.js';

type Fam = Record<string, HelperFn>;

// ---------------------------------------------------------------------------
// generators
// ---------------------------------------------------------------------------

/** Locals derived from the shift immediate that an expression may use. */
function shiftPrelude(exprs: string[]): string {
  const all = exprs.join(' ');
  let s = 'const sh = shift;\n';
  if (uses(all, 'sc')) s += 'const sc = sh > 31 ? 31 : sh;\n';
  // a >>> sh for sh = 0..32 as two shifts of at most 16 (JS shift counts are mod 32)
  if (uses(all, 'sa')) s += 'const sa = sh >> 1, sb = sh - sa;\n';
  if (uses(all, 'pow') || uses(all, 'half') || uses(all, 'inv')) s += 'const pow = 2 ** sh;\n';
  if (uses(all, 'inv')) s += 'const inv = 1 / pow;\n';
  if (uses(all, 'half')) s += 'const half = pow / 2;\n';
  return s;
}

const ZERO_REST = 'if (bytes !== 16) { if (bytes === 8) { u32[4 * d + 2] = 0; u32[4 * d + 3] = 0; } else Z(d, bytes); }\n';

interface SameSpec {
  signed: boolean;
  expr: Expr;
  /** Statement for 64-bit lanes (lanes 1 or 2), else the generic helper. */
  d64?: string;
  /** Statement for byte lanes when lanes is 8 or 16 (it also zeroes the upper half for Q = 0). */
  d8?: string;
  /** Per-size statements before the loop. */
  pre?: Expr;
}
type SameForm = 'bin' | 'un' | 'imm' | 'elem';
const SAME_PARAMS: Record<SameForm, string> = {
  bin: 'd, n, m, esize, lanes',
  un: 'd, n, esize, lanes',
  imm: 'd, n, shift, esize, lanes',
  elem: 'd, n, m, index, esize, lanes',
};

/** Element-wise: Vd[i] = f(Vn[i], Vm[i] or Vm[index], Vd[i]), i < lanes; the rest of Vd zeroed. */
function genSame(name: string, spec: SameSpec, form: SameForm): GenSpec {
  const params = SAME_PARAMS[form];
  return {
    name,
    key: `${name}$${form}`,
    params,
    body: () => {
      const exprs: string[] = [];
      let body = '';
      let cases = '';
      for (const E of SIZES) {
        const e = exprAt(spec.expr, E);
        if (!e) continue;
        exprs.push(e);
        const X = view(E, spec.signed), U = view(E, false), per = 128 / E;
        const pre = spec.pre ? exprAt(spec.pre, E) ?? '' : '';
        let head = `const nb = ${per} * n, db = ${per} * d;`;
        let reads = `const a = ${X}[nb + i]`;
        if (form === 'bin') {
          head += ` const mb = ${per} * m;`;
          reads += `, b = ${X}[mb + i]`;
        } else if (form === 'elem') head += ` const b = ${X}[${per} * m + index];`;
        if (uses(e, 'c')) reads += `, c = ${X}[db + i]`;
          const fast = E === 8 && spec.d8 ? `if ((lanes & 7) === 0) { ${spec.d8} return; }\n  ` : '';
        cases += `case ${E}: { ${fast}${pre} ${head}\n  for (let i = 0; i < lanes; i++) { ${reads}; ${U}[db + i] = ${e}; }\n  break; }\n`;
      }
      if (form === 'imm') body += shiftPrelude(exprs);
      body += `switch (esize) {\n${cases}`;
      if (spec.d64) body += `case 64: ${spec.d64} break;\n`;
      body += `default: G(${params}); return;\n}\n`;
      body += 'const bytes = (lanes * esize) >> 3;\n' + ZERO_REST;
      if (exprs.some(saturates)) body += 'F();\n';
      return body;
    },
  };
}

type LongForm = 'long' | 'wide' | 'elem' | 'sqdml' | 'sqdml_elem' | 'shift' | 'shll';
const LONG_PARAMS: Record<LongForm, string> = {
  long: 'd, n, m, esize, q',
  wide: 'd, n, m, esize, q',
  elem: 'd, n, m, index, esize, q',
  sqdml: 'd, n, m, esize, q, lanes',
  sqdml_elem: 'd, n, m, index, esize, q, lanes',
  shift: 'd, n, shift, esize, q',
  shll: 'd, n, esize, q',
};

/**
 * Long and wide: Vd (2E-bit lanes) [i] = f(A[i], B[i], Vd[i]), A = Vn's E-bit elements from the
 * half selected by q (wide forms: Vn's 2E-bit elements), B likewise from Vm (or Vm[index]).
 * Walks the lower half downwards and the upper half upwards, so Vd may alias Vn or Vm.
 */
function genLong(name: string, signed: boolean, expr: Expr, op64: number | undefined, form: LongForm): GenSpec {
  const params = LONG_PARAMS[form];
  return {
    name,
    key: `${name}$${form}`,
    params,
    body: () => {
      const wideA = form === 'wide';
      const hasM = form !== 'shift' && form !== 'shll';
      const byElem = form === 'elem' || form === 'sqdml_elem';
      const withLanes = form === 'sqdml' || form === 'sqdml_elem';
      const exprs: string[] = [];
      let cases = '';
      for (const E of [8, 16] as const) {
        const e = exprAt(expr, E);
        if (!e) continue;
        exprs.push(e);
        const Wd = 2 * E, XN = view(E, signed), XW = view(Wd, signed), UW = view(Wd, false);
        let head = `const L = ${withLanes ? 'lanes' : 64 / E}, part = q ? L : 0;\n`;
        head += `const nb = ${wideA ? `${64 / E} * n` : `${128 / E} * n + part`}, db = ${64 / E} * d;`;
        let reads = `const a = ${wideA ? XW : XN}[nb + i]`;
        if (hasM && !byElem) {
          head += ` const mb = ${128 / E} * m + part;`;
          reads += `, b = ${XN}[mb + i]`;
        } else if (byElem) head += ` const b = ${XN}[${128 / E} * m + index];`;
        if (uses(e, 'c')) reads += `, c = ${XW}[db + i]`;
        const step = `{ ${reads}; ${UW}[db + i] = ${e}; }`;
        cases += `case ${E}: { ${head}\n  if (q) for (let i = 0; i < L; i++) ${step}\n  else for (let i = L - 1; i >= 0; i--) ${step}\n`;
        if (withLanes) cases += `  if (L * ${Wd / 8} < 16) Z(d, L * ${Wd / 8});\n`;
        cases += '  break; }\n';
      }
      let body = `switch (esize) {\n${cases}`;
      if (op64 !== undefined) {
        const sh = form === 'shift' ? 'shift' : form === 'shll' ? '32' : '0';
        body += `case 32: P.long64(K, d, n, ${hasM ? 'm' : 'n'}, q, ${op64}, ${signed}, ${wideA}, ${byElem ? 'index' : '-1'}, ${sh}); break;\n`;
      }
      body += `default: G(${params}); return;\n}\n`;
      if (exprs.some(saturates)) body += 'F();\n';
      return body;
    },
  };
}

type NarrowForm = 'hn' | 'xtn' | 'shift';
const NARROW_PARAMS: Record<NarrowForm, string> = {
  hn: 'd, n, m, esize, q',
  xtn: 'd, n, esize, q, lanes',
  shift: 'd, n, shift, esize, q, lanes',
};

/**
 * Narrowing: Vd (E-bit lanes) [part + i] = f(Vn wide [i], Vm wide [i]), part = q ? L : 0; q = 1
 * keeps the low half of Vd, q = 0 zeroes the rest. The upper half is written downwards and the
 * lower half upwards, so Vd may alias the sources.
 */
function genNarrow(name: string, signed: boolean, expr: Expr, op64: number | undefined, form: NarrowForm, d8?: string): GenSpec {
  const params = NARROW_PARAMS[form];
  return {
    name,
    key: `${name}$${form}`,
    params,
    body: () => {
      const lanesOf = (E: number): string => (form === 'hn' ? String(64 / E) : 'lanes');
      const exprs: string[] = [];
      let cases = '';
      for (const E of [8, 16] as const) {
        const e = exprAt(expr, E);
        if (!e) continue;
        exprs.push(e);
        const XW = view(2 * E, signed), UN = view(E, false);
        let head = `const L = ${lanesOf(E)}, part = q ? L : 0, nb = ${64 / E} * n, db = ${128 / E} * d + part;`;
        let reads = `const a = ${XW}[nb + i]`;
        if (form === 'hn') {
          head += ` const mb = ${64 / E} * m;`;
          reads += `, b = ${XW}[mb + i]`;
        }
        const step = `{ ${reads}; ${UN}[db + i] = ${e}; }`;
        const fast = E === 8 && d8 ? `if (${lanesOf(E)} === 8) { ${d8} return; }\n  ` : '';
        cases += `case ${E}: { ${fast}${head}\n  if (q) for (let i = L - 1; i >= 0; i--) ${step}\n  else { for (let i = 0; i < L; i++) ${step}\n  Z(d, L * ${E / 8}); }\n  break; }\n`;
      }
      let body = form === 'shift' ? shiftPrelude(exprs) : '';
      body += `switch (esize) {\n${cases}`;
      if (op64 !== undefined) {
        body += `case 32: { const L = ${lanesOf(32)}; P.narrow64(K, d, n, ${form === 'hn' ? 'm' : 'n'}, q, L, ${op64}, ${form === 'shift' ? 'sh' : '0'}); if (!q) Z(d, L * 4); break; }\n`;
      }
      body += `default: G(${params}); return;\n}\n`;
      if (exprs.some(saturates) || (op64 !== undefined && op64 >= P.N_SQXTN && op64 <= P.N_SQXTUN)) body += 'F();\n';
      return body;
    },
  };
}

/** Pairwise over Vm:Vn (Vn low): result[i] = f(x[2i], x[2i+1]), built in T (Vd may alias both). */
function genPairwise(name: string, signed: boolean, expr: string, d64: string | undefined, d8?: string): GenSpec {
  const params = 'd, n, m, esize, lanes';
  return {
    name,
    key: `${name}$pair`,
    params,
    body: () => {
      let cases = '';
      for (const E of SIZES) {
        const X = view(E, signed), TU = `T${E}`, per = 128 / E;
        const step = (src: string, off: string): string =>
          `for (let i = 0; i < half; i++) { const a = ${X}[${src} + 2 * i], b = ${X}[${src} + 2 * i + 1]; ${TU}[${off}i] = ${expr}; }`;
        const fast = E === 8 && d8 ? `if ((lanes & 7) === 0) { ${d8} return; }\n  ` : '';
        cases += `case ${E}: { ${fast}const half = lanes >> 1, nb = ${per} * n, mb = ${per} * m;\n  ${step('nb', '')}\n  ${step('mb', 'half + ')}\n  break; }\n`;
      }
      let body = `switch (esize) {\n${cases}`;
      body += d64 ? `case 64: ${d64} return;\n` : '';
      body += `default: G(${params}); return;\n}\n`;
      body += 'if (lanes * esize === 128) C(d); else { u32[4 * d] = T32[0]; u32[4 * d + 1] = T32[1]; u32[4 * d + 2] = 0; u32[4 * d + 3] = 0; }\n';
      return body;
    },
  };
}

/** Across lanes: element 0 of Vd (rsize = E or 2E bits) = reduce(Vn[0..lanes)); rest zero. */
function genAcross(name: string, signed: boolean, step: string, wide: boolean): GenSpec {
  const params = 'd, n, esize, lanes';
  return {
    name,
    key: `${name}$across`,
    params,
    body: () => {
      let cases = '';
      for (const E of SIZES) {
        const X = view(E, signed), per = 128 / E, rsize = wide ? 2 * E : E;
        const store = rsize === 64 ? 'P.put64(K, d, acc);' : `${view(rsize, false)}[${128 / rsize} * d] = acc;`;
        cases += `case ${E}: { const nb = ${per} * n; let acc = ${X}[nb];\n  for (let i = 1; i < lanes; i++) { const x = ${X}[nb + i]; acc = ${step}; }\n` +
          `  u32[4 * d] = 0; u32[4 * d + 1] = 0; u32[4 * d + 2] = 0; u32[4 * d + 3] = 0; ${store}\n  break; }\n`;
      }
      return `switch (esize) {\n${cases}default: G(${params}); return;\n}\n`;
    },
  };
}

/** SADDLP/UADDLP/SADALP/UADALP: Vd (2E) [i] = (acc ? Vd[i] : 0) + Vn[2i] + Vn[2i+1]; in place is safe. */
function genAddlp(name: string, signed: boolean, acc: boolean): GenSpec {
  const params = 'd, n, esize, q';
  return {
    name,
    key: `${name}$addlp`,
    params,
    body: () => {
      let cases = '';
      for (const E of [8, 16] as const) {
        const X = view(E, signed), UW = view(2 * E, false);
        cases += `case ${E}: { const L = q ? ${128 / (2 * E)} : ${64 / (2 * E)}, nb = ${128 / E} * n, db = ${64 / E} * d;\n` +
          `  for (let i = 0; i < L; i++) { const x = ${X}[nb + 2 * i] + ${X}[nb + 2 * i + 1]; ${UW}[db + i] = ${acc ? `${UW}[db + i] + x` : 'x'}; }\n  break; }\n`;
      }
      cases += `case 32: P.addlp64(K, d, n, q ? 2 : 1, ${signed}, ${acc}); break;\n`;
      return `switch (esize) {\n${cases}default: G(${params}); return;\n}\nif (!q) { u32[4 * d + 2] = 0; u32[4 * d + 3] = 0; }\n`;
    },
  };
}

// ---------------------------------------------------------------------------
// tables
// ---------------------------------------------------------------------------

const half2 = (e8: string, e32: string): Expr => ({ 8: e8, 16: e8, 32: e32 });
const same64 = (op: number): string => `P.same64(K, d, n, m, lanes, ${op});`;

/** Three same (vector and scalar): simd_<name>(d, n, m, esize, lanes). */
const THREE_SAME: Record<string, SameSpec> = {
  shadd: { signed: true, expr: half2('(a + b) >> 1', 'Math.floor((a + b) / 2)') },
  uhadd: { signed: false, expr: half2('(a + b) >> 1', 'Math.floor((a + b) / 2)') },
  srhadd: { signed: true, expr: half2('(a + b + 1) >> 1', 'Math.floor((a + b + 1) / 2)') },
  urhadd: { signed: false, expr: half2('(a + b + 1) >> 1', 'Math.floor((a + b + 1) / 2)') },
  shsub: { signed: true, expr: half2('(a - b) >> 1', 'Math.floor((a - b) / 2)') },
  uhsub: { signed: false, expr: half2('(a - b) >> 1', 'Math.floor((a - b) / 2)') },
  sqadd: { signed: true, expr: 'satS$E(a + b)' },
  uqadd: { signed: false, expr: 'satU$E(a + b)' },
  sqsub: { signed: true, expr: 'satS$E(a - b)' },
  uqsub: { signed: false, expr: 'satU$E(a - b)' },
  cmgt: { signed: true, expr: 'a > b ? -1 : 0', d64: same64(P.CMGT), d8: 'B.cmhs8(K, d, n, m, lanes >> 2, 0x00010001, 0x80808080);' },
  cmge: { signed: true, expr: 'a >= b ? -1 : 0', d64: same64(P.CMGE), d8: 'B.cmhs8(K, d, n, m, lanes >> 2, 0, 0x80808080);' },
  cmhi: { signed: false, expr: 'a > b ? -1 : 0', d64: same64(P.CMHI), d8: 'B.cmhs8(K, d, n, m, lanes >> 2, 0x00010001, 0);' },
  cmhs: { signed: false, expr: 'a >= b ? -1 : 0', d64: same64(P.CMHS), d8: 'B.cmhs8(K, d, n, m, lanes >> 2, 0, 0);' },
  cmeq: { signed: false, expr: 'a === b ? -1 : 0', d64: same64(P.CMEQ), d8: 'B.cmeq8(K, d, n, m, lanes >> 2);' },
  cmtst: { signed: false, expr: '(a & b) !== 0 ? -1 : 0', d64: same64(P.CMTST) },
  sshl: { signed: true, expr: "shiftReg(a, b, $E, false, '')" },
  ushl: { signed: false, expr: "shiftReg(a, b, $E, false, '')" },
  srshl: { signed: true, expr: "shiftReg(a, b, $E, true, '')" },
  urshl: { signed: false, expr: "shiftReg(a, b, $E, true, '')" },
  sqshl_reg: { signed: true, expr: "shiftReg(a, b, $E, false, 's')" },
  uqshl_reg: { signed: false, expr: "shiftReg(a, b, $E, false, 'u')" },
  sqrshl: { signed: true, expr: "shiftReg(a, b, $E, true, 's')" },
  uqrshl: { signed: false, expr: "shiftReg(a, b, $E, true, 'u')" },
  smax: { signed: true, expr: 'a > b ? a : b' },
  smin: { signed: true, expr: 'a < b ? a : b' },
  umax: { signed: false, expr: 'a > b ? a : b' },
  umin: { signed: false, expr: 'a < b ? a : b' },
  sabd: { signed: true, expr: 'a > b ? a - b : b - a' },
  uabd: { signed: false, expr: 'a > b ? a - b : b - a' },
  saba: { signed: true, expr: 'c + (a > b ? a - b : b - a)' },
  uaba: { signed: false, expr: 'c + (a > b ? a - b : b - a)' },
  add: { signed: false, expr: 'a + b', d64: same64(P.ADD), d8: 'B.add8(K, d, n, m, lanes >> 2);' },
  sub: { signed: false, expr: 'a - b', d64: same64(P.SUB), d8: 'B.sub8(K, d, n, m, lanes >> 2);' },
  mla: { signed: false, expr: half2('c + a * b', 'c + Math.imul(a, b)') },
  mls: { signed: false, expr: half2('c - a * b', 'c - Math.imul(a, b)') },
  mul: { signed: false, expr: half2('a * b', 'Math.imul(a, b)') },
  pmul: { signed: false, expr: { 8: 'pmul(a, b, 8)' } },
  sqdmulh: { signed: true, expr: { 16: 'satS16(Math.floor((a * b) / 32768))', 32: 'sqdmulh32(a, b, false)' } },
  sqrdmulh: { signed: true, expr: { 16: 'satS16(Math.floor((a * b + 16384) / 32768))', 32: 'sqdmulh32(a, b, true)' } },
};

/** Pairwise: [signed, expression of a = x[2i], b = x[2i+1], has a byte-lane function <op>8 in simd-fast-swar.ts]. */
const PAIRWISE: Record<string, [boolean, string, boolean?]> = {
  addp: [false, 'a + b', true],
  smaxp: [true, 'a > b ? a : b'],
  sminp: [true, 'a < b ? a : b'],
  umaxp: [false, 'a > b ? a : b', true],
  uminp: [false, 'a < b ? a : b', true],
};

const un64 = (op: number): string => `P.un64(K, d, n, lanes, ${op});`;
/** Two-register misc, unary lane ops: simd_<name>(d, n, esize, lanes); c = old Vd element. */
const TWO_REG_MISC: Record<string, SameSpec> = {
  cls: { signed: true, expr: { 8: 'Math.clz32((a ^ (a >> 1)) & 0xff) - 25', 16: 'Math.clz32((a ^ (a >> 1)) & 0xffff) - 17', 32: 'Math.clz32(a ^ (a >> 1)) - 1' } },
  clz: { signed: false, expr: { 8: 'Math.clz32(a) - 24', 16: 'Math.clz32(a) - 16', 32: 'Math.clz32(a)' } },
  cnt: { signed: false, expr: { 8: 'POP8[a]' } },
  rbit: { signed: false, expr: { 8: 'RBIT8[a]' } },
  abs: { signed: true, expr: 'a < 0 ? -a : a', d64: un64(P.ABS) },
  neg: { signed: true, expr: '-a', d64: un64(P.NEG) },
  sqabs: { signed: true, expr: 'satS$E(a < 0 ? -a : a)' },
  sqneg: { signed: true, expr: 'satS$E(-a)' },
  cmgt_zero: { signed: true, expr: 'a > 0 ? -1 : 0', d64: un64(P.CMGT0) },
  cmge_zero: { signed: true, expr: 'a >= 0 ? -1 : 0', d64: un64(P.CMGE0) },
  cmeq_zero: { signed: true, expr: 'a === 0 ? -1 : 0', d64: un64(P.CMEQ0), d8: 'B.cmeqz8(K, d, n, lanes >> 2);' },
  cmle_zero: { signed: true, expr: 'a <= 0 ? -1 : 0', d64: un64(P.CMLE0) },
  cmlt_zero: { signed: true, expr: 'a < 0 ? -1 : 0', d64: un64(P.CMLT0) },
  suqadd: { signed: true, expr: { 8: 'satS8(c + (a < 0 ? a + 256 : a))', 16: 'satS16(c + (a < 0 ? a + 65536 : a))', 32: 'satS32(c + (a < 0 ? a + 4294967296 : a))' } },
  usqadd: { signed: false, expr: { 8: 'satU8(c + (a >= 128 ? a - 256 : a))', 16: 'satU16(c + (a >= 32768 ? a - 65536 : a))', 32: 'satU32(c + (a >= 2147483648 ? a - 4294967296 : a))' } },
};

/** XTN, SQXTN, UQXTN, SQXTUN: [source signed, expression of a (wide), 64-bit op]. */
const XTN: Record<string, [boolean, string, number]> = {
  xtn: [false, 'a', P.N_XTN],
  sqxtn: [true, 'satS$E(a)', P.N_SQXTN],
  uqxtn: [false, 'satU$E(a)', P.N_UQXTN],
  sqxtun: [true, 'satU$E(a)', P.N_SQXTUN],
};

/** Across lanes: [signed, step (acc, x), result of twice the element size]. */
const ACROSS: Record<string, [boolean, string, boolean]> = {
  addv: [false, 'acc + x', false],
  smaxv: [true, 'x > acc ? x : acc', false],
  sminv: [true, 'x < acc ? x : acc', false],
  umaxv: [false, 'x > acc ? x : acc', false],
  uminv: [false, 'x < acc ? x : acc', false],
  saddlv: [true, 'acc + x', true],
  uaddlv: [false, 'acc + x', true],
};

const shr64 = (signed: boolean, round: boolean, acc: boolean): string => `P.shr64(K, d, n, shift, lanes, ${signed}, ${round}, ${acc});`;
/**
 * Shift by immediate, same size: simd_<name>_imm(d, n, shift, esize, lanes); sh = shift (right 1..esize,
 * left 0..esize-1), sc = min(sh, 31), pow = 2^sh, inv = 2^-sh, half = 2^(sh-1), sa + sb = sh.
 */
const SHIFT_IMM: Record<string, SameSpec> = {
  sshr: { signed: true, expr: 'a >> sc', d64: shr64(true, false, false) },
  ushr: { signed: false, expr: half2('a >>> sh', '(a >>> sa) >>> sb'), d64: shr64(false, false, false) },
  srshr: { signed: true, expr: half2('(a + half) >> sh', 'Math.floor((a + half) * inv)'), d64: shr64(true, true, false) },
  urshr: { signed: false, expr: half2('(a + half) >> sh', 'Math.floor((a + half) * inv)'), d64: shr64(false, true, false) },
  ssra: { signed: true, expr: 'c + (a >> sc)', d64: shr64(true, false, true) },
  usra: { signed: false, expr: half2('c + (a >>> sh)', 'c + ((a >>> sa) >>> sb)'), d64: shr64(false, false, true) },
  srsra: { signed: true, expr: half2('c + ((a + half) >> sh)', 'c + Math.floor((a + half) * inv)'), d64: shr64(true, true, true) },
  ursra: { signed: false, expr: half2('c + ((a + half) >> sh)', 'c + Math.floor((a + half) * inv)'), d64: shr64(false, true, true) },
  sri: { signed: false, expr: '(c & ~mk) | Math.floor(a * inv)', pre: 'const mk = Math.floor((2 ** $E - 1) * inv);' },
  sli: { signed: false, expr: '(c & ~mk) | ((a << sh) & mk)', pre: 'const mk = (-1 >>> (32 - $E)) << sh;' },
  shl: { signed: false, expr: 'a << sh', d64: 'P.shl64(K, d, n, shift, lanes);' },
  sqshl: { signed: true, expr: 'satS$E(a * pow)' },
  uqshl: { signed: false, expr: 'satU$E(a * pow)' },
  sqshlu: { signed: true, expr: 'satU$E(a * pow)' },
};

/** Narrowing right shifts: simd_<name>(d, n, shift, esize (narrow), q, lanes): [source signed, expression of a (wide), 64-bit op]. */
const SHIFT_NARROW: Record<string, [boolean, string, number | undefined]> = {
  shrn: [false, 'a >>> sh', P.N_SHRN],
  rshrn: [false, 'Math.floor((a + half) * inv)', undefined],
  sqshrn: [true, 'satS$E(a >> sh)', undefined],
  sqrshrn: [true, 'satS$E(Math.floor((a + half) * inv))', undefined],
  uqshrn: [false, 'satU$E(a >>> sh)', undefined],
  uqrshrn: [false, 'satU$E(Math.floor((a + half) * inv))', undefined],
  sqshrun: [true, 'satU$E(a >> sh)', undefined],
  sqrshrun: [true, 'satU$E(Math.floor((a + half) * inv))', undefined],
};

/** Long and wide: [signed, expression, 64-bit op, wide A]. */
const LONG: Record<string, [boolean, Expr, number | undefined, boolean]> = {
  saddl: [true, 'a + b', P.L_ADD, false],
  uaddl: [false, 'a + b', P.L_ADD, false],
  ssubl: [true, 'a - b', P.L_SUB, false],
  usubl: [false, 'a - b', P.L_SUB, false],
  saddw: [true, 'a + b', P.L_ADD, true],
  uaddw: [false, 'a + b', P.L_ADD, true],
  ssubw: [true, 'a - b', P.L_SUB, true],
  usubw: [false, 'a - b', P.L_SUB, true],
  sabal: [true, 'c + (a > b ? a - b : b - a)', P.L_ABA, false],
  uabal: [false, 'c + (a > b ? a - b : b - a)', P.L_ABA, false],
  sabdl: [true, 'a > b ? a - b : b - a', P.L_ABD, false],
  uabdl: [false, 'a > b ? a - b : b - a', P.L_ABD, false],
  smlal: [true, 'c + a * b', P.L_MLA, false],
  umlal: [false, 'c + a * b', P.L_MLA, false],
  smlsl: [true, 'c - a * b', P.L_MLS, false],
  umlsl: [false, 'c - a * b', P.L_MLS, false],
  smull: [true, 'a * b', P.L_MUL, false],
  umull: [false, 'a * b', P.L_MUL, false],
  pmull: [false, { 8: 'pmul(a, b, 16)' }, undefined, false],
};

/** Saturating doubling long (16-bit sources; 32-bit ones use the generic helper). */
const SQDML: Record<string, Expr> = {
  sqdmull: { 16: 'satS32(2 * a * b)' },
  sqdmlal: { 16: 'satS32(c + satS32(2 * a * b))' },
  sqdmlsl: { 16: 'satS32(c - satS32(2 * a * b))' },
};

/** High-half narrowing: simd_<name>(d, n, m, esize, q): [expression of a, b (wide, unsigned), 64-bit op]. */
const HN: Record<string, [Expr, number]> = {
  addhn: [{ 8: '(a + b) >> 8', 16: 'Math.floor((a + b) / 65536)' }, P.N_ADDHN],
  raddhn: [{ 8: '(a + b + 128) >> 8', 16: 'Math.floor((a + b + 32768) / 65536)' }, P.N_RADDHN],
  subhn: [{ 8: '(a - b) >> 8', 16: 'Math.floor((a - b) / 65536)' }, P.N_SUBHN],
  rsubhn: [{ 8: '(a - b + 128) >> 8', 16: 'Math.floor((a - b + 32768) / 65536)' }, P.N_RSUBHN],
};

// ---------------------------------------------------------------------------
// REV: whole-word transforms
// ---------------------------------------------------------------------------

const bswap32 = (x: number): number => ((x << 24) | ((x & 0xff00) << 8) | ((x >>> 8) & 0xff00) | (x >>> 24)) | 0;
const bswap16x2 = (x: number): number => (((x & 0x00ff00ff) << 8) | ((x >>> 8) & 0x00ff00ff)) | 0;
const rot16 = (x: number): number => ((x << 16) | (x >>> 16)) | 0;

/** REV16/REV32/REV64 (d, n, esize, csize, lanes): per-word byte/halfword swaps, and a word swap for csize 64. */
function makeRev(K: Kernel, G: HelperFn): HelperFn {
  const w = K.i32;
  return function simd_rev_fast(d: number, n: number, esize: number, csize: number, lanes: number): void {
    const words = (lanes * esize) >> 5;
    if (words !== 2 && words !== 4) return G(d, n, esize, csize, lanes) as void;
    const kind = esize === 8 ? (csize === 16 ? 0 : 1) : esize === 16 ? 2 : 3; // 0 bswap16x2, 1 bswap32, 2 rot16, 3 none
    const swap = csize === 64;
    let x0 = w[4 * n]!, x1 = w[4 * n + 1]!, x2 = w[4 * n + 2]!, x3 = w[4 * n + 3]!;
    if (kind === 0) {
      x0 = bswap16x2(x0); x1 = bswap16x2(x1); x2 = bswap16x2(x2); x3 = bswap16x2(x3);
    } else if (kind === 1) {
      x0 = bswap32(x0); x1 = bswap32(x1); x2 = bswap32(x2); x3 = bswap32(x3);
    } else if (kind === 2) {
      x0 = rot16(x0); x1 = rot16(x1); x2 = rot16(x2); x3 = rot16(x3);
    }
    const o = 4 * d;
    if (swap) {
      w[o] = x1; w[o + 1] = x0; w[o + 2] = x3; w[o + 3] = x2;
    } else {
      w[o] = x0; w[o + 1] = x1; w[o + 2] = x2; w[o + 3] = x3;
    }
    if (words === 2) {
      w[o + 2] = 0;
      w[o + 3] = 0;
    }
  };
}

// ---------------------------------------------------------------------------
// families
// ---------------------------------------------------------------------------

const intSpecs = {
  threeSame: specList(() => [
    ...Object.entries(THREE_SAME).map(([op, spec]) => genSame(`simd_${op}`, spec, 'bin')),
    ...Object.entries(PAIRWISE).map(([op, [signed, expr, op8]]) =>
      genPairwise(`simd_${op}`, signed, expr, op === 'addp' ? 'P.addp64(K, d, n, m);' : undefined,
        op8 ? `B.${op}8(K, d, n, m, lanes);` : undefined)),
  ]),
  misc: specList(() => [
    ...Object.entries(TWO_REG_MISC).map(([op, spec]) => genSame(`simd_${op}`, spec, 'un')),
    ...Object.entries(XTN).map(([op, [signed, expr, op64]]) =>
      genNarrow(`simd_${op}`, signed, expr, op64, 'xtn', op === 'xtn' ? 'B.narrow8(K, d, n, q, 0);' : undefined)),
    ...Object.entries(ACROSS).map(([op, [signed, step, wide]]) => genAcross(`simd_${op}`, signed, step, wide)),
    genAddlp('simd_saddlp', true, false),
    genAddlp('simd_uaddlp', false, false),
    genAddlp('simd_sadalp', true, true),
    genAddlp('simd_uadalp', false, true),
    genLong('simd_shll', false, { 8: 'a << 8', 16: 'a << 16' }, P.L_SHL, 'shll'),
  ]),
  shift: specList(() => [
    ...Object.entries(SHIFT_IMM).map(([op, spec]) => genSame(`simd_${op}_imm`, spec, 'imm')),
    ...Object.entries(SHIFT_NARROW).map(([op, [signed, expr, op64]]) =>
      genNarrow(`simd_${op}`, signed, expr, op64, 'shift', op === 'shrn' ? 'B.narrow8(K, d, n, q, sh);' : undefined)),
    genLong('simd_sshll', true, 'a << shift', P.L_SHL, 'shift'),
    genLong('simd_ushll', false, 'a << shift', P.L_SHL, 'shift'),
  ]),
  threeDiff: specList(() => [
    ...Object.entries(LONG).map(([op, [signed, expr, op64, wideA]]) => genLong(`simd_${op}`, signed, expr, op64, wideA ? 'wide' : 'long')),
    ...(['smlal', 'umlal', 'smlsl', 'umlsl', 'smull', 'umull'] as const).map((op) => {
      const [signed, expr, op64] = LONG[op]!;
      return genLong(`simd_${op}_elem`, signed, expr, op64, 'elem');
    }),
    ...Object.entries(SQDML).flatMap(([op, expr]) => [
      genLong(`simd_${op}`, true, expr, undefined, 'sqdml'),
      genLong(`simd_${op}_elem`, true, expr, undefined, 'sqdml_elem'),
    ]),
    ...Object.entries(HN).map(([op, [expr, op64]]) => genNarrow(`simd_${op}`, false, expr, op64, 'hn')),
    ...(['mul', 'mla', 'mls', 'sqdmulh', 'sqrdmulh'] as const).map((op) => genSame(`simd_${op}_elem`, THREE_SAME[op]!, 'elem')),
  ]),
};

/** Overrides for threeSameHelpers (simd-three-same.ts). */
export function fastThreeSame(ctx: HelperContext, generic: Fam): Fam {
  return realize(intSpecs.threeSame(), kernelOf(ctx.cpu), generic);
}

/** Overrides for miscHelpers (simd-misc.ts). */
export function fastMisc(ctx: HelperContext, generic: Fam): Fam {
  const K = kernelOf(ctx.cpu);
  const out = realize(intSpecs.misc(), K, generic);
  out.simd_rev = makeRev(K, generic.simd_rev!);
  return out;
}

/** Overrides for shiftHelpers (simd-shift.ts). */
export function fastShift(ctx: HelperContext, generic: Fam): Fam {
  return realize(intSpecs.shift(), kernelOf(ctx.cpu), generic);
}

/** Overrides for threeDiffHelpers (simd-three-diff.ts). */
export function fastThreeDiff(ctx: HelperContext, generic: Fam): Fam {
  return realize(intSpecs.threeDiff(), kernelOf(ctx.cpu), generic);
}
