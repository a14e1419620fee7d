/**
 * The jitvisor command line.
 *   jitvisor run [--stats] [--trace] [--dump-ir] [--dump-js] [--tier=interp|jit|auto] ELF [ARGS...]
 * Errors in the user's input are one line on stderr and a non-zero exit.
 */
import { readFileSync } from 'node:fs';
import { ElfError } from '../runtime/linux/elf.js';
import type { Tier } from '../runtime/engine.js';
import { type RunResult, UserModeMachine } from '../runtime/user-mode.js';
import { SIGPIPE } from '../runtime/linux/signals.js';

export class UsageError extends Error {}

const USAGE = 'usage: jitvisor run [--stats] [--trace] [--dump-ir] [--dump-js] [--tier=interp|jit|auto] ELF [ARGS...]';

export interface RunArgs {
  stats: boolean;
  trace: boolean;
  dumpIr: boolean;
  dumpJs: boolean;
  debug: boolean;
  tier: Tier;
  elf: string;
  guestArgs: string[];
}

export function parseRunArgs(args: string[]): RunArgs {
  const out: RunArgs = { stats: false, trace: false, dumpIr: false, dumpJs: false, debug: false, tier: 'auto', elf: '', guestArgs: [] };
  let k = 0;
  for (; k < args.length; k++) {
    const a = args[k]!;
    if (!a.startsWith('-')) break;
    if (a === '--') {
      k++;
      break;
    }
    if (a === '--stats') out.stats = true;
    else if (a === '--trace') out.trace = true;
    else if (a === '--dump-ir') out.dumpIr = true;
    else if (a === '--dump-js') out.dumpJs = true;
    else if (a === '--debug') out.debug = true;
    else if (a.startsWith('--tier=')) {
      const t = a.slice(7);
      if (t !== 'interp' && t !== 'jit' && t !== 'auto') throw new UsageError(`--tier must be interp, jit or auto, not '${t}'`);
      out.tier = t;
    } else throw new UsageError(`unknown option '${a}'`);
  }
  if (k >= args.length) throw new UsageError('missing ELF file to run');
  out.elf = args[k]!;
  out.guestArgs = args.slice(k + 1);
  return out;
}

function readGuest(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : String((e as Error).message);
    throw new UsageError(`cannot read '${path}': ${why}`);
  }
}

/** 1234567 -> "1,234,567" (toLocaleString loads ICU's locale data: ~25 ms at exit). */
function fmt(n: number): string {
  if (!Number.isInteger(n)) return String(n);
  const digits = String(Math.abs(n));
  const head = digits.length % 3 || 3;
  const groups = [digits.slice(0, head)];
  for (let k = head; k < digits.length; k += 3) groups.push(digits.slice(k, k + 3));
  return (n < 0 ? '-' : '') + groups.join(',');
}

export function statsTable(r: RunResult): string {
  const s = r.stats;
  const mips = r.instructions / (r.wallMs * 1000);
  const rows: [string, string][] = [
    ['guest instructions', fmt(r.instructions)],
    ['wall time', `${r.wallMs.toFixed(1)} ms`],
    ['MIPS', mips.toFixed(1)],
    ['host CPU', `main thread ${r.cpu.mainMs === undefined ? 'n/a' : `${r.cpu.mainMs.toFixed(0)} ms`}, all threads ${r.cpu.allMs.toFixed(0)} ms`],
    ['blocks translated', `${fmt(s.blocksTranslated)} (${fmt(s.guestInsnsTranslated)} instructions, ${s.translateMs.toFixed(1)} ms)`],
    ['regions compiled', `${fmt(s.regionsCompiled)} (${fmt(s.blocksInRegions)} blocks, ${s.compileMs.toFixed(1)} ms)`],
    ['instructions by tier', `interpreter ${fmt(s.interpInsns)}, jit ${fmt(s.jitInsns)}`],
    ['host time by phase', `translate ${s.translateMs.toFixed(1)} ms, compile ${s.compileMs.toFixed(1)} ms, execute and syscalls ${Math.max(0, r.wallMs - s.translateMs - s.compileMs).toFixed(1)} ms`],
    ['dispatches', `interpreted blocks ${fmt(s.interpBlocksRun)}, region calls ${fmt(s.regionCalls)} (${fmt(s.chainedCalls)} chained), soft-TLB miss exits ${fmt(s.missExits)}, priming calls ${fmt(s.primingCalls)}`],
    ['code invalidations', fmt(s.invalidations)],
    ['soft-TLB misses', fmt(r.tlbMisses)],
    ['exits', Object.entries(s.exits).map(([k, v]) => `${k} ${fmt(v)}`).join(', ') || 'none'],
    ['syscalls', `${fmt(r.syscalls)}${r.unknownSyscalls.size ? ` (unknown: ${[...r.unknownSyscalls].map(([n, c]) => `${n}x${c}`).join(' ')})` : ''}`],
  ];
  const w = Math.max(...rows.map(([k]) => k.length));
  return ['-- jitvisor stats --', ...rows.map(([k, v]) => `${k.padEnd(w)}  ${v}`)].join('\n') + '\n';
}

export function main(argv: string[]): number {
  try {
    const [cmd, ...rest] = argv;
    if (cmd === undefined || cmd === '--help' || cmd === '-h') {
      process.stdout.write(USAGE + '\n');
      return cmd === undefined ? 2 : 0;
    }
    if (cmd !== 'run') throw new UsageError(`unknown command '${cmd}' (expected 'run')`);
    const a = parseRunArgs(rest);
    const elf = readGuest(a.elf);
    const err = (t: string) => process.stderr.write(t + '\n');
    const m = new UserModeMachine(elf, a.elf, {
      argv: [a.elf, ...a.guestArgs],
      // The host's environment, as qemu-user passes it.
      envp: Object.entries(process.env).map(([k, v]) => `${k}=${v ?? ''}`),
      tier: a.tier,
      debug: a.debug,
      ...(a.dumpIr ? { dumpIr: err } : {}),
      ...(a.dumpJs ? { dumpJs: err } : {}),
      ...(a.trace ? { trace: err } : {}),
    });
    const r = m.run();
    // Like a shell, say nothing when the guest dies of SIGPIPE (its reader went away).
    if (r.signal !== undefined && r.signal !== SIGPIPE) err(`jitvisor: ${r.fatal}`);
    if (a.stats) process.stderr.write(statsTable(r));
    return r.exitCode;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`jitvisor: ${e.message} (see 'jitvisor --help')\n`);
      return 2;
    }
    if (e instanceof ElfError) {
      process.stderr.write(`jitvisor: ${e.message}\n`);
      return 1;
    }
    process.stderr.write(`jitvisor: internal error: ${(e as Error).message}\n`);
    if (process.env.JITVISOR_DEBUG) process.stderr.write(`${(e as Error).stack}\n`);
    return 70;
  }
}
