/**
 * Table checks for the load/store rows: every row has a translator and at
 * least one word in the load-store tests that decodes to it; the encodings
 * this machine does not implement (later architecture versions, reserved
 * values) match no row, so they are UNDEFINED.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { LDST_ROWS } from '../../src/frontend/decoder/a64-ldst.table.js';
import { a64Decoder } from '../../src/frontend/decoder/table.js';
import { HANDLERS } from '../../src/frontend/translate/handlers.js';
import { LDST_HANDLERS } from '../../src/frontend/translate/impl/load-store.js';

t.test('every load/store row has a handler, and every handler a row', (tt) => {
  const ids = new Set<string>(LDST_ROWS.map((r) => r.id));
  tt.equal(ids.size, LDST_ROWS.length, 'ids are unique');
  for (const r of LDST_ROWS) {
    tt.equal(typeof (LDST_HANDLERS as Record<string, unknown>)[r.id], 'function', `${r.id} has a handler`);
    tt.equal(HANDLERS[r.id], (LDST_HANDLERS as Record<string, unknown>)[r.id], `${r.id} is registered`);
  }
  for (const id of Object.keys(LDST_HANDLERS)) tt.ok(ids.has(id), `handler ${id} has a row`);
  tt.end();
});

t.test('every load/store row is exercised by a word in the load-store tests', (tt) => {
  // Sources sit next to the compiled tests' origin: dist/test/frontend -> test/frontend.
  const dir = fileURLToPath(new URL('../../../test/frontend/', import.meta.url));
  const files = readdirSync(dir).filter((f) => /^load-store.*\.test\.ts$/.test(f));
  tt.ok(files.length >= 4, `found the test sources (${files.join(', ')})`);
  const dec = a64Decoder();
  const hit = new Set<string>();
  for (const f of files) {
    for (const m of readFileSync(dir + f, 'utf8').matchAll(/\b0x([0-9a-f]{8})\b/g)) {
      const row = dec.decode(parseInt(m[1]!, 16) | 0);
      if (row) hit.add(row.id);
    }
  }
  for (const r of LDST_ROWS) tt.ok(hit.has(r.id), `${r.id} is tested`);
  tt.end();
});

t.test('unimplemented and reserved load/store encodings match no row', (tt) => {
  const dec = a64Decoder();
  const undefinedWords: [number, string][] = [
    [0x69000440, 'stgp x0, x1, [x2] (FEAT_MTE)'],
    [0xd9200820, 'stg x0, [x1] (FEAT_MTE)'],
    [0xd9600020, 'ldg x0, [x1] (FEAT_MTE)'],
    [0xf8bfc020, 'ldapr x0, [x1] (FEAT_LRCPC)'],
    [0x38bfc020, 'ldaprb w0, [x1] (FEAT_LRCPC)'],
    [0x08df7c20, 'ldlarb w0, [x1] (FEAT_LOR)'],
    [0xc8df7c20, 'ldlar x0, [x1] (FEAT_LOR)'],
    [0xc89f7c20, 'stllr x0, [x1] (FEAT_LOR)'],
    [0x489f7c20, 'stllrh w0, [x1] (FEAT_LOR)'],
    [0xf8200420, 'ldraa x0, [x1] (FEAT_PAuth)'],
    [0xf8a01c20, 'ldrab x0, [x1, #8]! (FEAT_PAuth)'],
    [0xd95ff020, 'ldapur x0, [x1, #-1] (FEAT_LRCPC2)'],
    [0x99000020, 'stlur w0, [x1] (FEAT_LRCPC2)'],
    [0x68400440, 'LDPSW encoding with no-allocate mode: unallocated'],
    [0xf8800c20, 'PRFM pre-index: unallocated'],
    [0xb9c00020, 'LDR size=10 opc=11: unallocated'],
    [0xfc400820, 'LDTR of a SIMD&FP register: unallocated'],
    [0x4c401000, 'SIMD load multiple opcode 0001: unallocated'],
    [0xc8a10002, 'CAS with Rt2 != 11111: unallocated'],
    [0xf8219020, 'atomic o3=1 opc=001: unallocated'],
  ];
  for (const [w, what] of undefinedWords) tt.equal(dec.decode(w | 0)?.id, undefined, what);
  tt.end();
});
