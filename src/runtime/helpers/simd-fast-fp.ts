/**
 * Fast AdvSIMD floating-point helpers: one generated loop per instruction
 * calling the per-element functions of fp.ts directly (a static call per
 * element instead of a closure through a shared loop), element-wise into Vd
 * (alias-safe), the rounding mode of the FCVT/FRINT/SCVTF forms computed
 * once per call. Results and flags are those of the generic helpers in
 * simd-fp.ts, which remain the fallback for the rarely used estimates.
 *
 * Table entries: the 32-bit element expression of a, b, c (Vn, Vm, old Vd
 * elements as int32 bit patterns) and the 64-bit statements on al/ah, bl/bh,
 * cl/ch that set lo and hi (a 64-bit fp.ts function leaves hi in S[HI]).
 */
import { Slot } from '../../backend-js/abi.js';
import {
  fastRN, fixedToFp, fmaRNAt, normalD, fpAdd32, fpAdd64, fpCompareEQ32, fpCompareEQ64, fpCompareGE32, fpCompareGE64, fpCompareGT32, fpCompareGT64, fpConvert,
  fpcrRounding, fpDiv32, fpDiv64, fpMax32, fpMax64, fpMaxNum32, fpMaxNum64, fpMin32, fpMin64, fpMinNum32, fpMinNum64, fpMul32,
  fpMul64, fpMulAdd32, fpMulAdd64, fpMulX32, fpMulX64, fpRecipStepFused32, fpRecipStepFused64, FPRounding, fpRoundInt,
  fpRSqrtStepFused32, fpRSqrtStepFused64, fpSqrt32, fpSqrt64, fpSub32, fpSub64, fpToFixed,
} from './fp.js';
import type { HelperContext, HelperFn } from './registry.js';
import { type GenSpec, type Kernel, kernelOf, realize, specList } from './simd-fast-gen.js';
import { FP_UN } from './simd-fp.js';

type Fam = Record<string, HelperFn>;
const HI = Slot.RET_HI;
const FPCR = Slot.FPCR;

/** Names the generated FP code can use. */
const FPX = {
  fixedToFp, fpAdd32, fpAdd64, fpCompareEQ32, fpCompareEQ64, fpCompareGE32, fpCompareGE64, fpCompareGT32, fpCompareGT64, fpcrRounding,
  fpDiv32, fpDiv64, fpMax32, fpMax64, fpMaxNum32, fpMaxNum64, fpMin32, fpMin64, fpMinNum32, fpMinNum64, fpMul32, fpMul64, fpMulAdd32,
  fpMulAdd64, fpMulX32, fpMulX64, fpRecipStepFused32, fpRecipStepFused64, fpRoundInt, fpRSqrtStepFused32, fpRSqrtStepFused64, fpSqrt32,
  fpSqrt64, fpSub32, fpSub64, fpToFixed, UN: undefined as unknown,
};

const bin = (f: string): [string, string] => [`${f}32(S, a, b)`, `lo = ${f}64(S, al, ah, bl, bh); hi = S[${HI}];`];
const cmp = (f: string, abs: boolean): [string, string] => {
  const m = abs ? ' & 0x7fffffff' : '';
  return [`${f}32(S, a${m}, b${m}) ? -1 : 0`, `lo = hi = ${f}64(S, al, ah${m}, bl, bh${m}) ? -1 : 0;`];
};

/** Binary (and FMLA/FMLS ternary) ops: simd_<name>(d, n, m, esize, lanes), also the _elem forms. */
const FP_BIN: Record<string, [string, string]> = {
  fadd: bin('fpAdd'),
  fsub: bin('fpSub'),
  fmul: bin('fpMul'),
  fmulx: bin('fpMulX'),
  fdiv: bin('fpDiv'),
  fmax: bin('fpMax'),
  fmin: bin('fpMin'),
  fmaxnm: bin('fpMaxNum'),
  fminnm: bin('fpMinNum'),
  frecps: bin('fpRecipStepFused'),
  frsqrts: bin('fpRSqrtStepFused'),
  fabd: ['fpSub32(S, a, b) & 0x7fffffff', `lo = fpSub64(S, al, ah, bl, bh); hi = S[${HI}] & 0x7fffffff;`],
  fmla: ['fpMulAdd32(S, c, a, b)', `lo = fpMulAdd64(S, cl, ch, al, ah, bl, bh); hi = S[${HI}];`],
  fmls: ['fpMulAdd32(S, c, (a ^ 0x80000000) >>> 0, b)', `lo = fpMulAdd64(S, cl, ch, al, ah ^ 0x80000000, bl, bh); hi = S[${HI}];`],
  fcmeq: cmp('fpCompareEQ', false),
  fcmge: cmp('fpCompareGE', false),
  fcmgt: cmp('fpCompareGT', false),
  facge: cmp('fpCompareGE', true),
  facgt: cmp('fpCompareGT', true),
};

