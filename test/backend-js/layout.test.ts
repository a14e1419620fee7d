/**
 * Region layout (backend-js/layout.ts): blocks in reverse postorder from the
 * entry; a back edge (to a block dominating its source) as `continue l<n>` of
 * the loop at that header, a forward edge to a merge node as `break k<n>`, a
 * block with one edge into it inline, and the edges of an irreducible loop
 * leaving the function. Checked on the layout itself and by running
 * multi-block regions against the interpreter, instruction count included,
 * with a fault raised in the middle of a compiled loop.
 */
import t from 'tap';
import { emitRegion } from '../../src/backend-js/emit.js';
import { layoutRegion } from '../../src/backend-js/layout.js';
import { translateBlock } from '../../src/frontend/translate/translate.js';
import { optimize } from '../../src/ir/opt/pipeline.js';
import type { Block } from '../../src/ir/value.js';
import { Engine, type Tier } from '../../src/runtime/engine.js';
import { USER_MODE_CTX } from '../../src/runtime/location.js';
import { CODE_BASE, cloneEnv, diffEnvs, makeEnv, type Env } from '../helpers/testenv.js';

/** Nested loops and a call: the inner loop's back edge is not to the entry; the return is to a block of the region. */
const NESTED = [
  0xd2800000, // 0x00: mov x0, #0
  0xd28000a1, // 0x04: mov x1, #5
  0xd2800062, // 0x08: outer: mov x2, #3
  0x8b020000, // 0x0c: inner: add x0, x0, x2
  0xf1000442, // 0x10: subs x2, x2, #1
  0x54ffffc1, // 0x14: b.ne inner
  0x94000004, // 0x18: bl f
  0xf1000421, // 0x1c: subs x1, x1, #1
  0x54ffff41, // 0x20: b.ne outer
  0xd40eeee1, // 0x24: svc #0x7777
  0xca000400, // 0x28: f: eor x0, x0, x0, lsl #1
  0xb4000040, // 0x2c: cbz x0, 1f
  0x91001c00, // 0x30: add x0, x0, #7
  0xd65f03c0, // 0x34: 1: ret
];

/** A loop whose load (second in its block) walks off the mapped data (0x20000 + 64 KiB) in its 17th iteration, after an ADDS. */
const FAULTING = [
  0xd2800000, // mov x0, #0
  0xd2a00043, // mov x3, #0x20000
  0xd2800025, // mov x5, #1
  0x91000400, // loop: add x0, x0, #1
  0xf9400064, // ldr x4, [x3]
  0x8b040000, // add x0, x0, x4
  0x91400463, // add x3, x3, #0x1, lsl #12
  0xab0000a5, // adds x5, x5, x0
  0x17fffffb, // b loop
];

/** An inner loop of three blocks whose header is not the region's entry (the outer loop's body jumps to it). */
const INNER = [
  0xd2800000, // 0x00: mov x0, #0
  0xd2800141, // 0x04: mov x1, #10
  0xd28000a2, // 0x08: outer: mov x2, #5
  0x14000001, // 0x0c: b inner
  0x8b020000, // 0x10: inner: add x0, x0, x2
  0x36000042, // 0x14: tbz w2, #0, skip
  0x91000400, // 0x18: add x0, x0, #1
  0xf1000442, // 0x1c: skip: subs x2, x2, #1
  0x54ffff81, // 0x20: b.ne inner
  0xf1000421, // 0x24: subs x1, x1, #1
  0x54ffff01, // 0x28: b.ne outer
  0xd40eeee1, // 0x2c: svc #0x7777
];

/** A cycle of two blocks entered at both (irreducible): neither dominates the other. */
const IRREDUCIBLE = [
  0xd2800283, // 0x00: mov x3, #20
  0xd2800004, // 0x04: mov x4, #0
  0xb4000064, // 0x08: cbz x4, b2
  0x91000c84, // 0x0c: b1: add x4, x4, #3
  0x14000001, // 0x10: b b2
  0xf1000463, // 0x14: b2: subs x3, x3, #1
  0x54ffffa1, // 0x18: b.ne b1
  0xd40eeee1, // 0x1c: svc #0x7777
];

function blockAt(words: number[], offset: number): Block {
  const fetch = (lo: number) => words[(lo - CODE_BASE) >>> 2] ?? 0xd40eeee1;
  const b = translateBlock(fetch, { lo: CODE_BASE + offset, hi: 0 }, USER_MODE_CTX);
  optimize(b);
  return b;
}

