/**
 * Translators: Loads and stores (see decoder/a64-ldst.table.ts). The handlers
 * live in load-store-*.ts by Arm ARM encoding group; this merges them.
 */
import type { HandlerGroup } from '../handler.js';
import { LDST_ATOMIC_HANDLERS } from './load-store-atomic.js';
import { LDST_PAIR_HANDLERS } from './load-store-pair.js';
import { LDST_SIMD_HANDLERS } from './load-store-simd.js';
import { LDST_SINGLE_HANDLERS } from './load-store-single.js';

export const LDST_HANDLERS = {
  ...LDST_SINGLE_HANDLERS,
  ...LDST_PAIR_HANDLERS,
  ...LDST_ATOMIC_HANDLERS,
  ...LDST_SIMD_HANDLERS,
} satisfies HandlerGroup;
