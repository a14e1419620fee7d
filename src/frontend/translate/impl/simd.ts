/**
 * Translators: Advanced SIMD (see a64-simd.table.ts), split by Arm ARM
 * encoding group into the simd-*.ts files merged here.
 */
import type { HandlerGroup } from '../handler.js';
import { SIMD_ACROSS_HANDLERS } from './simd-across.js';
import { SIMD_COPY_HANDLERS } from './simd-copy.js';
import { SIMD_FP_HANDLERS } from './simd-fp.js';
import { SIMD_MODIFIED_IMMEDIATE_HANDLERS } from './simd-modified-immediate.js';
import { SIMD_PERMUTE_HANDLERS } from './simd-permute.js';
import { SIMD_SHIFT_HANDLERS } from './simd-shift.js';
import { SIMD_THREE_DIFF_HANDLERS } from './simd-three-diff.js';
import { SIMD_THREE_SAME_HANDLERS } from './simd-three-same.js';
import { SIMD_TWO_REG_MISC_HANDLERS } from './simd-two-reg-misc.js';

export const SIMD_HANDLERS = {
  ...SIMD_THREE_SAME_HANDLERS,
  ...SIMD_TWO_REG_MISC_HANDLERS,
  ...SIMD_ACROSS_HANDLERS,
  ...SIMD_SHIFT_HANDLERS,
  ...SIMD_THREE_DIFF_HANDLERS,
  ...SIMD_COPY_HANDLERS,
  ...SIMD_PERMUTE_HANDLERS,
  ...SIMD_MODIFIED_IMMEDIATE_HANDLERS,
  ...SIMD_FP_HANDLERS,
} satisfies HandlerGroup;