t.test('layout: reverse postorder, the entry loop, inner back edges and returns', (t) => {
  const [outer, inner, call, after, f, fAdd, fRet] = [0x08, 0x0c, 0x18, 0x1c, 0x28, 0x30, 0x34].map((o) => blockAt(NESTED, o));
  const lay = layoutRegion([outer!, inner!, call!, f!, fAdd!, fRet!, after!]);
  const pos = (b: Block) => lay.index.get(b.start.lo | 0)!;
  t.equal(lay.order[0], outer, 'the entry comes first');
  t.equal(lay.order.length, 7, 'every block is reached from the entry');
  t.ok(lay.loops, 'the back edge from subs x1 / b.ne outer makes the region loop');
  t.same(lay.returnTargets, [CODE_BASE + 0x1c], 'the return address of bl f is a return target');
  t.same([...lay.loopHeaders].sort(), [0, pos(inner!)].sort(), 'the entry and the inner loop (one block jumping to itself) are loops');
  t.ok(pos(outer!) < pos(inner!) && pos(inner!) < pos(call!), 'outer, inner, call in order');
  t.ok(pos(call!) < pos(f!) && pos(f!) < pos(fAdd!) && pos(f!) < pos(fRet!), 'the callee after the call');
  t.ok(pos(fAdd!) < pos(after!) && pos(fRet!) < pos(after!), 'the return address after both returns');
  t.end();
});

t.test('layout: a loop whose header is not the entry, a merge node, an inline block', (t) => {
  // Blocks overlap: the one at the add runs on through subs / b.ne, like the one at skip.
  const [outer, inner, add, skip, tail] = [0x08, 0x10, 0x18, 0x1c, 0x24].map((o) => blockAt(INNER, o));
  const lay = layoutRegion([outer!, inner!, add!, skip!, tail!]);
  const pos = (b: Block) => lay.index.get(b.start.lo | 0)!;
  const lo = (b: Block) => b.start.lo | 0;
  t.same([...lay.loopHeaders].sort(), [0, pos(inner!)], 'the outer loop (at the entry) and the inner loop header');
  t.same([...lay.merges], [pos(tail!)], 'the outer loop tail is reached from both inner paths: a merge node');
  t.equal(lay.idom[pos(tail!)], pos(inner!), 'inner immediately dominates the tail');
  t.same(lay.mergeChildren[pos(inner!)], [pos(tail!)], 'so the tail is emitted after inner, inside its loop');
  t.equal(lay.edge(pos(add!), lo(inner!)), 'back', 'b.ne inner (after the add) continues the inner loop');
  t.equal(lay.edge(pos(skip!), lo(inner!)), 'back', 'b.ne inner (at skip) continues the inner loop');
  t.equal(lay.edge(pos(tail!), lo(outer!)), 'back', 'b.ne outer continues the outer loop');
  t.equal(lay.edge(pos(outer!), lo(inner!)), 'inline', 'inner has one forward edge into it: inline');
  t.equal(lay.edge(pos(inner!), lo(add!)), 'inline', 'the add has one edge into it: inline');
  t.equal(lay.edge(pos(add!), lo(tail!)), 'merge', 'the loop exit after the add goes to the merge node');
  t.equal(lay.edge(pos(skip!), lo(tail!)), 'merge', 'so does the one at skip');
  t.equal(lay.edge(pos(outer!), lo(add!)), undefined, 'no edge from outer to the add');
  t.end();
});

t.test('layout: the edges of an irreducible loop leave the function', (t) => {
  const [entry, b1, b2] = [0x00, 0x0c, 0x14].map((o) => blockAt(IRREDUCIBLE, o));
  const lay = layoutRegion([entry!, b1!, b2!]);
  const pos = (b: Block) => lay.index.get(b.start.lo | 0)!;
  t.equal(lay.order.length, 3, 'all three blocks are placed');
  const back = pos(b1!) > pos(b2!) ? [b1!, b2!] : [b2!, b1!];
  t.equal(lay.edge(pos(back[0]!), back[1]!.start.lo), undefined, 'the edge back into the cycle leaves');
  t.equal(lay.edge(pos(back[1]!), back[0]!.start.lo), 'merge', 'the forward edge goes to a merge node (also entered from the entry)');
  t.notOk(lay.loops, 'no loop is emitted');
  t.end();
});

t.test('layout: blocks the walk does not reach are dropped', (t) => {
  // The return address without the callee's return in the region: nothing reaches it.
  const lay = layoutRegion([blockAt(NESTED, 0x18), blockAt(NESTED, 0x28), blockAt(NESTED, 0x1c)]);
  t.same(lay.order.map((b) => (b.start.lo - CODE_BASE).toString(16)), ['18', '28'], 'call and callee only');
  t.notOk(lay.loops, 'no edge back to the entry');
  t.end();
});

