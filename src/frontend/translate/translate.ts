/**
 * The block translator: fetch, decode, run the row's handler, until a handler
 * ends the block, the page ends, or the size limit is reached. An UNDEFINED
 * instruction after the first ends the block before it, so it starts a block
 * of its own whose terminal raises it.
 */
import { Block, type Pc, pcAdd } from '../../ir/value.js';
import { GuestFault } from '../../runtime/fault.js';
import { a64Decoder } from '../decoder/table.js';
import { TranslationContext } from './context.js';
import { HANDLERS } from './handlers.js';

export interface TranslateOptions {
  /** Most guest instructions per block. */
  maxInsns?: number;
  /** Translate just one instruction (single-step, tests). */
  single?: boolean;
}

/** Fetch a 32-bit instruction word; throws GuestFault if it cannot be fetched. */
export type Fetch = (lo: number, hi: number) => number;

export function translateBlock(fetch: Fetch, start: Pc, ctxBits: number, opts: TranslateOptions = {}): Block {
  const max = opts.single ? 1 : (opts.maxInsns ?? 64);
  const block = new Block(start, ctxBits);
  const c = new TranslationContext(block);
  const decoder = a64Decoder();
  let pc = start;
  for (let i = 0; i < max; i++) {
    if (i > 0 && (pc.lo & 0xfff) === 0) break; // blocks never cross a page
    let word: number;
    try {
      word = fetch(pc.lo, pc.hi);
    } catch (e) {
      if (i > 0 && e instanceof GuestFault) break; // fault when the block gets there
      throw e;
    }
    c.pc = pc;
    c.word = word;
    c.undefinedHere = false;
    c.ir.gi = i;
    const mark = block.insts.length;
    const row = decoder.decode(word);
    const more = row ? HANDLERS[row.id](c, decoder.fields(row, word)) : c.unallocated();
    if (c.undefinedHere) {
      block.insts.length = mark;
      if (i > 0) block.terminal = { kind: 'Link', next: pc };
      break;
    }
    block.guestCount++;
    pc = pcAdd(pc, 4);
    block.end = pc;
    if (!more) break;
  }
  if (!block.terminal) block.terminal = { kind: 'Link', next: pc };
  return block;
}
