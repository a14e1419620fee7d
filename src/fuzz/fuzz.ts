/**
 * The differential fuzzer: instances of every decoder row (one instruction
 * per case), then random sequences (many instructions per case, branches kept
 * inside), each run under qemu-aarch64 and under jitvisor in every asked tier
 * from the same starting state; every difference is a mismatch. The first
 * mismatch of each row is kept with its starting state; a mismatching
 * sequence is minimised to the one instruction that goes wrong first.
 */
import type { Tier } from '../runtime/engine.js';
import { b as asmB } from './asm.js';
import { type Diff, type Exempt, compareOutcomes } from './compare.js';
import { extractFields } from '../frontend/decoder/bitpattern.js';
import { DC_ZVA, outsideUserSpace, unknownAfterFault } from './rules.js';
import { type Instance, type RowInfo, ROWS, STORE_EXCLUSIVE, applyRequirements, generate } from './generate.js';
import { type HarnessCase, PRISTINE_SIZE, SCRATCH_SIZE, buildHarness, parseOutput } from './harness.js';
import { Rng } from './rng.js';
import { runJitvisor, runQemu } from './run.js';
import { type CpuSnapshot, type Outcome, randomState } from './state.js';

export interface FuzzOptions {
  seed: number;
  /** Single-instruction instances per row. */
  perRow: number;
  /** Only rows whose id matches. */
  rows?: RegExp;
  tiers: Tier[];
  /** Sequence cases (several instructions each). */
  sequences: number;
  /** Longest sequence. */
  maxSeqLen: number;
  /** Cases per generated program. */
  batch: number;
  progress?: (msg: string) => void;
}

/** The QEMU CPU model whose features match what jitvisor advertises for a row. */
export function qemuCpuFor(info: RowInfo): string {
  // cortex-a53: Armv8.0 with CRC32, as jitvisor; LSE rows need a v8.1+ model (cortex-a76: LSE without LSE2's relaxed alignment).
  return info.feat === 'FEAT_LSE' ? 'cortex-a76' : 'cortex-a53';
}

export interface Mismatch {
  rowId: string;
  word: number;
  tier: Tier;
  cpu: string;
  state: CpuSnapshot;
  /** The scratch contents the case started with. */
  scratch: Uint8Array;
  diffs: Diff[];
  ref: Outcome;
  /** For minimised sequences: the sequence it came from. */
  sequence?: number[];
}

export interface RowResult {
  id: string;
  instances: number;
  mismatches: number;
  /** How cases ended under qemu: 'ok', 'SIGILL', ... -> count. */
  endings: Map<number, number>;
  first?: Mismatch;
  /** No valid instance could be drawn (reported, counts as not fuzzed). */
  ungenerated?: boolean;
}

export interface FuzzReport {
  seed: number;
  tiers: Tier[];
  tableRows: number;
  rows: RowResult[];
  /** Instructions generated (single cases plus sequence instructions). */
  instances: number;
  /** instances x tiers. */
  compared: number;
  sequences: { cases: number; instructions: number; mismatches: number; first?: Mismatch };
  mismatches: number;
  problems: string[];
  ms: { qemu: number; ours: Record<string, number>; total: number };
}

interface CaseMeta {
  c: HarnessCase;
  insts: Instance[];
  /** Row result the case counts for (single cases). */
  row?: RowResult;
  cpu: string;
}

function makePristine(r: Rng): Uint8Array {
  const p = new Uint8Array(PRISTINE_SIZE);
  for (let i = 0; i < p.length; i += 4) {
    const v = r.u32();
    p[i] = v;
    p[i + 1] = v >>> 8;
    p[i + 2] = v >>> 16;
    p[i + 3] = v >>> 24;
  }
  // Some zero and all-ones runs: compare-and-swap and min/max edge values.
  for (let k = 0; k < 64; k++) {
    const at = r.int(PRISTINE_SIZE - 64);
    p.fill(r.chance(0.5) ? 0 : 0xff, at, at + 8 + r.int(56));
  }
  return p;
}

