/**
 * Random valid instances of decoder rows. Fields are drawn uniformly or from
 * edge values (0, 1, all-ones, the sign bit, register 31 as SP/ZR), then the
 * roles that need the case's context are filled in: branch offsets land on a
 * later instruction of the case, load/store base registers point into the
 * scratch area, register branches aim at the case's second exit. A drawn word
 * must decode to its own row and pass the rules (rules.ts), else it is drawn
 * again.
 */
import { type BitPattern, type Field, type Fields, extractFields, parseBits } from '../frontend/decoder/bitpattern.js';
import { A64_ROWS, type A64Row } from '../frontend/decoder/a64.table.js';
import { LDST_ROWS } from '../frontend/decoder/a64-ldst.table.js';
import { a64Decoder } from '../frontend/decoder/table.js';
import { EL0_REGS } from '../hyp/sysregs/el0.js';
import { ID_REGS } from '../hyp/sysregs/id.js';
import { EXIT_WORDS, SCRATCH, SCRATCH_SIZE } from './harness.js';
import { forbiddenBy } from './rules.js';
import type { Rng } from './rng.js';
import type { CpuSnapshot } from './state.js';

export type RowKind = 'plain' | 'memory' | 'literal' | 'branch' | 'branch-reg' | 'svc' | 'sysreg' | 'sysop';

export interface RowInfo {
  row: A64Row;
  pattern: BitPattern;
  kind: RowKind;
  /** Needs a QEMU CPU model with this feature. */
  feat: string | undefined;
}

const BRANCH = new Set(['B_uncond', 'BL', 'B_cond', 'CBZ', 'CBNZ', 'TBZ', 'TBNZ']);
const BRANCH_REG = new Set(['BR', 'BLR', 'RET']);
const LITERAL = new Set(['LDR_lit', 'LDRSW_lit', 'PRFM_lit', 'LDR_lit_fpsimd']);
const LDST = new Set<string>(LDST_ROWS.map((r) => r.id));
/** Store-exclusive rows (rules.ts 'store-exclusive-misaligned'). */
export const STORE_EXCLUSIVE = /^STL?X[RP][BH]?$/;

function kindOf(id: string): RowKind {
  if (BRANCH.has(id)) return 'branch';
  if (BRANCH_REG.has(id)) return 'branch-reg';
  if (LITERAL.has(id)) return 'literal';
  if (LDST.has(id)) return 'memory';
  if (id === 'SVC') return 'svc';
  if (id === 'MRS' || id === 'MSR_reg') return 'sysreg';
  if (id === 'SYS' || id === 'SYSL') return 'sysop';
  return 'plain';
}

export const ROWS: readonly RowInfo[] = A64_ROWS.map((row) => ({
  row,
  pattern: parseBits(row.bits, row.id),
  kind: kindOf(row.id),
  feat: (row as A64Row).feat,
}));

/** Edge values of an n-bit field. */
function edges(width: number): number[] {
  const max = width >= 32 ? 0xffffffff : (1 << width) - 1;
  const sign = width >= 32 ? 0x80000000 : 1 << (width - 1);
  return [0, 1, max, max - 1, sign, sign - 1].map((v) => v >>> 0);
}

function setField(w: number, f: Field, v: number): number {
  const m = (f.width === 32 ? -1 : (1 << f.width) - 1) << f.lsb;
  return ((w & ~m) | ((v << f.lsb) & m)) >>> 0;
}

function isRegisterField(row: A64Row, f: Field): boolean {
  return f.width === 5 && 'dnmatsT'.includes(f.name) && !(row.id.startsWith('TB') && f.name === 'e');
}

/** Sysreg encodings worth drawing often: the EL0 registers, the ID registers, and a few that must be UNDEFINED at EL0. */
const SYSREG_KEYS: { o: number; p: number; C: number; M: number; q: number }[] = [
  ...[...EL0_REGS, ...ID_REGS].filter((r) => r.op0 === 3).map((r) => ({ o: r.op0 & 1, p: r.op1, C: r.crn, M: r.crm, q: r.op2 })),
  { o: 1, p: 3, C: 4, M: 2, q: 1 }, // DAIF
  { o: 1, p: 0, C: 4, M: 2, q: 2 }, // CurrentEL
  { o: 1, p: 0, C: 4, M: 2, q: 0 }, // SPSel
  { o: 1, p: 0, C: 1, M: 0, q: 0 }, // SCTLR_EL1
  { o: 1, p: 3, C: 14, M: 2, q: 1 }, // CNTV_CTL_EL0
];
const SYSOP_KEYS = EL0_REGS.filter((r) => r.op0 === 1).map((r) => ({ p: r.op1, C: r.crn, M: r.crm, q: r.op2 }));

