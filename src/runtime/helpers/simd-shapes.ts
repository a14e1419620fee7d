/**
 * Generic AdvSIMD lane loops ("shapes") shared by the helper groups. An
 * element operation is given once on numbers (8/16/32-bit elements, read
 * signed or unsigned) and, where the instruction allows 64-bit elements,
 * once on bigints. Results are built in the scratch register T.0 and then
 * copied to V[d]; lanes not written (Q = 0 upper half, scalar rest) are zero.
 */
import type { VecFile } from '../cpu-state.js';
import { begin, beginKeepLow, commit, elem, elem64, laneView, setElem, setElem64, T } from './simd-lanes.js';

export interface LaneOp {
  /** Read source elements as signed (true) or unsigned. */
  readonly signed: boolean;
  /** Element function for 8/16/32-bit elements: a = Vn elem, b = Vm elem, acc = old Vd elem. */
  readonly f: (a: number, b: number, acc: number, esize: number) => number;
  /** The same for 64-bit elements (when the encoding allows them). */
  readonly f64?: (a: bigint, b: bigint, acc: bigint) => bigint;
}

/** result[i] = op(Vn[i], Vm[i], Vd[i]) for i < lanes. Unary ops pass m = n. */
export function same(v: VecFile, op: LaneOp, d: number, n: number, m: number, esize: number, lanes: number): void {
  begin();
  const s = op.signed;
  if (esize === 64) {
    const f = op.f64!;
    for (let i = 0; i < lanes; i++) setElem64(T, 0, i, f(elem64(v, n, i, s), elem64(v, m, i, s), elem64(v, d, i, s)));
  } else {
    const f = op.f, a = laneView(v, esize, s), t = laneView(T, esize, false), per = 128 / esize;
    const nb = n * per, mb = m * per, db = d * per;
    for (let i = 0; i < lanes; i++) t[i] = f(a[nb + i]!, a[mb + i]!, a[db + i]!, esize);
  }
  commit(v, d);
}

/** Pairwise: over the concatenation Vm:Vn (Vn low), result[i] = op(x[2i], x[2i+1]). */
export function pairwise(v: VecFile, op: LaneOp, d: number, n: number, m: number, esize: number, lanes: number): void {
  begin();
  const s = op.signed, half = lanes >> 1;
  if (esize === 64) {
    const f = op.f64!;
    for (let i = 0; i < lanes; i++) {
      const r = i < half ? n : m, j = 2 * (i < half ? i : i - half);
      setElem64(T, 0, i, f(elem64(v, r, j, s), elem64(v, r, j + 1, s), 0n));
    }
  } else {
    const f = op.f, a = laneView(v, esize, s), t = laneView(T, esize, false), per = 128 / esize;
    for (let i = 0; i < lanes; i++) {
      const j = (i < half ? n : m) * per + 2 * (i < half ? i : i - half);
      t[i] = f(a[j]!, a[j + 1]!, 0, esize);
    }
  }
  commit(v, d);
}

/** Element [index] of V[m] against every element of V[n] (by-element forms: result[i] = op(Vn[i], Vm[index], Vd[i])). */
export function byElem(v: VecFile, op: LaneOp, d: number, n: number, m: number, index: number, esize: number, lanes: number): void {
  begin();
  const s = op.signed, f = op.f, b = elem(v, m, index, esize, s);
  for (let i = 0; i < lanes; i++) setElem(T, 0, i, esize, f(elem(v, n, i, esize, s), b, elem(v, d, i, esize, s), esize));
  commit(v, d);
}

/** A wide x narrow -> wide operation (esize = narrow element size, 8/16/32). */
export interface LongOp {
  readonly signed: boolean;
  /** a, b: narrow (or for the W forms, a wide) elements; acc: old wide Vd element; esize: narrow size. */
  readonly f: (a: number, b: number, acc: number, esize: number) => number;
  /** For 64-bit wide results (esize = 32). */
  readonly f64: (a: bigint, b: bigint, acc: bigint) => bigint;
}

/**
 * Long forms: result (2*esize, 64/esize lanes) [i] = op(A[i], B[i], Vd[i]) where B = Vm's
 * narrow elements from the half selected by q (the "2" forms use the upper half), and A
 * is Vn's narrow elements likewise, or Vn's wide elements when wideA (the W forms).
 * bIndex >= 0 selects one element of Vm for every lane (by-element forms). Scalar forms
 * pass q = 0, lanes = 1.
 */
export function long(v: VecFile, op: LongOp, d: number, n: number, m: number, esize: number, q: number, wideA: boolean, bIndex = -1, lanes = 64 / esize): void {
  begin();
  const s = op.signed, part = q ? lanes : 0, wide = 2 * esize;
  if (esize === 32) {
    const bfix = bIndex >= 0 ? BigInt(elem(v, m, bIndex, 32, s)) : 0n;
    for (let i = 0; i < lanes; i++) {
      const a = wideA ? elem64(v, n, i, s) : BigInt(elem(v, n, part + i, 32, s));
      const b = bIndex >= 0 ? bfix : BigInt(elem(v, m, part + i, 32, s));
      setElem64(T, 0, i, op.f64(a, b, elem64(v, d, i, s)));
    }
  } else {
    const bfix = bIndex >= 0 ? elem(v, m, bIndex, esize, s) : 0;
    for (let i = 0; i < lanes; i++) {
      const a = wideA ? elem(v, n, i, wide, s) : elem(v, n, part + i, esize, s);
      const b = bIndex >= 0 ? bfix : elem(v, m, part + i, esize, s);
      setElem(T, 0, i, wide, op.f(a, b, elem(v, d, i, wide, s), esize));
    }
  }
  commit(v, d);
}

/**
 * Narrowing: result (esize, 64/esize lanes, in the half selected by q; q = 1 keeps
 * the low half of Vd) [i] = f(Vn wide [i], Vm wide [i]); wide = 2*esize. Scalar
 * forms pass q = 0, lanes = 1.
 */
export function narrow(v: VecFile, d: number, n: number, m: number, esize: number, q: number, signed: boolean,
  f: (a: number, b: number, esize: number) => number, f64: (a: bigint, b: bigint, esize: number) => bigint, lanes = 64 / esize): void {
  if (q) beginKeepLow(v, d);
  else begin();
  const part = q ? lanes : 0;
  if (esize === 32) {
    for (let i = 0; i < lanes; i++) setElem(T, 0, part + i, 32, Number(BigInt.asIntN(32, f64(elem64(v, n, i, signed), elem64(v, m, i, signed), 32))));
  } else {
    const a = laneView(v, 2 * esize, signed), t = laneView(T, esize, false), per = 64 / esize;
    for (let i = 0; i < lanes; i++) t[part + i] = f(a[n * per + i]!, a[m * per + i]!, esize);
  }
  commit(v, d);
}
