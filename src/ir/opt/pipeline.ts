/** The optimisation pipeline: the one place that lists the passes and their order. */
import type { Block } from '../value.js';
import { deadCodeElimination } from './dead-code-elimination.js';
import { constantFolding } from './constant-folding.js';
import { getSetElimination } from './get-set-elimination.js';

export interface OptimizationFlags {
  getSetElimination?: boolean;
  constantFolding?: boolean;
  deadCodeElimination?: boolean;
}

export function optimize(block: Block, flags: OptimizationFlags = {}): void {
  if (flags.getSetElimination !== false) getSetElimination(block);
  if (flags.constantFolding !== false) constantFolding(block);
  if (flags.deadCodeElimination !== false) deadCodeElimination(block);
}
