/** Translators: see the matching decoder table file. */
import type { HandlerGroup } from '../handler.js';

export const LDST_HANDLERS = {} satisfies HandlerGroup;
