/**
 * THE A64 decoder table: every implemented encoding, one row each, split by
 * Arm ARM encoding group into the files imported here. Anything that matches
 * no row is UNDEFINED.
 */
import { BASE_ROWS } from './a64-base.table.js';
import { FP_ROWS } from './a64-fp.table.js';
import { LDST_ROWS } from './a64-ldst.table.js';
import { SIMD_ROWS } from './a64-simd.table.js';
export type { A64Row } from './row.js';

export const A64_ROWS = [...BASE_ROWS, ...LDST_ROWS, ...FP_ROWS, ...SIMD_ROWS] as const;
export type A64Id = (typeof A64_ROWS)[number]['id'];
