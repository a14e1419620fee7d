/**
 * How generated code names IR values: an instruction's result is the local
 * a<id> (low or only word) and b<id> (high word of a U64); an immediate is its
 * number. Shared by the emitter and the flag planner.
 */
import type { Value } from '../ir/value.js';

/** Low (or only) word of a value. */
export const L = (v: Value): string => (v.kind === 'imm' ? String(v.lo | 0) : `a${v.id}`);
/** High word of a U64 value. */
export const Hh = (v: Value): string => (v.kind === 'imm' ? String(v.hi | 0) : `b${v.id}`);
