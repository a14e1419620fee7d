/**
 * The execution engine: code cache keyed by location (PC + translation
 * context), the cold tier (IR interpreter) and the hot tier (regions compiled
 * to JS), tier-up by hotness, invalidation when code pages are written, and
 * the run loop that returns to its caller on anything the guest's environment
 * must handle (system calls, exceptions, budget).
 */
import { ExitReason, LINK_SIZE, MISS_EXIT, PARAMS, Slot } from '../backend-js/abi.js';
import { compileRegion, emitRegion, type LinkTable, type RegionFn } from '../backend-js/emit.js';
import { checkGenerated } from '../backend-js/check.js';
import { formatRegion } from '../backend-js/dump.js';
import { translateBlock } from '../frontend/translate/translate.js';
import { prepare, type PreparedBlock } from '../ir/interpret.js';
import { optimize } from '../ir/opt/pipeline.js';
import { printBlock } from '../ir/print.js';
import { verify } from '../ir/opt/verify.js';
import type { Block, Pc } from '../ir/value.js';
import type { CpuState } from './cpu-state.js';
import { GuestFault } from './fault.js';
import { makeHelpers, memoryHelperNames, type HelperFn } from './helpers/all.js';
import { CodeMemory } from './code-memory.js';
import type { Memory } from './memory.js';
import { USER_MODE_CTX } from './location.js';

export type Tier = 'interp' | 'jit' | 'auto';

export interface EngineOptions {
  tier?: Tier;
  /** Executions of a block before it seeds a compiled region (auto tier). */
  hotThreshold?: number;
  /** Most blocks in one region (V8 optimizes small functions sooner and better). */
  maxRegionBlocks?: number;
  /** Most guest instructions in one region. */
  maxRegionInsns?: number;
  /**
   * Most blocks and guest instructions of a loop region: a region whose entry heads a loop of
   * hot blocks holds the whole loop when it fits these bounds, so the loop runs in one call
   * (other regions keep the smaller bounds above, which V8 compiles sooner).
   */
  maxLoopBlocks?: number;
  maxLoopInsns?: number;
  /**
   * The same for a loop that goes through calls (a comparator and the strcmp it calls): the
   * callee's blocks count, and each call it keeps inside saves two region calls per iteration.
   */
  maxCallLoopBlocks?: number;
  maxCallLoopInsns?: number;
  /**
   * Interpreted executions a block other than the entry needs to join a region (auto tier;
   * default a quarter of the hot threshold): blocks that ran once or twice stay out, so
   * regions hold less cold code for V8 to compile and deoptimize on.
   */
  minRegionBlockHits?: number;
  /** Verify IR and check every generated function with acorn. */
  debug?: boolean;
  /** Sinks for --dump-ir / --dump-js / --trace. */
  dumpIr?: (text: string) => void;
  dumpJs?: (text: string) => void;
  trace?: (text: string) => void;
}

export type Stop =
  | { kind: 'svc'; imm: number }
  | { kind: 'undefined'; pcLo: number; pcHi: number }
  | { kind: 'brk'; imm: number; pcLo: number; pcHi: number }
  | { kind: 'fault'; fault: GuestFault }
  | { kind: 'budget' };

interface Entry {
  pcHi: number;
  block: Block;
  prepared: PreparedBlock;
  hits: number;
  /**
   * For a block ending in an indirect call (BLR), the target its interpreted runs took: the PC's
   * low word while they all took one target (callSeen 1), callSeen 2 once they took another.
   */
  callSeen: number;
  callTarget: number;
  /** Calls the dispatcher made of its region, up to the end of priming (PRIME_AFTER, PRIME_BUDGETS). */
  primed: number;
  /** RAM page holding the code. */
  ramPage: number;
  region?: RegionFn;
  /**
   * The block translated again and optimized, for regions (made when it first joins one). The
   * interpreter runs `block` as translated: the IR passes cost more than they save on a block
   * that runs a few times, and most blocks never become hot.
   */
  optimized?: Block;
  prof?: { ms: number; calls: number; insns: number };
}