function caseFrom(r: Rng, insts: Instance[], twoExits: boolean, pristine: Uint8Array): HarnessCase {
  const state = randomState(r);
  const pristineOffset = 32 * r.int((PRISTINE_SIZE - SCRATCH_SIZE) / 32);
  applyRequirements(state, insts, pristine, pristineOffset);
  const codeRefs = insts.flatMap((i) => i.codeRefs);
  return { words: insts.map((i) => i.word), memory: insts.some((i) => i.memory), twoExits, state, pristineOffset, ...(codeRefs.length ? { codeRefs } : {}) };
}

/** Run one batch of cases (same CPU model) in qemu and every tier; returns outcomes per run. */
function runBatch(metas: CaseMeta[], pristine: Uint8Array, opts: FuzzOptions, report: FuzzReport): { ref: Outcome[]; ours: Map<Tier, Outcome[]>; slotBase: number[] } {
  const cases = metas.map((m) => m.c);
  const prog = buildHarness(cases, pristine);
  const q = runQemu(prog.elf, metas[0]!.cpu);
  report.ms.qemu += q.ms;
  if (q.problem) report.problems.push(`qemu (${metas[0]!.cpu}): ${q.problem}`);
  const ref = parseOutput(q.out, cases);
  const ours = new Map<Tier, Outcome[]>();
  for (const tier of opts.tiers) {
    const j = runJitvisor(prog.elf, tier);
    report.ms.ours[tier] = (report.ms.ours[tier] ?? 0) + j.ms;
    if (j.problem) report.problems.push(`jitvisor --tier=${tier}: ${j.problem}`);
    ours.set(tier, parseOutput(j.out, cases));
  }
  return { ref, ours, slotBase: prog.slotBase };
}

