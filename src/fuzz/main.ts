/**
 * npm run fuzz -- --seed S --per-row N [--rows PATTERN] [--tier T] [--sequences N] [--max-seq-len N] [--batch N] [--table] [--arch-samples N]
 * --arch-samples: words sampled for the architecture coverage table (which encodings binutils knows that the table lacks; 0 = skip).
 * Ends with "fuzz: rows R/T, instructions N, mismatches M"; exits 1 when M > 0.
 */
import type { Tier } from '../runtime/engine.js';
import { runFuzz } from './fuzz.js';
import { formatReport } from './report.js';
import { qemuMissing } from './run.js';
import { archCoverage, formatArchCoverage } from './arch-coverage.js';

const USAGE = 'usage: npm run fuzz -- [--seed S] [--per-row N] [--rows REGEX] [--tier interp|jit|both] [--sequences N] [--max-seq-len N] [--batch N] [--table] [--arch-samples N] [--quiet]';

/** Progress on stderr: one updating line on a terminal, a line every 30 s otherwise (logs, CI). */
function progressPrinter(): (m: string) => void {
  if (process.stderr.isTTY) return (m) => process.stderr.write(`\r${m}\x1b[K`);
  let last = performance.now();
  return (m) => {
    if (performance.now() - last < 30_000) return;
    last = performance.now();
    process.stderr.write(m + '\n');
  };
}

function main(argv: string[]): number {
  const opt = { seed: 12345, perRow: 200, rows: undefined as RegExp | undefined, tiers: ['interp', 'jit'] as Tier[], sequences: -1, maxSeqLen: 12, batch: 1000, table: false, quiet: false, archSamples: 1 << 18 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [name, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${name} needs a value`);
      return v;
    };
    const int = (): number => {
      const v = value();
      if (!/^\d+$/.test(v)) throw new Error(`${name}: '${v}' is not a non-negative integer`);
      return Number(v);
    };
    switch (name) {
      case '--seed': opt.seed = int(); break;
      case '--per-row': opt.perRow = int(); break;
      case '--rows': opt.rows = new RegExp(value()); break;
      case '--tier': {
        const t = value();
        if (t === 'both') opt.tiers = ['interp', 'jit'];
        else if (t === 'interp' || t === 'jit') opt.tiers = [t];
        else throw new Error(`--tier: '${t}' is not interp, jit or both`);
        break;
      }
      case '--sequences': opt.sequences = int(); break;
      case '--max-seq-len': opt.maxSeqLen = Math.max(2, int()); break;
      case '--batch': opt.batch = Math.max(1, int()); break;
      case '--table': opt.table = true; break;
      case '--arch-samples': opt.archSamples = int(); break;
      case '--quiet': opt.quiet = true; break;
      case '--help': case '-h': process.stdout.write(USAGE + '\n'); return 0;
      default: throw new Error(`unknown option '${a}'\n${USAGE}`);
    }
  }
  const missing = qemuMissing();
  if (missing) throw new Error(missing);
  const sequences = opt.sequences >= 0 ? opt.sequences : Math.max(100, Math.floor(opt.perRow * 20));
  const report = runFuzz({
    seed: opt.seed,
    perRow: opt.perRow,
    ...(opt.rows ? { rows: opt.rows } : {}),
    tiers: opt.tiers,
    sequences,
    maxSeqLen: opt.maxSeqLen,
    batch: opt.batch,
    ...(opt.quiet ? {} : { progress: progressPrinter() }),
  });
  if (!opt.quiet && process.stderr.isTTY) process.stderr.write('\n');
  if (opt.archSamples > 0) {
    try {
      process.stdout.write(formatArchCoverage(archCoverage({ samples: opt.archSamples, seed: opt.seed }), 30) + '\n');
    } catch (e) {
      process.stdout.write(`architecture coverage not measured: ${(e as Error).message}\n`);
    }
  }
  process.stdout.write(formatReport(report, opt.table) + '\n');
  return report.mismatches > 0 || report.problems.length > 0 ? 1 : 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`jitvisor fuzz: ${(e as Error).message}\n`);
  process.exitCode = 2;
}
