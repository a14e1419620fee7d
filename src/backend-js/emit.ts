/**
 * The JS backend: a region (blocks of one hot trace) becomes the source of one
 * function, its blocks laid out as structured code (loops, labeled blocks and
 * blocks inline: layout.ts), with the guest registers it uses held in locals
 * when it loops, NZCV in a local, 64-bit values as lo/hi int32 locals
 * (a<id>, b<id>), and the soft-TLB fast path inline. Every exit leaves the
 * labeled block `run` for one epilogue that writes the state back to S. Faults are
 * exits too: the slow-path entry points record a guest fault instead of
 * throwing (runtime/code-memory.ts), and the code after the call leaves with
 * the faulting instruction's PC. No try/finally: its exception edges carry
 * every live local in TurboFan. Generated text contains only numbers and names
 * from abi.ts.
 */
import { helperNames } from '../runtime/helpers/all.js';
import { helperTouchesMemory } from '../runtime/helpers/registry.js';
import { OPCODES, type Opcode } from '../ir/opcodes.js';
import type { Block, Inst, Terminal, Value } from '../ir/value.js';
import { ExitReason, LINK_PARAMS, LINK_SIZE, MISS_EXIT, PARAMS, Slot } from './abi.js';
import { loadHit, probe, storeHit, type AccessSize, type SlowPath } from './access.js';
import { LAZY_DECLS, packNzcv, planFlags, type Kind } from './flags.js';
import { layoutRegion, type Layout } from './layout.js';
import { findPairs, pairCode } from './pairs.js';
import { Hh, L } from './values.js';

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

interface Ctx extends SlowPath {
  /** Instructions whose flags are read. */
  flagUsers: Set<Inst>;
  /** Where guest register r lives: its low and high word as JS expressions. */
  lo: (r: number) => string;
  hi: (r: number) => string;
  /** Where word w of the vector file (4 per register) lives: a local or V[w]. */
  vw: (w: number) => string;
  /** Statement that packs a pending lazy NZCV record into nz (for the kinds this region records). */
  pack: string;
}

const imm = (v: Value): number => (v as { lo: number }).lo;
/**
 * Where guest registers live in generated code: locals (loaded at entry, spilled in the
 * finally) or the state array itself. Locals win in long-running loops; the array wins
 * for the short region calls of call-heavy code and costs V8 far less to compile.
 */
const inLocals = { lo: (r: number) => `x${r}l`, hi: (r: number) => `x${r}h` };
const inState = { lo: (r: number) => `S[${2 * r}]`, hi: (r: number) => `S[${2 * r + 1}]` };

function helper(idx: number): string {
  const n = helperNames()[idx];
  if (n === undefined || !IDENT.test(n)) throw new Error(`bad helper index ${idx}`);
  return n;
}

type Emit = (i: Inst, c: Ctx) => string;

const bin32 = (expr: (a: string, b: string) => string): Emit => (i) => `a${i.id} = ${expr(L(i.args[0]!), L(i.args[1]!))};`;
const un32 = (expr: (a: string) => string): Emit => (i) => `a${i.id} = ${expr(L(i.args[0]!))};`;
const pair = (lo: (al: string, ah: string, bl: string, bh: string) => string, hi: (al: string, ah: string, bl: string, bh: string) => string): Emit => (i) => {
  const [a, b] = i.args as [Value, Value | undefined];
  const args = [L(a), Hh(a), b ? L(b) : '0', b ? Hh(b) : '0'] as const;
  return `a${i.id} = ${lo(...args)}; b${i.id} = ${hi(...args)};`;
};
const call64 = (name: string): Emit => (i) => {
  const [a, b] = i.args as [Value, Value];
  return `a${i.id} = H.${name}(${L(a)}, ${Hh(a)}, ${L(b)}, ${Hh(b)}) | 0; b${i.id} = S[${Slot.RET_HI}];`;
};
/** A 64-bit shift: by a constant, the pair's words shifted in place (`inline`); by a register, `byRegister`'s statement. */
const shift64 = (
  inline: (l: string, h: string, n: number) => [string, string],
  byRegister: (l: string, h: string, n: string, id: number) => string,
): Emit => (i) => {
  const [a, n] = i.args as [Value, Value];
  if (n.kind === 'imm') {
    const k = n.lo & 63;
    if (k === 0) return `a${i.id} = ${L(a)}; b${i.id} = ${Hh(a)};`;
    const [lo, hi] = inline(L(a), Hh(a), k);
    return `a${i.id} = ${lo}; b${i.id} = ${hi};`;
  }
  return byRegister(L(a), Hh(a), L(n), i.id);
};

