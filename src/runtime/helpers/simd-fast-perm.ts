/**
 * Fast AdvSIMD copy/permute helpers: ZIP/UZP/TRN as generated straight-line
 * code per arrangement (all source elements are read into locals before Vd
 * is written, so Vd may alias Vn or Vm), DUP/INS on whole elements (DUP
 * writes 32-bit words of the replicated pattern), EXT/TBL/TBX through the
 * scratch register T.
 */
import type { HelperContext, HelperFn } from './registry.js';
import { type GenSpec, type Kernel, kernelOf, realize, specList } from './simd-fast-gen.js';

type Fam = Record<string, HelperFn>;
type PermKind = 'zip1' | 'zip2' | 'uzp1' | 'uzp2' | 'trn1' | 'trn2';

/** Result element i of a permute = element src[i][1] of register src[i][0] ('n' or 'm'). */
function permSources(kind: PermKind, lanes: number): ['n' | 'm', number][] {
  const out: ['n' | 'm', number][] = [];
  const half = lanes >> 1;
  for (let i = 0; i < lanes; i++) {
    switch (kind) {
      case 'uzp1':
      case 'uzp2': {
        const j = 2 * i + (kind === 'uzp1' ? 0 : 1);
        out.push(j < lanes ? ['n', j] : ['m', j - lanes]);
        break;
      }
      case 'trn1':
      case 'trn2': {
        const part = kind === 'trn1' ? 0 : 1, p = i >> 1;
        out.push([i & 1 ? 'm' : 'n', 2 * p + part]);
        break;
      }
      default: {
        const base = kind === 'zip1' ? 0 : half, p = i >> 1;
        out.push([i & 1 ? 'm' : 'n', base + p]);
      }
    }
  }
  return out;
}

/** simd_<zip1..trn2>(d, n, m, esize, lanes). */
function genPermute(kind: PermKind): GenSpec {
  const body = (): string => {
    let cases = '';
    for (const esize of [8, 16, 32, 64]) {
      for (const lanes of esize === 64 ? [2] : [64 / esize, 128 / esize]) {
        const src = permSources(kind, lanes);
        // 64-bit elements are two 32-bit words
        const A = esize === 64 ? 'u32' : `u${esize}`, per = esize === 64 ? 4 : 128 / esize, w = esize === 64 ? 2 : 1;
        let reads = '', writes = '';
        src.forEach(([r, j], i) => {
          for (let k = 0; k < w; k++) {
            reads += `const t${i}_${k} = ${A}[${r}b + ${j * w + k}]; `;
            writes += `${A}[db + ${i * w + k}] = t${i}_${k}; `;
          }
        });
        const zero = lanes * esize === 64 ? 'u32[4 * d + 2] = 0; u32[4 * d + 3] = 0;' : '';
        cases += `case ${(esize << 8) | lanes}: { const nb = ${per} * n, mb = ${per} * m, db = ${per} * d;\n  ${reads}\n  ${writes}${zero}\n  return; }\n`;
      }
    }
    return `switch ((esize << 8) | lanes) {\n${cases}default: G(d, n, m, esize, lanes);\n}`;
  };
  return { name: `simd_${kind}`, key: `simd_${kind}$perm`, params: 'd, n, m, esize, lanes', body };
}
const permSpecs = specList(() => (['zip1', 'zip2', 'uzp1', 'uzp2', 'trn1', 'trn2'] as const).map(genPermute));

/** Write the element pattern (lo, hi: one 64-bit container, element replicated in it) to V[d]: lanes * esize bits, rest zero. */
function fill(K: Kernel, d: number, lo: number, hi: number, esize: number, lanes: number): void {
  const u = K.u32, o = 4 * d, bits = lanes * esize;
  if (bits >= 64) {
    u[o] = lo;
    u[o + 1] = hi;
    if (bits === 128) {
      u[o + 2] = lo;
      u[o + 3] = hi;
    } else {
      u[o + 2] = 0;
      u[o + 3] = 0;
    }
    return;
  }
  // one element (scalar DUP): esize < 64
  u[o] = esize === 32 ? lo : esize === 16 ? lo & 0xffff : lo & 0xff;
  u[o + 1] = 0;
  u[o + 2] = 0;
  u[o + 3] = 0;
}

function makeDupElem(K: Kernel): HelperFn {
  const { u8, u16, u32 } = K;
  /** simd_dup_elem(d, n, index, esize, lanes): every lane (one for the scalar form) = Vn[index]. */
  return function simd_dup_elem_fast(d: number, n: number, index: number, esize: number, lanes: number): void {
    let lo: number, hi: number;
    switch (esize) {
      case 8: lo = hi = u8[16 * n + index]! * 0x01010101; break;
      case 16: lo = hi = u16[8 * n + index]! * 0x10001; break;
      case 32: lo = hi = u32[4 * n + index]!; break;
      default: lo = u32[4 * n + 2 * index]!; hi = u32[4 * n + 2 * index + 1]!;
    }
    fill(K, d, lo, hi, esize, lanes);
  };
}

