/**
 * How generated code names IR values: an instruction's result is the local
 * a<id> (low or only word) and b<id> (high word of a U64); an immediate is its
 * number. Shared by the emitter, the flag planner and the pair finder.
 */
import type { Value } from '../ir/value.js';

/** Low (or only) word of a value. */
export const L = (v: Value): string => (v.kind === 'imm' ? String(v.lo | 0) : `a${v.id}`);
/** High word of a U64 value. */
export const Hh = (v: Value): string => (v.kind === 'imm' ? String(v.hi | 0) : `b${v.id}`);
/** Is v the immediate n (a small non-negative number, high word zero)? */
export const isImm = (v: Value, n: number): boolean => v.kind === 'imm' && v.lo === n && v.hi === 0;
