/**
 * Decoder table invariants: well-formed rows, unique ids, every row has a
 * translator, and every 32-bit word (sampled evenly over all 2^32) decodes
 * and translates without a host exception: it either yields IR or the
 * architectural UNDEFINED terminal.
 */
import t from 'tap';
import { A64_ROWS } from '../../src/frontend/decoder/a64.table.js';
import { parseBits } from '../../src/frontend/decoder/bitpattern.js';
import { a64Decoder } from '../../src/frontend/decoder/table.js';
import { HANDLERS } from '../../src/frontend/translate/handlers.js';
import { translateBlock } from '../../src/frontend/translate/translate.js';
import { verify } from '../../src/ir/opt/verify.js';

t.test('rows are well formed and ids unique', (t) => {
  const ids = new Set<string>();
  for (const r of A64_ROWS) {
    t.doesNotThrow(() => parseBits(r.bits, r.id), r.id);
    t.notOk(ids.has(r.id), `${r.id} is unique`);
    ids.add(r.id);
    t.type((HANDLERS as Record<string, unknown>)[r.id], 'function', `${r.id} has a translator`);
  }
  t.end();
});

t.test('bit patterns reject malformed rows', (t) => {
  t.throws(() => parseBits('0101', 'short'), /32/);
  t.throws(() => parseBits('a'.repeat(16) + 'b'.repeat(8) + 'a'.repeat(8), 'split'), /not contiguous/);
  t.throws(() => parseBits('0'.repeat(31) + '?', 'bad'), /bad character/);
  t.end();
});

t.test('a word decodes to the most specific matching row', (t) => {
  const d = a64Decoder();
  for (const r of d.rows) {
    // The word made of the row's fixed bits (fields zero) must match the row or a more specific one.
    const w = r.pattern.expect;
    const got = d.decode(w);
    t.ok(got, `${r.id}: its own fixed bits decode`);
    if (got && got.id !== r.id) t.ok(got.pattern.fixedBits >= r.pattern.fixedBits, `${r.id}: beaten only by a more specific row (${got.id})`);
  }
  t.end();
});

t.test('all 2^32 words, sampled evenly, translate without a host exception', (t) => {
  const samples = Number(process.env.DECODER_SAMPLES ?? 1 << 18);
  const step = Math.floor(2 ** 32 / samples);
  let undef = 0, ok = 0;
  let failure: string | undefined;
  // A prime offset walks the low bits too, so fields at every position vary.
  for (let k = 0; k < samples && !failure; k++) {
    const word = (k * step + ((k * 2654435761) % step)) >>> 0;
    try {
      const block = translateBlock(() => word | 0, { lo: 0x10000, hi: 0 }, 0, { single: true });
      verify(block);
      if (block.terminal?.kind === 'Undefined') undef++;
      else ok++;
    } catch (e) {
      failure = `word 0x${word.toString(16).padStart(8, '0')}: ${(e as Error).message}`;
    }
  }
  t.equal(failure, undefined, 'no host exception');
  t.ok(ok > 0 && undef > 0, `${ok} translated, ${undef} UNDEFINED`);
  t.end();
});
