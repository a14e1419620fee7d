/**
 * The cold tier: an IR interpreter. A block is prepared once into an array of
 * closures (one per instruction) over a private value frame, then run as
 * often as needed. Semantics follow the opcode table; 64-bit values are
 * lo/hi int32 pairs exactly as in generated code, sharing ir/int64.ts.
 */
import { Slot } from '../backend-js/abi.js';
import type { Memory } from '../runtime/memory.js';
import type { HelperFn } from '../runtime/helpers/registry.js';
import * as I from './int64.js';
import type { Opcode } from './opcodes.js';
import type { Block, Inst, Terminal, Value } from './value.js';

export interface InterpEnv {
  S: Int32Array;
  /** Vector register file as int32 words: V[n] word k at 4n + k. */
  V: Int32Array;
  mem: Memory;
  helpers: HelperFn[];
}

/** Result of running a block: where to go next (lo/hi), with S[EXIT_REASON] set for exits. */
export interface Frame {
  lo: Int32Array;
  hi: Int32Array;
  /** Flags produced by flag-producing ops. */
  fl: Int32Array;
}

type Exec = () => void;
type Rd = () => number;
type Factory = (inst: Inst, f: Frame, env: InterpEnv) => Exec;

function lo(v: Value, f: Frame): Rd {
  if (v.kind === 'imm') {
    const c = v.lo;
    return () => c;
  }
  const i = v.id, a = f.lo;
  return () => a[i]!;
}
function hi(v: Value, f: Frame): Rd {
  if (v.kind === 'imm') {
    const c = v.hi;
    return () => c;
  }
  const i = v.id, a = f.hi;
  return () => a[i]!;
}
const imm = (v: Value): number => (v as { lo: number }).lo;

/** 32-bit op from a function of its argument low words. */
function u32(fn: (...a: number[]) => number): Factory {
  return (inst, f) => {
    const out = f.lo, d = inst.id;
    const rs = inst.args.map((a) => lo(a, f));
    if (rs.length === 1) {
      const [a] = rs as [Rd];
      return () => void (out[d] = fn(a()));
    }
    if (rs.length === 2) {
      const [a, b] = rs as [Rd, Rd];
      return () => void (out[d] = fn(a(), b()));
    }
    const [a, b, c] = rs as [Rd, Rd, Rd];
    return () => void (out[d] = fn(a(), b(), c()));
  };
}

/** 64-bit binary op via an int64.ts function (o, al, ah, bl, bh) -> lo, hi in o[RET_HI]. */
function u64bin(fn: (o: Int32Array, al: number, ah: number, bl: number, bh: number) => number): Factory {
  return (inst, f, env) => {
    const [a, b] = inst.args as [Value, Value];
    const al = lo(a, f), ah = hi(a, f), bl = lo(b, f), bh = hi(b, f);
    const L = f.lo, H = f.hi, d = inst.id, S = env.S;
    return () => {
      L[d] = fn(S, al(), ah(), bl(), bh());
      H[d] = S[Slot.RET_HI]!;
    };
  };
}

/** 64-bit op computed as independent lo/hi functions of (al, ah, bl, bh). */
function u64parts(flo: (al: number, ah: number, bl: number, bh: number) => number, fhi: (al: number, ah: number, bl: number, bh: number) => number): Factory {
  return (inst, f) => {
    const [a, b] = inst.args as [Value, Value | undefined];
    const al = lo(a, f), ah = hi(a, f);
    const bl = b ? lo(b, f) : () => 0, bh = b ? hi(b, f) : () => 0;
    const L = f.lo, H = f.hi, d = inst.id;
    return () => {
      const x = al(), y = ah(), z = bl(), w = bh();
      L[d] = flo(x, y, z, w);
      H[d] = fhi(x, y, z, w);
    };
  };
}

function shift64(fn: (o: Int32Array, lo: number, hi: number, n: number) => number): Factory {
  return (inst, f, env) => {
    const [a, n] = inst.args as [Value, Value];
    const al = lo(a, f), ah = hi(a, f), nn = lo(n, f);
    const L = f.lo, H = f.hi, d = inst.id, S = env.S;
    return () => {
      L[d] = fn(S, al(), ah(), nn());
      H[d] = S[Slot.RET_HI]!;
    };
  };
}

function unary64(fn: (o: Int32Array, lo: number, hi: number) => number): Factory {
  return (inst, f, env) => {
    const al = lo(inst.args[0]!, f), ah = hi(inst.args[0]!, f);
    const L = f.lo, H = f.hi, d = inst.id, S = env.S;
    return () => {
      L[d] = fn(S, al(), ah());
      H[d] = S[Slot.RET_HI]!;
    };
  };
}