/** Unary ops: simd_<name>(d, n, esize, lanes); `pre` runs once per call. */
const FP_UNARY: Record<string, [string, string, string?]> = {
  fabs: ['a & 0x7fffffff', 'lo = al; hi = ah & 0x7fffffff;'],
  fneg: ['a ^ 0x80000000', 'lo = al; hi = ah ^ 0x80000000;'],
  fsqrt: ['fpSqrt32(S, a)', `lo = fpSqrt64(S, al, ah); hi = S[${HI}];`],
  fcmgt_zero: ['fpCompareGT32(S, a, 0) ? -1 : 0', 'lo = hi = fpCompareGT64(S, al, ah, 0, 0) ? -1 : 0;'],
  fcmge_zero: ['fpCompareGE32(S, a, 0) ? -1 : 0', 'lo = hi = fpCompareGE64(S, al, ah, 0, 0) ? -1 : 0;'],
  fcmeq_zero: ['fpCompareEQ32(S, a, 0) ? -1 : 0', 'lo = hi = fpCompareEQ64(S, al, ah, 0, 0) ? -1 : 0;'],
  fcmle_zero: ['fpCompareGE32(S, 0, a) ? -1 : 0', 'lo = hi = fpCompareGE64(S, 0, 0, al, ah) ? -1 : 0;'],
  fcmlt_zero: ['fpCompareGT32(S, 0, a) ? -1 : 0', 'lo = hi = fpCompareGT64(S, 0, 0, al, ah) ? -1 : 0;'],
  // the estimates stay on the bigint implementations of simd-fp.ts (UN = FP_UN[name])
  frecpe: ['UN.f32(S, a)', `lo = UN.f64(S, al, ah); hi = S[${HI}];`],
  frsqrte: ['UN.f32(S, a)', `lo = UN.f64(S, al, ah); hi = S[${HI}];`],
  frecpx: ['UN.f32(S, a)', `lo = UN.f64(S, al, ah); hi = S[${HI}];`],
};
const frint = (rounding: string, exact: boolean): [string, string, string] => [
  `fpRoundInt(S, 32, a, 0, rm, ${exact})`,
  `lo = fpRoundInt(S, 64, al, ah, rm, ${exact}); hi = S[${HI}];`,
  `const rm = ${rounding};`,
];
const RM_FPCR = `fpcrRounding(S[${FPCR}])`;
Object.assign(FP_UNARY, {
  frintn: frint(String(FPRounding.TIEEVEN), false),
  frintp: frint(String(FPRounding.POSINF), false),
  frintm: frint(String(FPRounding.NEGINF), false),
  frintz: frint(String(FPRounding.ZERO), false),
  frinta: frint(String(FPRounding.TIEAWAY), false),
  frintx: frint(RM_FPCR, true),
  frinti: frint(RM_FPCR, false),
});
/** FCVT{N,P,M,Z,A}{S,U} (vector, integer): [rounding, unsigned]. */
const FP_TO_INT: Record<string, [number, boolean]> = {
  fcvtns: [FPRounding.TIEEVEN, false], fcvtnu: [FPRounding.TIEEVEN, true],
  fcvtps: [FPRounding.POSINF, false], fcvtpu: [FPRounding.POSINF, true],
  fcvtms: [FPRounding.NEGINF, false], fcvtmu: [FPRounding.NEGINF, true],
  fcvtzs: [FPRounding.ZERO, false], fcvtzu: [FPRounding.ZERO, true],
  fcvtas: [FPRounding.TIEAWAY, false], fcvtau: [FPRounding.TIEAWAY, true],
};
for (const [name, [rounding, unsigned]] of Object.entries(FP_TO_INT)) {
  FP_UNARY[name] = [`fpToFixed(S, 32, a, 0, 0, ${unsigned}, ${rounding}, 32)`, `lo = fpToFixed(S, 64, al, ah, 0, ${unsigned}, ${rounding}, 64); hi = S[${HI}];`];
}