/**
 * Priming a region's epilogue. V8 compiles code that has not run as a deoptimization, and a
 * loop region's epilogue (with its NZCV packing) may not have run when V8 compiles the loop on
 * the stack: qsort's record-sort loop was compiled 8 times, deoptimizing at its first exits.
 * So the dispatcher's calls of a new region after the first PRIME_AFTER (by then V8 has
 * allocated the function's feedback vector, which it does lazily) get these budgets in turn:
 * the region leaves at the first jump past so many instructions, each time at a later block,
 * and its epilogue runs with the flag records pending there. The run is the same, with more
 * exits. Until primed, a region is not in the fast table, so the calls come here.
 */
export const PRIME_AFTER = 20;
export const PRIME_BUDGETS = [1, 2, 4, 7, 11, 16, 23, 32, 45, 64, 90];
const PRIMED = PRIME_AFTER + PRIME_BUDGETS.length;
const FAST_SIZE = LINK_SIZE;
const FAST_MASK = FAST_SIZE - 1;
/** How deep regions may call each other directly before the chain returns to the dispatcher. */
export const CHAIN_DEPTH = 32;

/** JITVISOR_PROFILE=1: time every region call and print the hottest regions at exit (diagnostics). */
const PROFILE = !!process.env.JITVISOR_PROFILE;
/** Regions chain into each other (abi LINK_PARAMS) except when profiling, which times each region on its own. */
const CHAIN = PROFILE ? 0 : CHAIN_DEPTH;

export interface EngineStats {
  blocksTranslated: number;
  guestInsnsTranslated: number;
  regionsCompiled: number;
  blocksInRegions: number;
  invalidations: number;
  interpBlocksRun: number;
  regionCalls: number;
  /** Of regionCalls, those one region made to the next directly (region chaining). */
  chainedCalls: number;
  /** Regions that left at a soft-TLB miss (the interpreter ran the access's block). */
  missExits: number;
  /** Region calls made with a priming budget (PRIME_BUDGETS). */
  primingCalls: number;
  /** Guest instructions retired in each tier. */
  interpInsns: number;
  jitInsns: number;
  /** Host time (ms) spent translating, compiling, and in each tier. */
  translateMs: number;
  compileMs: number;
  exits: Record<string, number>;
}

export class Engine {
  private readonly cache = new Map<number, Entry>();
  /** Direct-mapped table of cache entries by PC (current context only): the dispatcher's fast path. */
  private readonly fastLo = new Int32Array(FAST_SIZE).fill(1);
  private readonly fastHi = new Int32Array(FAST_SIZE);
  private readonly fastEntry: (Entry | undefined)[] = new Array<Entry | undefined>(FAST_SIZE).fill(undefined);
  /** The compiled region of fastEntry[k], if any: what the dispatcher's inner loop calls. */
  private readonly fastRegion: (RegionFn | undefined)[] = new Array<RegionFn | undefined>(FAST_SIZE).fill(undefined);
  /** fastLo/fastHi/fastRegion as the table generated code chains through. */
  private readonly link: LinkTable = { lo: this.fastLo, hi: this.fastHi, region: this.fastRegion };
  private readonly pageEntries = new Map<number, Set<number>>();
  /** RAM page -> entries whose compiled region contains code from that page. */
  private readonly pageRegions = new Map<number, Set<Entry>>();
  private readonly helpers: { byName: Record<string, HelperFn>; byIndex: HelperFn[] };
  private readonly args: unknown[];
  private readonly codeMem: CodeMemory;
  readonly tier: Tier;
  /**
   * Translation context of the code now running (see location.ts): part of every
   * block's key. Constant in user mode; whoever changes it must call flushFast().
   */
  ctx = USER_MODE_CTX;
  /**
   * Counters that outgrow a small integer (2^30) and times are created as doubles (-0): a
   * field that changes from small integer to double deprecates the object's map, and V8
   * throws away the optimized code that wrote it (the dispatcher's) mid-run.
   */
  readonly stats: EngineStats = {
    blocksTranslated: 0, guestInsnsTranslated: 0, regionsCompiled: 0, blocksInRegions: 0, invalidations: 0,
    interpBlocksRun: -0, regionCalls: -0, chainedCalls: -0, missExits: -0, primingCalls: -0, interpInsns: -0, jitInsns: -0, translateMs: -0, compileMs: -0, exits: {},
  };