/**
 * Shifts by a register amount n (mod 64), in int32 arithmetic without a branch (code V8 has
 * seen one way of a branch it compiles as a deoptimization the other way): x and y are the low
 * and high words shifted by t = n mod 32, the bits crossing between them taken as
 * `(w >>> 1) >>> (31 - t)` (or `(w << 1) << (31 - t)`), which is 0 when t is 0; u is all ones
 * when n mod 64 >= 32, and then the result is the words moved across.
 */
const shiftBy = (pre: string, lo: string, hi: string) => (l: string, h: string, n: string, id: number): string =>
  `{ const t = ${n} & 31, u = -((${n} >>> 5) & 1), ${pre.replace(/\bL\b/g, l).replace(/\bH\b/g, h)}; ` +
  `a${id} = ${lo}; b${id} = ${hi.replace(/\bH\b/g, h)}; }`;
const lslBy = shiftBy('x = L << t, y = (H << t) | ((L >>> 1) >>> (31 - t))', 'x & ~u', '(y & ~u) | (x & u)');
const lsrBy = shiftBy('x = (L >>> t) | ((H << 1) << (31 - t)), y = H >>> t', '(x & ~u) | (y & u)', 'y & ~u');
const asrBy = shiftBy('x = (L >>> t) | ((H << 1) << (31 - t)), y = H >> t', '(x & ~u) | (y & u)', '(y & ~u) | ((H >> 31) & u)');
/** A rotate by a register amount is rare: the helper. */
const rorBy = (l: string, h: string, n: string, id: number): string => `a${id} = H.ror64(${l}, ${h}, ${n}) | 0; b${id} = S[${Slot.RET_HI}];`;

function condExpr(nz: string, cond: number): string {
  const n = `(${nz} >>> 31)`, z = `((${nz} >>> 30) & 1)`, c = `((${nz} >>> 29) & 1)`, v = `((${nz} >>> 28) & 1)`;
  let e: string;
  switch (cond >> 1) {
    case 0: e = `${z} === 1`; break;
    case 1: e = `${c} === 1`; break;
    case 2: e = `${n} === 1`; break;
    case 3: e = `${v} === 1`; break;
    case 4: e = `(${c} === 1 && ${z} === 0)`; break;
    case 5: e = `${n} === ${v}`; break;
    case 6: e = `(${n} === ${v} && ${z} === 0)`; break;
    default: return '1';
  }
  return (cond & 1) === 1 && cond !== 15 ? `(${e} ? 0 : 1)` : `(${e} ? 1 : 0)`;
}

function addc32(invert: boolean): Emit {
  return (i, c) => {
    const [a, b, cin] = i.args as [Value, Value, Value];
    const y = invert ? `~${L(b)}` : L(b);
    if (!c.flagUsers.has(i)) return `a${i.id} = (${L(a)} + ${y} + ${L(cin)}) | 0;`;
    return `{ const x = ${L(a)}, y = ${y}, u = (x >>> 0) + (y >>> 0) + ${L(cin)}, r = u | 0; a${i.id} = r; ` +
      `f${i.id} = (r & -2147483648) | (r === 0 ? 1073741824 : 0) | (u > 4294967295 ? 536870912 : 0) | ((((x ^ r) & (y ^ r)) >>> 31) << 28); }`;
  };
}

function addc64(invert: boolean): Emit {
  return (i, c) => {
    const [a, b, cin] = i.args as [Value, Value, Value];
    const yl = invert ? `~${L(b)}` : L(b), yh = invert ? `~${Hh(b)}` : Hh(b);
    const core = `const xh = ${Hh(a)}, yh = ${yh}, u = (${L(a)} >>> 0) + (${yl} >>> 0) + ${L(cin)}, uh = (xh >>> 0) + (yh >>> 0) + (u > 4294967295 ? 1 : 0), rl = u | 0, rh = uh | 0; a${i.id} = rl; b${i.id} = rh;`;
    if (!c.flagUsers.has(i)) return `{ ${core} }`;
    return `{ ${core} f${i.id} = (rh & -2147483648) | ((rl | rh) === 0 ? 1073741824 : 0) | (uh > 4294967295 ? 536870912 : 0) | ((((xh ^ rh) & (yh ^ rh)) >>> 31) << 28); }`;
  };
}

/** Soft-TLB fast path for a read of `size` bytes; the slow path leaves on a fault, at the instruction. */
function read(size: AccessSize): Emit {
  return (i, c) => {
    const a = i.args[0]!;
    const al = L(a), ah = Hh(a);
    return probe('R', al, ah, size, loadHit(size, i.id, 'o'), c.miss(i));
  };
}

function write(size: AccessSize): Emit {
  return (i, c) => {
    const [a, v] = i.args as [Value, Value];
    const al = L(a), ah = Hh(a);
    return probe('W', al, ah, size, storeHit(size, 'o', L(v), Hh(v)), c.miss(i));
  };
}

