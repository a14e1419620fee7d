/** --stats, --dump-ir, --dump-js and --trace print what they promise, on stderr, without changing the guest's output. */
import t from 'tap';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as acorn from 'acorn';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const cli = join(root, 'bin/jitvisor.js');
const hello = join(root, 'guests/bin/hello');
const expected = readFileSync(join(root, 'guests/expected/hello.stdout'), 'utf8');
const args: string[] = JSON.parse(readFileSync(join(root, 'guests/expected/hello.args'), 'utf8'));
const run = (...flags: string[]) => spawnSync(process.execPath, [cli, 'run', ...flags, hello, ...args], { encoding: 'utf8', maxBuffer: 256 << 20 });

t.test('--stats', (t) => {
  const r = run('--stats');
  t.equal(r.status, 0);
  t.equal(r.stdout, expected, 'guest output unchanged');
  for (const row of ['guest instructions', 'MIPS', 'blocks translated', 'regions compiled', 'instructions by tier', 'host time by phase', 'exits', 'syscalls']) {
    t.match(r.stderr, new RegExp(`^${row}\\s`, 'm'), row);
  }
  const n = Number(/^guest instructions\s+([\d,]+)/m.exec(r.stderr)![1]!.replace(/,/g, ''));
  t.ok(n > 10_000, `counted ${n} instructions`);
  t.match(r.stderr, /^guest instructions\s+\d{1,3}(,\d{3})+\n/m, 'counts grouped by thousands');
  const misses = Number(/^soft-TLB misses\s+([\d,]+)/m.exec(r.stderr)?.[1]?.replace(/,/g, '') ?? 'NaN');
  t.ok(misses > 0 && misses < n, `soft-TLB misses counted (${misses})`);
  t.match(r.stderr, /^dispatches\s+interpreted blocks [\d,]+, region calls [\d,]+ \([\d,]+ chained\), soft-TLB miss exits [\d,]+, priming calls [\d,]+\n/m, 'dispatches by kind');
  t.end();
});

t.test('--dump-ir prints every translated block', (t) => {
  const r = run('--dump-ir', '--tier=interp');
  t.equal(r.stdout, expected);
  const blocks = r.stderr.split('\n').filter((l) => l.startsWith('block 0x'));
  t.ok(blocks.length > 100, `${blocks.length} blocks`);
  t.match(r.stderr, /A64SetX \d+, %\d+/);
  t.end();
});

t.test('--dump-js prints each compiled region as parseable JS', (t) => {
  const r = run('--dump-js', '--tier=jit');
  t.equal(r.stdout, expected);
  const regions = r.stderr.split(/^(?=\/\/ region at 0x)/m).filter((s) => s.startsWith('// region'));
  t.ok(regions.length > 100, `${regions.length} regions`);
  for (const src of regions.slice(0, 20)) t.doesNotThrow(() => acorn.parse(src, { ecmaVersion: 2022 }));
  t.end();
});

t.test('--trace reports exits to the runtime', (t) => {
  const r = run('--trace');
  t.equal(r.stdout, expected);
  t.match(r.stderr, /^exit svc at pc 0x[0-9a-f]+$/m);
  t.end();
});