function addc32(invert: boolean): Factory {
  return (inst, f) => {
    const [a, b, c] = inst.args.map((v) => lo(v, f)) as [Rd, Rd, Rd];
    const L = f.lo, F = f.fl, d = inst.id;
    return () => {
      const x = a(), y = invert ? ~b() : b(), z = c();
      L[d] = (x + y + z) | 0;
      F[d] = I.nzcvAdd32(x, y, z);
    };
  };
}

function addc64(invert: boolean): Factory {
  return (inst, f, env) => {
    const [a, b, c] = inst.args as [Value, Value, Value];
    const al = lo(a, f), ah = hi(a, f), bl = lo(b, f), bh = hi(b, f), cc = lo(c, f);
    const L = f.lo, H = f.hi, F = f.fl, d = inst.id, S = env.S;
    return () => {
      L[d] = invert ? I.addc64(S, al(), ah(), ~bl(), ~bh(), cc()) : I.addc64(S, al(), ah(), bl(), bh(), cc());
      H[d] = S[Slot.RET_HI]!;
      F[d] = S[Slot.RET_FLAGS]!;
    };
  };
}

function read(size: 8 | 16 | 32 | 64): Factory {
  return (inst, f, env) => {
    const al = lo(inst.args[0]!, f), ah = hi(inst.args[0]!, f);
    const L = f.lo, H = f.hi, d = inst.id, m = env.mem;
    switch (size) {
      case 8: return () => void (L[d] = m.ld8(al(), ah()));
      case 16: return () => void (L[d] = m.ld16(al(), ah()));
      case 32: return () => void (L[d] = m.ld32(al(), ah()));
      case 64: return () => {
        L[d] = m.ld64(al(), ah());
        H[d] = m.retHi;
      };
    }
  };
}

function write(size: 8 | 16 | 32 | 64): Factory {
  return (inst, f, env) => {
    const [a, v] = inst.args as [Value, Value];
    const al = lo(a, f), ah = hi(a, f), vl = lo(v, f), vh = hi(v, f), m = env.mem;
    switch (size) {
      case 8: return () => m.st8(al(), ah(), vl());
      case 16: return () => m.st16(al(), ah(), vl());
      case 32: return () => m.st32(al(), ah(), vl());
      case 64: return () => m.st64(al(), ah(), vl(), vh());
    }
  };
}

function call(ret: 'Void' | 'U32' | 'U64'): Factory {
  return (inst, f, env) => {
    const fn = env.helpers[imm(inst.args[0]!)]!;
    const rs: Rd[] = [];
    for (const a of inst.args.slice(1)) {
      rs.push(lo(a, f));
      if (a.type === 'U64') rs.push(hi(a, f));
    }
    const L = f.lo, H = f.hi, d = inst.id, S = env.S;
    const args = new Array<number>(rs.length);
    return () => {
      for (let k = 0; k < rs.length; k++) args[k] = rs[k]!();
      const r = fn(...args);
      if (ret !== 'Void') L[d] = r | 0;
      if (ret === 'U64') H[d] = S[Slot.RET_HI]!;
    };
  };
}

const X = (n: number) => 2 * n;