type Form = 'bin' | 'elem' | 'un' | 'fix';
const PARAMS: Record<Form, string> = {
  bin: 'd, n, m, esize, lanes',
  elem: 'd, n, m, index, esize, lanes',
  un: 'd, n, esize, lanes',
  fix: 'd, n, fbits, esize, lanes',
};

/** Element-wise over 32-bit (esize 32) or 64-bit lanes; the rest of Vd zeroed. */
function genFp(name: string, e32: string, c64: string, form: Form, pre = '', scope: Record<string, unknown> = FPX): GenSpec {
  return { name, key: `${name}$fp`, params: PARAMS[form], scope, body: () => fpBody(e32, c64, form, pre) };
}
function fpBody(e32: string, c64: string, form: Form, pre: string): string {
  const hasC = /\bc\b/.test(e32);
  const b32 = form === 'bin' ? ', b = i32[4 * m + i]' : '';
  const c32 = hasC ? ', c = i32[4 * d + i]' : '';
  let body = `${pre}\nif (esize === 32) {\n`;
  if (form === 'elem') body += '  const b = i32[4 * m + index];\n';
  body += `  for (let i = 0; i < lanes; i++) { const a = i32[4 * n + i]${b32}${c32}; i32[4 * d + i] = ${e32}; }\n`;
  body += '  if (lanes !== 4) { if (lanes === 1) i32[4 * d + 1] = 0; i32[4 * d + 2] = 0; i32[4 * d + 3] = 0; }\n';
  body += '} else {\n';
  if (form === 'elem') body += '  const bl = i32[4 * m + 2 * index], bh = i32[4 * m + 2 * index + 1];\n';
  body += '  for (let i = 0; i < lanes; i++) {\n    const p = 4 * n + 2 * i, o = 4 * d + 2 * i;\n    const al = i32[p], ah = i32[p + 1]';
  if (form === 'bin') body += ', bl = i32[4 * m + 2 * i], bh = i32[4 * m + 2 * i + 1]';
  if (hasC) body += ', cl = i32[o], ch = i32[o + 1]';
  body += `;\n    let lo, hi;\n    ${c64}\n    i32[o] = lo; i32[o + 1] = hi;\n  }\n`;
  body += '  if (lanes === 1) { i32[4 * d + 2] = 0; i32[4 * d + 3] = 0; }\n}\n';
  return body;
}

/** Pairwise over Vm:Vn (Vn low), built in T: vector simd_<op>p(d, n, m, esize, lanes); scalar (d, n, esize) = op(Vn[0], Vn[1]). */
function genFpPairwise(name: string, e32: string, c64: string, scalar: boolean): GenSpec {
  const params = scalar ? 'd, n, esize' : 'd, n, m, esize, lanes';
  return { name, key: `${name}$fp`, params, scope: FPX, body: () => fpPairBody(e32, c64, scalar) };
}
function fpPairBody(e32: string, c64: string, scalar: boolean): string {
  let body = '';
  if (scalar) {
    body += `if (esize === 32) { const a = i32[4 * n], b = i32[4 * n + 1]; const r = ${e32}; i32[4 * d] = r; i32[4 * d + 1] = 0; }\n`;
    body += `else { const al = i32[4 * n], ah = i32[4 * n + 1], bl = i32[4 * n + 2], bh = i32[4 * n + 3]; let lo, hi; ${c64} i32[4 * d] = lo; i32[4 * d + 1] = hi; }\n`;
    body += 'i32[4 * d + 2] = 0; i32[4 * d + 3] = 0;\n';
  } else {
    body += 'const t = T32, half = lanes >> 1;\n';
    body += `if (esize === 32) {\n  for (let i = 0; i < lanes; i++) { const r = i < half ? n : m, j = 4 * r + 2 * (i < half ? i : i - half); const a = i32[j], b = i32[j + 1]; t[i] = ${e32}; }\n`;
    body += '  if (lanes === 4) C(d); else { u32[4 * d] = t[0]; u32[4 * d + 1] = t[1]; u32[4 * d + 2] = 0; u32[4 * d + 3] = 0; }\n';
    body += `} else {\n  for (let i = 0; i < 2; i++) { const j = 4 * (i === 0 ? n : m); const al = i32[j], ah = i32[j + 1], bl = i32[j + 2], bh = i32[j + 3]; let lo, hi; ${c64} t[2 * i] = lo; t[2 * i + 1] = hi; }\n  C(d);\n}\n`;
  }
  return body;
}

