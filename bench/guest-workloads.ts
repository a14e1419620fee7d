/**
 * Guest workload benchmark: runs each guests/bin/bench-* program under
 * jitvisor and under qemu-aarch64 in the same run, alternating, several
 * times, and prints medians: guest instructions, wall time, MIPS, and the
 * speed ratio against qemu (qemu time / jitvisor time: 1.0 means as fast).
 *
 *   npm run bench [-- --runs N] [--tier T] [--only NAME]
 * Output of every run is checked against guests/expected/NAME.stdout.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const opt = (name: string, dflt: string): string => {
  const k = args.indexOf(name);
  return k >= 0 && args[k + 1] ? args[k + 1]! : dflt;
};
const runs = Number(opt('--runs', '3'));
const tier = opt('--tier', 'auto');
const only = opt('--only', '');
const QEMU_CPU = 'cortex-a53';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function timeRun(cmd: string, argv: string[]): { ms: number; stdout: string; stderr: string; status: number | null } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { ms, stdout: r.stdout, stderr: r.stderr, status: r.status };
}

const qemu = spawnSync('qemu-aarch64', ['-version'], { encoding: 'utf8' });
if (qemu.status !== 0) {
  console.error('bench: qemu-aarch64 not found: run `bash scripts/ensure-tools.sh` (installs qemu-user)');
  process.exit(1);
}

const names = readdirSync(join(root, 'guests/bin'))
  .filter((n) => n.startsWith('bench-') && (!only || n.includes(only)))
  .sort();
const rows: string[][] = [['workload', 'guest insns', 'jitvisor ms', 'main thread ms', 'MIPS', 'qemu ms', 'qemu MIPS', 'ratio']];
const ratios: number[] = [];
for (const name of names) {
  const bin = join(root, 'guests/bin', name);
  const expectedFile = join(root, 'guests/expected', `${name}.stdout`);
  const expected = existsSync(expectedFile) ? readFileSync(expectedFile, 'utf8') : undefined;
  const jt: number[] = [], qt: number[] = [], mt: number[] = [];
  let insns = 0;
  for (let k = 0; k < runs; k++) {
    const j = timeRun(process.execPath, [join(root, 'bin/jitvisor.js'), 'run', '--stats', `--tier=${tier}`, bin]);
    if (j.status !== 0 || (expected !== undefined && j.stdout !== expected)) {
      console.error(`bench: ${name}: jitvisor ${j.status !== 0 ? `exited ${j.status}` : 'printed the wrong output'}\n${j.stderr.slice(0, 2000)}`);
      process.exit(1);
    }
    const m = /guest instructions\s+([\d,]+)/.exec(j.stderr);
    insns = m ? Number(m[1]!.replace(/,/g, '')) : 0;
    jt.push(j.ms);
    // CPU time of jitvisor's main thread (the guest; the rest is V8 compiling in the background), where the OS says.
    const mm = /main thread (\d+) ms/.exec(j.stderr);
    if (mm) mt.push(Number(mm[1]));
    const q = timeRun('qemu-aarch64', ['-cpu', QEMU_CPU, bin]);
    if (q.status !== 0) {
      console.error(`bench: ${name}: qemu-aarch64 exited ${q.status}`);
      process.exit(1);
    }
    qt.push(q.ms);
    process.stderr.write(`  ${name} run ${k + 1}/${runs}: jitvisor ${j.ms.toFixed(0)} ms, qemu ${q.ms.toFixed(0)} ms\n`);
  }
  const j = median(jt), q = median(qt);
  const ratio = q / j;
  ratios.push(ratio);
  rows.push([name, insns.toLocaleString('en-US'), j.toFixed(0), mt.length ? median(mt).toFixed(0) : 'n/a', (insns / (j * 1000)).toFixed(1), q.toFixed(0), (insns / (q * 1000)).toFixed(1), ratio.toFixed(3)]);
}
const geo = Math.exp(ratios.reduce((s, r) => s + Math.log(r), 0) / Math.max(1, ratios.length));
rows.push(['geometric mean', '', '', '', '', '', '', geo.toFixed(3)]);
const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
for (const r of rows) console.log(r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '));
console.log(`(medians of ${runs} alternating runs, whole-process wall times, tier=${tier}, qemu -cpu ${QEMU_CPU}; ratio = qemu time / jitvisor time; main thread = jitvisor's guest thread CPU time)`);