/** Where a generated instruction sits and what it may branch to. */
export interface SlotContext {
  /** Index of this instruction in the case. */
  slot: number;
  /** Instructions in the case (the first exit is at index `slots`). */
  slots: number;
  /** The case has a second exit (single instructions that branch). */
  twoExits: boolean;
}

/** A generated instruction and what it asks of the starting state. */
export interface Instance {
  word: number;
  info: RowInfo;
  /** Starting-state requirements: register -> value (31 = SP), applied unless an earlier instruction set the register. */
  setRegs: Map<number, bigint>;
  /** Registers that must hold the address of a code slot. */
  codeRefs: { reg: number; slot: number }[];
  /** Touches the scratch area. */
  memory: boolean;
  /** CAS: set the compare register(s) from the memory at the address (the case builder knows the scratch bytes). */
  casFromMemory: boolean;
}

const decoder = a64Decoder();

function drawField(r: Rng, row: A64Row, f: Field): number {
  if (isRegisterField(row, f) && r.chance(0.25)) return r.pick([31, 30, 0, 1, 29]);
  if (r.chance(0.3)) return r.pick(edges(f.width));
  return r.int(2 ** f.width);
}

/** A pointer into the scratch area: mostly 16-byte aligned near the middle, sometimes misaligned or at the edges. */
function scratchPointer(r: Rng): bigint {
  const c = r.int(10);
  let off: number;
  if (c < 6) off = 2048 + 16 * (r.int(128) - 64);
  else if (c < 8) off = r.int(SCRATCH_SIZE);
  else off = r.pick([0, 8, 16, SCRATCH_SIZE - 1, SCRATCH_SIZE - 3, SCRATCH_SIZE - 8, SCRATCH_SIZE - 16, SCRATCH_SIZE - 32, SCRATCH_SIZE - 64, SCRATCH_SIZE]);
  return BigInt(SCRATCH + off);
}

/** Small signed index values for register offsets and post-index registers. */
function smallIndex(r: Rng): bigint {
  return r.chance(0.8) ? BigInt.asUintN(64, BigInt(r.int(512) - 256)) : r.u64();
}

/**
 * One random instance of `info` for the given slot; undefined when none was
 * found in a bounded number of draws (the caller reports the row).
 */
