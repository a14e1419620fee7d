/**
 * The contract between generated code and the runtime: the generated
 * function's parameter names, the layout of the scalar state array, the
 * soft-TLB arrays, and the names of the runtime entry points. Generated JS
 * refers only to names declared here (checked with acorn in tests) and to
 * numbers; nothing the guest wrote ever becomes code.
 */

/** Offsets (in int32 units) into the scalar state array `S`. */
export const enum Slot {
  /** X0..X30 then SP as lo/hi pairs: X(n) lo = 2n, hi = 2n+1; SP lo = 62, hi = 63. */
  X0 = 0,
  SP = 62,
  PC = 64,
  /** PSTATE.NZCV in bits 31..28, the rest zero. */
  NZCV = 66,
  FPCR = 67,
  FPSR = 68,
  /**
   * Exclusive monitor: address lo/hi, size in bytes of the load-exclusive (0 = open), the
   * value it loaded lo/hi, and the second doubleword of an X pair lo/hi (EXCL_VAL + 2, + 3).
   */
  EXCL_ADDR = 69,
  EXCL_SIZE = 71,
  EXCL_VAL = 72,
  /** Scratch for helpers returning 64-bit values: high half of the last result. */
  RET_HI = 76,
  /** Scratch: packed NZCV of the last 64-bit add-with-carry helper. */
  RET_FLAGS = 77,
  /** Instructions retired before the current budget slice (lo/hi, wrapping uint32 pieces). */
  ICOUNT = 78,
  /** Why the generated code stopped (ExitReason) and its argument. */
  EXIT_REASON = 80,
  EXIT_ARG = 81,
  /**
   * Instruction budget remaining before the runtime wants control back. Generated code and
   * the interpreter count retired instructions only here: the engine issues BUDGET_ISSUED,
   * and instructions retired in a slice = BUDGET_ISSUED - BUDGET (folded into ICOUNT when
   * the slice ends).
   */
  BUDGET = 82,
  BUDGET_ISSUED = 83,
  /**
   * How many more regions the running one may call directly (region chaining, see LINK_PARAMS):
   * the dispatcher sets it before each call it makes, and each chained call takes one.
   */
  CHAIN_DEPTH = 84,
  SIZE = 96,
}

/** SP in the register-number space used by IR get/set (31 means SP there; ZR is handled by the frontend). */
export const SP_INDEX = 31;

/** Why a region returned to the dispatcher. */
export const enum ExitReason {
  /** Plain control transfer to a PC not in this region: look up the next region. */
  Jump = 0,
  /** SVC: argument = imm16. */
  Svc = 1,
  /** UNDEFINED instruction at PC. Argument unused. */
  Undefined = 2,
  /** BRK/HLT: argument = imm16. */
  Brk = 3,
  /** Budget exhausted at a back-edge. */
  Budget = 4,
  /** Code invalidated underneath (self-modifying code): re-dispatch. */
  Invalidate = 5,
  /** A system register access that must be done by the runtime. */
  SysReg = 6,
  /** WFI/WFE/YIELD hint that wants the runtime. */
  Wait = 7,
  /** A memory access faulted (runtime/code-memory.ts holds the fault); PC = the faulting instruction. */
  Fault = 8,
}

/**
 * What a region function returns (through any chain of regions) when it left at a soft-TLB
 * miss: the PC is the accessing instruction, none of whose effects happened, and the runtime
 * runs that instruction's block in the interpreter before dispatching again. A miss path that
 * calls out (the access through the runtime, then a fault test) is code V8 has no type
 * feedback for until it first runs, and TurboFan compiles such code as a deoptimization: every
 * region's first miss after optimization threw its code away (session 11).
 */
export const MISS_EXIT = -2;

/** Soft-TLB geometry. Entries are direct-mapped by (va >>> PAGE_BITS) & TLB_MASK. */
export const PAGE_BITS = 12;
export const PAGE_SIZE = 1 << PAGE_BITS;
export const PAGE_MASK = PAGE_SIZE - 1;
/**
 * 4096 entries map 16 MiB without conflicts. With 1024, qsort's 4.8 MB record array alone
 * (1172 pages) evicted itself on every merge pass: ~50 000 misses, each a slow path that
 * TurboFan had compiled as a deoptimization point, so regions deoptimized and recompiled
 * (session 7: qsort 12% faster at 4096; a flush or a code-page scan costs 4x more, both rare).
 */
export const TLB_ENTRIES = 4096;
export const TLB_MASK = TLB_ENTRIES - 1;

/**
 * Parameter names of every generated region function, in order.
 *   S   Int32Array   scalar state (Slot layout)
 *   D   DataView     guest RAM
 *   RT  lo tag, RH hi tag, RA add-offset: read TLB (Int32Array each)
 *   WT, WH, WA:      write TLB
 *   M   CodeMemory   alignment faults and memory-touching helpers (a guest fault becomes EXIT_REASON Fault)
 *   H   Helpers      named helper functions (FP/SIMD/system semantics; memory ones as M)
 *   V   VecFile      vector register views
 */
export const PARAMS = ['S', 'D', 'RT', 'RH', 'RA', 'WT', 'WH', 'WA', 'M', 'H', 'V'] as const;

/**
 * Names a region function closes over: the dispatcher's direct-mapped table of compiled
 * regions by PC (LINK_SIZE entries indexed by (pc >>> 2) & (LINK_SIZE - 1): PC lo, PC hi,
 * region). At its exit, a region whose next PC is in the table calls that region itself
 * instead of returning to the dispatcher (at most CHAIN_DEPTH calls deep).
 */
export const LINK_PARAMS = ['FL', 'FH', 'FR'] as const;
export const LINK_SIZE = 4096;

/** Other global names generated code may use. */
export const ALLOWED_GLOBALS = ['Math', 'undefined'] as const;
