/**
 * Shared harness of the load/store tests: a case is words (with their
 * assembly), an initial state and the expected final state; it runs through
 * both tiers (runBoth: the interpreter and the JIT must agree on every
 * register, flag and memory byte) and then the expectations are checked.
 * Registers not given start at 0, memory at 0 except the presets.
 */
import t, { type Test } from 'tap';
import { a64Decoder } from '../../src/frontend/decoder/table.js';
import { DATA_BASE, type Env, makeEnv, runBoth } from '../helpers/testenv.js';

export const D = BigInt(DATA_BASE);

export interface Init {
  x?: Record<number, bigint>;
  sp?: bigint;
  /** V registers as 128-bit values. */
  v?: Record<number, bigint>;
  nzcv?: number;
  /** Memory presets: address -> 64-bit little-endian value, or a byte list. */
  mem?: Record<number, bigint | number[]>;
}

export interface Expect {
  x?: Record<number, bigint>;
  sp?: bigint;
  v?: Record<number, bigint>;
  /** address -> expected 64-bit little-endian value there. */
  mem?: Record<number, bigint>;
  /** The (last) instruction is UNDEFINED. */
  undef?: boolean;
  /** The run stops with a memory fault. */
  fault?: boolean;
}

export interface Case {
  /** Arm ARM id the last word decodes to (checked). */
  id: string;
  /** Assembly of the words, ';'-separated. */
  asm: string;
  words: number[];
  init?: Init;
  expect: Expect;
}

const hex = (v: bigint): string => '0x' + v.toString(16);

export function setup(c: Case): Env {
  const env = makeEnv(c.words);
  const i = c.init ?? {};
  for (const [n, v] of Object.entries(i.x ?? {})) env.cpu.setX(Number(n), BigInt.asUintN(64, v));
  if (i.sp !== undefined) env.cpu.sp = i.sp;
  for (const [n, v] of Object.entries(i.v ?? {})) env.cpu.setV(Number(n), BigInt.asUintN(128, v));
  if (i.nzcv !== undefined) env.cpu.nzcv = i.nzcv;
  for (const [a, v] of Object.entries(i.mem ?? {})) {
    const bytes = typeof v === 'bigint' ? le64(v) : Uint8Array.from(v);
    env.mem.writeBytes(Number(a), 0, bytes);
  }
  return env;
}

function le64(v: bigint): Uint8Array {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigUint64(0, BigInt.asUintN(64, v), true);
  return b;
}

export function mem64(env: Env, addr: number): bigint {
  return new DataView(env.mem.readBytes(addr, 0, 8).buffer).getBigUint64(0, true);
}

/** Run a case in both tiers and check it; returns the env for extra checks. */
export function checkCase(tt: Test, c: Case): Env {
  const row = a64Decoder().decode(c.words[c.words.length - 1]!);
  tt.equal(row?.id, c.id, `${c.asm}: decodes to ${c.id}`);
  const env = runBoth(setup(c));
  const e = c.expect;
  if (e.undef) {
    tt.equal(env.stop?.kind, 'undefined', `${c.asm}: UNDEFINED`);
    return env;
  }
  if (e.fault) {
    tt.equal(env.stop?.kind, 'fault', `${c.asm}: faults`);
  } else {
    tt.equal(env.exitReason, 0, `${c.asm}: runs to the end`);
  }
  for (const [n, v] of Object.entries(e.x ?? {})) tt.equal(hex(env.cpu.getX(Number(n))), hex(BigInt.asUintN(64, v)), `${c.asm}: x${n}`);
  if (e.sp !== undefined) tt.equal(hex(env.cpu.sp), hex(e.sp), `${c.asm}: sp`);
  for (const [n, v] of Object.entries(e.v ?? {})) tt.equal(hex(env.cpu.getV(Number(n))), hex(BigInt.asUintN(128, v)), `${c.asm}: v${n}`);
  for (const [a, v] of Object.entries(e.mem ?? {})) tt.equal(hex(mem64(env, Number(a))), hex(BigInt.asUintN(64, v)), `${c.asm}: mem[0x${Number(a).toString(16)}]`);
  return env;
}

/** One subtest per case. */
export function runCases(tt: Test, title: string, cases: Case[]): void {
  tt.test(title, (st) => {
    for (const c of cases) st.test(`${c.id}: ${c.asm}`, (ct) => {
      checkCase(ct, c);
      ct.end();
    });
    st.end();
  });
}

t.test('harness: presets and 64-bit memory view round-trip', (tt) => {
  const env = setup({ id: 'NOP', asm: '', words: [], init: { mem: { [DATA_BASE + 8]: 0x8877665544332211n, [DATA_BASE + 16]: [1, 2, 3] } }, expect: {} });
  tt.equal(mem64(env, DATA_BASE + 8), 0x8877665544332211n);
  tt.equal(mem64(env, DATA_BASE + 16), 0x030201n);
  tt.end();
});
