/**
 * Helper functions callable from IR (Call32/Call64/CallVoid): the semantics
 * that are too long to inline (floating point, SIMD, CRC, system). Each
 * helper family module exports a factory taking the machine context; the
 * registry gives every helper a stable index (the IR's ImmHelper operand) and
 * a name (what generated code calls: `H.name(...)`).
 *
 * Arguments: U32/U1 values as one number, U64 values as two (lo, hi).
 * Results: U32 as the return value; U64 as lo returned, hi in S[Slot.RET_HI].
 */
import type { CpuState } from '../cpu-state.js';
import type { Memory } from '../memory.js';

export interface HelperContext {
  cpu: CpuState;
  mem: Memory;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type HelperFn = (...args: number[]) => any;
export type HelperFamily = (ctx: HelperContext) => Record<string, HelperFn>;

const families: HelperFamily[] = [];
let names: string[] | undefined;

/** Family modules call this at load time. */
export function registerHelpers(f: HelperFamily): void {
  if (names) throw new Error('helper families must be registered before first use');
  families.push(f);
}

/** Stable list of helper names (index = ImmHelper operand). */
export function helperNames(): readonly string[] {
  if (!names) {
    const probe = families.flatMap((f) => Object.keys(f({} as HelperContext)));
    const dup = probe.find((n, i) => probe.indexOf(n) !== i);
    if (dup) throw new Error(`helper ${dup} defined twice`);
    names = probe.sort();
  }
  return names;
}

export function helperIndex(name: string): number {
  const i = helperNames().indexOf(name);
  if (i < 0) throw new Error(`unknown helper ${name}`);
  return i;
}

/** The helper object for one machine: name -> function, plus an array by index. */
export function makeHelpers(ctx: HelperContext): { byName: Record<string, HelperFn>; byIndex: HelperFn[] } {
  const byName: Record<string, HelperFn> = Object.create(null);
  for (const f of families) Object.assign(byName, f(ctx));
  return { byName, byIndex: helperNames().map((n) => byName[n]!) };
}