function call(ret: 'Void' | 'U32' | 'U64'): Emit {
  return (i, c) => {
    const name = helper(imm(i.args[0]!));
    const args: string[] = [];
    for (const a of i.args.slice(1)) {
      args.push(L(a));
      if (a.type === 'U64') args.push(Hh(a));
    }
    const callText = `H.${name}(${args.join(', ')})`;
    // Only helpers that access memory can fault (the code leaves on one) or write translated code (the budget is re-read).
    const { save, restore } = helperTouchesMemory(imm(i.args[0]!)) ? c.slow(i) : { save: '', restore: '' };
    if (ret === 'Void') return `${save} ${callText}; ${restore}`;
    if (ret === 'U32') return `${save} a${i.id} = ${callText} | 0; ${restore}`;
    return `${save} a${i.id} = ${callText} | 0; b${i.id} = S[${Slot.RET_HI}]; ${restore}`;
  };
}

const V = (r: Value, lane: number, words: number) => 4 * imm(r) + words * lane;

/** Words of the vector file an instruction reads or writes (none for other ops). */
function vectorWords(i: Inst): number[] {
  switch (i.op) {
    case 'A64GetV32':
    case 'A64SetV32':
      return [V(i.args[0]!, imm(i.args[1]!), 1)];
    case 'A64GetV64':
    case 'A64SetV64': {
      const w = V(i.args[0]!, imm(i.args[1]!), 2);
      return [w, w + 1];
    }
    case 'A64ZeroVHigh':
      return [4 * imm(i.args[0]!) + 2, 4 * imm(i.args[0]!) + 3];
    default:
      return [];
  }
}