export function runFuzz(opts: FuzzOptions): FuzzReport {
  const t0 = performance.now();
  const root = new Rng(opts.seed);
  const pristine = makePristine(root.fork(1));
  const report: FuzzReport = {
    seed: opts.seed,
    tiers: opts.tiers,
    tableRows: ROWS.length,
    rows: [],
    instances: 0,
    compared: 0,
    sequences: { cases: 0, instructions: 0, mismatches: 0 },
    mismatches: 0,
    problems: [],
    ms: { qemu: 0, ours: {}, total: 0 },
  };
  const selected = ROWS.filter((r) => !opts.rows || opts.rows.test(r.row.id));

  // ---- Single instructions, every selected row (cases drawn a batch at a time: a big run never holds them all) ----
  interface RowStream { info: RowInfo; rng: Rng; res: RowResult; twoExits: boolean; left: number }
  const byCpu = new Map<string, RowStream[]>();
  for (const [ri, info] of selected.entries()) {
    const res: RowResult = { id: info.row.id, instances: 0, mismatches: 0, endings: new Map() };
    report.rows.push(res);
    const cpu = qemuCpuFor(info);
    let list = byCpu.get(cpu);
    if (!list) byCpu.set(cpu, (list = []));
    const rng = new Rng(opts.seed ^ Math.imul(ri + 1, 0x9e3779b1)).fork(hashId(info.row.id));
    list.push({ info, rng, res, twoExits: info.kind === 'branch' || info.kind === 'branch-reg', left: opts.perRow });
  }
  const nextBatch = (streams: RowStream[], cpu: string): CaseMeta[] => {
    const out: CaseMeta[] = [];
    while (out.length < opts.batch && streams.length > 0) {
      const st = streams[0]!;
      if (st.left <= 0) {
        streams.shift();
        continue;
      }
      st.left--;
      const inst = generate(st.rng, st.info, { slot: 0, slots: 1, twoExits: st.twoExits });
      if (!inst) {
        st.res.ungenerated = true;
        st.left = 0;
        continue;
      }
      out.push({ c: caseFrom(st.rng, [inst], st.twoExits, pristine), insts: [inst], row: st.res, cpu });
    }
    return out;
  };
  let done = 0;
  const total = selected.length * opts.perRow + opts.sequences;
  for (const [cpu, streams] of byCpu) {
    for (let metas = nextBatch(streams, cpu); metas.length > 0; metas = nextBatch(streams, cpu)) {
      const { ref, ours, slotBase } = runBatch(metas, pristine, opts, report);
      metas.forEach((m, i) => {
        const row = m.row!;
        row.instances++;
        report.instances++;
        const rOut = ref[i];
        if (rOut) row.endings.set(rOut.status, (row.endings.get(rOut.status) ?? 0) + 1);
        for (const tier of opts.tiers) {
          report.compared++;
          const o = ours.get(tier)![i];
          const diffs = compareOutcomes(rOut, o, exemptFor(m, rOut, o, slotBase[i]!));
          if (diffs.length === 0) continue;
          row.mismatches++;
          report.mismatches++;
          row.first ??= { rowId: row.id, word: m.c.words[0]!, tier, cpu, state: m.c.state, scratch: scratchOf(m.c, pristine), diffs, ref: rOut! };
        }
      });
      done += metas.length;
      opts.progress?.(`fuzz: ${done}/${total} cases (${cpu}), ${report.mismatches} mismatches`);
    }
  }

  // ---- Sequences: several instructions from random rows, branches forward inside the case ----
  // Not in sequences: SVC (an earlier instruction may have changed X8), register branches (their targets are
  // set up in the starting state), rows needing another CPU model, store-exclusives (rules.ts 'store-exclusive-misaligned').
  const seqRows = selected.filter((i) => i.kind !== 'svc' && i.kind !== 'branch-reg' && qemuCpuFor(i) === 'cortex-a53' && !STORE_EXCLUSIVE.test(i.row.id));
  if (opts.sequences > 0 && seqRows.length > 0) {
    const sr = root.fork(2);
    const metas: CaseMeta[] = [];
    for (let k = 0; k < opts.sequences; k++) {
      const n = 2 + sr.int(Math.max(1, opts.maxSeqLen - 1));
      const insts: Instance[] = [];
      for (let s = 0; s < n; s++) {
        let inst: Instance | undefined;
        while (!inst) inst = generate(sr, sr.pick(seqRows), { slot: s, slots: n, twoExits: false });
        insts.push(inst);
      }
      metas.push({ c: caseFrom(sr, insts, false, pristine), insts, cpu: 'cortex-a53' });
    }
    for (let at = 0; at < metas.length; at += opts.batch) {
      const part = metas.slice(at, at + opts.batch);
      const { ref, ours, slotBase } = runBatch(part, pristine, opts, report);
      part.forEach((m, i) => {
        report.sequences.cases++;
        report.sequences.instructions += m.insts.length;
        report.instances += m.insts.length;
        for (const tier of opts.tiers) {
          report.compared += m.insts.length;
          const o = ours.get(tier)![i];
          const diffs = compareOutcomes(ref[i], o, exemptFor(m, ref[i], o, slotBase[i]!));
          if (diffs.length === 0) continue;
          report.sequences.mismatches++;
          report.mismatches++;
          if (!report.sequences.first) report.sequences.first = minimise(m, tier, pristine) ?? {
            rowId: '(sequence)', word: m.c.words[0]!, tier, cpu: m.cpu, state: m.c.state, scratch: scratchOf(m.c, pristine), diffs, ref: ref[i]!, sequence: m.c.words,
          };
        }
      });
      done += part.length;
      opts.progress?.(`fuzz: ${done}/${total} cases (sequences), ${report.mismatches} mismatches`);
    }
  }
  report.ms.total = performance.now() - t0;
  return report;
}

/** The instance a signal was taken at, if `pc` is one of the case's instructions. */
function instanceAt(m: CaseMeta, pc: bigint, slotBase: number): Instance | undefined {
  const slot = Number(pc - BigInt(slotBase)) / 4;
  return Number.isInteger(slot) ? m.insts[slot] : undefined;
}

