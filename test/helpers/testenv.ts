/**
 * Test environment for translator tests (dynarmic style): code words at
 * CODE_BASE followed by an `svc #0x7777` end marker, a scratch data area at
 * DATA_BASE, registers set up by the test, then run through the engine until
 * the marker (or another exit). runInterp uses the IR interpreter, runJit the
 * JS backend (with acorn checks on), and runBoth runs both from the same
 * start state and fails if they disagree on any register, flag or memory byte.
 */
import { Slot } from '../../src/backend-js/abi.js';
import { CpuState } from '../../src/runtime/cpu-state.js';
import { Engine, type Stop, type Tier } from '../../src/runtime/engine.js';
import { Memory, Perm } from '../../src/runtime/memory.js';
import { UserSpace } from '../../src/runtime/user-space.js';

export const CODE_BASE = 0x10000;
export const DATA_BASE = 0x20000;
export const DATA_SIZE = 0x10000;
/** svc #0x7777: marks the end of the test code. */
export const END_MARKER = 0xd40eeee1;

export interface Env {
  cpu: CpuState;
  mem: Memory;
  space: UserSpace;
  words: number[];
  /** How the run stopped. */
  stop?: Stop;
  /** Exit reason as the abi numbers it: 0 when the end marker was reached. */
  exitReason: number;
}

export function makeEnv(words: number[]): Env {
  const mem = new Memory(1 << 20);
  const space = new UserSpace(mem);
  space.map(CODE_BASE >>> 12, 1, Perm.R | Perm.X);
  space.map(DATA_BASE >>> 12, DATA_SIZE >>> 12, Perm.R | Perm.W);
  const frame = space.frameOf(CODE_BASE >>> 12)!;
  [...words, END_MARKER].forEach((w, i) => mem.dv.setInt32(frame + 4 * i, w, true));
  const cpu = new CpuState();
  cpu.pc = BigInt(CODE_BASE);
  return { cpu, mem, space, words, exitReason: 0 };
}

function run(env: Env, tier: Tier): Env {
  const engine = new Engine(env.cpu, env.mem, { tier, debug: true });
  // A budget stop also follows a write to translated code (the engine asks running code to leave): go on.
  let stop = engine.run(100000);
  for (let k = 0; stop.kind === 'budget' && k < 100; k++) stop = engine.run(100000);
  env.stop = stop;
  env.exitReason = stop.kind === 'svc' && stop.imm === 0x7777 ? 0 : stop.kind === 'svc' ? 1 : stop.kind === 'undefined' ? 2 : stop.kind === 'brk' ? 3 : -1;
  return env;
}

export function runInterp(env: Env, _count?: number): Env {
  return run(env, 'interp');
}

export function runJit(env: Env, _count?: number): Env {
  return run(env, 'jit');
}

/** Copy the full guest state of one env into a fresh env with the same code. */
export function cloneEnv(env: Env): Env {
  const e = makeEnv(env.words);
  e.cpu.s.set(env.cpu.s);
  e.cpu.v.u8.set(env.cpu.v.u8);
  for (const [k, v] of env.cpu.sys) e.cpu.sys.set(k, [...v]);
  const src = env.space.frameOf(DATA_BASE >>> 12)!;
  const dst = e.space.frameOf(DATA_BASE >>> 12)!;
  e.mem.u8.set(env.mem.u8.subarray(src, src + DATA_SIZE), dst);
  return e;
}

/** Differences between two envs' architectural state ('' when equal). */
export function diffEnvs(a: Env, b: Env): string {
  const out: string[] = [];
  const ignore = new Set<number>([Slot.BUDGET, Slot.BUDGET_ISSUED, Slot.RET_HI, Slot.RET_FLAGS, Slot.EXIT_REASON, Slot.EXIT_ARG, Slot.CHAIN_DEPTH]);
  for (let k = 0; k < Slot.SIZE; k++) if (!ignore.has(k) && a.cpu.s[k] !== b.cpu.s[k]) out.push(`S[${k}]: ${a.cpu.s[k]} vs ${b.cpu.s[k]}`);
  for (let k = 0; k < 512; k++) if (a.cpu.v.u8[k] !== b.cpu.v.u8[k]) out.push(`V byte ${k}: ${a.cpu.v.u8[k]} vs ${b.cpu.v.u8[k]}`);
  const fa = a.space.frameOf(DATA_BASE >>> 12)!, fb = b.space.frameOf(DATA_BASE >>> 12)!;
  for (let k = 0; k < DATA_SIZE; k++) if (a.mem.u8[fa + k] !== b.mem.u8[fb + k]) out.push(`mem 0x${(DATA_BASE + k).toString(16)}`);
  if (a.stop?.kind !== b.stop?.kind) out.push(`stop ${a.stop?.kind} vs ${b.stop?.kind}`);
  return out.slice(0, 10).join('; ');
}

/**
 * Run the words in both tiers from the state `setup` prepares; returns the
 * interpreter's env and throws if the JIT disagrees.
 */
export function runBoth(env: Env): Env {
  const jit = cloneEnv(env);
  runInterp(env);
  runJit(jit);
  const d = diffEnvs(env, jit);
  if (d) throw new Error(`interpreter and JIT disagree: ${d}`);
  return env;
}

export const x = (env: Env, n: number): bigint => env.cpu.getX(n);
