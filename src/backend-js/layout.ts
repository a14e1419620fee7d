/**
 * Where each block of a region goes in its function, and which control
 * transfers stay inside: structured control flow from a control-flow graph,
 * after Ramsey's "Beyond Relooper" (the dominator-tree form of WebAssembly's
 * stackifier).
 *
 * Blocks are numbered in reverse postorder of a depth-first walk from the
 * entry. An edge to a block that dominates its source is a back edge (the
 * target is a loop header, emitted as a labeled `for (;;)`, and the edge is
 * `continue l<n>`); an edge to a block with a lower number that does not
 * dominate the source (an irreducible loop) leaves the function. A block with
 * one forward edge into it is emitted inline at that edge; a block with more
 * (a merge node) is emitted after its immediate dominator's code, which is
 * wrapped in a labeled block `k<n>` so that every edge into it is `break k<n>`.
 * An indirect branch (a return) stays inside when it goes to the return
 * address of a call in the region, behind a test of the computed PC.
 * TurboFan then sees plain loops and jumps instead of a `switch (pc)`
 * dispatched on every edge.
 */
import type { Block } from '../ir/value.js';

/** How an edge inside the region is taken. */
export type EdgeKind = 'back' | 'merge' | 'inline';

export interface Layout {
  /** Blocks in reverse postorder; order[0] is the entry. Blocks the walk does not reach are dropped. */
  order: Block[];
  /** Position in `order` of the block starting at a PC (low word; all share the entry's high word). */
  index: Map<number, number>;
  /** Region blocks an indirect branch (a return) may go to: those starting at a call's return address (PC low words). */
  returnTargets: number[];
  /** Immediate dominator of each position (the entry's is itself). */
  idom: number[];
  /** Positions that are targets of back edges: each is a loop. */
  loopHeaders: Set<number>;
  /** Positions with more than one forward edge into them. */
  merges: Set<number>;
  /** For each position, its merge-node children in the dominator tree, highest position first. */
  mergeChildren: number[][];
  /** Does the function loop (any back edge)? */
  loops: boolean;
  /** How the edge from position `from` to the block at PC `lo` is taken, or undefined if it leaves. */
  edge(from: number, lo: number): EdgeKind | undefined;
}

/** Successors of a block inside the region (PC low words), in terminal order; for an indirect branch, `targets`. */
function successors(b: Block, pcHi: number, inRegion: Set<number>, targets: number[]): number[] {
  const t = b.terminal!;
  if (t.kind === 'Indirect') {
    const c = b.callHint;
    return c && c.hi === pcHi && inRegion.has(c.lo | 0) && !targets.includes(c.lo | 0) ? [c.lo | 0, ...targets] : targets;
  }
  return b.directTargets().filter((p) => p.hi === pcHi && inRegion.has(p.lo | 0)).map((p) => p.lo | 0);
}

/** Immediate dominators by position (Cooper, Harvey and Kennedy's iteration over reverse postorder). */
function dominators(preds: number[][]): number[] {
  const n = preds.length;
  const idom = new Array<number>(n).fill(-1);
  idom[0] = 0;
  const meet = (a: number, b: number) => {
    while (a !== b) {
      while (a > b) a = idom[a]!;
      while (b > a) b = idom[b]!;
    }
    return a;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (let v = 1; v < n; v++) {
      let d = -1;
      for (const p of preds[v]!) if (idom[p] !== -1) d = d === -1 ? p : meet(p, d);
      if (d !== idom[v]) {
        idom[v] = d;
        changed = true;
      }
    }
  }
  return idom;
}

/** Lay out a region: blocks[0] is its entry; all share the entry's PC high word. */
export function layoutRegion(blocks: Block[]): Layout {
  const entry = blocks[0]!;
  const pcHi = entry.start.hi;
  const byPc = new Map(blocks.map((b) => [b.start.lo | 0, b]));
  const inRegion = new Set(byPc.keys());
  // Every indirect branch may return to the return address of any call in the region.
  const returnTargets = [...new Set(blocks.flatMap((b) => (b.returnHint && b.returnHint.hi === pcHi && inRegion.has(b.returnHint.lo | 0) ? [b.returnHint.lo | 0] : [])))];
  const succ = new Map(blocks.map((b) => [b, successors(b, pcHi, inRegion, returnTargets)]));
  // Iterative depth-first walk; postorder reversed is the order.
  const post: Block[] = [];
  const visited = new Set<number>([entry.start.lo | 0]);
  const stack: { b: Block; next: number[]; k: number }[] = [{ b: entry, next: succ.get(entry)!, k: 0 }];
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    if (top.k < top.next.length) {
      const lo = top.next[top.k++]!;
      if (visited.has(lo)) continue;
      visited.add(lo);
      const b = byPc.get(lo)!;
      stack.push({ b, next: succ.get(b)!, k: 0 });
    } else {
      post.push(top.b);
      stack.pop();
    }
  }
  const order = post.reverse();
  const n = order.length;
  const index = new Map(order.map((b, k) => [b.start.lo | 0, k]));
  const out = order.map((b) => succ.get(b)!.map((lo) => index.get(lo)!));
  const predsOf = (keep: (u: number, v: number) => boolean) => {
    const preds: number[][] = order.map(() => []);
    out.forEach((vs, u) => vs.forEach((v) => keep(u, v) && preds[v]!.push(u)));
    return preds;
  };
  const dominates = (idom: number[], v: number, u: number) => {
    for (;;) {
      if (u === v) return true;
      if (u === 0) return false;
      u = idom[u]!;
    }
  };
  // Edges back to a block that does not dominate their source (irreducible loops) leave the
  // function; the dominator tree used for placement is that of the graph without them.
  const first = dominators(predsOf(() => true));
  const kept = (u: number, v: number) => v > u || dominates(first, v, u);
  const idom = dominators(predsOf(kept));
  const forwardIn = new Array<number>(n).fill(0);
  const loopHeaders = new Set<number>();
  out.forEach((vs, u) =>
    vs.forEach((v) => {
      if (v > u) forwardIn[v]!++;
      else if (kept(u, v)) loopHeaders.add(v);
    }),
  );
  const merges = new Set<number>();
  forwardIn.forEach((c, v) => c > 1 && merges.add(v));
  const mergeChildren: number[][] = order.map(() => []);
  for (let v = n - 1; v > 0; v--) if (merges.has(v)) mergeChildren[idom[v]!]!.push(v);
  const edge = (from: number, lo: number): EdgeKind | undefined => {
    const to = index.get(lo | 0);
    if (to === undefined || !out[from]!.includes(to)) return undefined;
    if (to <= from) return kept(from, to) ? 'back' : undefined;
    return merges.has(to) ? 'merge' : 'inline';
  };
  return { order, index, returnTargets: returnTargets.filter((lo) => index.has(lo)), idom, loopHeaders, merges, mergeChildren, loops: loopHeaders.size > 0, edge };
}