const FACTORIES: Record<Opcode, Factory> = {
  A64GetW: (inst, f, env) => {
    const r = X(imm(inst.args[0]!)), L = f.lo, d = inst.id, S = env.S;
    return () => void (L[d] = S[r]!);
  },
  A64GetX: (inst, f, env) => {
    const r = X(imm(inst.args[0]!)), L = f.lo, H = f.hi, d = inst.id, S = env.S;
    return () => {
      L[d] = S[r]!;
      H[d] = S[r + 1]!;
    };
  },
  A64SetW: (inst, f, env) => {
    const r = X(imm(inst.args[0]!)), v = lo(inst.args[1]!, f), S = env.S;
    return () => {
      S[r] = v();
      S[r + 1] = 0;
    };
  },
  A64SetX: (inst, f, env) => {
    const r = X(imm(inst.args[0]!)), vl = lo(inst.args[1]!, f), vh = hi(inst.args[1]!, f), S = env.S;
    return () => {
      S[r] = vl();
      S[r + 1] = vh();
    };
  },
  A64GetV32: (inst, f, env) => {
    const w = 4 * imm(inst.args[0]!) + imm(inst.args[1]!), L = f.lo, d = inst.id, V = env.V;
    return () => void (L[d] = V[w]!);
  },
  A64GetV64: (inst, f, env) => {
    const w = 4 * imm(inst.args[0]!) + 2 * imm(inst.args[1]!), L = f.lo, H = f.hi, d = inst.id, V = env.V;
    return () => {
      L[d] = V[w]!;
      H[d] = V[w + 1]!;
    };
  },
  A64SetV32: (inst, f, env) => {
    const w = 4 * imm(inst.args[0]!) + imm(inst.args[1]!), v = lo(inst.args[2]!, f), V = env.V;
    return () => void (V[w] = v());
  },
  A64SetV64: (inst, f, env) => {
    const w = 4 * imm(inst.args[0]!) + 2 * imm(inst.args[1]!), vl = lo(inst.args[2]!, f), vh = hi(inst.args[2]!, f), V = env.V;
    return () => {
      V[w] = vl();
      V[w + 1] = vh();
    };
  },
  A64ZeroVHigh: (inst, _f, env) => {
    const w = 4 * imm(inst.args[0]!) + 2, V = env.V;
    return () => {
      V[w] = 0;
      V[w + 1] = 0;
    };
  },
  A64GetNZCV: (inst, f, env) => {
    const L = f.lo, d = inst.id, S = env.S;
    return () => void (L[d] = S[Slot.NZCV]!);
  },
  A64SetNZCV: (inst, f, env) => {
    const v = lo(inst.args[0]!, f), S = env.S;
    return () => void (S[Slot.NZCV] = v());
  },
  A64SetExclusive: (inst, f, env) => {
    const al = lo(inst.args[0]!, f), ah = hi(inst.args[0]!, f), size = imm(inst.args[1]!), S = env.S;
    const vl = lo(inst.args[2]!, f), vh = hi(inst.args[2]!, f);
    return () => {
      S[Slot.EXCL_ADDR] = al();
      S[Slot.EXCL_ADDR + 1] = ah();
      S[Slot.EXCL_SIZE] = size;
      S[Slot.EXCL_VAL] = vl();
      S[Slot.EXCL_VAL + 1] = vh();
    };
  },
  A64SetExclusiveHigh: (inst, f, env) => {
    const vl = lo(inst.args[0]!, f), vh = hi(inst.args[0]!, f), S = env.S;
    return () => {
      S[Slot.EXCL_VAL + 2] = vl();
      S[Slot.EXCL_VAL + 3] = vh();
    };
  },
  A64ClearExclusive: (_inst, _f, env) => {
    const S = env.S;
    return () => void (S[Slot.EXCL_SIZE] = 0);
  },

  GetNZCVFromOp: (inst, f) => {
    const src = (inst.args[0] as Inst).id, L = f.lo, F = f.fl, d = inst.id;
    return () => void (L[d] = F[src]!);
  },
  NZCVLogical32: u32((x) => ((x < 0 ? 8 : 0) | (x === 0 ? 4 : 0)) << 28),
  NZCVLogical64: u64parts(
    (l, h) => ((h < 0 ? 8 : 0) | ((l | h) === 0 ? 4 : 0)) << 28,
    () => 0,
  ),
  TestCond: (inst, f) => {
    const n = lo(inst.args[0]!, f), c = imm(inst.args[1]!), L = f.lo, d = inst.id;
    return () => void (L[d] = I.condHolds(n(), c) ? 1 : 0);
  },
  SelectNZCV: u32((c, a, b) => (c ? a : b)),
  NZCVToU32: u32((x) => x & 0xf0000000),
  NZCVFromU32: u32((x) => x & 0xf0000000),

  Add32: u32((a, b) => (a + b) | 0),
  Sub32: u32((a, b) => (a - b) | 0),
  AddWithCarry32: addc32(false),
  SubWithCarry32: addc32(true),
  And32: u32((a, b) => a & b),
  AndNot32: u32((a, b) => a & ~b),
  Or32: u32((a, b) => a | b),
  OrNot32: u32((a, b) => a | ~b),
  Xor32: u32((a, b) => a ^ b),
  XorNot32: u32((a, b) => a ^ ~b),
  Not32: u32((a) => ~a),
  Lsl32: u32((a, n) => a << (n & 31)),
  Lsr32: u32((a, n) => a >>> (n & 31) | 0),
  Asr32: u32((a, n) => a >> (n & 31)),
  Ror32: u32((a, n) => ((a >>> (n & 31)) | (a << (32 - (n & 31)))) | 0),
  Mul32: u32((a, b) => Math.imul(a, b)),
  UDiv32: u32(I.udiv32),
  SDiv32: u32(I.sdiv32),
  Clz32: u32((a) => Math.clz32(a)),
  Rbit32: u32(I.rbit32),
  ByteReverse32: u32(I.bswap32),
  ByteReverseHalves32: u32(I.bswapHalves32),
  Select32: u32((c, a, b) => (c ? a : b)),
  IsZero32: u32((a) => (a === 0 ? 1 : 0)),
  TestBit32: (inst, f) => {
    const a = lo(inst.args[0]!, f), bit = imm(inst.args[1]!), L = f.lo, d = inst.id;
    return () => void (L[d] = (a() >>> bit) & 1);
  },
  SignExtend8To32: u32((a) => (a << 24) >> 24),
  SignExtend16To32: u32((a) => (a << 16) >> 16),
  ZeroExtend8To32: u32((a) => a & 0xff),
  ZeroExtend16To32: u32((a) => a & 0xffff),

  Add64: u64bin((o, al, ah, bl, bh) => {
    const l = (al + bl) | 0;
    o[Slot.RET_HI] = (ah + bh + ((l >>> 0) < (al >>> 0) ? 1 : 0)) | 0;
    return l;
  }),
  Sub64: u64bin((o, al, ah, bl, bh) => {
    o[Slot.RET_HI] = (ah - bh - ((al >>> 0) < (bl >>> 0) ? 1 : 0)) | 0;
    return (al - bl) | 0;
  }),
  AddWithCarry64: addc64(false),
  SubWithCarry64: addc64(true),
  And64: u64parts((a, _b, c) => a & c, (_a, b, _c, d) => b & d),
  AndNot64: u64parts((a, _b, c) => a & ~c, (_a, b, _c, d) => b & ~d),
  Or64: u64parts((a, _b, c) => a | c, (_a, b, _c, d) => b | d),
  OrNot64: u64parts((a, _b, c) => a | ~c, (_a, b, _c, d) => b | ~d),
  Xor64: u64parts((a, _b, c) => a ^ c, (_a, b, _c, d) => b ^ d),
  XorNot64: u64parts((a, _b, c) => a ^ ~c, (_a, b, _c, d) => b ^ ~d),
  Not64: u64parts((a) => ~a, (_a, b) => ~b),
  Lsl64: shift64(I.lsl64),
  Lsr64: shift64(I.lsr64),
  Asr64: shift64(I.asr64),
  Ror64: shift64(I.ror64),
  Mul64: u64bin(I.mul64),
  UMulHigh64: u64bin(I.umulh64),
  SMulHigh64: u64bin(I.smulh64),
  UDiv64: u64bin(I.udiv64),
  SDiv64: u64bin(I.sdiv64),
  Clz64: u64parts(I.clz64, () => 0),
  Rbit64: u64parts((_l, h) => I.rbit32(h), (l) => I.rbit32(l)),
  ByteReverse64: u64parts((_l, h) => I.bswap32(h), (l) => I.bswap32(l)),
  ByteReverseHalves64: u64parts((l) => I.bswapHalves32(l), (_l, h) => I.bswapHalves32(h)),
  ByteReverseWords64: u64parts((l) => I.bswap32(l), (_l, h) => I.bswap32(h)),
  Select64: (inst, f) => {
    const [c, a, b] = inst.args as [Value, Value, Value];
    const cc = lo(c, f), al = lo(a, f), ah = hi(a, f), bl = lo(b, f), bh = hi(b, f);
    const L = f.lo, H = f.hi, d = inst.id;
    return () => {
      if (cc()) {
        L[d] = al();
        H[d] = ah();
      } else {
        L[d] = bl();
        H[d] = bh();
      }
    };
  },
  IsZero64: u64parts((l, h) => ((l | h) === 0 ? 1 : 0), () => 0),
  TestBit64: (inst, f) => {
    const a = inst.args[0]!, bit = imm(inst.args[1]!), L = f.lo, d = inst.id;
    const r = bit < 32 ? lo(a, f) : hi(a, f), b = bit & 31;
    return () => void (L[d] = (r() >>> b) & 1);
  },

  ZeroExtend32To64: u64parts((l) => l, () => 0),
  SignExtend32To64: u64parts((l) => l, (l) => l >> 31),
  Truncate64To32: u32((a) => a),
  High64To32: (inst, f) => {
    const h = hi(inst.args[0]!, f), L = f.lo, d = inst.id;
    return () => void (L[d] = h());
  },
  Pack32To64: u64parts((l) => l, (_l, _h, b) => b),
  Not1: u32((a) => a ^ 1),
  U1To32: u32((a) => a),

  Read8: read(8),
  Read16: read(16),
  Read32: read(32),
  Read64: read(64),
  Write8: write(8),
  Write16: write(16),
  Write32: write(32),
  Write64: write(64),
  CheckAlignment: (inst, f, env) => {
    const al = lo(inst.args[0]!, f), ah = hi(inst.args[0]!, f), mask = imm(inst.args[1]!) - 1, w = imm(inst.args[2]!), m = env.mem;
    return () => {
      const l = al();
      if ((l & mask) !== 0) m.alignmentFault(l, ah(), w);
    };
  },

  CallVoid: call('Void'),
  Call32: call('U32'),
  Call64: call('U64'),
};

