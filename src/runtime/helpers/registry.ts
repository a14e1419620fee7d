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

/**
 * What a helper family may do besides reading and writing CPU registers (X, V, FPCR,
 * FPSR, the exclusive monitor): `memory` = it accesses guest memory, so it can fault
 * and can write a page holding translated code. Generated code records the faulting
 * PC and re-checks the budget after calling such helpers only.
 */
export interface HelperTraits {
  memory: boolean;
}

const families: { f: HelperFamily; traits: HelperTraits }[] = [];
let names: string[] | undefined;
let memoryNames: Set<string> | undefined;

/** Family modules call this at load time. */
export function registerHelpers(f: HelperFamily, traits: HelperTraits = { memory: false }): void {
  if (names) throw new Error('helper families must be registered before first use');
  families.push({ f, traits });
}

/** Stable list of helper names (index = ImmHelper operand). */
export function helperNames(): readonly string[] {
  if (!names) {
    const probe = families.flatMap(({ f }) => Object.keys(f({} as HelperContext)));
    const dup = probe.find((n, i) => probe.indexOf(n) !== i);
    if (dup) throw new Error(`helper ${dup} defined twice`);
    names = probe.sort();
  }
  return names;
}

/** Names of the helpers that access guest memory. */
export function memoryHelperNames(): ReadonlySet<string> {
  memoryNames ??= new Set(families.filter((x) => x.traits.memory).flatMap(({ f }) => Object.keys(f({} as HelperContext))));
  return memoryNames;
}

/** Does the helper access guest memory (may fault, may invalidate translated code)? */
export function helperTouchesMemory(index: number): boolean {
  const n = helperNames()[index];
  return n === undefined || memoryHelperNames().has(n);
}

export function helperIndex(name: string): number {
  const i = helperNames().indexOf(name);
  if (i < 0) throw new Error(`unknown helper ${name}`);
  return i;
}

/** The helper object for one machine: name -> function, plus an array by index. */
export function makeHelpers(ctx: HelperContext): { byName: Record<string, HelperFn>; byIndex: HelperFn[] } {
  const byName: Record<string, HelperFn> = Object.create(null);
  for (const { f } of families) Object.assign(byName, f(ctx));
  return { byName, byIndex: helperNames().map((n) => byName[n]!) };
}
