/**
 * Guest-register get/set elimination within a block (dynarmic's
 * A64GetSetElimination), including NZCV (dead-flag elimination) and the
 * vector registers: a get after a known value reuses it (and so does not
 * observe the register); a set overwritten before anything could observe it
 * is dropped. Memory accesses and helper
 * calls may fault, which makes the state visible, so they keep pending sets
 * alive; helper calls may also read and write the vector registers, so known
 * vector values are forgotten there.
 *
 * Vector accesses are byte ranges of one register: lane l of a 32-bit get/set
 * is bytes 4l..4l+3, of a 64-bit one 8l..8l+7, and A64ZeroVHigh sets bytes
 * 8..15 to zero. A get reuses only a known value of exactly its range; a set
 * forgets every known range it overlaps and drops pending sets it covers.
 */
import { OPCODES } from '../opcodes.js';
import { Imm, type Block, type Inst, type Value } from '../value.js';

interface VRange {
  reg: number;
  off: number;
  size: number;
}

function vRange(inst: Inst): VRange | undefined {
  const reg = (inst.args[0] as { lo: number }).lo;
  switch (inst.op) {
    case 'A64GetV32':
    case 'A64SetV32':
      return { reg, off: 4 * (inst.args[1] as { lo: number }).lo, size: 4 };
    case 'A64GetV64':
    case 'A64SetV64':
      return { reg, off: 8 * (inst.args[1] as { lo: number }).lo, size: 8 };
    case 'A64ZeroVHigh':
      return { reg, off: 8, size: 8 };
    default:
      return undefined;
  }
}

const vKey = (r: VRange) => `v${r.reg}:${r.off}:${r.size}`;
const overlaps = (a: VRange, b: VRange) => a.reg === b.reg && a.off < b.off + b.size && b.off < a.off + a.size;
const covers = (a: VRange, b: VRange) => a.reg === b.reg && a.off <= b.off && b.off + b.size <= a.off + a.size;

export function getSetElimination(block: Block): void {
  const known = new Map<string, Value>();
  const pending = new Map<string, Inst>();
  const replace = new Map<Value, Value>();
  const removed = new Set<Inst>();
  const sub = (v: Value): Value => replace.get(v) ?? v;
  const reg = (i: Inst) => (i.args[0] as { lo: number }).lo;
  /** Known vector values and pending vector sets, with their ranges. */
  const vKnown = new Map<string, { range: VRange; value: Value }>();
  const vPending = new Map<string, { range: VRange; inst: Inst }>();
  const ZERO64 = new Imm('U64', 0, 0);

  for (const inst of block.insts) {
    inst.args = inst.args.map(sub);
    switch (inst.op) {
      case 'A64GetX':
      case 'A64GetW': {
        const r = reg(inst);
        const key = (inst.op === 'A64GetX' ? 'x' : 'w') + r;
        const k = known.get(key);
        if (k) {
          // Forwarded: the register itself is not read, so a pending set of it may still be overwritten.
          replace.set(inst, k);
          removed.add(inst);
        } else {
          pending.delete('r' + r);
          known.set(key, inst);
        }
        break;
      }
      case 'A64SetX':
      case 'A64SetW': {
        const r = reg(inst);
        const prev = pending.get('r' + r);
        if (prev) removed.add(prev);
        pending.set('r' + r, inst);
        known.delete('x' + r);
        known.delete('w' + r);
        known.set((inst.op === 'A64SetX' ? 'x' : 'w') + r, inst.args[1]!);
        break;
      }
      case 'A64GetNZCV': {
        const k = known.get('nz');
        if (k) {
          replace.set(inst, k);
          removed.add(inst);
        } else {
          pending.delete('nz');
          known.set('nz', inst);
        }
        break;
      }
      case 'A64SetNZCV': {
        const prev = pending.get('nz');
        if (prev) removed.add(prev);
        pending.set('nz', inst);
        known.set('nz', inst.args[0]!);
        break;
      }
      case 'A64GetV32':
      case 'A64GetV64': {
        const range = vRange(inst)!;
        const k = vKnown.get(vKey(range));
        if (k) {
          replace.set(inst, k.value);
          removed.add(inst);
        } else {
          for (const [key, p] of vPending) if (overlaps(p.range, range)) vPending.delete(key);
          vKnown.set(vKey(range), { range, value: inst });
        }
        break;
      }
      case 'A64SetV32':
      case 'A64SetV64':
      case 'A64ZeroVHigh': {
        const range = vRange(inst)!;
        for (const [k, p] of vPending) {
          if (covers(range, p.range)) {
            removed.add(p.inst);
            vPending.delete(k);
          }
        }
        vPending.set(vKey(range), { range, inst });
        for (const [k, v] of vKnown) if (overlaps(v.range, range)) vKnown.delete(k);
        vKnown.set(vKey(range), { range, value: inst.op === 'A64ZeroVHigh' ? ZERO64 : inst.args[2]! });
        break;
      }
      default: {
        const effect = OPCODES[inst.op].effect;
        if (effect === 'mem' || effect === 'call') {
          pending.clear();
          vPending.clear();
        }
        if (effect === 'call') vKnown.clear();
      }
    }
  }
  const t = block.terminal;
  if (t?.kind === 'Branch') t.cond = sub(t.cond);
  else if (t?.kind === 'Indirect') t.target = sub(t.target);
  if (removed.size) {
    const kept = block.insts.filter((i) => !removed.has(i));
    block.insts.length = 0;
    block.insts.push(...kept);
  }
}
