/**
 * Micro-benchmarks (benchmark.js) of the translation pipeline on real code:
 * the words of a committed guest binary's text segment.
 *   decode          words per second through the decoder table
 *   translate       blocks per second to optimized IR
 *   emit+compile    regions per second to JS source and through new Function
 */
import Benchmark from 'benchmark';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { emitRegion, compileRegion, emptyLinkTable } from '../src/backend-js/emit.js';
import { PARAMS } from '../src/backend-js/abi.js';
import { a64Decoder } from '../src/frontend/decoder/table.js';
import { translateBlock } from '../src/frontend/translate/translate.js';
import { optimize } from '../src/ir/opt/pipeline.js';
import type { Block } from '../src/ir/value.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const elf = readFileSync(join(root, 'guests/bin/bench-coremark-like'));
// The text of a static glibc binary: take 64 KiB after the ELF headers as a corpus of real words.
const text = new Int32Array(elf.buffer.slice(elf.byteOffset + 0x1000, elf.byteOffset + 0x11000));
const d = a64Decoder();
const fetchAt = (lo: number) => text[((lo - 0x10000) >>> 2) % text.length]!;
const starts = Array.from({ length: 200 }, (_, k) => 0x10000 + 4 * ((k * 97) % text.length));
const blocks: Block[] = starts.map((s) => {
  const b = translateBlock(fetchAt, { lo: s, hi: 0 }, 0);
  optimize(b);
  return b;
});
const insns = blocks.reduce((n, b) => n + b.guestCount, 0);
let sink = 0;
// Compiled, never run: the closure bindings only need to exist.
const env = { args: PARAMS.map(() => undefined), link: emptyLinkTable() };
let i = 0;
new Benchmark.Suite()
  .add('decode (word)', () => {
    sink ^= d.decode(text[i++ % text.length]!)?.index ?? 0;
  })
  .add('translate+optimize (block)', () => {
    const b = translateBlock(fetchAt, { lo: starts[i++ % starts.length]!, hi: 0 }, 0);
    optimize(b);
    sink ^= b.insts.length;
  })
  .add('emit+compile (single-block region)', () => {
    const f = compileRegion(emitRegion([blocks[i++ % blocks.length]!]), env);
    sink ^= f.length;
  })
  .on('cycle', (e) => {
    const t = e.target;
    console.log(`${t.name}: ${(1e6 / t.hz!).toFixed(2)} us/op (±${t.stats.rme.toFixed(1)}%)`);
  })
  .on('complete', () => {
    console.log(`(corpus: ${blocks.length} blocks, ${(insns / blocks.length).toFixed(1)} guest instructions per block; sink ${sink & 1})`);
  })
  .run();
