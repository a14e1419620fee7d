/**
 * Constant folding: a pure instruction whose arguments are all immediates is
 * evaluated once (with the interpreter's own semantics, so the tiers cannot
 * disagree) and replaced by an immediate.
 */
import { evalConst } from '../interpret.js';
import { FLAG_PRODUCERS, OPCODES } from '../opcodes.js';
import { type Block, Imm, type Inst, type Value } from '../value.js';

const isImm = (v: Value, lo: number, hi = lo < 0 ? -1 : 0): boolean =>
  v.kind === 'imm' && v.lo === lo && (v.type !== 'U64' || v.hi === hi);

/**
 * Algebraic identities that leave one argument unchanged (MOV is ORR with XZR,
 * immediate shifts by zero, masks of all ones...): the value to use instead, if any.
 */
function identity(inst: Inst): Value | undefined {
  const [a, b] = inst.args as [Value, Value | undefined];
  switch (inst.op) {
    case 'Or32': case 'Xor32': case 'Add32': case 'Or64': case 'Xor64': case 'Add64':
      if (b && isImm(a, 0)) return b;
      if (b && isImm(b, 0)) return a;
      return undefined;
    case 'Sub32': case 'Sub64': case 'AndNot32': case 'AndNot64': // a - 0, a & ~0
      return b && isImm(b, 0) ? a : undefined;
    case 'OrNot32': case 'OrNot64': // a | ~(all ones)
      return b && isImm(b, -1) ? a : undefined;
    case 'And32': case 'And64':
      if (b && isImm(a, -1)) return b;
      if (b && isImm(b, -1)) return a;
      return undefined;
    case 'Lsl32': case 'Lsr32': case 'Asr32': case 'Ror32': case 'Lsl64': case 'Lsr64': case 'Asr64': case 'Ror64':
      return b && b.kind === 'imm' && (b.lo & (inst.op.endsWith('64') ? 63 : 31)) === 0 ? a : undefined;
    default:
      return undefined;
  }
}

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
    if (info.effect === 'pure') {
      const same = identity(inst);
      if (same !== undefined) {
        replace.set(inst, same);
        continue;
      }
    }
    kept.push(inst);
  }
  block.insts.length = 0;
  block.insts.push(...kept);
  const t = block.terminal;
  if (t?.kind === 'Branch') t.cond = sub(t.cond);
  else if (t?.kind === 'Indirect') t.target = sub(t.target);
}
