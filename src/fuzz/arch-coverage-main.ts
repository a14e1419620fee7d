/**
 * `npm run coverage:arch -- [--samples N] [--seed S] [--lines L] [--objdump PATH]`:
 * prints which architecture encodings (as aarch64-linux-gnu-objdump knows them)
 * our decoder table lacks. N may be written 1<<20 or 2^20; default 2^20.
 */
import { archCoverage, formatArchCoverage } from './arch-coverage.js';

function parseCount(flag: string, v: string | undefined): number {
  if (v === undefined) throw new Error(`${flag} needs a value`);
  let m: RegExpExecArray | null;
  let n: number;
  if ((m = /^1<<(\d+)$/.exec(v))) n = 2 ** Number(m[1]);
  else if ((m = /^2\^(\d+)$/.exec(v))) n = 2 ** Number(m[1]);
  else n = Number(v);
  if (!Number.isInteger(n)) throw new Error(`${flag}: not an integer: ${v}`);
  return n;
}

function main(argv: string[]): number {
  let samples = 1 << 20, seed = 1, lines = 60;
  let objdump: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case '--samples': samples = parseCount(flag, value()); break;
      case '--seed': seed = parseCount(flag, value()); break;
      case '--lines': lines = parseCount(flag, value()); break;
      case '--objdump': objdump = value(); break;
      case '-h': case '--help':
        console.log('usage: coverage:arch [--samples N] [--seed S] [--lines L] [--objdump PATH]');
        return 0;
      default: throw new Error(`unknown argument: ${a}`);
    }
  }
  const t0 = Date.now();
  const c = archCoverage({ samples, seed, ...(objdump ? { objdump } : {}) });
  console.log(formatArchCoverage(c, lines));
  console.log(`\n(${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  console.error(`coverage:arch: ${(e as Error).message}`);
  process.exitCode = 1;
}
