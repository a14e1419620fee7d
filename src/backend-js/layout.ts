/**
 * Where each block of a region goes in its function, and which control
 * transfers stay inside. Blocks are laid out in reverse postorder of a
 * depth-first walk from the entry, so every edge that is not a back edge goes
 * forward. The function is one loop around nested labeled blocks (the
 * "stackifier" shape): a forward edge to block j is `break k<j>`, an edge back
 * to the entry is `continue run`, a block that jumps to itself (a one-block
 * inner loop: copies, string scans) is wrapped in its own loop `s<j>`, and
 * anything else (a back edge to another block, a block outside the region, an
 * unknown indirect target) leaves the function with the PC. TurboFan then sees direct jumps between blocks instead
 * of a `switch (pc)` dispatched on every edge.
 */
import type { Block } from '../ir/value.js';

export interface Layout {
  /** Blocks in the order they are emitted; order[0] is the entry. Blocks the walk does not reach are dropped. */
  order: Block[];
  /** Position in `order` of the block starting at a PC (low word; all share the entry's high word). */
  index: Map<number, number>;
  /** Region blocks an indirect branch (a return) may go to: those starting at a call's return address. */
  returnTargets: number[];
  /** Positions of the blocks that jump to themselves (each gets its own loop). */
  selfLoops: Set<number>;
  /** Does the function loop (an edge back to the entry, or a block jumping to itself)? */
  loops: boolean;
}

/** Static successors of a block inside the region (PC low words), in terminal order. */
function successors(b: Block, pcHi: number, inRegion: Set<number>, returnTargets: number[]): number[] {
  const t = b.terminal!;
  const pcs = t.kind === 'Link' ? [t.next] : t.kind === 'Branch' ? [t.taken, t.notTaken] : [];
  const out = pcs.filter((p) => p.hi === pcHi && inRegion.has(p.lo | 0)).map((p) => p.lo | 0);
  return t.kind === 'Indirect' ? returnTargets : out;
}

export function layoutRegion(blocks: Block[]): Layout {
  const entry = blocks[0]!;
  const pcHi = entry.start.hi;
  const byPc = new Map(blocks.map((b) => [b.start.lo | 0, b]));
  const inRegion = new Set(byPc.keys());
  const returnTargets = [...new Set(blocks.flatMap((b) => (b.returnHint && b.returnHint.hi === pcHi && inRegion.has(b.returnHint.lo | 0) ? [b.returnHint.lo | 0] : [])))];
  const succ = new Map(blocks.map((b) => [b, successors(b, pcHi, inRegion, returnTargets)]));
  // Iterative depth-first walk; postorder reversed is the layout.
  const post: Block[] = [];
  const seen = new Set<number>([entry.start.lo | 0]);
  const stack: { b: Block; next: number[]; k: number }[] = [{ b: entry, next: succ.get(entry)!, k: 0 }];
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    if (top.k < top.next.length) {
      const lo = top.next[top.k++]!;
      if (seen.has(lo)) continue;
      seen.add(lo);
      const b = byPc.get(lo)!;
      stack.push({ b, next: succ.get(b)!, k: 0 });
    } else {
      post.push(top.b);
      stack.pop();
    }
  }
  const order = post.reverse();
  const index = new Map(order.map((b, k) => [b.start.lo | 0, k]));
  const entryLo = entry.start.lo | 0;
  const selfLoops = new Set<number>();
  order.forEach((b, k) => {
    if (k > 0 && succ.get(b)!.includes(b.start.lo | 0)) selfLoops.add(k);
  });
  const loops = selfLoops.size > 0 || order.some((b) => succ.get(b)!.includes(entryLo));
  return { order, index, returnTargets: returnTargets.filter((lo) => index.has(lo)), selfLoops, loops };
}