/** FMAXV etc. (4S only): op(op(Vn0, Vn1), op(Vn2, Vn3)) into element 0, rest zero. */
function genFpAcross(name: string, f32: string): GenSpec {
  const body = (): string => `const o = 4 * n;\nconst x = ${f32}(S, i32[o], i32[o + 1]), y = ${f32}(S, i32[o + 2], i32[o + 3]);\n` +
    `const r = ${f32}(S, x, y);\ni32[4 * d] = r; i32[4 * d + 1] = 0; i32[4 * d + 2] = 0; i32[4 * d + 3] = 0;`;
  return { name, key: `${name}$fp`, params: 'd, n, lanes', scope: FPX, body };
}

function makeFcvtl(K: Kernel): HelperFn {
  const { S, u16, i32 } = K;
  /** simd_fcvtl(d, n, esize (destination 32 or 64), q): the low (q = 0) or high half of Vn widened. */
  return function simd_fcvtl_fast(d: number, n: number, esize: number, q: number): void {
    const rounding = fpcrRounding(S[FPCR]!);
    if (esize === 32) {
      const b = 8 * n + 4 * q;
      const h0 = u16[b]!, h1 = u16[b + 1]!, h2 = u16[b + 2]!, h3 = u16[b + 3]!;
      const r0 = fpConvert(S, 16, 32, h0, 0, rounding), r1 = fpConvert(S, 16, 32, h1, 0, rounding);
      const r2 = fpConvert(S, 16, 32, h2, 0, rounding), r3 = fpConvert(S, 16, 32, h3, 0, rounding);
      i32[4 * d] = r0; i32[4 * d + 1] = r1; i32[4 * d + 2] = r2; i32[4 * d + 3] = r3;
    } else {
      const b = 4 * n + 2 * q;
      const s0 = i32[b]!, s1 = i32[b + 1]!;
      const l0 = fpConvert(S, 32, 64, s0, 0, rounding), h0 = S[HI]!;
      const l1 = fpConvert(S, 32, 64, s1, 0, rounding), h1 = S[HI]!;
      i32[4 * d] = l0; i32[4 * d + 1] = h0; i32[4 * d + 2] = l1; i32[4 * d + 3] = h1;
    }
  };
}

function makeFcvtn(K: Kernel): HelperFn {
  const { S, u16, i32, T32 } = K;
  /** simd_fcvtn(d, n, esize (destination 16 or 32), q, odd, lanes): "2" forms write the upper half and keep the lower. */
  return function simd_fcvtn_fast(d: number, n: number, esize: number, q: number, odd: number, lanes: number): void {
    const rounding = odd ? FPRounding.ODD : fpcrRounding(S[FPCR]!);
    if (esize === 16) {
      for (let i = 0; i < lanes; i++) T32[i] = fpConvert(S, 32, 16, i32[4 * n + i]!, 0, rounding);
      for (let i = 0; i < lanes; i++) u16[8 * d + 4 * q + i] = T32[i]!;
    } else {
      for (let i = 0; i < lanes; i++) T32[i] = fpConvert(S, 64, 32, i32[4 * n + 2 * i]!, i32[4 * n + 2 * i + 1]!, rounding);
      for (let i = 0; i < lanes; i++) i32[4 * d + 2 * q + i] = T32[i]!;
      if (lanes === 1) i32[4 * d + 1] = 0;
    }
    if (!q) {
      i32[4 * d + 2] = 0;
      i32[4 * d + 3] = 0;
    }
  };
}

