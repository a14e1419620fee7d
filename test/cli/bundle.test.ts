/**
 * `npm run build` (which `npm test` runs first) bundles the CLI into dist/jitvisor.cjs, and
 * bin/jitvisor.js runs it when it is at least as new as the compiled modules, compiled with a
 * V8 code cache (dist/jitvisor.cjs.cache): the bundle must exist, be that new, run a guest
 * exactly as the modules do, and give the same output whatever the state of its cache.
 */
import t from 'tap';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const bundle = join(root, 'dist/jitvisor.cjs');
const modules = join(root, 'dist/src/cli/main.js');
const hello = join(root, 'guests/bin/hello');
const expected = readFileSync(join(root, 'guests/expected/hello.stdout'), 'utf8');
const args: string[] = JSON.parse(readFileSync(join(root, 'guests/expected/hello.args'), 'utf8'));

t.test('the build bundles the CLI, and the bundle runs a guest as the modules do', (t) => {
  const b = statSync(bundle, { throwIfNoEntry: false });
  t.ok(b, 'dist/jitvisor.cjs exists (npm run build makes it)');
  if (!b) return t.end();
  t.ok(b.mtimeMs >= statSync(modules).mtimeMs, 'it is at least as new as the compiled modules, so bin/jitvisor.js uses it');
  const viaBundle = spawnSync(process.execPath, ['-e', `process.exitCode = require(${JSON.stringify(bundle)}).main(process.argv.slice(1));`, 'run', hello, ...args], { encoding: 'utf8' });
  const viaModules = spawnSync(process.execPath, ['--input-type=module', '-e', `const { main } = await import(${JSON.stringify(modules)}); process.exitCode = main(process.argv.slice(1));`, 'run', hello, ...args], { encoding: 'utf8' });
  t.equal(viaBundle.stdout, expected, 'the bundle prints what qemu-aarch64 printed');
  t.equal(viaModules.stdout, expected, 'so do the modules');
  t.equal(viaBundle.status, viaModules.status, 'with the same exit code');
  t.end();
});

t.test('the code cache: made by a run without one, used by the next, ignored when stale or broken', (t) => {
  // A private copy of bin/ and the bundle, so other tests' runs do not touch this cache.
  const dir = mkdtempSync(join(tmpdir(), 'jitvisor-cache-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'bin'));
  mkdirSync(join(dir, 'dist/src/cli'), { recursive: true });
  copyFileSync(join(root, 'bin/jitvisor.js'), join(dir, 'bin/jitvisor.js'));
  writeFileSync(join(dir, 'bin/package.json'), '{ "type": "module" }');
  copyFileSync(bundle, join(dir, 'dist/jitvisor.cjs'));
  writeFileSync(join(dir, 'dist/src/cli/main.js'), 'throw new Error("the bundle should have run");\n');
  utimesSync(join(dir, 'dist/src/cli/main.js'), 0, 0);
  const cache = join(dir, 'dist/jitvisor.cjs.cache');
  const run = (env: Record<string, string> = {}) => spawnSync(process.execPath, [join(dir, 'bin/jitvisor.js'), 'run', hello, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });

  t.equal(run({ JITVISOR_CODE_CACHE: '0' }).stdout, expected, 'runs with the cache turned off');
  t.notOk(existsSync(cache), 'and writes none');
  t.equal(run().stdout, expected, 'the first run prints the same');
  t.ok(existsSync(cache), 'and leaves a cache');
  const made = readFileSync(cache);
  t.match(made.subarray(0, made.indexOf(10)).toString('latin1'), /^jitvisor code cache 1 [0-9a-f]{40} v\d+/, 'headed by the bundle it belongs to');
  t.equal(run().stdout, expected, 'a run with the cache prints the same');
  t.same(readFileSync(cache), made, 'and leaves the cache as it was');
  const now = Date.now() / 1000;
  utimesSync(join(dir, 'dist/jitvisor.cjs'), now, now);
  t.equal(run().stdout, expected, 'a rebuild that changes nothing (a new mtime) prints the same');
  t.same(readFileSync(cache), made, 'and keeps the cache: it belongs to the bundle\'s content');

  const nl = made.indexOf(10) + 1;
  writeFileSync(cache, Buffer.concat([made.subarray(0, nl), Buffer.alloc(4096, 0x5a)]));
  const broken = run();
  t.equal(broken.stdout, expected, 'a cache V8 rejects is only a slower start');
  t.equal(broken.stderr, '', 'with nothing on stderr');
  t.same(readFileSync(cache).subarray(0, nl), made.subarray(0, nl), 'and is replaced');
  t.not(readFileSync(cache).length, nl + 4096, 'by a real one');

  writeFileSync(cache, Buffer.concat([Buffer.from(`jitvisor code cache 1 ${'0'.repeat(40)} v0\n`), made.subarray(nl)]));
  t.equal(run().stdout, expected, 'a cache of another bundle is not used');
  t.same(readFileSync(cache).subarray(0, nl), made.subarray(0, nl), 'and is replaced');
  t.end();
});