const EMITTERS: Record<Opcode, Emit> = {
  A64GetW: (i, c) => `a${i.id} = ${c.lo(imm(i.args[0]!))};`,
  A64GetX: (i, c) => `a${i.id} = ${c.lo(imm(i.args[0]!))}; b${i.id} = ${c.hi(imm(i.args[0]!))};`,
  A64SetW: (i, c) => `${c.lo(imm(i.args[0]!))} = ${L(i.args[1]!)}; ${c.hi(imm(i.args[0]!))} = 0;`,
  A64SetX: (i, c) => `${c.lo(imm(i.args[0]!))} = ${L(i.args[1]!)}; ${c.hi(imm(i.args[0]!))} = ${Hh(i.args[1]!)};`,
  A64GetV32: (i, c) => `a${i.id} = ${c.vw(V(i.args[0]!, imm(i.args[1]!), 1))};`,
  A64GetV64: (i, c) => { const w = V(i.args[0]!, imm(i.args[1]!), 2); return `a${i.id} = ${c.vw(w)}; b${i.id} = ${c.vw(w + 1)};`; },
  A64SetV32: (i, c) => `${c.vw(V(i.args[0]!, imm(i.args[1]!), 1))} = ${L(i.args[2]!)};`,
  A64SetV64: (i, c) => { const w = V(i.args[0]!, imm(i.args[1]!), 2); return `${c.vw(w)} = ${L(i.args[2]!)}; ${c.vw(w + 1)} = ${Hh(i.args[2]!)};`; },
  A64ZeroVHigh: (i, c) => { const w = 4 * imm(i.args[0]!) + 2; return `${c.vw(w)} = 0; ${c.vw(w + 1)} = 0;`; },
  A64GetNZCV: (i, c) => `${c.pack} a${i.id} = nz;`,
  A64SetNZCV: (i) => `nz = ${L(i.args[0]!)}; nk = 0;`,
  A64SetExclusive: (i) => {
    const [a, , v] = i.args as [Value, Value, Value];
    return `S[${Slot.EXCL_ADDR}] = ${L(a)}; S[${Slot.EXCL_ADDR + 1}] = ${Hh(a)}; S[${Slot.EXCL_SIZE}] = ${imm(i.args[1]!)}; S[${Slot.EXCL_VAL}] = ${L(v)}; S[${Slot.EXCL_VAL + 1}] = ${Hh(v)};`;
  },
  A64SetExclusiveHigh: (i) => `S[${Slot.EXCL_VAL + 2}] = ${L(i.args[0]!)}; S[${Slot.EXCL_VAL + 3}] = ${Hh(i.args[0]!)};`,
  A64ClearExclusive: () => `S[${Slot.EXCL_SIZE}] = 0;`,

  GetNZCVFromOp: (i) => `a${i.id} = f${(i.args[0] as Inst).id};`,
  NZCVLogical32: un32((a) => `(${a} & -2147483648) | (${a} === 0 ? 1073741824 : 0)`),
  NZCVLogical64: (i) => { const a = i.args[0]!; return `a${i.id} = (${Hh(a)} & -2147483648) | ((${L(a)} | ${Hh(a)}) === 0 ? 1073741824 : 0);`; },
  TestCond: (i) => `a${i.id} = ${condExpr(L(i.args[0]!), imm(i.args[1]!))};`,
  SelectNZCV: (i) => `a${i.id} = ${L(i.args[0]!)} ? ${L(i.args[1]!)} : ${L(i.args[2]!)};`,
  NZCVToU32: un32((a) => `${a} & -268435456`),
  NZCVFromU32: un32((a) => `${a} & -268435456`),

  Add32: bin32((a, b) => `(${a} + ${b}) | 0`),
  Sub32: bin32((a, b) => `(${a} - ${b}) | 0`),
  AddWithCarry32: addc32(false),
  SubWithCarry32: addc32(true),
  And32: bin32((a, b) => `${a} & ${b}`),
  AndNot32: bin32((a, b) => `${a} & ~${b}`),
  Or32: bin32((a, b) => `${a} | ${b}`),
  OrNot32: bin32((a, b) => `${a} | ~${b}`),
  Xor32: bin32((a, b) => `${a} ^ ${b}`),
  XorNot32: bin32((a, b) => `${a} ^ ~${b}`),
  Not32: un32((a) => `~${a}`),
  Lsl32: bin32((a, b) => `${a} << (${b} & 31)`),
  Lsr32: bin32((a, b) => `(${a} >>> (${b} & 31)) | 0`),
  Asr32: bin32((a, b) => `${a} >> (${b} & 31)`),
  Ror32: bin32((a, b) => `(${a} >>> (${b} & 31)) | (${a} << (32 - (${b} & 31)))`),
  Mul32: bin32((a, b) => `Math.imul(${a}, ${b})`),
  UDiv32: bin32((a, b) => `H.udiv32(${a}, ${b})`),
  SDiv32: bin32((a, b) => `H.sdiv32(${a}, ${b})`),
  Clz32: un32((a) => `Math.clz32(${a})`),
  Rbit32: un32((a) => `H.rbit32(${a})`),
  ByteReverse32: un32((a) => `((${a} & 255) << 24) | ((${a} & 65280) << 8) | ((${a} >>> 8) & 65280) | (${a} >>> 24)`),
  ByteReverseHalves32: un32((a) => `((${a} & 16711935) << 8) | ((${a} >>> 8) & 16711935)`),
  Select32: (i) => `a${i.id} = ${L(i.args[0]!)} ? ${L(i.args[1]!)} : ${L(i.args[2]!)};`,
  IsZero32: un32((a) => `${a} === 0 ? 1 : 0`),
  TestBit32: (i) => `a${i.id} = (${L(i.args[0]!)} >>> ${imm(i.args[1]!)}) & 1;`,
  SignExtend8To32: un32((a) => `(${a} << 24) >> 24`),
  SignExtend16To32: un32((a) => `(${a} << 16) >> 16`),
  ZeroExtend8To32: un32((a) => `${a} & 255`),
  ZeroExtend16To32: un32((a) => `${a} & 65535`),

  Add64: (i) => {
    const [a, b] = i.args as [Value, Value];
    // x + c with 0 <= c < 2^31 (address offsets): the low word carries out exactly when it wraps below c.
    if (b.kind === 'imm' && b.hi === 0 && b.lo >= 0) {
      return `a${i.id} = (${L(a)} + ${b.lo}) | 0; b${i.id} = (${Hh(a)} + ((a${i.id} >>> 0) < ${b.lo} ? 1 : 0)) | 0;`;
    }
    return `{ const l = (${L(a)} + ${L(b)}) | 0; b${i.id} = (${Hh(a)} + ${Hh(b)} + ((l >>> 0) < (${L(a)} >>> 0) ? 1 : 0)) | 0; a${i.id} = l; }`;
  },
  Sub64: (i) => {
    const [a, b] = i.args as [Value, Value];
    // x - c with 0 <= c < 2^31: borrow exactly when the low word is below c.
    if (b.kind === 'imm' && b.hi === 0 && b.lo >= 0) {
      return `b${i.id} = (${Hh(a)} - ((${L(a)} >>> 0) < ${b.lo} ? 1 : 0)) | 0; a${i.id} = (${L(a)} - ${b.lo}) | 0;`;
    }
    return `b${i.id} = (${Hh(a)} - ${Hh(b)} - ((${L(a)} >>> 0) < (${L(b)} >>> 0) ? 1 : 0)) | 0; a${i.id} = (${L(a)} - ${L(b)}) | 0;`;
  },
  AddWithCarry64: addc64(false),
  SubWithCarry64: addc64(true),
  And64: pair((a, _b, c) => `${a} & ${c}`, (_a, b, _c, d) => `${b} & ${d}`),
  AndNot64: pair((a, _b, c) => `${a} & ~${c}`, (_a, b, _c, d) => `${b} & ~${d}`),
  Or64: pair((a, _b, c) => `${a} | ${c}`, (_a, b, _c, d) => `${b} | ${d}`),
  OrNot64: pair((a, _b, c) => `${a} | ~${c}`, (_a, b, _c, d) => `${b} | ~${d}`),
  Xor64: pair((a, _b, c) => `${a} ^ ${c}`, (_a, b, _c, d) => `${b} ^ ${d}`),
  XorNot64: pair((a, _b, c) => `${a} ^ ~${c}`, (_a, b, _c, d) => `${b} ^ ~${d}`),
  Not64: pair((a) => `~${a}`, (_a, b) => `~${b}`),
  Lsl64: shift64((l, h, n) => (n < 32 ? [`${l} << ${n}`, `(${h} << ${n}) | (${l} >>> ${32 - n})`] : ['0', `${l} << ${n - 32}`]), lslBy),
  Lsr64: shift64((l, h, n) => (n < 32 ? [`(${l} >>> ${n}) | (${h} << ${32 - n})`, `(${h} >>> ${n}) | 0`] : [`(${h} >>> ${n - 32}) | 0`, '0']), lsrBy),
  Asr64: shift64((l, h, n) => (n < 32 ? [`(${l} >>> ${n}) | (${h} << ${32 - n})`, `${h} >> ${n}`] : [`${h} >> ${n - 32}`, `${h} >> 31`]), asrBy),
  Ror64: shift64((l, h, n) =>
    n === 32 ? [h, l] : n < 32 ? [`(${l} >>> ${n}) | (${h} << ${32 - n})`, `(${h} >>> ${n}) | (${l} << ${32 - n})`] : [`(${h} >>> ${n - 32}) | (${l} << ${64 - n})`, `(${l} >>> ${n - 32}) | (${h} << ${64 - n})`], rorBy),
  Mul64: call64('mul64'),
  UMulHigh64: call64('umulh64'),
  SMulHigh64: call64('smulh64'),
  UDiv64: call64('udiv64'),
  SDiv64: call64('sdiv64'),
  Clz64: (i) => { const a = i.args[0]!; return `a${i.id} = ${Hh(a)} !== 0 ? Math.clz32(${Hh(a)}) : 32 + Math.clz32(${L(a)});`; },
  Rbit64: pair((_l, h) => `H.rbit32(${h})`, (l) => `H.rbit32(${l})`),
  ByteReverse64: (i) => {
    const a = i.args[0]!;
    const sw = (x: string) => `((${x} & 255) << 24) | ((${x} & 65280) << 8) | ((${x} >>> 8) & 65280) | (${x} >>> 24)`;
    return `{ const l = ${L(a)}, h = ${Hh(a)}; a${i.id} = ${sw('h')}; b${i.id} = ${sw('l')}; }`;
  },
  ByteReverseHalves64: pair((l) => `((${l} & 16711935) << 8) | ((${l} >>> 8) & 16711935)`, (_l, h) => `((${h} & 16711935) << 8) | ((${h} >>> 8) & 16711935)`),
  ByteReverseWords64: (i) => {
    const a = i.args[0]!;
    const sw = (x: string) => `((${x} & 255) << 24) | ((${x} & 65280) << 8) | ((${x} >>> 8) & 65280) | (${x} >>> 24)`;
    return `{ const l = ${L(a)}, h = ${Hh(a)}; a${i.id} = ${sw('l')}; b${i.id} = ${sw('h')}; }`;
  },
  Select64: (i) => { const [c, a, b] = i.args as [Value, Value, Value]; return `if (${L(c)}) { a${i.id} = ${L(a)}; b${i.id} = ${Hh(a)}; } else { a${i.id} = ${L(b)}; b${i.id} = ${Hh(b)}; }`; },
  IsZero64: (i) => `a${i.id} = (${L(i.args[0]!)} | ${Hh(i.args[0]!)}) === 0 ? 1 : 0;`,
  TestBit64: (i) => { const bit = imm(i.args[1]!); return `a${i.id} = (${bit < 32 ? L(i.args[0]!) : Hh(i.args[0]!)} >>> ${bit & 31}) & 1;`; },

  ZeroExtend32To64: (i) => `a${i.id} = ${L(i.args[0]!)}; b${i.id} = 0;`,
  SignExtend32To64: (i) => `a${i.id} = ${L(i.args[0]!)}; b${i.id} = a${i.id} >> 31;`,
  Truncate64To32: (i) => `a${i.id} = ${L(i.args[0]!)};`,
  High64To32: (i) => `a${i.id} = ${Hh(i.args[0]!)};`,
  Pack32To64: (i) => `a${i.id} = ${L(i.args[0]!)}; b${i.id} = ${L(i.args[1]!)};`,
  Not1: un32((a) => `${a} ^ 1`),
  U1To32: un32((a) => a),

  Read8: read(1),
  Read16: read(2),
  Read32: read(4),
  Read64: read(8),
  Write8: write(1),
  Write16: write(2),
  Write32: write(4),
  Write64: write(8),
  CheckAlignment: (i, c) => {
    const a = i.args[0]!;
    return `if ((${L(a)} & ${imm(i.args[1]!) - 1}) !== 0) { M.alignmentFault(${L(a)}, ${Hh(a)}, ${imm(i.args[2]!)}); ${c.faulted(i)} }`;
  },

  CallVoid: call('Void'),
  Call32: call('U32'),
  Call64: call('U64'),
};

