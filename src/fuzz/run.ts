/**
 * Running a harness program: under qemu-aarch64 (the reference) and under
 * jitvisor in one tier, in this process. Both return the raw output bytes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserModeMachine } from '../runtime/user-mode.js';
import type { Tier } from '../runtime/engine.js';

export interface RunOutput {
  out: Uint8Array;
  /** Exit code, or a description of how the run ended abnormally. */
  exitCode: number;
  problem?: string;
  instructions?: number;
  ms: number;
}

let tmp: string | undefined;
function tempDir(): string {
  if (!tmp) {
    tmp = mkdtempSync(join(tmpdir(), 'jitvisor-fuzz-'));
    process.once('exit', () => rmSync(tmp!, { recursive: true, force: true }));
  }
  return tmp;
}

export const QEMU = process.env.JITVISOR_QEMU ?? 'qemu-aarch64';

/** Is qemu-aarch64 runnable? Returns an error message with the install command when not. */
export function qemuMissing(): string | undefined {
  const r = spawnSync(QEMU, ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return `${QEMU} is not installed: run  sudo apt-get install -y qemu-user  (or set JITVISOR_QEMU)`;
  return undefined;
}

let serial = 0;
export function runQemu(elf: Uint8Array, cpu: string, timeoutMs = 120_000): RunOutput {
  const path = join(tempDir(), `case-${process.pid}-${serial++}.elf`);
  writeFileSync(path, elf, { mode: 0o755 });
  const t0 = performance.now();
  const r = spawnSync(QEMU, ['-cpu', cpu, path], { maxBuffer: 1 << 30, timeout: timeoutMs });
  rmSync(path, { force: true });
  const ms = performance.now() - t0;
  const out = r.stdout ? new Uint8Array(r.stdout.buffer, r.stdout.byteOffset, r.stdout.length) : new Uint8Array(0);
  if (r.error) return { out, exitCode: -1, problem: `qemu: ${r.error.message}`, ms };
  if (r.status === null) return { out, exitCode: -1, problem: `qemu killed by ${r.signal}`, ms };
  return { out, exitCode: r.status, ...(r.status !== 0 ? { problem: `qemu exit ${r.status}: ${String(r.stderr).trim().slice(0, 200)}` } : {}), ms };
}

export function runJitvisor(elf: Uint8Array, tier: Tier, maxInstructions = 2e9): RunOutput {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const t0 = performance.now();
  const m = new UserModeMachine(elf, '/fuzz.elf', {
    argv: ['/fuzz.elf'],
    tier,
    maxInstructions,
    stdout: (b) => {
      chunks.push(b);
      size += b.length;
    },
    stderr: () => {},
  });
  const res = m.run();
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  const ms = performance.now() - t0;
  const problem = m.limitReached ? 'instruction limit reached' : res.fatal ? `jitvisor: ${res.fatal}` : res.exitCode !== 0 ? `jitvisor exit ${res.exitCode}` : undefined;
  return { out, exitCode: res.exitCode, ...(problem ? { problem } : {}), instructions: res.instructions, ms };
}
