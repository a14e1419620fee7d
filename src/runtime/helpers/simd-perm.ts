/**
 * AdvSIMD copy (DUP, INS), permute (ZIP/UZP/TRN), extract (EXT) and table
 * lookup (TBL/TBX). Element moves are byte copies, so every element size
 * (8..64 bits) takes the same path.
 */
import type { VecFile } from '../cpu-state.js';
import type { HelperContext, HelperFamily } from './registry.js';
import { begin, commit, T } from './simd-lanes.js';

/** T.0 element di = V[r] element si (ebytes bytes each). */
function mv(v: VecFile, r: number, si: number, di: number, eb: number): void {
  const src = v.u8, dst = T.u8, s = 16 * r + si * eb, t = di * eb;
  for (let k = 0; k < eb; k++) dst[t + k] = src[s + k]!;
}

function permute(v: VecFile, kind: 'zip1' | 'zip2' | 'uzp1' | 'uzp2' | 'trn1' | 'trn2', d: number, n: number, m: number, esize: number, lanes: number): void {
  begin();
  const eb = esize >> 3, half = lanes >> 1;
  switch (kind) {
    case 'uzp1':
    case 'uzp2': {
      const part = kind === 'uzp1' ? 0 : 1;
      // concat = Vm:Vn (Vn is the low half); result[i] = concat[2i + part]
      for (let i = 0; i < lanes; i++) {
        const j = 2 * i + part;
        mv(v, j < lanes ? n : m, j < lanes ? j : j - lanes, i, eb);
      }
      break;
    }
    case 'trn1':
    case 'trn2': {
      const part = kind === 'trn1' ? 0 : 1;
      for (let p = 0; p < half; p++) {
        mv(v, n, 2 * p + part, 2 * p, eb);
        mv(v, m, 2 * p + part, 2 * p + 1, eb);
      }
      break;
    }
    default: {
      const base = kind === 'zip1' ? 0 : half;
      for (let p = 0; p < half; p++) {
        mv(v, n, base + p, 2 * p, eb);
        mv(v, m, base + p, 2 * p + 1, eb);
      }
    }
  }
  commit(v, d);
}

/** EXT: bytes [pos, pos + 8/16) of Vm:Vn (Vn low). For Q = 0 the concatenation is Vm<63:0>:Vn<63:0>. */
function ext(v: VecFile, d: number, n: number, m: number, pos: number, q: number): void {
  begin();
  const bytes = q ? 16 : 8, src = v.u8, dst = T.u8;
  for (let i = 0; i < bytes; i++) {
    const j = pos + i;
    dst[i] = j < bytes ? src[16 * n + j]! : src[16 * m + j - bytes]!;
  }
  commit(v, d);
}

/** TBL/TBX: index bytes of Vm select from the regs-register table V[n], V[n+1 mod 32], ...; out of range gives 0 (TBL) or keeps Vd (TBX). */
function tbl(v: VecFile, d: number, n: number, regs: number, m: number, q: number, tbx: boolean): void {
  begin();
  const bytes = q ? 16 : 8, src = v.u8, dst = T.u8;
  for (let i = 0; i < bytes; i++) {
    const idx = src[16 * m + i]!;
    if (idx < 16 * regs) dst[i] = src[16 * ((n + (idx >> 4)) & 31) + (idx & 15)]!;
    else if (tbx) dst[i] = src[16 * d + i]!;
  }
  commit(v, d);
}

export const permHelpers: HelperFamily = (ctx: HelperContext) => ({
  /** simd_<zip1..trn2>(d, n, m, esize, lanes) */
  simd_zip1: (d: number, n: number, m: number, e: number, l: number) => permute(ctx.cpu.v, 'zip1', d, n, m, e, l),
  simd_zip2: (d: number, n: number, m: number, e: number, l: number) => permute(ctx.cpu.v, 'zip2', d, n, m, e, l),
  simd_uzp1: (d: number, n: number, m: number, e: number, l: number) => permute(ctx.cpu.v, 'uzp1', d, n, m, e, l),
  simd_uzp2: (d: number, n: number, m: number, e: number, l: number) => permute(ctx.cpu.v, 'uzp2', d, n, m, e, l),
  simd_trn1: (d: number, n: number, m: number, e: number, l: number) => permute(ctx.cpu.v, 'trn1', d, n, m, e, l),
  simd_trn2: (d: number, n: number, m: number, e: number, l: number) => permute(ctx.cpu.v, 'trn2', d, n, m, e, l),
  /** simd_ext(d, n, m, position (bytes), q) */
  simd_ext: (d: number, n: number, m: number, pos: number, q: number) => ext(ctx.cpu.v, d, n, m, pos, q),
  /** simd_tbl / simd_tbx(d, n, regs, m, q) */
  simd_tbl: (d: number, n: number, regs: number, m: number, q: number) => tbl(ctx.cpu.v, d, n, regs, m, q, false),
  simd_tbx: (d: number, n: number, regs: number, m: number, q: number) => tbl(ctx.cpu.v, d, n, regs, m, q, true),
  /** simd_dup_elem(d, n, index, esize, lanes): every lane (one for the scalar form) = Vn[index]. */
  simd_dup_elem: (d: number, n: number, index: number, esize: number, lanes: number) => {
    const v = ctx.cpu.v, eb = esize >> 3;
    begin();
    for (let i = 0; i < lanes; i++) mv(v, n, index, i, eb);
    commit(v, d);
  },
  /** simd_dup_gen(d, lo, hi, esize, lanes): every lane = low esize bits of the general register value. */
  simd_dup_gen: (d: number, lo: number, hi: number, esize: number, lanes: number) => {
    const v = ctx.cpu.v, eb = esize >> 3;
    begin();
    const dst = T.u8;
    for (let i = 0; i < lanes; i++) {
      for (let k = 0; k < eb; k++) dst[i * eb + k] = k < 4 ? lo >>> (8 * k) : hi >>> (8 * (k - 4));
    }
    commit(v, d);
  },
  /** simd_ins_elem(d, dstIndex, n, srcIndex, esize): Vd[dstIndex] = Vn[srcIndex], other lanes kept. */
  simd_ins_elem: (d: number, di: number, n: number, si: number, esize: number) => {
    const u8 = ctx.cpu.v.u8, eb = esize >> 3, t = T.u8, s = 16 * n + si * eb;
    for (let k = 0; k < eb; k++) t[k] = u8[s + k]!;
    for (let k = 0; k < eb; k++) u8[16 * d + di * eb + k] = t[k]!;
  },
  /** simd_ins_gen(d, index, esize, lo, hi): Vd[index] = low esize bits of the general register value. */
  simd_ins_gen: (d: number, index: number, esize: number, lo: number, hi: number) => {
    const u8 = ctx.cpu.v.u8, eb = esize >> 3, o = 16 * d + index * eb;
    for (let k = 0; k < eb; k++) u8[o + k] = k < 4 ? lo >>> (8 * k) : hi >>> (8 * (k - 4));
  },
});