  constructor(
    readonly cpu: CpuState,
    readonly mem: Memory,
    readonly opts: EngineOptions = {},
  ) {
    this.tier = opts.tier ?? 'auto';
    this.helpers = makeHelpers({ cpu, mem });
    const m = mem;
    // Generated code's memory slow paths and memory helpers record guest faults instead of throwing them.
    this.codeMem = new CodeMemory(mem, cpu.s);
    const memoryNames = new Set(memoryHelperNames());
    // Object.fromEntries builds an object with fast properties: generated code's `H.<name>` then folds to
    // a constant function in TurboFan. A prototype-less object or one filled by keyed stores is a
    // dictionary, and every helper call site paid a generic LoadIC.
    const codeHelpers: Record<string, HelperFn> = Object.fromEntries(
      Object.entries(this.helpers.byName).map(([n, f]) => [n, memoryNames.has(n) ? this.codeMem.wrap(f) : f]),
    );
    this.args = [cpu.s, m.dv, m.rt, m.rh, m.ra, m.wt, m.wh, m.wa, this.codeMem, codeHelpers, cpu.v.i32];
    if (this.args.length !== PARAMS.length) throw new Error('engine: argument list does not match abi PARAMS');
    mem.onCodeWrite = (ramPage) => this.invalidatePage(ramPage);
  }

  private threshold(): number {
    return this.tier === 'jit' ? 1 : this.tier === 'interp' ? Infinity : (this.opts.hotThreshold ?? 40);
  }

  /** Drop every translation from a RAM page (its code was written). */
  invalidatePage(ramPage: number): void {
    this.flushFast();
    const keys = this.pageEntries.get(ramPage);
    this.stats.invalidations++;
    if (keys) {
      for (const k of keys) this.cache.delete(k);
      this.pageEntries.delete(ramPage);
    }
    const regions = this.pageRegions.get(ramPage);
    if (regions) {
      for (const e of regions) e.region = undefined;
      this.pageRegions.delete(ramPage);
    }
    this.kick();
  }

  /**
   * Make running code leave at its next block boundary: take the rest of the budget
   * back, from what was issued too, so issued - remaining still counts exactly the
   * instructions retired.
   */
  kick(): void {
    this.kicks++;
    const S = this.cpu.s;
    const k = S[Slot.BUDGET]!;
    if (k <= 0) return;
    S[Slot.BUDGET] = 0;
    S[Slot.BUDGET_ISSUED] = S[Slot.BUDGET_ISSUED]! - k;
  }

  /** Kicks so far (a priming call that saw one keeps the budget taken back). */
  private kicks = 0;

  /** Empty the dispatcher's fast table (it holds entries of one context only: call this when the context changes). */
  flushFast(): void {
    this.fastLo.fill(1); // no PC is odd
    this.fastEntry.fill(undefined);
    this.fastRegion.fill(undefined);
  }

  private translate(lo: number, hi: number): Entry {
    const t0 = performance.now();
    const mem = this.mem;
    const ramPage = mem.resolve(lo, hi, 'exec') >>> 12;
    // The interpreter tier keeps optimizing every block: there the interpreter is the steady state.
    const block = this.translateAt(lo, hi, this.ctx, this.tier === 'interp', '');
    const prepared = prepare(block, { S: this.cpu.s, V: this.cpu.v.i32, mem, helpers: this.helpers.byIndex });
    // Every field from the start: one object shape for all entries, so the dispatcher's optimized code stays valid.
    const e: Entry = { pcHi: hi, block, prepared, hits: 0, callSeen: 0, callTarget: 0, primed: 0, ramPage, region: undefined, optimized: undefined, prof: undefined };
    this.cache.set(lo, e);
    let set = this.pageEntries.get(ramPage);
    if (!set) this.pageEntries.set(ramPage, (set = new Set()));
    set.add(lo);
    mem.protectCodePage(ramPage);
    this.stats.blocksTranslated++;
    this.stats.guestInsnsTranslated += block.guestCount;
    this.stats.translateMs += performance.now() - t0;
    return e;
  }

  /** The optimized translation of a cached block, for regions (Entry.optimized). */
  private optimized(lo: number, e: Entry): Block {
    // Its page is still mapped and unchanged: a write to it would have dropped the entry.
    return (e.optimized ??= this.translateAt(lo, e.pcHi, e.block.ctx, true, '  (optimized, for a region)'));
  }

