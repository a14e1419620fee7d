/**
 * Constant folding: a pure instruction whose arguments are all immediates is
 * evaluated once (with the interpreter's own semantics, so the tiers cannot
 * disagree) and replaced by an immediate.
 */
import { evalConst } from '../interpret.js';
import { FLAG_PRODUCERS, OPCODES } from '../opcodes.js';
import { type Block, Imm, type Inst, type Value } from '../value.js';

export function constantFolding(block: Block): void {
  block.renumber();
  const replace = new Map<Value, Value>();
  const sub = (v: Value): Value => replace.get(v) ?? v;
  const kept: Inst[] = [];
  for (const inst of block.insts) {
    inst.args = inst.args.map(sub);
    const info = OPCODES[inst.op];
    if (info.effect === 'pure' && !FLAG_PRODUCERS.has(inst.op) && inst.op !== 'GetNZCVFromOp' && inst.args.every((a) => a.kind === 'imm')) {
      const [lo, hi] = evalConst(inst);
      replace.set(inst, new Imm(info.ret, lo, info.ret === 'U64' ? hi : 0));
      continue;
    }
    kept.push(inst);
  }
  block.insts.length = 0;
  block.insts.push(...kept);
  const t = block.terminal;
  if (t?.kind === 'Branch') t.cond = sub(t.cond);
  else if (t?.kind === 'Indirect') t.target = sub(t.target);
}