export function generate(r: Rng, info: RowInfo, ctx: SlotContext): Instance | undefined {
  const { row, pattern } = info;
  for (let attempt = 0; attempt < 200; attempt++) {
    let w = (pattern.expect | (r.u32() & ~pattern.mask)) >>> 0;
    for (const f of pattern.fields) w = setField(w, f, drawField(r, row, f));
    const byName = new Map(pattern.fields.map((f) => [f.name, f]));
    const setRegs = new Map<number, bigint>();
    const codeRefs: { reg: number; slot: number }[] = [];
    let memory = false;
    let casFromMemory = false;
    const fieldVal = (name: string): number | undefined => {
      const f = byName.get(name);
      return f ? (w >>> f.lsb) & ((1 << f.width) - 1) : undefined;
    };

    switch (info.kind) {
      case 'branch': {
        const f = byName.get('i')!;
        if (row.id === 'B_uncond' || row.id === 'BL') {
          if (r.chance(0.1)) {
            // Far away (beyond every mapped page): the branch itself is fine, the fetch at its target faults.
            const far = (1 << 23) + r.int(1 << 23);
            w = setField(w, f, r.chance(0.5) ? far : (1 << 26) - far);
            break;
          }
        }
        const last = ctx.twoExits ? ctx.slots + 1 : ctx.slots;
        const target = ctx.twoExits ? last : ctx.slot + 1 + r.int(last - ctx.slot);
        const words = target > ctx.slots ? ctx.slots + EXIT_WORDS * (target - ctx.slots) - ctx.slot : target - ctx.slot;
        w = setField(w, f, words);
        break;
      }
      case 'branch-reg': {
        const n = fieldVal('n')!;
        if (n !== 31) codeRefs.push({ reg: n, slot: ctx.twoExits ? ctx.slots + 1 : ctx.slots });
        break;
      }
      case 'literal': {
        // Mostly near the instruction (the harness code: readable), sometimes anywhere within +-1 MiB.
        if (r.chance(0.8)) w = setField(w, byName.get('i')!, (r.int(128) - 64) & 0x7ffff);
        break;
      }
      case 'memory': {
        memory = true;
        const n = fieldVal('n')!;
        let ptr = scratchPointer(r);
        if (n === 31 && r.chance(0.8)) ptr &= ~0xfn;
        else if (n !== 31 && r.chance(0.1)) ptr |= BigInt(r.int(256)) << 56n; // a tag in the top byte (TBI)
        if (STORE_EXCLUSIVE.test(row.id)) ptr &= ~0xfn; // rules.ts 'store-exclusive-misaligned'
        setRegs.set(n, ptr);
        const i = byName.get('i');
        if (i && r.chance(0.5)) {
          // Small offsets keep the access inside the scratch area.
          const signed = i.width === 7 || i.width === 9;
          w = setField(w, i, signed ? (r.int(32) - 16) & ((1 << i.width) - 1) : r.int(16));
        }
        const m = fieldVal('m');
        if (m !== undefined && m !== n && m !== 31) setRegs.set(m, smallIndex(r));
        // Compare values equal to memory half the time (not when Rs is the base register).
        if (/^CAS/.test(row.id) && fieldVal('s') !== n) casFromMemory = r.chance(0.5);
        break;
      }
      case 'svc':
        setRegs.set(8, 0x7fffn); // not a Linux system call: -ENOSYS in both, no side effects
        break;
      case 'sysreg': {
        if (r.chance(0.7)) {
          const k = r.pick(SYSREG_KEYS);
          w = setField(setField(setField(setField(setField(w, byName.get('o')!, k.o), byName.get('p')!, k.p), byName.get('C')!, k.C), byName.get('M')!, k.M), byName.get('q')!, k.q);
        }
        break;
      }
      case 'sysop': {
        if (r.chance(0.7) && row.id === 'SYS') {
          const k = r.pick(SYSOP_KEYS);
          w = setField(setField(setField(setField(w, byName.get('p')!, k.p), byName.get('C')!, k.C), byName.get('M')!, k.M), byName.get('q')!, k.q);
        }
        const t = fieldVal('t')!;
        if (t !== 31) setRegs.set(t, scratchPointer(r));
        memory = true;
        break;
      }
      case 'plain':
        break;
    }
    const hit = decoder.decode(w | 0);
    if (!hit || hit.id !== row.id) continue;
    const f: Fields = extractFields(pattern, w);
    if (forbiddenBy(row.id, f)) continue;
    return { word: w >>> 0, info, setRegs, codeRefs, memory, casFromMemory };
  }
  return undefined;
}

/** Apply instances' starting-state requirements to a random state (the first instruction naming a register wins). */
export function applyRequirements(state: CpuSnapshot, insts: Instance[], pristine: Uint8Array, pristineOffset: number): void {
  const done = new Set<number>();
  for (const inst of insts) {
    for (const [reg, value] of inst.setRegs) {
      if (done.has(reg)) continue;
      done.add(reg);
      if (reg === 31) state.sp = value;
      else state.x[reg] = value;
    }
  }
  // CAS compare values: the 16 bytes at the instruction's address in this case's scratch copy.
  for (const inst of insts) {
    if (!inst.casFromMemory) continue;
    const f = extractFields(inst.info.pattern, inst.word);
    const s = f['s']!;
    const n = f['n']!;
    const addr = Number(n === 31 ? state.sp : state.x[n]!) - SCRATCH;
    if (addr < 0 || addr + 16 > SCRATCH_SIZE) {
      state.x[s] = 0n;
      continue;
    }
    const dv = new DataView(pristine.buffer, pristine.byteOffset + pristineOffset + addr, 16);
    if (inst.info.row.id === 'CASP') {
      // A pair compares two consecutive registers with two consecutive elements (W or X).
      const wide = f['z'] === 1;
      if (s < 30) {
        state.x[s] = wide ? dv.getBigUint64(0, true) : BigInt(dv.getUint32(0, true));
        state.x[s + 1] = wide ? dv.getBigUint64(8, true) : BigInt(dv.getUint32(4, true));
      }
    } else if (s !== 31) {
      state.x[s] = dv.getBigUint64(0, true);
    }
  }
}
