/**
 * Fast AdvSIMD helpers: the machinery. The generic lane loops of
 * simd-shapes.ts call an element closure per lane and read 64-bit lanes as
 * bigints; that is the reference semantics, kept as the fallback. The fast
 * helpers are specialised per instruction and element size instead:
 *
 *   - Element-wise loops (8/16/32-bit lanes) are generated once per helper as
 *     JS source (one new Function per family, when the first machine is built) from
 *     an element expression, one loop per element size, reading the register
 *     file through fixed typed-array views (u8/i8/u16/i16/u32/i32). Every
 *     access site sees one array type and there is no call per lane.
 *   - 64-bit lanes are (lo, hi) 32-bit word pairs (simd-fast-64.ts), no bigints;
 *     the byte forms of the string-routine instructions work on four lanes at
 *     once in 32-bit words (simd-fast-swar.ts).
 *   - No allocation per call. Results are written in an order that is safe
 *     when Vd aliases a source (lane i is written after lane i of every
 *     source was read; the long/narrow shapes walk in the direction that
 *     never overwrites an unread source lane), or built in the scratch
 *     register T and copied when the shape mixes lanes (pairwise, permutes).
 *   - Saturation sets QC.hit (as the generic code), flushed to FPSR.QC once.
 *
 * A generated helper that meets a case it does not specialise (a rare
 * 64-bit form, say) calls the generic helper of the same name, `G`.
 *
 * Names visible to generated code: the Kernel fields (register-file views,
 * S = cpu.s, the scratch T views, Z = zero the rest of a register), the
 * runtime R (saturation, table lookups, wide multiply, 64-bit lane ops) and G.
 */
import { Slot } from '../../backend-js/abi.js';
import type { CpuState } from '../cpu-state.js';
import type { HelperFn } from './registry.js';
import * as P from './simd-fast-64.js';
import * as B from './simd-fast-swar.js';
import { QC, T } from './simd-lanes.js';
import { pmul, shiftReg } from './simd-three-same.js';
import { PREBUILT } from './simd-fast-prebuilt.js';

/** Per-machine views of the vector register file (and the shared scratch register T). */
export interface Kernel {
  readonly cpu: CpuState;
  readonly S: Int32Array;
  readonly u8: Uint8Array;
  readonly i8: Int8Array;
  readonly u16: Uint16Array;
  readonly i16: Int16Array;
  readonly u32: Uint32Array;
  readonly i32: Int32Array;
  readonly T8: Uint8Array;
  readonly T16: Uint16Array;
  readonly T32: Uint32Array;
  /** Zero bytes [from, 16) of V[d]. */
  readonly Z: (d: number, from: number) => void;
  /** V[d] = T.0 (all 16 bytes). */
  readonly C: (d: number) => void;
  /** FPSR.QC |= QC.hit; QC.hit = false. */
  readonly F: () => void;
}

const kernels = new WeakMap<CpuState, Kernel>();
export function kernelOf(cpu: CpuState): Kernel {
  let k = kernels.get(cpu);
  if (k) return k;
  const v = cpu.v, buf = v.buf, u8 = v.u8, u32 = v.u32, i32 = v.i32, s = cpu.s, ti = T.i32;
  k = {
    cpu, S: s, u8, i8: new Int8Array(buf), u16: v.u16, i16: new Int16Array(buf), u32, i32,
    T8: T.u8, T16: T.u16, T32: T.u32,
    Z: (d: number, from: number): void => {
      let b = 16 * d + from;
      const end = 16 * d + 16;
      for (; b & 3 && b < end; b++) u8[b] = 0;
      for (let w = b >> 2; w < 4 * d + 4; w++) u32[w] = 0;
    },
    C: (d: number): void => {
      const o = 4 * d;
      i32[o] = ti[0]!;
      i32[o + 1] = ti[1]!;
      i32[o + 2] = ti[2]!;
      i32[o + 3] = ti[3]!;
    },
    F: (): void => {
      if (QC.hit) {
        s[Slot.FPSR] |= 1 << 27;
        QC.hit = false;
      }
    },
  };
  kernels.set(cpu, k);
  return k;
}

// ---- runtime for generated code ----

function satS8(x: number): number {
  if (x > 127) { QC.hit = true; return 127; }
  if (x < -128) { QC.hit = true; return -128; }
  return x;
}
function satS16(x: number): number {
  if (x > 32767) { QC.hit = true; return 32767; }
  if (x < -32768) { QC.hit = true; return -32768; }
  return x;
}
function satS32(x: number): number {
  if (x > 2147483647) { QC.hit = true; return 2147483647; }
  if (x < -2147483648) { QC.hit = true; return -2147483648; }
  return x;
}
function satU8(x: number): number {
  if (x > 255) { QC.hit = true; return 255; }
  if (x < 0) { QC.hit = true; return 0; }
  return x;
}
function satU16(x: number): number {
  if (x > 65535) { QC.hit = true; return 65535; }
  if (x < 0) { QC.hit = true; return 0; }
  return x;
}
function satU32(x: number): number {
  if (x > 4294967295) { QC.hit = true; return 4294967295; }
  if (x < 0) { QC.hit = true; return 0; }
  return x;
}

const POP8 = new Uint8Array(256);
const RBIT8 = new Uint8Array(256);
for (let i = 0; i < 256; i++) {
  let p = 0, r = 0;
  for (let b = 0; b < 8; b++) {
    p += (i >> b) & 1;
    r |= ((i >> b) & 1) << (7 - b);
  }
  POP8[i] = p;
  RBIT8[i] = r;
}

