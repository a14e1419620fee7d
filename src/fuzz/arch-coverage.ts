/**
 * Architecture coverage of the decoder table: which A64 encodings exist in
 * the architecture (as GNU binutils knows it) but are not in our decoder
 * table at all, and the reverse, words our table accepts that binutils calls
 * undefined.
 *
 * `samples` words are spread evenly over all 2^32 (word k lies in the k-th
 * of `samples` equal slices, at a seeded pseudo-random offset inside it), written
 * into one temporary binary file and disassembled by `aarch64-linux-gnu-objdump
 * -D -z -b binary -m aarch64 -M no-aliases` in a few chunks; its output is parsed
 * line by line (address, word, mnemonic, operands).
 *
 * Classification of objdump's answer for a word:
 *  - `.inst 0x... ; undefined` and `udf #imm` (permanently UNDEFINED) are
 *    architecturally undefined;
 *  - `.inst 0x... ; NYI` (binutils recognises the class but does not print it)
 *    is unknown: counted apart, in neither direction;
 *  - anything else is an instruction (`archValid`).
 * `-M no-aliases` makes objdump name the underlying encoding (`orr`, `sbfm`,
 * `sel`), so that one encoding is one group, not split by its aliases.
 *
 * A row of our table may still refuse a word in its translator (a reserved
 * field value, FP16 under a row that has the `ftype` field, a system register
 * the table lacks): every word the decoder accepts is also translated once
 * (single instruction, no execution) to tell "in the table and translated" from
 * "in the table but UNDEFINED at translation". `decoded` counts the table only,
 * as the question is "which encodings are not in our table at all"; the
 * translation figures are reported beside it.
 *
 * Caveat: binutils is lenient in places (e.g. it prints MSR/SYS with op0 = 0
 * as `msr s0_...`, which the architecture leaves unallocated), so a `missing`
 * entry is "objdump prints it", not "the Arm ARM allocates it" - read the example.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { a64Decoder } from '../frontend/decoder/table.js';
import { translateBlock } from '../frontend/translate/translate.js';

export interface MissingEncoding {
  /** objdump's mnemonic (with `-M no-aliases`), e.g. `ldapr`, `fadd`, `ld1w`. */
  mnemonic: string;
  /** Sampled words in this group. */
  count: number;
  /** One word of the group (the lowest sampled). */
  example: number;
  /** objdump's text for the example, e.g. `ldapr w0, [x1]`. */
  disasm: string;
  /**
   * The architecture feature, where binutils' output makes it evident (SVE and
   * SME from the register operands, FP16 from half-precision operands, a small
   * table of Armv8.1+ mnemonics); undefined when not evident. Part of the group
   * key: `fadd` [SVE] and `fadd` [FP16] are two entries.
   */
  feature?: string;
  /** In `undefinedAtTranslate` only: our decoder row that accepts the example. */
  row?: string;
}

export interface AcceptedButArchUndefined {
  word: number;
  /** Our decoder row id. */
  row: string;
  /** objdump's text (`.inst 0x... ; undefined` or `udf #...`). */
  disasm: string;
  /** True when our translator also accepts it (it would run); false when the row's translator raises UNDEFINED. */
  translated: boolean;
}

export interface AcceptedRow {
  row: string;
  /** Sampled words of this row that objdump calls undefined. */
  count: number;
  /** Of those, how many the translator accepts (the rest it turns into UNDEFINED itself). */
  translated: number;
}

export interface ArchCoverage {
  /** Words sampled. */
  sampled: number;
  /** Sampled words objdump disassembles as an instruction. */
  archValid: number;
  /** Of the `archValid` words, those our decoder accepts (so archValid - decoded are missing). */
  decoded: number;
  /** The archValid words our decoder rejects, grouped by mnemonic (and feature), sorted by count desc. */
  missing: MissingEncoding[];
  /**
   * Up to 20 words our decoder accepts but objdump calls undefined (our bugs or binutils gaps):
   * the first sampled word of each row in `acceptedButArchUndefinedRows` order (rows whose words
   * our translator also accepts, i.e. that would run, first), then further words of those rows.
   */
  acceptedButArchUndefined: AcceptedButArchUndefined[];
  /** How many such words in all. */
  acceptedButArchUndefinedCount: number;
  /** Of those, how many our translator accepts too. */
  acceptedButArchUndefinedTranslated: number;
  /** The same words by decoder row, sorted by translated desc, then count desc. */
  acceptedButArchUndefinedRows: AcceptedRow[];
  /** Of the `decoded` words, how many the row's translator turns into UNDEFINED. */
  decodedButUndefined: number;
  /** Those words, grouped like `missing` (with the row), sorted by count desc. */
  undefinedAtTranslate: MissingEncoding[];
  /** Words objdump prints as `.inst ... ; NYI` (class known to binutils, not disassembled): in neither count. */
  objdumpNyi: number;
  /** Of those NYI words, how many our decoder accepts. */
  objdumpNyiDecoded: number;
  /** The seed and objdump used, for the report. */
  seed: number;
  objdump: string;
}

