/**
 * The handler registry: one translator per decoder row. The type is a full
 * Record over A64Id, so a row without a translator (or a translator without a
 * row) is a compile error.
 */
import type { A64Id } from '../decoder/a64.table.js';
import type { Handler } from './handler.js';
import { BRANCH_HANDLERS } from './impl/branch.js';
import { DP_IMM_HANDLERS } from './impl/data-processing-immediate.js';
import { DP_REG_HANDLERS } from './impl/data-processing-register.js';
import { FP_HANDLERS } from './impl/fp.js';
import { LDST_HANDLERS } from './impl/load-store.js';
import { SIMD_HANDLERS } from './impl/simd.js';
import { SYSTEM_HANDLERS } from './impl/system.js';

export const HANDLERS: Record<A64Id, Handler> = {
  ...DP_IMM_HANDLERS,
  ...DP_REG_HANDLERS,
  ...BRANCH_HANDLERS,
  ...SYSTEM_HANDLERS,
  ...LDST_HANDLERS,
  ...FP_HANDLERS,
  ...SIMD_HANDLERS,
};