/** SQDMULH / SQRDMULH on 32-bit elements, exact without bigints: SignedSatQ((2*a*b + round) >> 32). */
function sqdmulh32(a: number, b: number, round: boolean): number {
  P.mulWide(a, b);
  // 2ab + r = 2 (H 2^32 + L) + r, 0 <= L < 2^32
  return satS32(2 * P.W.hi + Math.floor((2 * P.W.lo + (round ? 0x80000000 : 0)) / 4294967296));
}

export const R = { satS8, satS16, satS32, satU8, satU16, satU32, POP8, RBIT8, sqdmulh32, pmul, shiftReg, P, B, QC };

// ---- code generation ----

export type Factory = (K: Kernel, R: unknown, G: HelperFn | undefined, X: Record<string, unknown> | undefined) => HelperFn;
const factories = new Map<string, Factory>();

/** One generated helper: `function <key>(params) { body }` over the kernel names, R, G and the names of scope. */
export interface GenSpec {
  /** Helper name (its generic fallback is the family's helper of this name). */
  readonly name: string;
  /** Identifies the generated code (the same key must always give the same code and scope names). */
  readonly key: string;
  readonly params: string;
  readonly body: () => string;
  readonly scope?: Record<string, unknown>;
}

const K_NAMES = ['S', 'u8', 'i8', 'u16', 'i16', 'u32', 'i32', 'T8', 'T16', 'T32', 'Z', 'C', 'F'];
const R_NAMES = ['satS8', 'satS16', 'satS32', 'satU8', 'satU16', 'satU32', 'POP8', 'RBIT8', 'sqdmulh32', 'pmul', 'shiftReg', 'P', 'B', 'QC'];

/** Source of one factory: destructures only the names the body uses. */
export function factorySource(s: GenSpec): string {
  const body = s.body();
  const ids = new Set(body.match(/[A-Za-z_$][\w$]*/g));
  const used = (names: string[]): string => names.filter((x) => ids.has(x)).join(', ');
  const fname = s.key.replace(/[^A-Za-z0-9_]/g, '_');
  let src = 'function (K, R, G, X) {\n';
  const k = used(K_NAMES), r = used(R_NAMES), x = s.scope ? used(Object.keys(s.scope)) : '';
  if (k) src += `const {${k}} = K;\n`;
  if (r) src += `const {${r}} = R;\n`;
  if (x) src += `const {${x}} = X;\n`;
  return `${src}return function ${fname}(${s.params}) {\n${body}\n};\n}`;
}

/**
 * Compile the factories of specs not compiled yet, all in one Function (one parse for a whole
 * family). `npm run build` writes every factory into simd-fast-prebuilt.js
 * (scripts/gen-simd-prebuilt.mjs), so the bundle and its code cache hold them: those are taken
 * as they are, without generating or parsing their source at start-up.
 */
function compile(specs: readonly GenSpec[]): void {
  for (const s of specs) {
    const f = PREBUILT[s.key];
    if (f && !factories.has(s.key)) factories.set(s.key, f);
  }
  const todo = specs.filter((s, i) => !factories.has(s.key) && specs.findIndex((t) => t.key === s.key) === i);
  if (!todo.length) return;
  const srcs = todo.map(factorySource);
  let made: Factory[];
  try {
    made = new Function(`'use strict';\nreturn [\n${srcs.join(',\n')}\n];`)() as Factory[];
  } catch (e) {
    // find the culprit for the message
    for (let i = 0; i < srcs.length; i++) {
      try {
        new Function(`'use strict'; return ${srcs[i]};`);
      } catch (e2) {
        throw new Error(`simd-fast: cannot compile ${todo[i]!.key}: ${(e2 as Error).message}\n${srcs[i]}`);
      }
    }
    throw e;
  }
  todo.forEach((s, i) => factories.set(s.key, made[i]!));
}

/** The helpers of specs for one machine, each with its generic fallback, into out. */
export function realize(specs: readonly GenSpec[], K: Kernel, generic: Record<string, HelperFn>, out: Record<string, HelperFn> = {}): Record<string, HelperFn> {
  compile(specs);
  for (const s of specs) {
    const G = generic[s.name];
    if (!G) throw new Error(`simd-fast: no generic helper ${s.name}`);
    out[s.name] = factories.get(s.key)!(K, R, G, s.scope);
  }
  return out;
}

const lists: (() => readonly GenSpec[])[] = [];

/** A lazily built, then cached, list of specs (registered for allSpecs). */
export function specList(build: () => GenSpec[]): () => readonly GenSpec[] {
  let list: GenSpec[] | undefined;
  const get = (): readonly GenSpec[] => (list ??= build());
  lists.push(get);
  return get;
}

/** Every spec of every list made so far (the family modules make theirs when loaded), one per key. */
export function allSpecs(): GenSpec[] {
  const byKey = new Map<string, GenSpec>();
  for (const get of lists) for (const s of get()) if (!byKey.has(s.key)) byKey.set(s.key, s);
  return [...byKey.values()];
}

export type Size = 8 | 16 | 32;
export const SIZES: readonly Size[] = [8, 16, 32];
/** Element expression per size (a string for all sizes); $E stands for the element size. */
export type Expr = string | Partial<Record<Size, string>>;
export function exprAt(e: Expr, size: Size): string | undefined {
  const s = typeof e === 'string' ? e : e[size];
  return s?.replace(/\$E/g, String(size));
}
/** The typed-array view name for elements of `size` bits. */
export function view(size: number, signed: boolean): string {
  return `${signed ? 'i' : 'u'}${size}`;
}
/** Does the expression mention identifier `id`? */
export function uses(e: string, id: string): boolean {
  return new RegExp(`\\b${id}\\b`).test(e);
}
/** Needs a QC flush at the end of the helper. */
export function saturates(e: string): boolean {
  return /\bsat[SU]|\bshiftReg\b|\bsqdmulh32\b/.test(e);
}
