/**
 * `npm run build` (which `npm test` runs first) bundles the CLI into dist/jitvisor.mjs, and
 * bin/jitvisor.js runs it when it is at least as new as the compiled modules: the bundle must
 * exist, be that new, and run a guest exactly as the modules do.
 */
import t from 'tap';
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const bundle = join(root, 'dist/jitvisor.mjs');
const modules = join(root, 'dist/src/cli/main.js');
const hello = join(root, 'guests/bin/hello');
const expected = readFileSync(join(root, 'guests/expected/hello.stdout'), 'utf8');
const args: string[] = JSON.parse(readFileSync(join(root, 'guests/expected/hello.args'), 'utf8'));

t.test('the build bundles the CLI, and the bundle runs a guest as the modules do', (t) => {
  const b = statSync(bundle, { throwIfNoEntry: false });
  t.ok(b, 'dist/jitvisor.mjs exists (npm run build makes it)');
  if (!b) return t.end();
  t.ok(b.mtimeMs >= statSync(modules).mtimeMs, 'it is at least as new as the compiled modules, so bin/jitvisor.js uses it');
  const viaBundle = spawnSync(process.execPath, ['--input-type=module', '-e', `const { main } = await import(${JSON.stringify(bundle)}); process.exitCode = main(process.argv.slice(1));`, 'run', hello, ...args], { encoding: 'utf8' });
  const viaModules = spawnSync(process.execPath, ['--input-type=module', '-e', `const { main } = await import(${JSON.stringify(modules)}); process.exitCode = main(process.argv.slice(1));`, 'run', hello, ...args], { encoding: 'utf8' });
  t.equal(viaBundle.stdout, expected, 'the bundle prints what qemu-aarch64 printed');
  t.equal(viaModules.stdout, expected, 'so do the modules');
  t.equal(viaBundle.status, viaModules.status, 'with the same exit code');
  t.end();
});