/** A prepared block: run() executes it and returns the terminal outcome. */
export interface PreparedBlock {
  block: Block;
  /** Runs the block. Throws GuestFault (with gi set in `faultGi`) on a memory fault. */
  run(): void;
  /** Index of the guest instruction that was executing when run() threw. */
  faultGi: number;
}

const noop = (): void => {};

export function prepare(block: Block, env: InterpEnv): PreparedBlock {
  block.renumber();
  const n = block.insts.length;
  const frame: Frame = { lo: new Int32Array(n), hi: new Int32Array(n), fl: new Int32Array(n) };
  // One elements kind for every block's array (an empty result of map() has another, a
  // different map, and the dispatcher's optimized loop, which inlines run(), deoptimized on it).
  const execs: (() => void)[] = [noop];
  execs.pop();
  for (const inst of block.insts) execs.push(FACTORIES[inst.op](inst, frame, env));
  const gis = block.insts.map((inst) => inst.gi);
  const S = env.S;
  const term = terminalRunner(block.terminal!, frame, S);
  const count = block.guestCount;
  const pb: PreparedBlock = {
    block,
    faultGi: 0,
    run() {
      let k = 0;
      try {
        for (; k < execs.length; k++) execs[k]!();
      } catch (e) {
        pb.faultGi = gis[k]!;
        throw e;
      }
      S[Slot.BUDGET] = S[Slot.BUDGET]! - count; // retired instructions are counted in the budget (abi.ts)
      term();
    },
  };
  return pb;
}