function makeDupGen(K: Kernel): HelperFn {
  /** simd_dup_gen(d, lo, hi, esize, lanes): every lane = low esize bits of the general register value. */
  return function simd_dup_gen_fast(d: number, lo: number, hi: number, esize: number, lanes: number): void {
    switch (esize) {
      case 8: lo = hi = (lo & 0xff) * 0x01010101; break;
      case 16: lo = hi = (lo & 0xffff) * 0x10001; break;
      case 32: hi = lo; break;
    }
    fill(K, d, lo, hi, esize, lanes);
  };
}

function makeInsElem(K: Kernel): HelperFn {
  const { u8, u16, u32 } = K;
  /** simd_ins_elem(d, dstIndex, n, srcIndex, esize): Vd[dstIndex] = Vn[srcIndex], other lanes kept. */
  return function simd_ins_elem_fast(d: number, di: number, n: number, si: number, esize: number): void {
    switch (esize) {
      case 8: u8[16 * d + di] = u8[16 * n + si]!; break;
      case 16: u16[8 * d + di] = u16[8 * n + si]!; break;
      case 32: u32[4 * d + di] = u32[4 * n + si]!; break;
      default: {
        const lo = u32[4 * n + 2 * si]!, hi = u32[4 * n + 2 * si + 1]!;
        u32[4 * d + 2 * di] = lo;
        u32[4 * d + 2 * di + 1] = hi;
      }
    }
  };
}

function makeInsGen(K: Kernel): HelperFn {
  const { u8, u16, u32 } = K;
  /** simd_ins_gen(d, index, esize, lo, hi): Vd[index] = low esize bits of the general register value. */
  return function simd_ins_gen_fast(d: number, index: number, esize: number, lo: number, hi: number): void {
    switch (esize) {
      case 8: u8[16 * d + index] = lo; break;
      case 16: u16[8 * d + index] = lo; break;
      case 32: u32[4 * d + index] = lo; break;
      default:
        u32[4 * d + 2 * index] = lo;
        u32[4 * d + 2 * index + 1] = hi;
    }
  };
}

/** V[d] = T bytes [0, 8 or 16), rest zero. */
function commitT(K: Kernel, d: number, q: number): void {
  const u = K.u32, t = K.T32, o = 4 * d;
  u[o] = t[0]!;
  u[o + 1] = t[1]!;
  u[o + 2] = q ? t[2]! : 0;
  u[o + 3] = q ? t[3]! : 0;
}

function makeExt(K: Kernel): HelperFn {
  const { u8, u32, T8 } = K;
  /** simd_ext(d, n, m, position (bytes), q): bytes [pos, pos + 8/16) of Vm:Vn (Vn low). */
  return function simd_ext_fast(d: number, n: number, m: number, pos: number, q: number): void {
    const bytes = q ? 16 : 8;
    if ((pos & 3) === 0) {
      // whole words
      const wb = bytes >> 2, p = pos >> 2, t = K.T32;
      for (let i = 0; i < wb; i++) {
        const j = p + i;
        t[i] = j < wb ? u32[4 * n + j]! : u32[4 * m + j - wb]!;
      }
    } else {
      for (let i = 0; i < bytes; i++) {
        const j = pos + i;
        T8[i] = j < bytes ? u8[16 * n + j]! : u8[16 * m + j - bytes]!;
      }
    }
    commitT(K, d, q);
  };
}

/** simd_tbl(d, n, regs, m, q): index bytes of Vm select from V[n], V[n+1 mod 32], ...; out of range gives 0. */
function makeTbl(K: Kernel): HelperFn {
  const { u8, T8 } = K;
  return function simd_tbl_fast(d: number, n: number, regs: number, m: number, q: number): void {
    const bytes = q ? 16 : 8, lim = 16 * regs, mb = 16 * m;
    for (let i = 0; i < bytes; i++) {
      const idx = u8[mb + i]!;
      T8[i] = idx < lim ? u8[16 * ((n + (idx >> 4)) & 31) + (idx & 15)]! : 0;
    }
    commitT(K, d, q);
  };
}
/** simd_tbx(d, n, regs, m, q): as TBL, but out of range keeps the byte of Vd. */
function makeTbx(K: Kernel): HelperFn {
  const { u8, T8 } = K;
  return function simd_tbx_fast(d: number, n: number, regs: number, m: number, q: number): void {
    const bytes = q ? 16 : 8, lim = 16 * regs, mb = 16 * m, db = 16 * d;
    for (let i = 0; i < bytes; i++) {
      const idx = u8[mb + i]!;
      T8[i] = idx < lim ? u8[16 * ((n + (idx >> 4)) & 31) + (idx & 15)]! : u8[db + i]!;
    }
    commitT(K, d, q);
  };
}

/** Overrides for permHelpers (simd-perm.ts). */
export function fastPerm(ctx: HelperContext, generic: Fam): Fam {
  const K = kernelOf(ctx.cpu);
  const out = realize(permSpecs(), K, generic);
  out.simd_dup_elem = makeDupElem(K);
  out.simd_dup_gen = makeDupGen(K);
  out.simd_ins_elem = makeInsElem(K);
  out.simd_ins_gen = makeInsGen(K);
  out.simd_ext = makeExt(K);
  out.simd_tbl = makeTbl(K);
  out.simd_tbx = makeTbx(K);
  return out;
}
