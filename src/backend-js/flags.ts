/**
 * NZCV in generated code without packing it when nobody looks.
 *
 * The IR computes flags as a packed NZCV value (GetNZCVFromOp of an
 * add/sub-with-carry, NZCVLogical of a result), stores it with A64SetNZCV and
 * tests it with TestCond. Most flag values are only tested by the conditional
 * branch or select right after them, then overwritten by the next compare.
 * So, per block:
 *
 * - fused conditions: TestCond of the flags of `SUBS a, b` (carry in 1: CMP,
 *   SUBS), of `ADDS` (Z and N) and of a logical result (TST, ANDS) becomes a
 *   direct comparison of the operands or of the result;
 * - lazy NZCV: A64SetNZCV of such flags does not pack them; it records the
 *   operation (nk) and its operands (n1..n5; a logical result in n6, n7:
 *   region locals). The packed value is computed only where NZCV is observed:
 *   an A64GetNZCV, and the region's epilogue (every exit, faults included, so
 *   exceptions see exact flags); an add or subtract is redone there from its
 *   operands. `nk = 0` means `nz` holds the flags.
 * - so a CMP or CMN whose flags are only tested by fused conditions and
 *   recorded lazily is not computed at all.
 */
import type { Block, Inst, Value } from '../ir/value.js';
import { Hh as H, isImm, L } from './values.js';

/** How one block handles NZCV. */
export interface FlagPlan {
  /** Producers whose packed flags must be computed where they are (f<id>). */
  eager: Set<Inst>;
  /** TestCond instructions replaced by a direct condition (JS boolean expression). */
  fused: Map<Inst, string>;
  /** Flag values not emitted at all (only fused tests and lazy sets use them), and the CMP/CMN arithmetic behind them. */
  skip: Set<Inst>;
  /** A64SetNZCV instructions emitted as a lazy record (statement text). */
  lazy: Map<Inst, string>;
  /** The kinds (nk) of those records. */
  kinds: Set<Kind>;
}


/** Lazy kinds (nk): which packing the recorded operands need. */
export const enum Kind {
  Sub32 = 1,
  Add32 = 2,
  Sub64 = 3,
  Add64 = 4,
  Logical32 = 5,
  Logical64 = 6,
}

/** The record for A64SetNZCV(v) (its kind and statement), or undefined when v must be packed eagerly. */
function lazyRecord(v: Value): { kind: Kind; text: string } | undefined {
  if (v.kind !== 'inst') return undefined;
  if (v.op === 'NZCVLogical32') return { kind: Kind.Logical32, text: `nk = ${Kind.Logical32}; n6 = ${L(v.args[0]!)};` };
  if (v.op === 'NZCVLogical64') return { kind: Kind.Logical64, text: `nk = ${Kind.Logical64}; n6 = ${L(v.args[0]!)}; n7 = ${H(v.args[0]!)};` };
  if (v.op !== 'GetNZCVFromOp') return undefined;
  const p = v.args[0] as Inst;
  const [a, b, cin] = p.args as [Value, Value, Value];
  switch (p.op) {
    case 'SubWithCarry32':
    case 'AddWithCarry32': {
      const kind = p.op === 'SubWithCarry32' ? Kind.Sub32 : Kind.Add32;
      return { kind, text: `nk = ${kind}; n1 = ${L(a)}; n3 = ${L(b)}; n5 = ${L(cin)};` };
    }
    case 'SubWithCarry64':
    case 'AddWithCarry64': {
      const kind = p.op === 'SubWithCarry64' ? Kind.Sub64 : Kind.Add64;
      return { kind, text: `nk = ${kind}; n1 = ${L(a)}; n2 = ${H(a)}; n3 = ${L(b)}; n4 = ${H(b)}; n5 = ${L(cin)};` };
    }
    default:
      return undefined;
  }
}

/** Locals of the lazy record, declared once per region. */
export const LAZY_DECLS = 'nk = 0, n1 = 0, n2 = 0, n3 = 0, n4 = 0, n5 = 0, n6 = 0, n7 = 0';