function run(env: Env, tier: Tier, dumps?: string[]): Env {
  const engine = new Engine(env.cpu, env.mem, { tier, debug: true, maxRegionBlocks: 16, maxRegionInsns: 128, dumpJs: dumps && ((s) => dumps.push(s)) });
  let stop = engine.run(100000);
  for (let k = 0; stop.kind === 'budget' && k < 100; k++) stop = engine.run(100000);
  env.stop = stop;
  return env;
}

t.test('nested loops and a call in one region agree with the interpreter', (t) => {
  // Interpret first so the whole loop nest is translated, then the jit compiles big regions over it.
  const interp = run(makeEnv(NESTED), 'interp');
  const dumps: string[] = [];
  const jit = run(makeEnv(NESTED), 'jit', dumps);
  t.equal(diffEnvs(interp, jit), '', 'registers, flags, memory and instruction count agree');
  t.equal(jit.stop?.kind, 'svc', 'both reach the end marker');
  t.equal(jit.cpu.icount, interp.cpu.icount, `the same instruction count (${interp.cpu.icount})`);
  const all = dumps.join('\n');
  t.match(all, /continue l0;/, 'some region loops back to its entry');
  t.match(all, /break k\d+;/, 'some region jumps forward to a merge point inside itself');
  t.match(all, /continue l[1-9]\d*;/, 'an inner loop runs inside the region');
  t.end();
});

t.test('an inner loop nested in an outer loop runs inside one region and agrees with the interpreter', (t) => {
  for (const words of [INNER, IRREDUCIBLE]) {
    const interp = run(makeEnv(words), 'interp');
    const dumps: string[] = [];
    const env = makeEnv(words);
    // The jit tier: there a region copies blocks that entered regions of their own, so the last
    // block to compile (the outer loop's tail) takes in the whole nest. (The auto tier leaves for
    // the inner loop's own region instead: test/runtime/region-formation.test.ts.)
    const engine = new Engine(env.cpu, env.mem, { tier: 'jit', debug: true, maxRegionBlocks: 16, maxRegionInsns: 128, dumpJs: (s) => dumps.push(s) });
    env.stop = engine.run(100000);
    t.equal(diffEnvs(interp, env), '', 'registers, flags, memory and instruction count agree');
    t.equal(env.stop?.kind, 'svc', 'both reach the end marker');
    if (words === INNER) {
      t.match(dumps.join('\n'), /continue l[1-9]\d*;/, 'the inner loop continues inside the region');
      t.ok(engine.stats.regionCalls < 10, `few region calls for 10 x 5 iterations (${engine.stats.regionCalls})`);
    }
  }
  t.end();
});

t.test('a fault in the middle of a compiled loop: same PC, registers, NZCV and count as the interpreter', (t) => {
  const base = makeEnv(FAULTING);
  const interp = run(cloneEnv(base), 'interp');
  const jit = run(cloneEnv(base), 'jit');
  for (const [name, env] of [['interpreter', interp], ['jit', jit]] as const) {
    const stop = env.stop;
    t.equal(stop?.kind, 'fault', `${name}: stops with a fault`);
    if (stop?.kind !== 'fault') continue;
    t.equal(stop.fault.vaLo >>> 0, 0x30000, `${name}: at the first unmapped address`);
    t.equal(stop.fault.pcLo >>> 0, CODE_BASE + 0x10, `${name}: at the load`);
  }
  t.equal(interp.cpu.icount, 3 + 16 * 6 + 1, 'the interpreter retired the movs, 16 iterations and the add before the load');
  t.equal(diffEnvs(interp, jit), '', 'registers, NZCV (pending from the adds), memory and count agree');
  t.end();
});

t.test('a region whose entry does not head its loop has all of its code inside one outer loop', (t) => {
  // V8 keeps on-stack-replacement code after a deoptimization outside every loop enclosing the
  // OSR'd one, and then deoptimizes it again at every call (bench-sieve: 1,104 times); inside an
  // outer loop, a deoptimization drops it.
  const inner = emitRegion([blockAt(NESTED, 0x08), blockAt(NESTED, 0x0c)]).source;
  t.match(inner, /^o: for \(;;\) \{ run: \{/m, 'the outer loop opens before run');
  t.match(inner, /continue l1;/, 'the inner loop (not the entry) loops inside it');
  t.match(inner, /S\[64\] = pc;[^]*if \(ex !== -1\) return; \}$/, 'the epilogue is inside the outer loop, which never repeats');
  const entryLoop = emitRegion([blockAt(NESTED, 0x0c)]).source;
  t.match(entryLoop, /l0: for \(;;\) \{/, 'a region whose entry heads its loop puts the epilogue in that loop');
  t.notMatch(entryLoop, /o: for/, 'and needs no outer loop');
  t.notMatch(emitRegion([blockAt(NESTED, 0x18)]).source, /for \(;;\)/, 'a region without a loop has none');
  t.end();
});