  /** Translate the guest block at (lo, hi), optionally optimized; verified in debug mode, printed for --dump-ir. */
  private translateAt(lo: number, hi: number, ctx: number, optimized: boolean, dumpNote: string): Block {
    const mem = this.mem;
    const block = translateBlock((l, h) => mem.fetch32(l, h), { lo, hi }, ctx);
    if (optimized) optimize(block);
    if (this.opts.debug) verify(block);
    this.opts.dumpIr?.(printBlock(block) + dumpNote);
    return block;
  }

  /**
   * Build a region from a hot entry: the loop it heads, if it heads one that fits the loop
   * bounds, or else the already-translated blocks statically reachable from it, breadth first,
   * within the plain region bounds. In the auto tier a block that is already the entry of a
   * compiled region is not copied into another one: the new region leaves for it (chaining makes
   * that a direct call), so V8 compiles each hot entry once.
   */
  private compile(lo: number, e: Entry): void {
    const t0 = performance.now();
    const max = this.opts.maxRegionBlocks ?? 4;
    const maxInsns = this.opts.maxRegionInsns ?? 32;
    // Blocks that ran only a few times in the interpreter stay out (in the jit tier nothing is interpreted).
    const minHits = this.tier === 'jit' ? 0 : (this.opts.minRegionBlockHits ?? Math.ceil(this.threshold() / 4));
    // The jit tier compiles every block on first use, so every block is an entry there: it copies
    // them, or its regions (which tests and the fuzzer run against the interpreter) would hold one block.
    const copyEntries = this.tier === 'jit';
    const member = (k: number, hi: number): Entry | undefined => {
      const be = hi === e.pcHi ? this.cache.get(k) : undefined;
      return be && be.pcHi === hi && be.block.ctx === e.block.ctx && (k === lo || copyEntries || be.region === undefined) ? be : undefined;
    };
    const loop = this.loopOf(lo, e.pcHi, member, minHits);
    let insns = 0;
    const blocks: Block[] = [];
    const pages = new Set<number>();
    const seen = new Set<number>([lo, ...loop]);
    const queue = loop.length ? [] : [lo];
    const add = (k: number, be: Entry): void => {
      insns += be.block.guestCount;
      const ob = this.optimized(k, be);
      // A BLR whose one target so far is in the region goes there without leaving (a loop through calls).
      if (be.block.returnHint) ob.callHint = this.indirectCallee(be, e.pcHi);
      blocks.push(ob);
      pages.add(be.ramPage);
      const next = be.block.directTargets();
      if (be.block.returnHint) next.push(be.block.returnHint);
      for (const n of next) {
        if (n.hi === e.pcHi && !seen.has(n.lo) && this.cache.has(n.lo)) {
          seen.add(n.lo);
          queue.push(n.lo);
        }
      }
    };
    // The loop's blocks passed loopOf's tests (a callee's may enter regions of their own).
    for (const k of loop) add(k, this.cache.get(k)!);
    while (queue.length && blocks.length < max) {
      const k = queue.shift()!;
      const be = member(k, e.pcHi);
      if (!be) continue;
      if (blocks.length > 0 && (insns + be.block.guestCount > maxInsns || be.hits < minHits)) continue;
      add(k, be);
    }
    const src = emitRegion(blocks);
    if (this.opts.debug) checkGenerated(src.source);
    if (this.opts.dumpJs) this.opts.dumpJs(formatRegion(src.source, `region at 0x${(lo >>> 0).toString(16)}: ${blocks.length} blocks`));
    e.region = compileRegion(src, { args: this.args, link: this.link });
    for (const p of pages) {
      let set = this.pageRegions.get(p);
      if (!set) this.pageRegions.set(p, (set = new Set()));
      set.add(e);
    }
    this.stats.regionsCompiled++;
    this.stats.blocksInRegions += blocks.length;
    this.stats.compileMs += performance.now() - t0;
  }

  /**
   * The callee of a block ending in an indirect call (BLR) when its interpreted runs all took
   * one target, a translated block of the same context. Generated code tests the target against
   * it (Block.callHint) and goes on inside the region when it matches.
   */
  private indirectCallee(be: Entry, hi: number): Pc | undefined {
    if (be.callSeen !== 1) return undefined;
    const c = this.cache.get(be.callTarget);
    return c && c.pcHi === hi && c.block.ctx === be.block.ctx ? c.block.start : undefined;
  }