const fpSpecs = specList(() => {
  const specs: GenSpec[] = [];
  for (const [name, [e32, c64]] of Object.entries(FP_BIN)) specs.push(genFp(`simd_${name}`, e32, c64, 'bin'));
  for (const name of ['fmul', 'fmulx', 'fmla', 'fmls'] as const) {
    const [e32, c64] = FP_BIN[name]!;
    specs.push(genFp(`simd_${name}_elem`, e32, c64, 'elem'));
  }
  for (const name of ['faddp', 'fmaxp', 'fminp', 'fmaxnmp', 'fminnmp'] as const) {
    const [e32, c64] = FP_BIN[name.slice(0, -1)]!;
    specs.push(genFpPairwise(`simd_${name}`, e32, c64, false), genFpPairwise(`simd_${name}_scalar`, e32, c64, true));
  }
  const ACROSS: Record<string, string> = { fmaxv: 'fpMax32', fminv: 'fpMin32', fmaxnmv: 'fpMaxNum32', fminnmv: 'fpMinNum32' };
  for (const [name, f32] of Object.entries(ACROSS)) specs.push(genFpAcross(`simd_${name}`, f32));
  for (const [name, [e32, c64, pre]] of Object.entries(FP_UNARY)) {
    const scope = e32.startsWith('UN.') ? { ...FPX, UN: FP_UN[name] } : FPX;
    specs.push(genFp(`simd_${name}`, e32, c64, 'un', pre, scope));
  }
  for (const [name, unsigned] of [['fcvtzs_fix', false], ['fcvtzu_fix', true]] as const) {
    const r = FPRounding.ZERO;
    specs.push(genFp(`simd_${name}`, `fpToFixed(S, 32, a, 0, fbits, ${unsigned}, ${r}, 32)`,
      `lo = fpToFixed(S, 64, al, ah, fbits, ${unsigned}, ${r}, 64); hi = S[${HI}];`, 'fix'));
  }
  for (const [name, unsigned] of [['scvtf', false], ['ucvtf', true]] as const) {
    specs.push(genFp(`simd_${name}`, `fixedToFp(S, 32, a, 0, 32, fbits, ${unsigned}, rm)`,
      `lo = fixedToFp(S, 64, al, ah, 64, fbits, ${unsigned}, rm); hi = S[${HI}];`, 'fix', `const rm = fpcrRounding(S[${FPCR}]);`));
  }
  return specs;
});

const FADD = 0, FSUB = 1, FMUL = 2, FDIV = 3, FMLA = 4, FMLS = 5;
/**
 * FADD/FSUB/FMUL/FDIV/FMLA/FMLS (same shape) on 64-bit lanes straight on the
 * registers as doubles when fastRN holds (FPCR RN, FZ = 0, FPSR.IXC set): a
 * lane whose host result is not finite and normal takes the exact path on
 * bit patterns; other element sizes and modes: the generated helper `gen`.
 * Lane i reads only lane i of Vn, Vm (and Vd): alias-safe in place.
 */
function makeFast64(K: Kernel, gen: HelperFn, kind: number): HelperFn {
  const S = K.S, i32 = K.i32, VD = K.cpu.v.f64;
  function slowLane(o: number, a: number, b: number): void {
    const al = i32[2 * a]!, ah = i32[2 * a + 1]!, bl = i32[2 * b]!, bh = i32[2 * b + 1]!;
    let lo: number;
    if (kind === FADD) lo = fpAdd64(S, al, ah, bl, bh);
    else if (kind === FSUB) lo = fpSub64(S, al, ah, bl, bh);
    else if (kind === FMUL) lo = fpMul64(S, al, ah, bl, bh);
    else if (kind === FDIV) lo = fpDiv64(S, al, ah, bl, bh);
    else lo = fpMulAdd64(S, i32[2 * o]!, i32[2 * o + 1]!, al, kind === FMLS ? ah ^ 0x80000000 : ah, bl, bh);
    i32[2 * o] = lo;
    i32[2 * o + 1] = S[HI]!;
  }
  return function simd_fp64_fast(d: number, n: number, m: number, esize: number, lanes: number): void {
    if (esize !== 64 || !fastRN(S)) return gen(d, n, m, esize, lanes);
    for (let i = 0; i < lanes; i++) {
      const o = 2 * d + i, a = 2 * n + i, b = 2 * m + i;
      if (kind >= FMLA) {
        if (!fmaRNAt(VD, o, o, a, b, 1, kind === FMLS ? -1 : 1)) slowLane(o, a, b);
      } else {
        const x = VD[a]!, y = VD[b]!;
        const r = kind === FADD ? x + y : kind === FSUB ? x - y : kind === FMUL ? x * y : x / y;
        if (normalD(r)) VD[o] = r;
        else slowLane(o, a, b);
      }
    }
    if (lanes === 1) VD[2 * d + 1] = 0;
  };
}

/** Overrides for fpVectorHelpers (simd-fp.ts). */
export function fastFp(ctx: HelperContext, generic: Fam): Fam {
  const K = kernelOf(ctx.cpu);
  const out = realize(fpSpecs(), K, generic);
  out.simd_fcvtl = makeFcvtl(K);
  out.simd_fcvtn = makeFcvtn(K);
  const fast: Record<string, number> = { simd_fadd: FADD, simd_fsub: FSUB, simd_fmul: FMUL, simd_fdiv: FDIV, simd_fmla: FMLA, simd_fmls: FMLS };
  for (const [name, kind] of Object.entries(fast)) out[name] = makeFast64(K, out[name]!, kind);
  return out;
}
