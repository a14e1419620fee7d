/** Bad input: each gives one line on stderr naming the problem, a non-zero exit, and no stack trace. */
import t, { type Test } from 'tap';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const cli = join(root, 'bin/jitvisor.js');
const dir = mkdtempSync(join(tmpdir(), 'jitvisor-cli-'));

function run(...args: string[]) {
  return spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
}

function oneLineError(t: Test, r: ReturnType<typeof run>, pattern: RegExp) {
  t.not(r.status, 0, 'non-zero exit');
  const lines = r.stderr.trimEnd().split('\n');
  t.equal(lines.length, 1, `one line: ${JSON.stringify(r.stderr)}`);
  t.match(lines[0], pattern);
  t.notMatch(r.stderr, /\n\s+at /, 'no stack trace');
}

const hello = readFileSync(join(root, 'guests/bin/hello'));

t.test('missing file', (t) => {
  oneLineError(t, run('run', join(dir, 'nope')), /^jitvisor: cannot read '.*nope': no such file/);
  t.end();
});

t.test('unknown option', (t) => {
  oneLineError(t, run('run', '--frobnicate', join(root, 'guests/bin/hello')), /unknown option '--frobnicate'/);
  oneLineError(t, run('run', '--tier=fast', join(root, 'guests/bin/hello')), /--tier must be interp, jit or auto/);
  oneLineError(t, run('launch'), /unknown command 'launch'/);
  t.end();
});

t.test('truncated ELF', (t) => {
  const f = join(dir, 'truncated');
  writeFileSync(f, hello.subarray(0, 40));
  oneLineError(t, run('run', f), /^jitvisor: .*truncated/i);
  const g = join(dir, 'truncated-segment');
  writeFileSync(g, hello.subarray(0, 0x2000));
  oneLineError(t, run('run', g), /^jitvisor: .*(beyond|truncated|end of file)/i);
  t.end();
});

t.test('not an AArch64 ELF', (t) => {
  const f = join(dir, 'x86');
  const bad = Buffer.from(hello);
  bad.writeUInt16LE(62, 18); // e_machine = EM_X86_64
  writeFileSync(f, bad);
  oneLineError(t, run('run', f), /^jitvisor: .*(AArch64|machine).*62/);
  const txt = join(dir, 'script');
  writeFileSync(txt, '#!/bin/sh\necho hi\n');
  oneLineError(t, run('run', txt), /^jitvisor: .*not an ELF/i);
  t.end();
});
