import type { A64Id } from '../decoder/a64.table.js';
import type { Fields } from '../decoder/bitpattern.js';
import type { TranslationContext } from './context.js';

/** A translator: emits IR for one encoding. Returns true to keep translating the block. */
export type Handler = (c: TranslationContext, f: Fields) => boolean;
export type HandlerGroup = Partial<Record<A64Id, Handler>>;
