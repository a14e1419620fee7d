/**
 * Every guests/ test program prints exactly what it printed under
 * qemu-aarch64 (guests/expected/), with the same exit code, in each tier:
 * the IR interpreter alone, the JIT alone, and the default tiering.
 */
import t from 'tap';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const cli = join(root, 'bin/jitvisor.js');
const expectedDir = join(root, 'guests/expected');
const programs = readdirSync(join(root, 'guests/bin')).filter((n) => !n.startsWith('bench-')).sort();

for (const name of programs) {
  const read = (ext: string) => {
    const f = join(expectedDir, `${name}.${ext}`);
    return existsSync(f) ? readFileSync(f, 'utf8') : undefined;
  };
  const stdout = read('stdout');
  const code = Number(read('code') ?? '0');
  const stderr = read('stderr');
  const args: string[] = JSON.parse(read('args') ?? '[]');
  for (const tier of ['interp', 'jit', 'auto']) {
    t.test(`${name} (--tier=${tier}) matches qemu-aarch64`, (t) => {
      const cwd = mkdtempSync(join(tmpdir(), 'jitvisor-guest-'));
      try {
        const r = spawnSync(process.execPath, [cli, 'run', `--tier=${tier}`, join(root, 'guests/bin', name), ...args], {
          cwd,
          encoding: 'utf8',
          maxBuffer: 64 << 20,
          timeout: 300_000,
        });
        t.equal(r.stdout, stdout, 'stdout');
        if (stderr !== undefined) t.equal(r.stderr, stderr, 'stderr');
        else t.equal(r.stderr, '', 'no stderr');
        t.equal(r.status, code, 'exit code');
      } finally {
        rmSync(cwd, { recursive: true, force: true });
      }
      t.end();
    });
  }
}
