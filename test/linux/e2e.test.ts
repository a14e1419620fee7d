/**
 * End to end: busybox applets that lean on the Linux layer (files,
 * directories, stat, signals, redirections, archives) run under jitvisor
 * and under qemu-aarch64, each in a fresh copy of the same scratch tree; stdout and the exit
 * status must agree. Skipped when busybox or qemu is not available.
 */
import t from 'tap';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
const busybox = path.join(root, 'guests/busybox/busybox');
const cli = path.join(root, 'bin/jitvisor.js');
const qemu = spawnSync('qemu-aarch64', ['--version']).status === 0;
const skip = !fs.existsSync(busybox) ? 'guests/busybox/busybox not fetched' : !qemu ? 'qemu-aarch64 not installed' : false;

function setup(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jitvisor-e2e-'));
  fs.writeFileSync(path.join(dir, 'words.txt'), 'pear\napple\nfig\napple\nkiwi\n');
  fs.mkdirSync(path.join(dir, 'tree/a/b'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'tree/a/one'), '1\n');
  fs.writeFileSync(path.join(dir, 'tree/a/b/two'), '22\n');
  fs.symlinkSync('words.txt', path.join(dir, 'link'));
  const big = Buffer.alloc(300_000);
  for (let i = 0; i < big.length; i++) big[i] = (i * 7) & 0xff;
  fs.writeFileSync(path.join(dir, 'big.bin'), big);
  const stamp = new Date('2020-01-02T03:04:05Z');
  for (const f of ['words.txt', 'tree/a/one', 'tree/a/b/two', 'big.bin', 'tree/a/b', 'tree/a', 'tree']) fs.utimesSync(path.join(dir, f), stamp, stamp);
  return dir;
}

interface Run {
  stdout: string;
  /** Exit status, or 128 + signal number when killed, as a shell reports it. */
  status: number | null;
}

/** Run the steps one after another in one fresh scratch directory. */
function run(cmd: string[], steps: string[][], input: string): Run {
  const dir = setup();
  let stdout = '';
  let status: number | null = null;
  try {
    for (const args of steps) {
      const r = spawnSync(cmd[0]!, [...cmd.slice(1), busybox, ...args], {
        cwd: dir,
        input,
        encoding: 'utf8',
        timeout: 120_000,
        env: { PATH: '/usr/bin:/bin', HOME: '/', LANG: 'C', TZ: 'UTC' },
      });
      stdout += r.stdout.split(dir).join('<dir>');
      status = r.status ?? (r.signal ? 128 + os.constants.signals[r.signal] : null);
    }
    return { stdout, status };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// Only applets and shell builtins: the guest cannot fork, so no pipelines or external commands in sh -c.
const CASES: [string, string[][], string?][] = [
  ['sort, uniq, wc', [['sort', 'words.txt'], ['sort', '-u', 'words.txt'], ['uniq', '-c', 'words.txt'], ['wc', 'words.txt']]],
  ['ls -lR', [['ls', '-lnR', '--full-time', 'tree']]],
  ['stat', [['stat', '-c', '%n %s %a %F %Y', 'words.txt', 'tree', 'link']]],
  ['readlink and realpath', [['readlink', 'link'], ['realpath', 'tree/a/../a/b']]],
  ['od via stdin', [['od', '-An', '-tx1', '-N', '16']], 'stdin bytes here\n'],
  [
    'files created, renamed, removed',
    [['mkdir', '-p', 'n/m'], ['cp', 'words.txt', 'n/m/f'], ['mv', 'n/m/f', 'n/g'], ['cat', 'n/g'], ['rm', '-r', 'n'], ['ls']],
  ],
  ['exit status', [['sh', '-c', 'exit 7']]],
  ['killed by a signal', [['sh', '-c', 'kill -USR1 $$; echo not reached']]],
  ['trap a signal', [['sh', '-c', 'trap "echo trapped" USR1; kill -USR1 $$; echo after']]],
  ['arithmetic and loops', [['sh', '-c', 'i=0; while [ $i -lt 5 ]; do i=$((i+1)); printf "%d " $i; done; echo']]],
  ['shell redirections', [['sh', '-c', 'echo one > o; echo two >> o; read a < o; echo $a; while read l; do echo "<$l>"; done < o']]],
  ['date of a file', [['date', '-r', 'words.txt', '+%Y-%m-%d %H:%M:%S']]],
  ['sleep', [['sleep', '0.05']]],
  [
    'getdents on a large directory',
    [['mkdir', 'd'], ['sh', '-c', 'cd d; i=0; while [ $i -lt 300 ]; do i=$((i+1)); : > f$i; done; echo *'], ['ls', '-1', 'd']],
  ],
  ['tar and gzip round trip', [['tar', 'cf', 't.tar', 'tree'], ['tar', 'tvf', 't.tar'], ['gzip', 't.tar'], ['gzip', '-d', 't.tar.gz'], ['md5sum', 't.tar']]],
];

t.test('busybox applets agree with qemu-aarch64', { skip }, (t) => {
  for (const [name, steps, input] of CASES) {
    const q = run(['qemu-aarch64'], steps, input ?? '');
    const j = run(['node', cli, 'run'], steps, input ?? '');
    t.equal(j.stdout, q.stdout, `${name}: stdout`);
    t.equal(j.status, q.status, `${name}: exit status ${q.status}`);
  }
  t.end();
});