export const DEFAULT_OBJDUMP = 'aarch64-linux-gnu-objdump';
export const INSTALL_HINT =
  'install the AArch64 GNU binutils: sudo apt-get install binutils-aarch64-linux-gnu ' +
  '(`npm test` does this through scripts/ensure-tools.sh)';

const REVERSE_KEEP = 20;
/** Words per objdump run: bounds the size of one output buffer (about 47 bytes a line). */
const CHUNK_WORDS = 1 << 18;

/** mulberry32: a small, well-mixed 32-bit PRNG; deterministic for the seed. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The sampled words, ascending and distinct: word k is floor(k * 2^32 / samples)
 * plus a seeded offset below that slice's width.
 */
export function sampleWords(samples: number, seed: number): Uint32Array {
  if (!Number.isInteger(samples) || samples < 1 || samples > 2 ** 32) {
    throw new Error(`archCoverage: samples must be an integer in 1..2^32, got ${samples}`);
  }
  if (!Number.isInteger(seed)) throw new Error(`archCoverage: seed must be an integer, got ${seed}`);
  const rand = mulberry32(seed);
  const words = new Uint32Array(samples);
  const span = 2 ** 32;
  for (let k = 0; k < samples; k++) {
    const lo = Math.floor((k * span) / samples);
    const hi = Math.floor(((k + 1) * span) / samples);
    words[k] = lo + Math.floor(rand() * (hi - lo));
  }
  return words;
}

// ---------------------------------------------------------------------------
// Feature, where evident from objdump's text

const MNEMONIC_FEATURE: ReadonlyArray<[RegExp, string]> = [
  [/^(ldapr|ldaprb|ldaprh)$/, 'RCPC'],
  [/^(ldapur|ldapurb|ldapurh|ldapursb|ldapursh|ldapursw|stlur|stlurb|stlurh)$/, 'RCPC2'],
  [/^(ldiapp|stilp|ldap1|stl1)$/, 'RCPC3'],
  [/^fjcvtzs$/, 'JSCVT'],
  [/^(ldlar|ldlarb|ldlarh|stllr|stllrb|stllrh)$/, 'LOR'],
  [/^(dcps1|dcps2|dcps3|drps)$/, 'Debug state (UNDEFINED outside it)'],
  [/^(pac|aut|xpac)|^(retaa|retab|eretaa|eretab|braa|brab|blraa|blrab|braaz|brabz|blraaz|blrabz|ldraa|ldrab)$/, 'PAuth'],
  [/^(sqrdmlah|sqrdmlsh)$/, 'RDM'],
  [/^(fcadd|fcmla)$/, 'FCMA'],
  [/^(sdot|udot)$/, 'DotProd'],
  [/^(usdot|sudot|smmla|ummla|usmmla)$/, 'I8MM'],
  [/^(bfdot|bfmmla|bfmlalb|bfmlalt|bfcvt|bfcvtn|bfcvtn2)$/, 'BF16'],
  [/^(fmlal|fmlal2|fmlsl|fmlsl2)$/, 'FHM'],
  [/^(aese|aesd|aesmc|aesimc|pmull|pmull2)$/, 'AES'],
  [/^(sha1c|sha1h|sha1m|sha1p|sha1su0|sha1su1|sha256h|sha256h2|sha256su0|sha256su1)$/, 'SHA1/SHA256'],
  [/^(sha512h|sha512h2|sha512su0|sha512su1)$/, 'SHA512'],
  [/^(eor3|rax1|xar|bcax)$/, 'SHA3'],
  [/^(sm3ss1|sm3tt1a|sm3tt1b|sm3tt2a|sm3tt2b|sm3partw1|sm3partw2|sm4e|sm4ekey)$/, 'SM3/SM4'],
  [/^(frint32x|frint32z|frint64x|frint64z)$/, 'FRINTTS'],
  [/^(cfinv|rmif|setf8|setf16)$/, 'FlagM'],
  [/^(axflag|xaflag)$/, 'FlagM2'],
  [/^(irg|gmi|subp|subps|addg|subg|stg|stzg|st2g|stz2g|stgp|ldg|ldgm|stgm|stzgm)$/, 'MTE'],
  [/^(cpy|set)[a-z]*$/, 'MOPS'],
  [/^bc\./, 'HBC'],
  [/^(ld64b|st64b|st64bv|st64bv0)$/, 'LS64'],
  [/^(wfet|wfit)$/, 'WFxT'],
  [/^(tstart|tcommit|tcancel|ttest)$/, 'TME'],
  [/^(rcw|rcws)[a-z]*$/, 'THE'],
  [/^(ldclrp|ldsetp|swpp)[a-z]*$/, 'LSE128'],
  [/^rprfm$/, 'RPRFM'],
  [/^(gcs)[a-z]*$/, 'GCS'],
  [/^(cas|casp|swp|ld(add|clr|eor|set|smax|smin|umax|umin)|st(add|clr|eor|set|smax|smin|umax|umin))/, 'LSE'],
  [/^sb$/, 'SB'],
  [/^(brb)$/, 'BRBE'],
  [/^(chkfeat)$/, 'CHK'],
  [/^(tcheck|trcit)$/, 'ITE'],
];