/** Statement: `nz` from a pending record of one kind. */
function packKind(k: Kind): string {
  switch (k) {
    case Kind.Sub32:
    case Kind.Add32: {
      const y = k === Kind.Sub32 ? '~n3' : 'n3';
      return `{ const y = ${y}, u = (n1 >>> 0) + (y >>> 0) + n5, r = u | 0; nz = (r & -2147483648) | (r === 0 ? 1073741824 : 0) | (u > 4294967295 ? 536870912 : 0) | ((((n1 ^ r) & (y ^ r)) >>> 31) << 28); }`;
    }
    case Kind.Sub64:
    case Kind.Add64: {
      const [y, yh] = k === Kind.Sub64 ? ['~n3', '~n4'] : ['n3', 'n4'];
      return (
        `{ const y = ${y}, yh = ${yh}, u = (n1 >>> 0) + (y >>> 0) + n5, uh = (n2 >>> 0) + (yh >>> 0) + (u > 4294967295 ? 1 : 0), r = u | 0, rh = uh | 0; ` +
        `nz = (rh & -2147483648) | ((r | rh) === 0 ? 1073741824 : 0) | (uh > 4294967295 ? 536870912 : 0) | ((((n2 ^ rh) & (yh ^ rh)) >>> 31) << 28); }`
      );
    }
    case Kind.Logical32:
      return 'nz = (n6 & -2147483648) | (n6 === 0 ? 1073741824 : 0);';
    case Kind.Logical64:
      return 'nz = (n7 & -2147483648) | ((n6 | n7) === 0 ? 1073741824 : 0);';
  }
}

/**
 * Statement: make `nz` exact from a pending lazy record, for a region whose records are of
 * the given kinds only (none: nothing is ever pending, so nothing to do). A region packs only
 * what it can record: the common region that records one kind tests nk once.
 */
export function packNzcv(kinds: ReadonlySet<Kind>): string {
  const ks = [...kinds].sort((a, b) => a - b);
  if (ks.length === 0) return '';
  const last = ks.pop()!;
  const tests = ks.map((k) => `if (nk === ${k}) ${packKind(k)} else `).join('');
  return `if (nk !== 0) { ${tests}${packKind(last)} nk = 0; }`;
}

/** Signed/unsigned 64-bit comparisons of (xl, xh) against (yl, yh) as JS boolean expressions. */
function cmp64(xl: string, xh: string, yl: string, yh: string, op: '<' | '>' | '<=' | '>=', unsigned: boolean): string {
  const hiA = unsigned ? `(${xh} >>> 0)` : `(${xh} | 0)`;
  const hiB = unsigned ? `(${yh} >>> 0)` : `(${yh} | 0)`;
  const strict = op === '<' || op === '>' ? op : (op[0] as '<' | '>');
  return `(${hiA} ${strict} ${hiB} || (${xh} === ${yh} && (${xl} >>> 0) ${op} (${yl} >>> 0)))`;
}

/**
 * The condition (A64 cond 0..15) of the flags of `x - y` (SUBS with carry in 1) as a
 * direct comparison; r is the result (lo, hi) for N; 64-bit when hi strings are given.
 */
function subCondition(cond: number, x: [string, string?], y: [string, string?], r: [string, string?]): string | undefined {
  const wide = x[1] !== undefined;
  let e: string;
  const u = (op: '<' | '>' | '<=' | '>=') => (wide ? cmp64(x[0], x[1]!, y[0], y[1]!, op, true) : `((${x[0]} >>> 0) ${op} (${y[0]} >>> 0))`);
  const s = (op: '<' | '>' | '<=' | '>=') => (wide ? cmp64(x[0], x[1]!, y[0], y[1]!, op, false) : `((${x[0]} | 0) ${op} (${y[0]} | 0))`);
  switch (cond >> 1) {
    case 0: e = wide ? `(${x[0]} === ${y[0]} && ${x[1]} === ${y[1]})` : `((${x[0]} | 0) === (${y[0]} | 0))`; break; // EQ
    case 1: e = u('>='); break; // CS (HS)
    case 2: e = `((${wide ? r[1] : r[0]} | 0) < 0)`; break; // MI
    case 3: return undefined; // VS: leave to the packed value
    case 4: e = u('>'); break; // HI
    case 5: e = s('>='); break; // GE
    case 6: e = s('>'); break; // GT
    default: return undefined; // AL/NV
  }
  return cond & 1 ? `!${e}` : e;
}

/** Condition of the flags of a logical result v (N and Z from v, C = V = 0). */
function logicalCondition(cond: number, v: Value, wide: boolean): string | undefined {
  const zero = wide ? `((${L(v)} | ${H(v)}) === 0)` : `(${L(v)} === 0)`;
  const neg = wide ? `((${H(v)} | 0) < 0)` : `((${L(v)} | 0) < 0)`;
  let e: string;
  switch (cond >> 1) {
    case 0: e = zero; break; // EQ
    case 1: e = 'false'; break; // CS: C = 0
    case 2: e = neg; break; // MI
    case 3: e = 'false'; break; // VS: V = 0
    case 4: e = 'false'; break; // HI: C && !Z
    case 5: e = `!${neg}`; break; // GE: N == V = 0
    case 6: e = `(!${neg} && !${zero})`; break; // GT
    default: return undefined;
  }
  return cond & 1 ? `!${e}` : e;
}