/** What the rules (rules.ts COMPARE_RULES) exempt from comparing case `m`, given both outcomes. */
function exemptFor(m: CaseMeta, ref: Outcome | undefined, ours: Outcome | undefined, slotBase: number): Exempt {
  if (!ref || (ref.status !== 11 && ref.status !== 7)) return {};
  const ex: Exempt = { faultAddress: outsideUserSpace(ref.addr) };
  const at = ours && ours.status === ref.status ? instanceAt(m, ours.exit, slotBase) : undefined;
  if (at && ((at.word & ~31) >>> 0) === DC_ZVA) ex.pc = true; // 'dc-zva-fault-pc'
  const inst = instanceAt(m, ref.exit, slotBase);
  if (inst) {
    const u = unknownAfterFault(inst.info.row.id, extractFields(inst.info.pattern, inst.word));
    ex.x = u.x;
    ex.v = u.v;
  }
  return ex;
}

function scratchOf(c: HarnessCase, pristine: Uint8Array): Uint8Array {
  return pristine.slice(c.pristineOffset, c.pristineOffset + SCRATCH_SIZE);
}

function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Minimise a mismatching sequence: run its prefixes (the rest replaced by
 * branches to the exit), find the first prefix that mismatches, and rerun its
 * last instruction alone from the state qemu reached before it.
 */
function minimise(m: CaseMeta, tier: Tier, pristine: Uint8Array): Mismatch | undefined {
  const n = m.c.words.length;
  const prefix = (k: number): HarnessCase => ({
    ...m.c,
    // Slot j >= k: a branch to the exit (slot n), so every branch target inside the case stays valid.
    words: m.c.words.map((w, j) => (j < k ? w : asmB(4 * j, 4 * n))),
  });
  const cases = Array.from({ length: n + 1 }, (_, k) => prefix(k));
  const prog = buildHarness(cases, pristine);
  const ref = parseOutput(runQemu(prog.elf, m.cpu).out, cases);
  const ours = parseOutput(runJitvisor(prog.elf, tier).out, cases);
  const differs = (k: number): boolean => compareOutcomes(ref[k], ours[k], exemptFor({ ...m, c: cases[k]! }, ref[k], ours[k], prog.slotBase[k]!)).length > 0;
  let k = 1;
  while (k <= n && !differs(k)) k++;
  if (k > n) return undefined;
  const before = ref[k - 1];
  if (!before || before.status !== 0) return undefined;
  // The culprit alone, from that state (SP, flags, FP control, vectors and the memory it left).
  const scratch = before.scratch ?? scratchOf(m.c, pristine);
  // The culprit first, then one branch to the exit (slot n - k + 1) for each slot that followed it, so its own
  // branch offset still lands on a slot of the case.
  const rest = n - k;
  const single: HarnessCase = {
    words: [m.c.words[k - 1]!, ...Array.from({ length: rest }, (_, j) => asmB(4 * (j + 1), 4 * (rest + 1)))],
    memory: true,
    twoExits: false,
    state: { x: before.x, sp: before.sp, nzcv: before.nzcv, fpcr: before.fpcr, fpsr: before.fpsr, v: before.v },
    pristineOffset: 0,
  };
  const p2 = new Uint8Array(PRISTINE_SIZE);
  p2.set(scratch, 0);
  const prog2 = buildHarness([single], p2);
  const r2 = parseOutput(runQemu(prog2.elf, m.cpu).out, [single])[0];
  const o2 = parseOutput(runJitvisor(prog2.elf, tier).out, [single])[0];
  const diffs = compareOutcomes(r2, o2, exemptFor({ ...m, c: single, insts: m.insts.slice(k - 1) }, r2, o2, prog2.slotBase[0]!));
  const inst = m.insts[k - 1]!;
  const found: Mismatch = {
    rowId: inst.info.row.id,
    word: inst.word,
    tier,
    cpu: m.cpu,
    state: single.state,
    scratch,
    diffs: diffs.length ? diffs : compareOutcomes(ref[k], ours[k], exemptFor({ ...m, c: cases[k]! }, ref[k], ours[k], prog.slotBase[k]!)),
    ref: (diffs.length ? r2 : ref[k])!,
    sequence: m.c.words,
  };
  return found;
}