  /**
   * The loop a region entry heads: the entry and the hot blocks on a path from it back to it,
   * entry first, in breadth-first order; empty if there is none or it does not fit
   * maxLoopBlocks / maxLoopInsns. Paths follow direct branches, and go through calls whose
   * callee is known (BL's target, or the one target a BLR was seen to take): into the callee,
   * and from its returns (computed branches that are not calls) to the calls' return points.
   * Generated code follows the same paths with a test of each computed target, so a loop that
   * calls a comparator, which calls strcmp, runs in one function. The callee's blocks are
   * copied even when they enter regions of their own; the caller's follow `member`.
   */
  private loopOf(lo: number, hi: number, member: (k: number, hi: number) => Entry | undefined, minHits: number): number[] {
    const ctx = this.cache.get(lo)!.block.ctx;
    // Hot blocks reachable from the entry (a search bounded to a few loops' worth), with their predecessors among them.
    const order = [lo];
    const preds = new Map<number, number[]>([[lo, []]]);
    const edge = (from: number, to: number): void => {
      let p = preds.get(to);
      if (!p) {
        preds.set(to, (p = []));
        order.push(to);
      }
      if (!p.includes(from)) p.push(from);
    };
    const limit = 4 * (this.opts.maxCallLoopBlocks ?? 16);
    /** Blocks reached inside a callee (copied even if they enter a region); return points seen; blocks that return. */
    const inCallee = new Set<number>(), returnPoints = new Set<number>(), returns: number[] = [];
    const usable = (k: number, called: boolean): boolean => {
      const be = called ? this.cache.get(k) : member(k, hi);
      return !!be && be.pcHi === hi && be.block.ctx === ctx && (k === lo || be.hits >= minHits);
    };
    const reach = (from: number, to: number, called: boolean): void => {
      if (!usable(to, called)) return;
      if (called) inCallee.add(to);
      edge(from, to);
    };
    for (let i = 0; i < order.length && order.length <= limit; i++) {
      const from = order[i]!;
      const fe = this.cache.get(from)!;
      const b = fe.block, t = b.terminal!;
      const called = inCallee.has(from);
      const ret = b.returnHint;
      if (ret !== undefined) {
        // A call: into a known callee; its returns go on at the return point.
        const c = t.kind === 'Link' ? t.next : this.indirectCallee(fe, hi);
        if (c === undefined || c.hi !== hi || ret.hi !== hi || !usable(c.lo, true) || !usable(ret.lo, called)) continue;
        reach(from, c.lo, true);
        const r = ret.lo | 0;
        if (!returnPoints.has(r)) {
          returnPoints.add(r);
          if (called) inCallee.add(r);
          for (const x of returns) edge(x, r);
        }
      } else if (t.kind === 'Indirect') {
        returns.push(from);
        for (const r of returnPoints) edge(from, r);
      } else {
        for (const n of b.directTargets()) if (n.hi === hi) reach(from, n.lo, called);
      }
    }
    // Of those, the ones that reach the entry again.
    const inLoop = new Set<number>();
    const work = [...preds.get(lo)!];
    while (work.length) {
      const k = work.pop()!;
      if (inLoop.has(k)) continue;
      inLoop.add(k);
      if (k !== lo) work.push(...preds.get(k)!);
    }
    if (!inLoop.has(lo)) return [];
    const loop = order.filter((k) => inLoop.has(k));
    let insns = 0;
    for (const k of loop) insns += this.cache.get(k)!.block.guestCount;
    const calls = loop.some((k) => inCallee.has(k));
    const maxBlocks = calls ? (this.opts.maxCallLoopBlocks ?? 16) : (this.opts.maxLoopBlocks ?? 12);
    const maxInsns = calls ? (this.opts.maxCallLoopInsns ?? 128) : (this.opts.maxLoopInsns ?? 96);
    return loop.length <= maxBlocks && insns <= maxInsns ? loop : [];
  }

