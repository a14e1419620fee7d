/**
 * Debian's arm64 busybox-static (fetched by scripts/fetch-busybox.sh, which
 * `npm test` runs first) under jitvisor and under qemu-aarch64: every applet
 * invocation here must give byte-identical stdout and the same exit code.
 * Each case runs one busybox process; pipelines are done by feeding one
 * run's output to the next as stdin.
 */
import t from 'tap';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const cli = join(root, 'bin/jitvisor.js');
const busybox = join(root, 'guests/busybox/busybox');

if (!existsSync(busybox)) {
  t.fail(`${busybox} is missing: run 'bash scripts/fetch-busybox.sh' (npm test does this first)`);
} else {
  const dir = mkdtempSync(join(tmpdir(), 'jitvisor-busybox-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));

  // Inputs.
  let seed = 12345;
  const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16);
  const words = Array.from({ length: 400 }, (_, k) => ['apple', 'pear', 'fig', 'kiwi', 'plum', 'lime'][rand() % 6] + (k % 7));
  writeFileSync(join(dir, 'words.txt'), words.join('\n') + '\n');
  writeFileSync(join(dir, 'nums.txt'), Array.from({ length: 300 }, () => String((rand() % 2000) - 1000)).join('\n') + '\n');
  const table = Array.from({ length: 50 }, (_, k) => `${k},name${k % 9},${(k * 37) % 101},${words[k]}`).join('\n') + '\n';
  writeFileSync(join(dir, 'table.csv'), table);
  const big = Buffer.alloc(1 << 20);
  for (let k = 0; k < big.length; k++) big[k] = k % 3 === 0 ? rand() & 0xff : 'abcdefgh'.charCodeAt(k % 8);
  writeFileSync(join(dir, 'big.bin'), big);
  mkdirSync(join(dir, 'tree/sub/deeper'), { recursive: true });
  for (const f of ['tree/a.txt', 'tree/b.log', 'tree/sub/c.txt', 'tree/sub/deeper/d.txt']) writeFileSync(join(dir, f), f + '\n');

  const runQemu = (args: string[], input?: Buffer) =>
    spawnSync('qemu-aarch64', ['-cpu', 'cortex-a53', busybox, ...args], { cwd: dir, input, maxBuffer: 64 << 20 });
  const runJit = (args: string[], input?: Buffer) =>
    spawnSync(process.execPath, [cli, 'run', busybox, ...args], { cwd: dir, input, maxBuffer: 64 << 20, timeout: 300_000 });

  const cases: [string, string[], Buffer?][] = [
    ['echo', ['echo', 'hello', 'world', '-n']],
    ['printf', ['printf', '%5d|%-6s|%x|%o|%c|%.3f|%e\\n', '42', 'ab', '255', '8', 'z', '3.14159', '12345.678']],
    ['seq', ['seq', '-s', ',', '-w', '1', '3', '40']],
    ['sort', ['sort', 'words.txt']],
    ['sort -n -r -u', ['sort', '-n', '-r', '-u', 'nums.txt']],
    ['uniq -c', ['uniq', '-c'], Buffer.from(words.slice().sort().join('\n') + '\n')],
    ['wc', ['wc', 'words.txt', 'nums.txt', 'table.csv']],
    ['head', ['head', '-n', '7', 'words.txt']],
    ['tail', ['tail', '-n', '5', 'nums.txt']],
    ['cut', ['cut', '-d', ',', '-f', '2,4', 'table.csv']],
    ['tr', ['tr', 'a-z', 'A-Z'], Buffer.from(table)],
    ['sed script', ['sed', '-e', 's/\\([a-z]*\\)\\([0-9]\\)/<\\2:\\1>/g', '-e', '/fig/d', '-e', '3,8p', 'words.txt']],
    ['awk arrays+printf', ['awk', '-F,', '{ n[$2]++; s[$2] += $3 } END { for (k in n) printf "%-8s %3d %6.2f\\n", k, n[k], s[k] / n[k] }', 'table.csv']],
    ['expr', ['expr', '(', '7', '*', '6', ')', '+', '100', '/', '3', '-', '5', '%', '3']],
    ['od', ['od', '-A', 'x', '-t', 'x1z', 'table.csv']],
    ['base64', ['base64', 'table.csv']],
    ['md5sum', ['md5sum', 'big.bin', 'words.txt']],
    ['sha1sum', ['sha1sum', 'big.bin']],
    ['sha256sum', ['sha256sum', 'big.bin', 'table.csv']],
    ['cat', ['cat', 'words.txt', 'table.csv']],
    ['ls -la', ['ls', '-la', 'tree']],
    ['find', ['find', 'tree', '-name', '*.txt']],
    ['grep -E', ['grep', '-E', '-n', '^(apple|kiwi)[0-3]$|fig6', 'words.txt']],
  ];

  for (const [name, args, input] of cases) {
    t.test(`busybox ${name}`, (t) => {
      const q = runQemu(args, input);
      const j = runJit(args, input);
      t.equal(j.status, q.status, `exit code (${j.stderr.toString().trim().slice(0, 300)})`);
      t.ok(Buffer.compare(j.stdout, q.stdout) === 0, `stdout byte-identical (${j.stdout.length} vs ${q.stdout.length} bytes)`);
      t.end();
    });
  }

  t.test('busybox dd', (t) => {
    // Each side writes its own file: opening /dev/stdout fails on the socket spawnSync gives (ENXIO), under qemu too.
    const args = (out: string) => ['dd', 'if=big.bin', `of=${out}`, 'bs=4096', 'skip=3', 'count=5', 'conv=notrunc'];
    const q = runQemu(args('dd-qemu.bin'));
    const j = runJit(args('dd-jit.bin'));
    t.equal(j.status, q.status, 'exit code');
    t.equal(j.stderr.toString().split('\n')[0], q.stderr.toString().split('\n')[0], 'records summary');
    const a = readFileSync(join(dir, 'dd-qemu.bin')), b = readFileSync(join(dir, 'dd-jit.bin'));
    t.equal(b.length, 5 * 4096);
    t.ok(Buffer.compare(a, b) === 0, 'same bytes');
    t.end();
  });

  t.test('busybox base64 and base64 -d round trip', (t) => {
    const enc = runJit(['base64', 'big.bin']);
    t.ok(Buffer.compare(enc.stdout, runQemu(['base64', 'big.bin']).stdout) === 0, 'encoding matches qemu');
    const dec = runJit(['base64', '-d'], enc.stdout);
    t.ok(Buffer.compare(dec.stdout, big) === 0, 'decodes back to the input');
    t.end();
  });

  t.test('busybox gzip -c | gunzip -c round trip of a 1 MB file', (t) => {
    const z = runJit(['gzip', '-c', 'big.bin']);
    t.equal(z.status, 0);
    t.ok(Buffer.compare(z.stdout, runQemu(['gzip', '-c', 'big.bin']).stdout) === 0, 'compressed bytes match qemu');
    const u = runJit(['gunzip', '-c'], z.stdout);
    t.ok(Buffer.compare(u.stdout, big) === 0, 'decompresses to the input');
    t.end();
  });
}