/** A region ready to compile: its blocks (all with the same PC high word). */
export interface RegionSource {
  source: string;
  entry: number;
  pcHi: number;
}

function lit(n: number): string {
  return String(n | 0);
}

/**
 * The jump at the end of block `from` (its position in the layout): inside the region
 * (back to a loop header, forward to a merge node, or the target's own code inline) or
 * out of the function with the PC. In-region jumps check the budget (a store may have
 * invalidated translated code, and loops must yield).
 */
function terminalCode(t: Terminal, from: number, lay: Layout, pcHi: number, tree: (k: number) => string, site: ChainSites): string {
  const leave = (lo: number, hi: number) => `pc = ${lit(lo)};${hi === pcHi ? '' : ` pch = ${lit(hi)};`} ex = ${site.of(lo, hi)}; break run;`;
  // The statement that goes to the block at `lo` without leaving, if the layout allows it from here.
  const inside = (lo: number): string | undefined => {
    const kind = lay.edge(from, lo);
    const to = lay.index.get(lo | 0)!;
    return kind === 'back' ? `continue l${to};` : kind === 'merge' ? `break k${to};` : kind === 'inline' ? tree(to) : undefined;
  };
  const go = (lo: number, hi: number) => {
    const jump = hi === pcHi ? inside(lo) : undefined;
    return jump ? `if (bud > 0) { ${jump} } ${leave(lo, hi)}` : leave(lo, hi);
  };
  switch (t.kind) {
    case 'Link':
      return go(t.next.lo, t.next.hi);
    case 'Branch':
      return `if (${L(t.cond)}) { ${go(t.taken.lo, t.taken.hi)} } else { ${go(t.notTaken.lo, t.notTaken.hi)} }`;
    case 'Indirect': {
      // A return to a block of the region (a call's return address), or a call to the callee it
      // was seen to call when that is in the region, stays inside.
      const hint = from < lay.order.length ? lay.order[from]!.callHint : undefined;
      const candidates = hint && hint.hi === pcHi && !lay.returnTargets.includes(hint.lo | 0) ? [hint.lo | 0, ...lay.returnTargets] : lay.returnTargets;
      const tests = candidates.flatMap((lo) => {
        const jump = inside(lo);
        return jump ? [`if (pc === ${lit(lo)}) { ${jump} }`] : [];
      }).join(' ');
      const stay = tests ? ` if (pch === ${lit(pcHi)} && bud > 0) { ${tests} }` : '';
      return `pc = ${L(t.target)}; pch = ${Hh(t.target)};${stay} ex = 0; break run;`;
    }
    case 'Exit':
      return `S[${Slot.EXIT_REASON}] = ${t.reason}; S[${Slot.EXIT_ARG}] = ${lit(t.arg)}; ${leave(t.next.lo, t.next.hi)}`;
    case 'Undefined':
      return `S[${Slot.EXIT_REASON}] = ${ExitReason.Undefined}; ${leave(t.at.lo, t.at.hi)}`;
  }
}

