/** Verification: argument types against the opcode table, definitions before uses, a terminal present. */
import { argOk } from '../builder.js';
import { FLAG_PRODUCERS, type OpInfo, OPCODES } from '../opcodes.js';
import type { Block, Value } from '../value.js';

export class VerifyError extends Error {}

export function verify(block: Block): void {
  block.renumber();
  const seen = new Set<Value>();
  const fail = (msg: string): never => {
    throw new VerifyError(`IR verify failed in block 0x${(block.start.lo >>> 0).toString(16)}: ${msg}`);
  };
  for (const inst of block.insts) {
    const info: OpInfo = OPCODES[inst.op];
    if (info.variadic ? inst.args.length < info.args.length : inst.args.length !== info.args.length) {
      fail(`%${inst.id} ${inst.op}: wrong argument count ${inst.args.length}`);
    }
    inst.args.forEach((a, i) => {
      if (a.kind === 'inst' && !seen.has(a)) fail(`%${inst.id} ${inst.op}: argument ${i} used before definition`);
      const kind = i < info.args.length ? info.args[i]! : undefined;
      if (kind !== undefined && !argOk(kind, a)) fail(`%${inst.id} ${inst.op}: argument ${i} is not ${kind}`);
      if (kind === undefined && a.type !== 'U32' && a.type !== 'U64' && a.type !== 'U1') {
        fail(`%${inst.id} ${inst.op}: variadic argument ${i} has type ${a.type}`);
      }
    });
    if (inst.op === 'GetNZCVFromOp') {
      const src = inst.args[0]!;
      if (src.kind !== 'inst' || !FLAG_PRODUCERS.has(src.op)) fail(`%${inst.id} GetNZCVFromOp of a non-flag-producing op`);
    }
    seen.add(inst);
  }
  const t = block.terminal;
  if (!t) fail('no terminal');
  else if (t.kind === 'Branch' && t.cond.type !== 'U1') fail('Branch condition is not U1');
  else if (t.kind === 'Indirect' && t.target.type !== 'U64') fail('Indirect target is not U64');
  for (const v of t?.kind === 'Branch' ? [t.cond] : t?.kind === 'Indirect' ? [t.target] : []) {
    if (v.kind === 'inst' && !seen.has(v)) fail('terminal uses an undefined value');
  }
}