/**
 * A direct condition for TestCond(flags, cond), or undefined to test the packed value.
 * `needs` receives the add or subtract whose result the condition reads (N, or Z of an ADDS).
 */
function fuse(flags: Value, cond: number, needs: Set<Inst>): string | undefined {
  if (flags.kind !== 'inst') return undefined;
  if (flags.op === 'NZCVLogical32' || flags.op === 'NZCVLogical64') return logicalCondition(cond, flags.args[0]!, flags.op === 'NZCVLogical64');
  if (flags.op !== 'GetNZCVFromOp') return undefined;
  const p = flags.args[0] as Inst;
  const [a, b, cin] = p.args as [Value, Value, Value];
  if ((p.op === 'SubWithCarry32' || p.op === 'SubWithCarry64') && isImm(cin, 1)) {
    const wide = p.op === 'SubWithCarry64';
    if (cond >> 1 === 2) needs.add(p);
    return subCondition(cond, wide ? [L(a), H(a)] : [L(a)], wide ? [L(b), H(b)] : [L(b)], wide ? [`a${p.id}`, `b${p.id}`] : [`a${p.id}`]);
  }
  if (p.op === 'AddWithCarry32' || p.op === 'AddWithCarry64') {
    // N and Z come from the result alone.
    const wide = p.op === 'AddWithCarry64';
    const zero = wide ? `((a${p.id} | b${p.id}) === 0)` : `(a${p.id} === 0)`;
    const neg = wide ? `((b${p.id} | 0) < 0)` : `((a${p.id} | 0) < 0)`;
    if (cond >> 1 === 0 || cond >> 1 === 2) needs.add(p);
    if (cond >> 1 === 0) return cond & 1 ? `!${zero}` : zero;
    if (cond >> 1 === 2) return cond & 1 ? `!${neg}` : neg;
  }
  return undefined;
}

/** Plan the flag code of one block (see the file comment). */
export function planFlags(b: Block): FlagPlan {
  const users = new Map<Inst, Inst[]>();
  for (const i of b.insts) {
    for (const a of i.args) {
      if (a.kind !== 'inst') continue;
      const list = users.get(a);
      if (list) list.push(i);
      else users.set(a, [i]);
    }
  }

  const fused = new Map<Inst, string>();
  const resultRead = new Set<Inst>();
  for (const i of b.insts) {
    if (i.op !== 'TestCond') continue;
    const cond = i.args[1]!;
    const e = fuse(i.args[0]!, cond.kind === 'imm' ? cond.lo : -1, resultRead);
    if (e !== undefined) fused.set(i, e);
  }

  const lazy = new Map<Inst, string>();
  const kinds = new Set<Kind>();
  for (const i of b.insts) {
    if (i.op !== 'A64SetNZCV') continue;
    const r = lazyRecord(i.args[0]!);
    if (r === undefined) continue;
    lazy.set(i, r.text);
    kinds.add(r.kind);
  }

  // A flag value whose every user is a fused test or a lazy set need not exist.
  const skip = new Set<Inst>();
  const eager = new Set<Inst>();
  const onlyFusedOrLazy = (i: Inst) => (users.get(i) ?? []).every((u) => fused.has(u) || lazy.has(u));
  for (const i of b.insts) {
    if (i.op === 'GetNZCVFromOp' || i.op === 'NZCVLogical32' || i.op === 'NZCVLogical64') {
      if (onlyFusedOrLazy(i)) skip.add(i);
      else if (i.op === 'GetNZCVFromOp') eager.add(i.args[0] as Inst);
    }
  }
  // An add or subtract computed only for flags nobody packs here (CMP, CMN) need not exist either.
  const t = b.terminal;
  const byTerminal = new Set<Value>(t?.kind === 'Branch' ? [t.cond] : t?.kind === 'Indirect' ? [t.target] : []);
  for (const i of b.insts) {
    const arith = i.op === 'SubWithCarry32' || i.op === 'SubWithCarry64' || i.op === 'AddWithCarry32' || i.op === 'AddWithCarry64';
    if (arith && !resultRead.has(i) && !eager.has(i) && !byTerminal.has(i) && (users.get(i) ?? []).every((u) => skip.has(u))) skip.add(i);
  }
  return { eager, fused, skip, lazy, kinds };
}