/**
 * Region chaining: with its state written back, a region that leaves by a plain jump to a PC
 * whose region is compiled calls that region itself (one call site per region, which sees the
 * region's few successors) instead of returning to the dispatcher's one megamorphic call site.
 * CHAIN_DEPTH bounds the nesting; the whole chain returns when it runs out.
 */
const chain = (sites: number) =>
  `if (bud > 0 && S[${Slot.EXIT_REASON}] === ${ExitReason.Jump}) { const t = pc >>> 2 & ${LINK_SIZE - 1}, cf = FR[t];` +
  ` if (cf !== undefined && FL[t] === pc && FH[t] === pch) { const cd = S[${Slot.CHAIN_DEPTH}];` +
  ` if (cd > 0) { S[${Slot.CHAIN_DEPTH}] = cd - 1; ${sites > 1 ? `switch (ex) { ${Array.from({ length: sites - 1 }, (_, k) => `case ${k + 1}: return cf(); `).join('')}default: return cf(); }` : 'return cf();'} } } }`;

/**
 * Call sites of the chain, one per constant exit target: V8 records the functions a call site
 * has called, and a site that has seen one can be compiled to a direct call of it, without the
 * generic call builtins a site shared by several targets goes through. Site 0 is for computed
 * targets (returns, indirect branches). `ex` holds the site of the exit taken.
 */