  /** Run until something needs the caller, or about `budget` instructions have retired. */
  run(budget = 1 << 24): Stop {
    const stats = this.stats;
    const S = this.cpu.s;
    const interpStart = stats.interpInsns;
    S[Slot.BUDGET] = budget;
    S[Slot.BUDGET_ISSUED] = budget;
    try {
      return this.loop();
    } finally {
      // Both tiers count retired instructions in the budget only: fold the slice into ICOUNT.
      const retired = S[Slot.BUDGET_ISSUED]! - S[Slot.BUDGET]!;
      this.cpu.addRetired(retired);
      S[Slot.BUDGET] = 0;
      S[Slot.BUDGET_ISSUED] = 0;
      // Instructions retired by compiled code: everything not counted by the interpreter.
      stats.jitInsns += retired - (stats.interpInsns - interpStart);
    }
  }

  private loop(): Stop {
    const S = this.cpu.s;
    const threshold = this.threshold();
    const stats = this.stats;
    const fastLo = this.fastLo, fastHi = this.fastHi, fastEntry = this.fastEntry, fastRegion = this.fastRegion;
    // A region left at a soft-TLB miss: the block at PC runs in the interpreter next, once.
    let missed = false;
    for (;;) {
      if (!PROFILE && !missed) {
        // Inner loop: from one compiled region to the next through the fast table, nothing else.
        let calls = 0, chained = 0;
        try {
          for (;;) {
            if (S[Slot.BUDGET]! <= 0) break;
            const lo = S[Slot.PC]!;
            const k = (lo >>> 2) & FAST_MASK;
            const region = fastRegion[k];
            if (region === undefined || fastLo[k] !== lo || fastHi[k] !== S[Slot.PC + 1]) break;
            calls++;
            S[Slot.CHAIN_DEPTH] = CHAIN;
            missed = region() === MISS_EXIT;
            chained += CHAIN - S[Slot.CHAIN_DEPTH]!;
            if (missed || S[Slot.EXIT_REASON] !== ExitReason.Jump) break;
          }
        } finally {
          stats.regionCalls += calls + chained;
          stats.chainedCalls += chained;
        }
        if (S[Slot.EXIT_REASON] !== ExitReason.Jump) {
          const stop = this.exitStop();
          if (stop) return stop;
          continue;
        }
      }
      if (S[Slot.BUDGET]! <= 0) return { kind: 'budget' };
      const lo = S[Slot.PC]!, hi = S[Slot.PC + 1]!;
      const k = (lo >>> 2) & FAST_MASK;
      let e = fastLo[k] === lo && fastHi[k] === hi ? fastEntry[k] : undefined;
      if (e === undefined) {
        e = this.cache.get(lo);
        if (e === undefined || e.pcHi !== hi || e.block.ctx !== this.ctx) {
          try {
            e = this.translate(lo, hi);
          } catch (err) {
            if (!(err instanceof GuestFault)) throw err;
            err.pcLo = lo;
            err.pcHi = hi;
            return this.stop({ kind: 'fault', fault: err });
          }
        }
        fastLo[k] = lo;
        fastHi[k] = hi;
        fastEntry[k] = e;
      }
      let region = e.region;
      // A block compiles when it starts its threshold-th execution: in the jit tier (threshold 1) nothing is interpreted.
      // A block run after a miss does not count: it is the tail of a compiled block (or a region's entry).
      if (region === undefined && !missed && e.hits + 1 >= threshold) {
        this.compile(lo, e);
        region = e.region;
      }
      fastRegion[k] = region !== undefined && e.primed >= PRIMED ? region : undefined;
      if (region !== undefined && !missed) {
        const t0 = PROFILE ? performance.now() : 0, c0 = PROFILE ? this.cpu.icount : 0;
        S[Slot.CHAIN_DEPTH] = CHAIN;
        missed = (e.primed < PRIMED ? this.primingCall(region, e.primed++) : region()) === MISS_EXIT;
        const chained = CHAIN - S[Slot.CHAIN_DEPTH]!;
        stats.regionCalls += 1 + chained;
        stats.chainedCalls += chained;
        if (PROFILE) {
          const p = (e.prof ??= { ms: 0, calls: 0, insns: 0 });
          p.ms += performance.now() - t0;
          p.calls++;
          p.insns += this.cpu.icount - c0;
        }
      } else {
        try {
          e.prepared.run();
        } catch (err) {
          if (!(err instanceof GuestFault)) throw err;
          // The instructions before the faulting one retired.
          err.pcLo = (e.block.start.lo + 4 * e.prepared.faultGi) | 0;
          err.pcHi = hi;
          S[Slot.BUDGET] = S[Slot.BUDGET]! - e.prepared.faultGi;
          S[Slot.PC] = err.pcLo;
          S[Slot.PC + 1] = err.pcHi;
          return this.stop({ kind: 'fault', fault: err });
        }
        stats.interpBlocksRun++;
        stats.interpInsns += e.block.guestCount;
        if (missed) {
          missed = false;
          stats.missExits++;
        } else e.hits++;
        if (e.callSeen !== 2 && e.block.returnHint !== undefined && e.block.terminal!.kind === 'Indirect') {
          const t = S[Slot.PC]!;
          if (e.callSeen === 0 && S[Slot.PC + 1] === hi) {
            e.callSeen = 1;
            e.callTarget = t;
          } else if (e.callTarget !== t || S[Slot.PC + 1] !== hi) e.callSeen = 2;
        }
      }
      if (S[Slot.EXIT_REASON] !== ExitReason.Jump) {
        const stop = this.exitStop();
        if (stop) return stop;
      }
    }
  }

