/**
 * The architecture-coverage report (src/fuzz/arch-coverage.ts) against
 * aarch64-linux-gnu-objdump: on a small sample it finds objdump-valid words,
 * our decoder decodes some, and every `missing` example is really rejected by
 * our decoder and accepted by objdump. A missing objdump fails with the
 * install command; nothing is skipped.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { archCoverage, DEFAULT_OBJDUMP, featureOf, formatArchCoverage, sampleWords } from '../../src/fuzz/arch-coverage.js';
import { a64Decoder } from '../../src/frontend/decoder/table.js';
import { translateBlock } from '../../src/frontend/translate/translate.js';

const INSTALL = /apt-get install binutils-aarch64-linux-gnu/;

/** objdump's text for each word (mnemonic and operands, `-M no-aliases`). */
function disassemble(words: readonly number[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'arch-coverage-test-'));
  try {
    const file = join(dir, 'w.bin');
    const buf = Buffer.alloc(words.length * 4);
    words.forEach((w, i) => buf.writeUInt32LE(w >>> 0, i * 4));
    writeFileSync(file, buf);
    const r = spawnSync(DEFAULT_OBJDUMP, ['-D', '-z', '-b', 'binary', '-m', 'aarch64', '-M', 'no-aliases', file], { encoding: 'utf8' });
    if (r.error || r.status !== 0) throw new Error(`objdump failed: ${r.error?.message ?? r.stderr}`);
    return r.stdout.split('\n').filter((l) => /^\s*[0-9a-f]+:\t/.test(l)).map((l) => l.split('\t').slice(2).join(' ').trim());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function translates(word: number): boolean {
  return translateBlock(() => word | 0, { lo: 0x10000, hi: 0 }, 0, { single: true }).terminal?.kind !== 'Undefined';
}

t.test('sampling is even, ascending and deterministic for the seed', (t) => {
  const a = sampleWords(1 << 10, 7), b = sampleWords(1 << 10, 7), c = sampleWords(1 << 10, 8);
  t.same(Array.from(a), Array.from(b), 'same seed, same words');
  t.not(Array.from(a).join(), Array.from(c).join(), 'another seed, other words');
  for (let k = 0; k < a.length; k++) {
    t.ok(a[k]! >= k * 2 ** 22 && a[k]! < (k + 1) * 2 ** 22, `word ${k} in its slice`);
  }
  t.throws(() => sampleWords(0, 1), /samples/);
  t.end();
});

t.test('feature from objdump text', (t) => {
  t.equal(featureOf('add', 'z0.s, z0.s, z0.s'), 'SVE');
  t.equal(featureOf('ld1w', '{z0.s}, p0/z, [x0]'), 'SVE');
  t.equal(featureOf('zero', '{za}'), 'SME');
  t.equal(featureOf('ldapr', 'w0, [x1]'), 'RCPC');
  t.equal(featureOf('fadd', 'h0, h1, h2'), 'FP16');
  t.equal(featureOf('fadd', 'v0.8h, v1.8h, v2.8h'), 'FP16');
  t.equal(featureOf('sdot', 'v0.4s, v1.16b, v2.16b'), 'DotProd');
  t.equal(featureOf('cnt', 'v0.8b, v1.8b'), 'AdvSIMD');
  t.equal(featureOf('cnt', 'x0, x1'), 'CSSC');
  t.equal(featureOf('add', 'x0, x1, x2'), undefined);
  t.equal(featureOf('ldlar', 'w0, [x1]'), 'LOR');
  t.equal(featureOf('incw', 'x6, #15'), 'SVE');
  t.equal(featureOf('umax', 'wzr, w3, #12'), 'CSSC');
  t.equal(featureOf('fminnmp', 'h10, v28.2h'), 'FP16');
  t.end();
});

t.test('small sample against objdump', (t) => {
  const c = archCoverage({ samples: 1 << 14, seed: 1 });
  t.equal(c.sampled, 1 << 14);
  t.ok(c.archValid > 0, `objdump decodes ${c.archValid} words`);
  t.ok(c.decoded > 0, `we decode ${c.decoded} of them`);
  t.ok(c.decoded <= c.archValid);
  t.equal(c.missing.reduce((s, m) => s + m.count, 0), c.archValid - c.decoded, 'missing groups sum to archValid - decoded');
  for (let i = 1; i < c.missing.length; i++) t.ok(c.missing[i - 1]!.count >= c.missing[i]!.count, 'sorted by count');

  const d = a64Decoder();
  const examples = c.missing.map((m) => m.example);
  const texts = disassemble(examples);
  t.equal(texts.length, examples.length, 'objdump printed every example');
  c.missing.forEach((m, i) => {
    const tag = `${m.mnemonic}${m.feature ? ` [${m.feature}]` : ''} 0x${m.example.toString(16).padStart(8, '0')}`;
    t.match(m.mnemonic, /^[a-z][a-z0-9]*(\.[a-z0-9]+)*$/, `${tag}: mnemonic is well formed`);
    t.ok(m.count > 0, `${tag}: count`);
    t.equal(d.decode(m.example | 0), undefined, `${tag}: our decoder rejects the example`);
    const text = texts[i] ?? '';
    t.notMatch(text, /^(\.inst|udf)\b/, `${tag}: objdump accepts the example`);
    t.equal(text.split(/\s+/)[0], m.mnemonic, `${tag}: objdump names it ${m.mnemonic}`);
    // PC-relative targets are printed as absolute file offsets, which differ between the two runs.
    const norm = (s: string) => s.replace(/\s+/g, ' ').replace(/\b0x[0-9a-f]+\b/g, '0x_');
    t.equal(norm(m.disasm), norm(text), `${tag}: disasm is objdump's text`);
  });
  // In the table, but the row's translator raises UNDEFINED: objdump accepts, our decoder accepts, translation refuses.
  t.ok(c.decodedButUndefined <= c.decoded);
  t.equal(c.undefinedAtTranslate.reduce((s, m) => s + m.count, 0), c.decodedButUndefined, 'undefinedAtTranslate sums up');
  const atTexts = disassemble(c.undefinedAtTranslate.map((m) => m.example));
  c.undefinedAtTranslate.forEach((m, i) => {
    const tag = `${m.mnemonic} 0x${m.example.toString(16).padStart(8, '0')}`;
    t.equal(d.decode(m.example | 0)?.id, m.row, `${tag}: accepted by row ${m.row}`);
    t.equal(translates(m.example), false, `${tag}: the translator raises UNDEFINED`);
    t.equal(atTexts[i]?.split(/\s+/)[0], m.mnemonic, `${tag}: objdump accepts it`);
  });

  // The reverse check: our decoder accepts, objdump calls undefined.
  t.ok(c.acceptedButArchUndefined.length <= 20);
  t.ok(c.acceptedButArchUndefined.length <= c.acceptedButArchUndefinedCount);
  t.ok(c.acceptedButArchUndefinedTranslated <= c.acceptedButArchUndefinedCount);
  t.equal(c.acceptedButArchUndefinedRows.reduce((s, r) => s + r.count, 0), c.acceptedButArchUndefinedCount, 'rows sum up');
  const revTexts = disassemble(c.acceptedButArchUndefined.map((r) => r.word));
  c.acceptedButArchUndefined.forEach((r, i) => {
    const tag = `0x${r.word.toString(16).padStart(8, '0')}`;
    t.equal(d.decode(r.word | 0)?.id, r.row, `${tag}: accepted as ${r.row}`);
    t.equal(translates(r.word), r.translated, `${tag}: translated flag`);
    t.match(revTexts[i] ?? '', /^(\.inst .*undefined|udf\b)/, `${tag}: objdump calls it undefined`);
  });

  const again = archCoverage({ samples: 1 << 14, seed: 1 });
  t.same(again, c, 'deterministic for the seed');

  const text = formatArchCoverage(c, 10);
  t.match(text, /objdump decodes\s+\d+/);
  if (c.missing.length) t.match(text, new RegExp(`\\b${c.missing[0]!.mnemonic.replace(/\./g, '\\.')}\\b`));
  t.end();
});

t.test('a missing objdump gives a clear error with the install command', (t) => {
  t.throws(() => archCoverage({ samples: 16, seed: 1, objdump: '/nonexistent/aarch64-linux-gnu-objdump' }),
    { message: INSTALL });
  t.throws(() => archCoverage({ samples: 16, seed: 1, objdump: '/nonexistent/aarch64-linux-gnu-objdump' }),
    { message: /not found/ });
  // A program that runs but prints no disassembly.
  t.throws(() => archCoverage({ samples: 16, seed: 1, objdump: 'true' }), { message: INSTALL });
  t.end();
});