class ChainSites {
  private readonly byPc = new Map<string, number>();
  of(lo: number, hi: number): number {
    const key = `${lo | 0}:${hi | 0}`;
    let k = this.byPc.get(key);
    if (k === undefined) this.byPc.set(key, (k = this.byPc.size + 1));
    return k;
  }
  get count(): number {
    return this.byPc.size + 1;
  }
}

/** Emit the source of one region function. blocks[0] is the entry. */
export function emitRegion(regionBlocks: Block[]): RegionSource {
  const lay = layoutRegion(regionBlocks);
  const blocks = lay.order;
  const locals = lay.loops;
  const where = locals ? inLocals : inState;
  // Vector words live in locals too in a looping region without helper calls (helpers use the V array).
  const vLocals = locals && !blocks.some((b) => b.insts.some((i) => OPCODES[i.op].effect === 'call'));
  const vUsed = new Set<number>(), vWritten = new Set<number>();
  const vw = vLocals ? (w: number) => `v${w}` : (w: number) => `V[${w}]`;
  if (vLocals) {
    for (const b of blocks) {
      for (const i of b.insts) {
        const words = vectorWords(i);
        for (const w of words) vUsed.add(w);
        if (i.op === 'A64SetV32' || i.op === 'A64SetV64' || i.op === 'A64ZeroVHigh') for (const w of words) vWritten.add(w);
      }
    }
  }
  const pcHi = blocks[0]!.start.hi;
  const regsRead = new Set<number>(), regsWritten = new Set<number>();
  for (const b of blocks) {
    for (const inst of b.insts) {
      if (inst.op === 'A64GetX' || inst.op === 'A64GetW') regsRead.add(imm(inst.args[0]!));
      if (inst.op === 'A64SetX' || inst.op === 'A64SetW') regsWritten.add(imm(inst.args[0]!));
    }
  }
  // Flags first: a record one block makes may be packed in another, or in the epilogue.
  const plans = blocks.map((b) => {
    b.renumber();
    return planFlags(b);
  });
  const pack = packNzcv(new Set<Kind>(plans.flatMap((p) => [...p.kinds])));
  // Each block's own statements, before its jump.
  const bodies = blocks.map((b, k) => {
    const plan = plans[k]!;
    // On a fault the instructions of the block before the faulting one have retired.
    // pch holds pcHi everywhere inside the region (a jump that stays inside had the entry's high word).
    const faulted = (inst: Inst) =>
      `if (S[${Slot.EXIT_REASON}] !== 0) { pc = ${lit(b.start.lo + 4 * inst.gi)};${inst.gi ? ` bud -= ${inst.gi};` : ''} break run; }`;
    const slow = (inst: Inst) => ({ save: `S[${Slot.BUDGET}] = bud;`, restore: `bud = S[${Slot.BUDGET}]; ${faulted(inst)}` });
    // Nothing but constant assignments: V8 has no feedback for code that never ran, so an
    // arithmetic or compare here would deoptimize the region at its first miss. The epilogue,
    // which every exit runs, takes the block's retired instructions off the budget.
    const miss = (inst: Inst) => `pc = ${lit(b.start.lo + 4 * inst.gi)}; mg = ${-inst.gi}; ex = ${MISS_EXIT}; break run;`;
    const ctx: Ctx = { flagUsers: plan.eager, ...where, vw, slow, faulted, miss, pack };
    const decls: string[] = [];
    const body: string[] = [];
    // Adjacent accesses of one instruction (LDP/STP, Q halves): the first is emitted with the second (pairs.ts).
    const pairs = findPairs(b);
    const firsts = new Set(pairs.values());
    for (const inst of b.insts) {
      if (plan.skip.has(inst)) continue;
      const ret = OPCODES[inst.op].ret;
      if (ret !== 'Void') decls.push(`a${inst.id} = 0`);
      if (ret === 'U64') decls.push(`b${inst.id} = 0`);
      if (plan.eager.has(inst)) decls.push(`f${inst.id} = 0`);
      if (firsts.has(inst)) continue;
      const first = pairs.get(inst);
      const fused = plan.fused.get(inst), lazy = plan.lazy.get(inst);
      body.push(first ? pairCode(first, inst, ctx) : fused !== undefined ? `a${inst.id} = ${fused} ? 1 : 0;` : lazy ?? EMITTERS[inst.op](inst, ctx));
    }
    const head = decls.length ? `let ${decls.join(', ')}; ` : '';
    return `${head}\n${body.join('\n')}\nbud -= ${b.guestCount};\n`;
  });
  // Block k, then (in labeled blocks that end just before them) its merge-node children; a loop header wraps all of it.
  const sites = new ChainSites();
  const within = (k: number, merges: number[]): string => {
    if (merges.length === 0) return `{ ${bodies[k]}${terminalCode(blocks[k]!.terminal!, k, lay, pcHi, tree, sites)} }`;
    const [y, ...rest] = merges as [number, ...number[]];
    return `k${y}: { ${within(k, rest)} }\n${tree(y)}`;
  };
  const loop = (k: number, code: string): string => `l${k}: for (;;) { ${code} }`;
  const tree = (k: number): string => {
    const code = within(k, lay.mergeChildren[k]!);
    return lay.loopHeaders.has(k) ? loop(k, code) : code;
  };
  const regs = locals ? [...new Set([...regsRead, ...regsWritten])].sort((a, b) => a - b) : [];
  const load = regs.map((r) => `let ${inLocals.lo(r)} = ${inState.lo(r)}, ${inLocals.hi(r)} = ${inState.hi(r)};`).join(' ');
  const spillX = locals ? [...regsWritten].sort((a, b) => a - b).map((r) => `${inState.lo(r)} = ${inLocals.lo(r)}; ${inState.hi(r)} = ${inLocals.hi(r)};`).join(' ') : '';
  const spill = spillX + [...vWritten].sort((a, b) => a - b).map((w) => ` V[${w}] = v${w};`).join('');
  const loadV = [...vUsed].sort((a, b) => a - b).map((w) => `let v${w} = V[${w}];`).join(' ');
  // A region with a loop has all of its code inside one outermost loop: when the entry heads a
  // loop, that loop holds the epilogue too (after `run`, then return); otherwise an outer loop
  // `o` that never repeats wraps everything. V8 drops on-stack-replacement code that deoptimizes
  // only when the deopt lies inside a loop enclosing the OSR'd one: code after the loop (an exit
  // path, the block after an inner loop, the epilogue), feedback-less until the first call that
  // got there, deoptimized the cached OSR code at every later call without ever replacing it
  // (bench-sieve: 1,104 deopts of one region; docs/performance.md, sessions 9 and 10).
  const code = within(0, lay.mergeChildren[0]!); // numbers the chain sites
  const epilogue = `${spill} ${pack} bud += mg; S[${Slot.NZCV}] = nz; S[${Slot.PC}] = pc; S[${Slot.PC + 1}] = pch; S[${Slot.BUDGET}] = bud;\nif (ex === ${MISS_EXIT}) return ${MISS_EXIT};\n${chain(sites.count)}`;
  const body = `run: { ${code} }\n${epilogue}`;
  const source = [
    `${load}${loadV ? ' ' + loadV : ''}`,
    `let nz = S[${Slot.NZCV}], ${LAZY_DECLS}, pc = ${lit(blocks[0]!.start.lo)}, pch = ${lit(pcHi)}, ex = 0, mg = 0, bud = S[${Slot.BUDGET}];`,
    // (ex is never -1: the test only keeps the outer loop's back edge in the bytecode.)
    lay.loopHeaders.has(0) ? loop(0, `${body}\nreturn;`) : lay.loops ? `o: for (;;) { ${body}\nif (ex !== -1) return; }` : body,
  ].join('\n');
  return { source, entry: blocks[0]!.start.lo | 0, pcHi };
}

