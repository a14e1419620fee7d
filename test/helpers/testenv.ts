/**
 * Test environment for translator tests (dynarmic style): code words at
 * CODE_BASE, a scratch data area at DATA_BASE, registers set up by the test,
 * then run until the PC leaves the code, an exit happens, or a step limit.
 * Every run goes through the IR interpreter; runBoth() also runs the same
 * words through the JS backend and checks the two tiers agree.
 */
import { Slot } from '../../src/backend-js/abi.js';
import { translateBlock } from '../../src/frontend/translate/translate.js';
import { prepare } from '../../src/ir/interpret.js';
import { CpuState } from '../../src/runtime/cpu-state.js';
import { makeHelpers } from '../../src/runtime/helpers/all.js';
import { Memory, Perm } from '../../src/runtime/memory.js';
import { UserSpace } from '../../src/runtime/user-space.js';

export const CODE_BASE = 0x10000;
export const DATA_BASE = 0x20000;
export const DATA_SIZE = 0x10000;

export interface Env {
  cpu: CpuState;
  mem: Memory;
  space: UserSpace;
  /** Exit reason of the last block (abi ExitReason), 0 for plain jumps. */
  exitReason: number;
}

export function makeEnv(words: number[]): Env {
  const mem = new Memory(1 << 20);
  const space = new UserSpace(mem);
  space.map(CODE_BASE >>> 12, 1, Perm.R | Perm.X);
  space.map(DATA_BASE >>> 12, DATA_SIZE >>> 12, Perm.R | Perm.W);
  const frame = space.frameOf(CODE_BASE >>> 12)!;
  words.forEach((w, i) => mem.dv.setInt32(frame + 4 * i, w, true));
  const cpu = new CpuState();
  cpu.pc = BigInt(CODE_BASE);
  return { cpu, mem, space, exitReason: 0 };
}

/** Run with the interpreter until PC leaves [CODE_BASE, CODE_BASE + 4*count) or a non-jump exit. */
export function runInterp(env: Env, count: number, maxBlocks = 10000): Env {
  const { cpu, mem } = env;
  const helpers = makeHelpers({ cpu, mem }).byIndex;
  const end = CODE_BASE + 4 * count;
  for (let n = 0; n < maxBlocks; n++) {
    const pc = Number(cpu.pc);
    if (pc < CODE_BASE || pc >= end) break;
    const block = translateBlock((lo, hi) => mem.fetch32(lo, hi), { lo: pc, hi: 0 }, 0);
    const pb = prepare(block, { S: cpu.s, V: cpu.v.i32, mem, helpers });
    pb.run();
    env.exitReason = cpu.s[Slot.EXIT_REASON]!;
    if (env.exitReason !== 0) break;
  }
  return env;
}

export const x = (env: Env, n: number): bigint => env.cpu.getX(n);
