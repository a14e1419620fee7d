/** Translators: see the matching decoder table file. */
import type { HandlerGroup } from '../handler.js';

export const FP_HANDLERS = {} satisfies HandlerGroup;