const SME_RE = /\bza(\d+[hv]?(\.[bhsdq])?)?\b|\bzt0\b/;
const SVE_RE = /\bz\d+(\.[bhsdq])?\b|\bpn?\d+(\.[bhsd]|\/[zm])?\b|\bvl[x24]?\b|\bmul vl\b/;
const VEC_RE = /\bv\d+\.(\d+)?[bhsdq]\b|\bv\d+\.[bhsd]\[/;

const SVE_SCALAR = /^(rdvl|addvl|addpl|setffr|rdffr|rdffrs|wrffr|ptrue|ptrues|pfalse|ctermeq|ctermne|cnt[bhwd]|inc[bhwd]|dec[bhwd]|[su]q(inc|dec)[bhwdp]|whilel[eot]|whileg[et]|whileh[is]|whilerw|whilewr)$/;
const SME_SCALAR = /^(smstart|smstop|rdsvl|addsvl|addspl)$/;

/** The feature, where objdump's text makes it evident. */
export function featureOf(mnemonic: string, operands: string): string | undefined {
  const ops = operands.replace(/\s*\/\/.*$/, '');
  if (SME_SCALAR.test(mnemonic) || SME_RE.test(ops)) return 'SME';
  if (SVE_RE.test(ops) || SVE_SCALAR.test(mnemonic)) return 'SVE';
  for (const [re, feat] of MNEMONIC_FEATURE) if (re.test(mnemonic)) return feat;
  if (/^(abs|cnt|ctz|smax|smin|umax|umin)$/.test(mnemonic) && /^[wx](\d+|zr)\b/.test(ops)) return 'CSSC';
  if (/^(mrs|msr|sys|sysl)$/.test(mnemonic) && /\bs0_\d+_c\d+_c\d+_\d+\b/.test(ops)) return 'op0=0 (unallocated; binutils is lenient)';
  const fp = /^f/.test(mnemonic) || /^(scvtf|ucvtf)$/.test(mnemonic);
  if (fp && /\.\d*h\b|(^|[\s,{])h\d+\b/.test(ops)) return 'FP16';
  if (VEC_RE.test(ops)) return 'AdvSIMD';
  return undefined;
}

// ---------------------------------------------------------------------------
// Running objdump

function objdumpFailure(objdump: string, what: string): Error {
  return new Error(`archCoverage: ${what.includes(objdump) ? what : `${what} (objdump: ${objdump})`}; ${INSTALL_HINT}`);
}

/** Runs objdump on `file` and returns its stdout; throws a clear Error when it cannot. */
function runObjdump(objdump: string, file: string, expectBytes: number): string {
  const r = spawnSync(objdump, ['-D', '-z', '-b', 'binary', '-m', 'aarch64', '-M', 'no-aliases', file], {
    encoding: 'latin1',
    // About 47 bytes of output a word; leave ample room.
    maxBuffer: Math.max(64 << 20, expectBytes * 40),
  });
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw objdumpFailure(objdump, `${objdump} not found`);
    if (code === 'EACCES') throw objdumpFailure(objdump, `${objdump} is not executable`);
    throw objdumpFailure(objdump, `running ${objdump} failed: ${r.error.message}`);
  }
  if (r.status !== 0) {
    const err = (r.stderr ?? '').trim().split('\n').slice(0, 3).join(' | ');
    throw objdumpFailure(objdump, `${objdump} exited with ${r.status ?? r.signal}${err ? `: ${err}` : ''}`);
  }
  return r.stdout;
}

/** One parsed objdump line. */
interface Line {
  index: number;
  word: number;
  mnemonic: string;
  operands: string;
}

// "   1c:\t1e602800 \tfadd\td0, d0, d0"
const LINE_RE = /^\s*([0-9a-f]+):\t([0-9a-f]{8}) \t([^\t]+?)\s*(?:\t(.*))?$/;

/** Calls `each` for every instruction line of objdump's output, in order. */
function parseObjdump(out: string, each: (l: Line) => void): void {
  let pos = 0;
  while (pos < out.length) {
    let end = out.indexOf('\n', pos);
    if (end < 0) end = out.length;
    const m = LINE_RE.exec(out.slice(pos, end));
    pos = end + 1;
    if (!m) continue;
    each({ index: parseInt(m[1]!, 16) / 4, word: parseInt(m[2]!, 16), mnemonic: m[3]!, operands: (m[4] ?? '').trim() });
  }
}

function disasmText(l: Line): string {
  return (l.operands ? `${l.mnemonic} ${l.operands}` : l.mnemonic).replace(/\t/g, ' ');
}

function hex(w: number): string {
  return `0x${(w >>> 0).toString(16).padStart(8, '0')}`;
}

// ---------------------------------------------------------------------------

/** Does our translator accept the word (true), or does its row raise UNDEFINED (false)? */
function translates(word: number): boolean {
  try {
    const block = translateBlock(() => word | 0, { lo: 0x10000, hi: 0 }, 0, { single: true });
    return block.terminal?.kind !== 'Undefined';
  } catch (e) {
    throw new Error(`archCoverage: translating ${hex(word)} threw: ${(e as Error).message}`);
  }
}

/** Groups words by mnemonic and feature. */
class Groups {
  private readonly map = new Map<string, MissingEncoding>();
  add(l: Line, row?: string): void {
    const feature = featureOf(l.mnemonic, l.operands);
    const key = `${l.mnemonic}\u0000${feature ?? ''}\u0000${row ?? ''}`;
    const g = this.map.get(key);
    if (g) {
      g.count++;
      return;
    }
    const e: MissingEncoding = { mnemonic: l.mnemonic, count: 1, example: l.word, disasm: disasmText(l) };
    if (feature) e.feature = feature;
    if (row) e.row = row;
    this.map.set(key, e);
  }
  sorted(): MissingEncoding[] {
    const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    return [...this.map.values()].sort((a, b) =>
      b.count - a.count || cmp(a.mnemonic, b.mnemonic) || cmp(a.feature ?? '', b.feature ?? '') || cmp(a.row ?? '', b.row ?? ''));
  }
}

/**
 * Sample `samples` words spread evenly over all 2^32 (a stride plus seeded
 * jitter, deterministic for the seed), keep those objdump decodes as an
 * instruction, and group the ones our decoder rejects by mnemonic. Throws a
 * clear Error naming the install command (apt-get install
 * binutils-aarch64-linux-gnu) if objdump is missing.
 */
export function archCoverage(opts: { samples: number; seed: number; objdump?: string }): ArchCoverage {
  const objdump = opts.objdump ?? DEFAULT_OBJDUMP;
  const words = sampleWords(opts.samples, opts.seed);
  const decoder = a64Decoder();
  const missing = new Groups(), atTranslate = new Groups();
  const reverseRows = new Map<string, AcceptedRow>();
  const reverseExamples = new Map<string, { translated: AcceptedButArchUndefined[]; undef: AcceptedButArchUndefined[] }>();
  let archValid = 0, decoded = 0, decodedButUndefined = 0, reverseCount = 0, reverseTranslatedCount = 0, nyi = 0, nyiDecoded = 0;

  const dir = mkdtempSync(join(tmpdir(), 'jitvisor-arch-coverage-'));
  try {
    for (let start = 0; start < words.length; start += CHUNK_WORDS) {
      const chunk = words.subarray(start, Math.min(words.length, start + CHUNK_WORDS));
      const file = join(dir, `words-${start}.bin`);
      const buf = Buffer.alloc(chunk.length * 4);
      for (let i = 0; i < chunk.length; i++) buf.writeUInt32LE(chunk[i]!, i * 4);
      writeFileSync(file, buf);
      const out = runObjdump(objdump, file, buf.length);
      rmSync(file, { force: true });

      let expect = 0;
      parseObjdump(out, (l) => {
        if (l.index !== expect || l.word !== chunk[expect]) {
          throw objdumpFailure(objdump, `unexpected objdump output at word ${start + expect} ` +
            `(expected ${hex(chunk[expect] ?? 0)} at offset 0x${(expect * 4).toString(16)}, ` +
            `got ${hex(l.word)} at offset 0x${(l.index * 4).toString(16)}); is it an AArch64 objdump?`);
        }
        expect++;
        const row = decoder.decode(l.word | 0);
        if (l.mnemonic === '.inst' && /;\s*NYI\b/.test(l.operands)) {
          nyi++;
          if (row) nyiDecoded++;
          return;
        }
        if (l.mnemonic === '.inst' || l.mnemonic === 'udf') {
          if (row) {
            const tr = translates(l.word);
            reverseCount++;
            if (tr) reverseTranslatedCount++;
            const r = reverseRows.get(row.id) ?? { row: row.id, count: 0, translated: 0 };
            r.count++;
            if (tr) r.translated++;
            reverseRows.set(row.id, r);
            // Per row: up to REVERSE_KEEP translated and REVERSE_KEEP untranslated examples.
            const ex = reverseExamples.get(row.id) ?? { translated: [], undef: [] };
            const list = tr ? ex.translated : ex.undef;
            if (list.length < REVERSE_KEEP) list.push({ word: l.word, row: row.id, disasm: disasmText(l), translated: tr });
            reverseExamples.set(row.id, ex);
          }
          return;
        }
        archValid++;
        if (!row) {
          missing.add(l);
          return;
        }
        decoded++;
        if (!translates(l.word)) {
          decodedButUndefined++;
          atTranslate.add(l, row.id);
        }
      });
      if (expect !== chunk.length) {
        throw objdumpFailure(objdump, `objdump printed ${expect} of ${chunk.length} words ` +
          `(from word ${start}); is it an AArch64 objdump?`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const rows = [...reverseRows.values()].sort(
    (a, b) => b.translated - a.translated || b.count - a.count || (a.row < b.row ? -1 : 1));
  // Round robin over the rows: one example each, then a second each, ...
  const examples: AcceptedButArchUndefined[] = [];
  for (let round = 0; examples.length < REVERSE_KEEP && round < REVERSE_KEEP; round++) {
    for (const r of rows) {
      const ex = reverseExamples.get(r.row)!;
      const e = [...ex.translated, ...ex.undef][round];
      if (e && examples.length < REVERSE_KEEP) examples.push(e);
    }
  }
  return {
    sampled: words.length,
    archValid,
    decoded,
    missing: missing.sorted(),
    acceptedButArchUndefined: examples,
    acceptedButArchUndefinedCount: reverseCount,
    acceptedButArchUndefinedTranslated: reverseTranslatedCount,
    acceptedButArchUndefinedRows: rows,
    decodedButUndefined,
    undefinedAtTranslate: atTranslate.sorted(),
    objdumpNyi: nyi,
    objdumpNyiDecoded: nyiDecoded,
    seed: opts.seed,
    objdump,
  };
}

function pct(n: number, d: number): string {
  if (d === 0) return '-';
  const p = (100 * n) / d;
  return `${p.toFixed(p < 0.1 ? 2 : 1)}%`;
}

function table(rows: string[][], right: ReadonlySet<number>): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) =>
    r.map((cell, c) => (c === r.length - 1 ? cell : right.has(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join('  ').trimEnd());
}

function groupName(m: MissingEncoding): string {
  return m.mnemonic + (m.feature ? `[${m.feature}]` : '');
}

/**
 * A readable report: the summary, missing words by feature, the top `maxLines`
 * missing groups, the groups our table has but whose translator raises
 * UNDEFINED, and the reverse check.
 */
export function formatArchCoverage(c: ArchCoverage, maxLines = 60): string {
  const out: string[] = [];
  const miss = c.archValid - c.decoded;
  const indent = (lines: string[]) => lines.map((l) => `  ${l}`);
  out.push(`arch coverage: ${c.sampled} words sampled evenly over 2^32 (seed ${c.seed}), oracle ${c.objdump} -M no-aliases`);
  out.push(`  objdump decodes      ${String(c.archValid).padStart(9)}  (${pct(c.archValid, c.sampled)} of the space)`);
  out.push(`  in our decoder table ${String(c.decoded).padStart(9)}  (${pct(c.decoded, c.archValid)} of those)` +
    `; ${c.decodedButUndefined} of them UNDEFINED in the row's translator, ${c.decoded - c.decodedButUndefined} translated` +
    ` (${pct(c.decoded - c.decodedButUndefined, c.archValid)})`);
  out.push(`  not in our table     ${String(miss).padStart(9)}  (${pct(miss, c.archValid)}) in ${c.missing.length} mnemonic groups`);
  out.push(`  objdump NYI          ${String(c.objdumpNyi).padStart(9)}  (class known to binutils, not printed; counted in neither)` +
    (c.objdumpNyiDecoded ? `, of which our table accepts ${c.objdumpNyiDecoded}` : ''));
  out.push(`  our table accepts, objdump calls undefined: ${c.acceptedButArchUndefinedCount}` +
    ` (${c.acceptedButArchUndefinedTranslated} of them translated, the rest UNDEFINED in the translator)`);

  const byFeat = new Map<string, { words: number; groups: number }>();
  for (const m of c.missing) {
    const f = m.feature ?? '(base / not evident)';
    const e = byFeat.get(f) ?? { words: 0, groups: 0 };
    e.words += m.count;
    e.groups++;
    byFeat.set(f, e);
  }
  if (byFeat.size) {
    out.push('', 'not in our table, by feature (as evident from objdump text):');
    const rows = [['words', '%missing', 'groups', 'feature']];
    for (const [f, e] of [...byFeat].sort((a, b) => b[1].words - a[1].words || (a[0] < b[0] ? -1 : 1))) {
      rows.push([String(e.words), pct(e.words, miss), String(e.groups), f]);
    }
    out.push(...indent(table(rows, new Set([0, 1, 2]))));
  }

  const groupTable = (title: string, list: MissingEncoding[], withRow: boolean): void => {
    if (!list.length) return;
    const shown = list.slice(0, Math.max(0, maxLines));
    out.push('', `${title}, top ${shown.length} of ${list.length} groups:`);
    const rows = [['count', '%valid', 'mnemonic', 'feature', ...(withRow ? ['our row'] : []), 'example', 'objdump']];
    for (const m of shown) {
      rows.push([String(m.count), pct(m.count, c.archValid), m.mnemonic, m.feature ?? '-', ...(withRow ? [m.row ?? '-'] : []),
        hex(m.example), m.disasm]);
    }
    out.push(...indent(table(rows, new Set([0, 1]))));
    const rest = list.slice(shown.length);
    if (rest.length) {
      out.push(`  ... ${rest.length} more groups, ${rest.reduce((s, m) => s + m.count, 0)} words: ` +
        rest.slice(0, 40).map(groupName).join(' ') + (rest.length > 40 ? ' ...' : ''));
    }
  };
  groupTable('not in our decoder table', c.missing, false);
  groupTable('in our table, but the row\'s translator raises UNDEFINED', c.undefinedAtTranslate, true);

  if (c.acceptedButArchUndefinedCount) {
    out.push('', `our table accepts, objdump calls undefined: ${c.acceptedButArchUndefinedCount} words, by row ` +
      `(translated = our translator accepts it too, so it would run):`);
    const rows = [['words', 'translated', 'row']];
    for (const r of c.acceptedButArchUndefinedRows.slice(0, Math.max(0, maxLines))) rows.push([String(r.count), String(r.translated), r.row]);
    out.push(...indent(table(rows, new Set([0, 1]))));
    if (c.acceptedButArchUndefinedRows.length > maxLines) out.push(`  ... ${c.acceptedButArchUndefinedRows.length - maxLines} more rows`);
    out.push('', `  examples (one per row, rows in the order above):`);
    const ex = [['word', 'row', 'translated', 'objdump']];
    for (const r of c.acceptedButArchUndefined) ex.push([hex(r.word), r.row, r.translated ? 'yes' : 'no', r.disasm]);
    out.push(...indent(table(ex, new Set())));
  }
  return out.join('\n');
}
