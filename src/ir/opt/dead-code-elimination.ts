/** Dead code elimination: a reverse walk dropping unused instructions without side effects. */
import { OPCODES } from '../opcodes.js';
import type { Block } from '../value.js';

export function deadCodeElimination(block: Block): void {
  block.renumber();
  const keep: boolean[] = new Array(block.insts.length).fill(true);
  for (let k = block.insts.length - 1; k >= 0; k--) {
    const inst = block.insts[k]!;
    const effect = OPCODES[inst.op].effect;
    if (inst.uses === 0 && (effect === 'pure' || effect === 'get')) {
      keep[k] = false;
      for (const a of inst.args) if (a.kind === 'inst') a.uses--;
    }
  }
  const kept = block.insts.filter((_, k) => keep[k]);
  block.insts.length = 0;
  block.insts.push(...kept);
}