/** A compiled region: returns MISS_EXIT when it (or a region it chained to) left at a soft-TLB miss. */
export type RegionFn = () => number | undefined;

/** The dispatcher's table of compiled regions by PC, which regions chain through (abi LINK_PARAMS). */
export interface LinkTable {
  lo: Int32Array;
  hi: Int32Array;
  region: (RegionFn | undefined)[];
}

/** A table in which nothing is compiled: regions compiled with it always return to their caller. */
export function emptyLinkTable(): LinkTable {
  return { lo: new Int32Array(LINK_SIZE).fill(1), hi: new Int32Array(LINK_SIZE), region: new Array<RegionFn | undefined>(LINK_SIZE).fill(undefined) };
}

/** What a region function closes over: the values of the abi PARAMS, in order, and the link table. */
export interface RegionEnv {
  args: readonly unknown[];
  link: LinkTable;
}

/**
 * Compile region source into a function of no arguments. The abi PARAMS and LINK_PARAMS are
 * bindings of the closure it is created in, never reassigned: each region function is the only
 * closure of its code, so TurboFan specializes it to their values (a constant index into S, or
 * a masked index into a TLB array, needs no bounds check, and no array's length or data
 * pointer is loaded at run time).
 */
export function compileRegion(src: RegionSource, env: RegionEnv): RegionFn {
  if (env.args.length !== PARAMS.length) throw new Error('compileRegion: argument list does not match abi PARAMS');
  // The function is named after its entry PC (r<hex>), and the source URL names it too, so
  // the region shows up by address in host profiles (node --cpu-prof, --trace-opt): numbers only.
  const pc = (src.entry >>> 0).toString(16);
  const url = `\n//# sourceURL=jitvisor-region-${pc}.js`;
  const make = new Function(...PARAMS, ...LINK_PARAMS, `return function r${pc}() {\n${src.source}\n};${url}`);
  return make(...env.args, env.link.lo, env.link.hi, env.link.region) as RegionFn;
}