function terminalRunner(t: Terminal, f: Frame, S: Int32Array): Exec {
  const setPc = (lo: number, hi: number) => {
    S[Slot.PC] = lo;
    S[Slot.PC + 1] = hi;
  };
  switch (t.kind) {
    case 'Link': {
      const { lo: l, hi: h } = t.next;
      return () => {
        setPc(l, h);
        S[Slot.EXIT_REASON] = 0;
      };
    }
    case 'Branch': {
      const c = lo(t.cond, f);
      const a = t.taken, b = t.notTaken;
      return () => {
        if (c()) setPc(a.lo, a.hi);
        else setPc(b.lo, b.hi);
        S[Slot.EXIT_REASON] = 0;
      };
    }
    case 'Indirect': {
      const l = lo(t.target, f), h = hi(t.target, f);
      return () => {
        setPc(l(), h());
        S[Slot.EXIT_REASON] = 0;
      };
    }
    case 'Exit': {
      const { reason, arg, next } = t;
      return () => {
        setPc(next.lo, next.hi);
        S[Slot.EXIT_REASON] = reason;
        S[Slot.EXIT_ARG] = arg;
      };
    }
    case 'Undefined': {
      const { lo: l, hi: h } = t.at;
      return () => {
        setPc(l, h);
        S[Slot.EXIT_REASON] = 2; // ExitReason.Undefined
      };
    }
  }
}

/** Evaluate a pure instruction whose arguments are all immediates: [lo, hi]. */
export function evalConst(inst: Inst): [number, number] {
  const saved = inst.id;
  inst.id = 0;
  const frame: Frame = { lo: new Int32Array(1), hi: new Int32Array(1), fl: new Int32Array(1) };
  const env: InterpEnv = { S: new Int32Array(Slot.SIZE), V: new Int32Array(4), mem: undefined as unknown as Memory, helpers: [] };
  FACTORIES[inst.op](inst, frame, env)();
  inst.id = saved;
  return [frame.lo[0]!, frame.hi[0]!];
}