  /**
   * The dispatcher's n-th call of a region not yet primed: from PRIME_AFTER on, with the budget
   * cut to the priming budget and the rest set aside (from the issued count too, so the retired
   * count stays exact), then given back unless the engine took the budget back meanwhile.
   */
  private primingCall(region: RegionFn, n: number): number | undefined {
    const S = this.cpu.s;
    const rest = n < PRIME_AFTER ? 0 : S[Slot.BUDGET]! - PRIME_BUDGETS[n - PRIME_AFTER]!;
    if (rest <= 0) return region();
    this.stats.primingCalls++;
    const kicks = this.kicks;
    S[Slot.BUDGET] = S[Slot.BUDGET]! - rest;
    S[Slot.BUDGET_ISSUED] = S[Slot.BUDGET_ISSUED]! - rest;
    const r = region();
    if (kicks === this.kicks) {
      S[Slot.BUDGET] = S[Slot.BUDGET]! + rest;
      S[Slot.BUDGET_ISSUED] = S[Slot.BUDGET_ISSUED]! + rest;
    }
    return r;
  }

  /** A block or region left with an exit reason: the Stop to return, or undefined to keep going. */
  private exitStop(): Stop | undefined {
    const S = this.cpu.s;
    const reason = S[Slot.EXIT_REASON]!;
    S[Slot.EXIT_REASON] = 0;
    const pcLo = S[Slot.PC]!, pcHi = S[Slot.PC + 1]!;
    switch (reason) {
      case ExitReason.Svc:
        return this.stop({ kind: 'svc', imm: S[Slot.EXIT_ARG]! });
      case ExitReason.Undefined:
        return this.stop({ kind: 'undefined', pcLo, pcHi });
      case ExitReason.Fault: {
        // Compiled code left at the faulting instruction, its state written back.
        const fault = this.codeMem.take();
        fault.pcLo = pcLo;
        fault.pcHi = pcHi;
        return this.stop({ kind: 'fault', fault });
      }
      case ExitReason.Brk: {
        // The exception is taken at the BRK itself.
        const at = (pcLo - 4) | 0;
        S[Slot.PC] = at;
        return this.stop({ kind: 'brk', imm: S[Slot.EXIT_ARG]!, pcLo: at, pcHi });
      }
      default:
        return undefined;
    }
  }

  /** The hottest regions by host time (JITVISOR_PROFILE=1). */
  profileReport(top = 15): string {
    const rows = [...this.cache].filter(([, e]) => e.prof).sort((a, b) => b[1].prof!.ms - a[1].prof!.ms).slice(0, top);
    return rows
      .map(([lo, e]) => {
        const p = e.prof!;
        return `region 0x${(lo >>> 0).toString(16)}: ${p.ms.toFixed(1)} ms, ${p.calls} calls, ${p.insns} insns, ${(p.insns / p.calls).toFixed(1)} insns/call, ${(p.insns / p.ms / 1000).toFixed(1)} MIPS`;
      })
      .join('\n');
  }

  private stop(s: Stop): Stop {
    this.stats.exits[s.kind] = (this.stats.exits[s.kind] ?? 0) + 1;
    this.opts.trace?.(`exit ${s.kind} at pc 0x${(this.cpu.s[Slot.PC]! >>> 0).toString(16)}`);
    return s;
  }
}
