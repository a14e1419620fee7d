/** Translators: see the matching decoder table file. */
import type { HandlerGroup } from '../handler.js';

export const SIMD_HANDLERS = {} satisfies HandlerGroup;
