/**
 * Guest-register get/set elimination within a block (dynarmic's
 * A64GetSetElimination), including NZCV (dead-flag elimination): a get after
 * a known value reuses it; a set overwritten before anything could observe it
 * is dropped. Memory accesses and helper calls may fault, which makes the
 * state visible, so they keep pending sets alive.
 */
import { OPCODES } from '../opcodes.js';
import type { Block, Inst, Value } from '../value.js';

export function getSetElimination(block: Block): void {
  const known = new Map<string, Value>();
  const pending = new Map<string, Inst>();
  const replace = new Map<Value, Value>();
  const removed = new Set<Inst>();
  const sub = (v: Value): Value => replace.get(v) ?? v;
  const reg = (i: Inst) => (i.args[0] as { lo: number }).lo;

  for (const inst of block.insts) {
    inst.args = inst.args.map(sub);
    switch (inst.op) {
      case 'A64GetX':
      case 'A64GetW': {
        const r = reg(inst);
        const key = (inst.op === 'A64GetX' ? 'x' : 'w') + r;
        pending.delete('r' + r);
        const k = known.get(key);
        if (k) {
          replace.set(inst, k);
          removed.add(inst);
        } else known.set(key, inst);
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
        pending.delete('nz');
        const k = known.get('nz');
        if (k) {
          replace.set(inst, k);
          removed.add(inst);
        } else known.set('nz', inst);
        break;
      }
      case 'A64SetNZCV': {
        const prev = pending.get('nz');
        if (prev) removed.add(prev);
        pending.set('nz', inst);
        known.set('nz', inst.args[0]!);
        break;
      }
      default: {
        const effect = OPCODES[inst.op].effect;
        if (effect === 'mem' || effect === 'call') pending.clear();
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
