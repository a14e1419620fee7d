/**
 * THE IR opcode table. Every consumer (builder, verifier, printer, passes,
 * interpreter, JS emitter) is derived from it: the interpreter and the emitter
 * are `Record<Opcode, ...>`, so an opcode without an implementation is a
 * compile error.
 *
 * effect:
 *   pure   no side effects; removable when unused, foldable when arguments are constant
 *   get    reads guest state (register file, flags); removable when unused
 *   set    writes guest state
 *   mem    guest memory access: may fault, never removed
 *   call   helper call: may read/write anything, may fault
 */
import type { ArgKind, IrType } from './types.js';

export interface OpInfo {
  readonly ret: IrType;
  readonly args: readonly ArgKind[];
  readonly effect: 'pure' | 'get' | 'set' | 'mem' | 'call';
  /** Variadic tail (helper calls): any number of U32/U64 values after `args`. */
  readonly variadic?: boolean;
}

const pure = (ret: IrType, ...args: ArgKind[]): OpInfo => ({ ret, args, effect: 'pure' });

export const OPCODES = {
  // ---- guest context (A64 prefix: they touch the A64 register file) ----
  A64GetW: { ret: 'U32', args: ['ImmReg'], effect: 'get' },
  A64GetX: { ret: 'U64', args: ['ImmReg'], effect: 'get' },
  A64SetW: { ret: 'Void', args: ['ImmReg', 'U32'], effect: 'set' },
  A64SetX: { ret: 'Void', args: ['ImmReg', 'U64'], effect: 'set' },
  /** Vector register file: lane (immediate) of V[reg] as 32 or 64 bits. */
  A64GetV32: { ret: 'U32', args: ['ImmReg', 'ImmAny'], effect: 'get' },
  A64GetV64: { ret: 'U64', args: ['ImmReg', 'ImmAny'], effect: 'get' },
  A64SetV32: { ret: 'Void', args: ['ImmReg', 'ImmAny', 'U32'], effect: 'set' },
  A64SetV64: { ret: 'Void', args: ['ImmReg', 'ImmAny', 'U64'], effect: 'set' },
  /** Zero V[reg] bits 127..64 (scalar and 64-bit vector writes do this). */
  A64ZeroVHigh: { ret: 'Void', args: ['ImmReg'], effect: 'set' },
  A64GetNZCV: { ret: 'NZCV', args: [], effect: 'get' },
  A64SetNZCV: { ret: 'Void', args: ['NZCV'], effect: 'set' },
  /**
   * Exclusive monitor (as qemu-aarch64 keeps it): a load-exclusive marks its address and
   * size (bytes, non-zero = held) and the value it loaded (zero-extended; a pair of W
   * registers as one U64); A64SetExclusiveHigh records the second doubleword of an X pair.
   */
  A64SetExclusive: { ret: 'Void', args: ['U64', 'ImmAny', 'U64'], effect: 'set' },
  A64SetExclusiveHigh: { ret: 'Void', args: ['U64'], effect: 'set' },
  A64ClearExclusive: { ret: 'Void', args: [], effect: 'set' },
  /* A store-exclusive checks and clears the monitor in the storeExclusive helper (helpers/exclusive.ts). */

  // ---- flags ----
  /** Flags of the instruction given as argument (AddWithCarry*, SubWithCarry*). */
  GetNZCVFromOp: { ret: 'NZCV', args: ['Op'], effect: 'pure' },
  NZCVLogical32: pure('NZCV', 'U32'),
  NZCVLogical64: pure('NZCV', 'U64'),
  TestCond: { ret: 'U1', args: ['NZCV', 'ImmCond'], effect: 'pure' },
  SelectNZCV: pure('NZCV', 'U1', 'NZCV', 'NZCV'),
  /** NZCV <-> U32 (bits 31..28), for MRS/MSR NZCV. */
  NZCVToU32: pure('U32', 'NZCV'),
  NZCVFromU32: pure('NZCV', 'U32'),

  // ---- 32-bit integer ----
  Add32: pure('U32', 'U32', 'U32'),
  Sub32: pure('U32', 'U32', 'U32'),
  AddWithCarry32: pure('U32', 'U32', 'U32', 'U1'),
  SubWithCarry32: pure('U32', 'U32', 'U32', 'U1'),
  And32: pure('U32', 'U32', 'U32'),
  AndNot32: pure('U32', 'U32', 'U32'),
  Or32: pure('U32', 'U32', 'U32'),
  OrNot32: pure('U32', 'U32', 'U32'),
  Xor32: pure('U32', 'U32', 'U32'),
  XorNot32: pure('U32', 'U32', 'U32'),
  Not32: pure('U32', 'U32'),
  /** Shifts take the amount modulo 32, as the A64 variable shifts do. */
  Lsl32: pure('U32', 'U32', 'U32'),
  Lsr32: pure('U32', 'U32', 'U32'),
  Asr32: pure('U32', 'U32', 'U32'),
  Ror32: pure('U32', 'U32', 'U32'),
  Mul32: pure('U32', 'U32', 'U32'),
  /** Division by zero gives 0, INT_MIN / -1 gives INT_MIN (A64 semantics). */
  UDiv32: pure('U32', 'U32', 'U32'),
  SDiv32: pure('U32', 'U32', 'U32'),
  Clz32: pure('U32', 'U32'),
  Rbit32: pure('U32', 'U32'),
  ByteReverse32: pure('U32', 'U32'),
  ByteReverseHalves32: pure('U32', 'U32'),
  Select32: pure('U32', 'U1', 'U32', 'U32'),
  IsZero32: pure('U1', 'U32'),
  TestBit32: pure('U1', 'U32', 'ImmBit'),
  SignExtend8To32: pure('U32', 'U32'),
  SignExtend16To32: pure('U32', 'U32'),
  ZeroExtend8To32: pure('U32', 'U32'),
  ZeroExtend16To32: pure('U32', 'U32'),

  // ---- 64-bit integer ----
  Add64: pure('U64', 'U64', 'U64'),
  Sub64: pure('U64', 'U64', 'U64'),
  AddWithCarry64: pure('U64', 'U64', 'U64', 'U1'),
  SubWithCarry64: pure('U64', 'U64', 'U64', 'U1'),
  And64: pure('U64', 'U64', 'U64'),
  AndNot64: pure('U64', 'U64', 'U64'),
  Or64: pure('U64', 'U64', 'U64'),
  OrNot64: pure('U64', 'U64', 'U64'),
  Xor64: pure('U64', 'U64', 'U64'),
  XorNot64: pure('U64', 'U64', 'U64'),
  Not64: pure('U64', 'U64'),
  /** Shifts take the amount (U32) modulo 64. */
  Lsl64: pure('U64', 'U64', 'U32'),
  Lsr64: pure('U64', 'U64', 'U32'),
  Asr64: pure('U64', 'U64', 'U32'),
  Ror64: pure('U64', 'U64', 'U32'),
  Mul64: pure('U64', 'U64', 'U64'),
  UMulHigh64: pure('U64', 'U64', 'U64'),
  SMulHigh64: pure('U64', 'U64', 'U64'),
  UDiv64: pure('U64', 'U64', 'U64'),
  SDiv64: pure('U64', 'U64', 'U64'),
  Clz64: pure('U32', 'U64'),
  Rbit64: pure('U64', 'U64'),
  ByteReverse64: pure('U64', 'U64'),
  ByteReverseHalves64: pure('U64', 'U64'),
  ByteReverseWords64: pure('U64', 'U64'),
  Select64: pure('U64', 'U1', 'U64', 'U64'),
  IsZero64: pure('U1', 'U64'),
  TestBit64: pure('U1', 'U64', 'ImmBit'),

  // ---- width changes ----
  ZeroExtend32To64: pure('U64', 'U32'),
  SignExtend32To64: pure('U64', 'U32'),
  Truncate64To32: pure('U32', 'U64'),
  High64To32: pure('U32', 'U64'),
  Pack32To64: pure('U64', 'U32', 'U32'),
  Not1: pure('U1', 'U1'),
  U1To32: pure('U32', 'U1'),

  // ---- memory (virtual addresses; may fault) ----
  Read8: { ret: 'U32', args: ['U64'], effect: 'mem' },
  Read16: { ret: 'U32', args: ['U64'], effect: 'mem' },
  Read32: { ret: 'U32', args: ['U64'], effect: 'mem' },
  Read64: { ret: 'U64', args: ['U64'], effect: 'mem' },
  Write8: { ret: 'Void', args: ['U64', 'U32'], effect: 'mem' },
  Write16: { ret: 'Void', args: ['U64', 'U32'], effect: 'mem' },
  Write32: { ret: 'Void', args: ['U64', 'U32'], effect: 'mem' },
  Write64: { ret: 'Void', args: ['U64', 'U64'], effect: 'mem' },
  /**
   * Alignment fault unless the address is a multiple of the size (bytes, a power of
   * two; second immediate: 0 = read, 1 = write access). Comes before the accesses of
   * the instructions that require alignment (exclusives, acquire/release, atomics).
   */
  CheckAlignment: { ret: 'Void', args: ['U64', 'ImmAny', 'ImmAny'], effect: 'mem' },

  // ---- helper calls (runtime/helpers: FP, SIMD, CRC, system) ----
  CallVoid: { ret: 'Void', args: ['ImmHelper'], effect: 'call', variadic: true },
  Call32: { ret: 'U32', args: ['ImmHelper'], effect: 'call', variadic: true },
  Call64: { ret: 'U64', args: ['ImmHelper'], effect: 'call', variadic: true },
} as const satisfies Record<string, OpInfo>;

export type Opcode = keyof typeof OPCODES;
export const OPCODE_NAMES = Object.keys(OPCODES) as Opcode[];

export function opInfo(op: Opcode): OpInfo {
  return OPCODES[op];
}

/** Ops whose flags can be read with GetNZCVFromOp. */
export const FLAG_PRODUCERS: ReadonlySet<Opcode> = new Set<Opcode>([
  'AddWithCarry32',
  'SubWithCarry32',
  'AddWithCarry64',
  'SubWithCarry64',
]);
