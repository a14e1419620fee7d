/**
 * Region formation (runtime/engine.ts compile and loopOf): a hot entry that heads a loop of
 * more blocks than a plain region holds gets the whole loop in one region (maxLoopBlocks /
 * maxLoopInsns); a loop that does not fit gets a plain region; a region never copies a block
 * that is already the entry of a compiled region (an inner loop, the other entry of a loop
 * entered at two of its blocks): it leaves for that region instead, unless the block belongs
 * to a function the loop calls: a loop through calls (BLR to a comparator that calls another
 * function with BL) holds the callees' blocks (maxCallLoopBlocks / maxCallLoopInsns). Every
 * case runs against the interpreter.
 */
import t from 'tap';
import { Engine, PRIME_AFTER, PRIME_BUDGETS, type EngineOptions } from '../../src/runtime/engine.js';
import { CODE_BASE, diffEnvs, makeEnv, runInterp, type Env } from '../helpers/testenv.js';

/** A loop of six blocks (taken and fall-through paths that merge at `join`), 200 iterations. */
const SIX_BLOCKS = [
  0xd2800000, // 0x00: mov x0, #0
  0xd2801901, // 0x04: mov x1, #200
  0xd2800002, // 0x08: mov x2, #0
  0x91000442, // 0x0c: loop: add x2, x2, #1
  0x360000a2, // 0x10: tbz w2, #0, even
  0x8b020000, // 0x14: add x0, x0, x2
  0x360800c2, // 0x18: tbz w2, #1, join
  0x91000c00, // 0x1c: add x0, x0, #3
  0x14000004, // 0x20: b join
  0xd1000400, // 0x24: even: sub x0, x0, #1
  0x37100042, // 0x28: tbnz w2, #2, join
  0xca020000, // 0x2c: eor x0, x0, x2
  0xf1000421, // 0x30: join: subs x1, x1, #1
  0x54fffec1, // 0x34: b.ne loop
];

/** A loop nest: the inner loop (a block jumping to itself) runs 8 times per outer iteration, 50 outer iterations. */
const NEST = [
  0xd2800641, // 0x00: mov x1, #50
  0xd2800000, // 0x04: mov x0, #0
  0xd2800102, // 0x08: outer: mov x2, #8
  0x14000001, // 0x0c: b inner
  0x8b020000, // 0x10: inner: add x0, x0, x2
  0xf1000442, // 0x14: subs x2, x2, #1
  0x54ffffc1, // 0x18: b.ne inner
  0xf1000421, // 0x1c: subs x1, x1, #1
  0x54ffff41, // 0x20: b.ne outer
];

/**
 * A two-block loop (A, B) entered from outside at both blocks: even outer iterations enter at B,
 * odd ones at A, so both become hot entries. B's region holds the loop; A's must not copy it.
 */
const ROTATED = [
  0xd2800781, // 0x00: mov x1, #60
  0xd2800000, // 0x04: mov x0, #0
  0xd28000c2, // 0x08: outer: mov x2, #6
  0x36000061, // 0x0c: tbz w1, #0, B
  0x91000800, // 0x10: A: add x0, x0, #2
  0x14000001, // 0x14: b B
  0xca020000, // 0x18: B: eor x0, x0, x2
  0xf1000442, // 0x1c: subs x2, x2, #1
  0x54ffff81, // 0x20: b.ne A
  0xf1000421, // 0x24: subs x1, x1, #1
  0x54ffff01, // 0x28: b.ne outer
];

/**
 * A loop that calls a comparator through BLR (which calls `order` with BL) and a leaf through
 * BLR, 300 iterations; with SWAP, the first BLR's target becomes the leaf at iteration 150.
 */
const CALLS = (swap: boolean) => [
  0xd2a00053, // 0x00: mov x19, #0x20000
  0x9140067f, // 0x04: add sp, x19, #0x1, lsl #12
  0xd2802594, // 0x08: mov x20, #300
  0xd2800015, // 0x0c: mov x21, #0
  0x10000279, // 0x10: adr x25, cmp
  0x1000039a, // 0x14: adr x26, leaf
  swap ? 0xf1025a9f : 0xd503201f, // 0x18: loop: cmp x20, #150 (or nop)
  swap ? 0x9a990359 : 0xd503201f, // 0x1c: csel x25, x26, x25, eq (or nop)
  0xaa1303e0, // 0x20: mov x0, x19
  0x91002261, // 0x24: add x1, x19, #8
  0xd63f0320, // 0x28: blr x25
  0x8b20c2b5, // 0x2c: add x21, x21, w0, sxtw
  0xaa1303e0, // 0x30: mov x0, x19
  0x91002261, // 0x34: add x1, x19, #8
  0xd63f0340, // 0x38: blr x26
  0x8b0002b5, // 0x3c: add x21, x21, x0
  0xf9400263, // 0x40: ldr x3, [x19]
  0x91001c63, // 0x44: add x3, x3, #7
  0x92401c63, // 0x48: and x3, x3, #0xff
  0xf9000263, // 0x4c: str x3, [x19]
  0xf1000694, // 0x50: subs x20, x20, #1
  0x54fffe21, // 0x54: b.ne loop
  0x1400000e, // 0x58: b end
  0xa9bf7bfd, // 0x5c: cmp: stp x29, x30, [sp, #-16]!
  0xf9400002, // 0x60: ldr x2, [x0]
  0xf9400023, // 0x64: ldr x3, [x1]
  0x94000003, // 0x68: bl order
  0xa8c17bfd, // 0x6c: ldp x29, x30, [sp], #16
  0xd65f03c0, // 0x70: ret
  0xeb03005f, // 0x74: order: cmp x2, x3
  0x1a9f97e0, // 0x78: cset w0, hi
  0x5a9f2000, // 0x7c: csinv w0, w0, wzr, hs
  0xd65f03c0, // 0x80: ret
  0xf9400004, // 0x84: leaf: ldr x4, [x0]
  0xd27c0c80, // 0x88: eor x0, x4, #0xf0
  0xd65f03c0, // 0x8c: ret
  // 0x90: end (the end marker)
];

interface Run {
  env: Env;
  engine: Engine;
  /** Each compiled region's dump header: its entry (offset from the code base) and block count. */
  regions: { entry: number; blocks: number }[];
}

function runAuto(words: number[], opts: EngineOptions = {}): Run {
  const env = makeEnv(words);
  const regions: Run['regions'] = [];
  const dumpJs = (s: string): void => {
    const m = /region at 0x([0-9a-f]+): (\d+) blocks/.exec(s);
    if (m) regions.push({ entry: parseInt(m[1]!, 16) - CODE_BASE, blocks: Number(m[2]) });
  };
  const engine = new Engine(env.cpu, env.mem, { tier: 'auto', hotThreshold: 8, debug: true, dumpJs, ...opts });
  let stop = engine.run(100000);
  for (let k = 0; stop.kind === 'budget' && k < 100; k++) stop = engine.run(100000);
  env.stop = stop;
  return { env, engine, regions };
}

t.test('a hot loop of six blocks runs in one region and agrees with the interpreter', (t) => {
  const interp = runInterp(makeEnv(SIX_BLOCKS));
  const { env, engine, regions } = runAuto(SIX_BLOCKS);
  t.equal(diffEnvs(interp, env), '', 'registers, flags and instruction count agree');
  t.equal(env.stop?.kind, 'svc', 'reaches the end marker');
  t.ok(regions.some((r) => r.blocks >= 6), `a region holds the whole loop (${JSON.stringify(regions)})`);
  t.ok(engine.stats.regionCalls < 10, `the loop's iterations after tier-up stay in it (${engine.stats.regionCalls} region calls)`);
  t.end();
});

t.test('a loop bigger than maxLoopBlocks gets a plain region, and leaves it every iteration', (t) => {
  const interp = runInterp(makeEnv(SIX_BLOCKS));
  const { env, engine, regions } = runAuto(SIX_BLOCKS, { maxLoopBlocks: 5 });
  t.equal(diffEnvs(interp, env), '', 'registers, flags and instruction count agree');
  t.ok(regions.every((r) => r.blocks <= 4), `no region holds more than maxRegionBlocks (${JSON.stringify(regions)})`);
  t.ok(engine.stats.regionCalls > 150, `the iterations cross regions (${engine.stats.regionCalls} region calls)`);
  t.end();
});

t.test('a loop nest: the inner loop keeps its own region, and the outer loop leaves for it instead of copying it', (t) => {
  const interp = runInterp(makeEnv(NEST));
  const { env, engine, regions } = runAuto(NEST);
  t.equal(diffEnvs(interp, env), '', 'registers, flags and instruction count agree');
  t.same(
    regions.find((r) => r.entry === 0x10),
    { entry: 0x10, blocks: 1 },
    `the inner loop became hot first and has its own region (${JSON.stringify(regions)})`,
  );
  t.ok(regions.some((r) => r.entry !== 0x10 && r.blocks === 2), 'a later region holds the rest of the outer loop (its tail and head)');
  t.ok(regions.every((r) => r.entry === 0x10 || r.blocks <= 2), 'no region holds a copy of the inner loop');
  t.ok(engine.stats.regionCalls < 150, `two region calls per outer iteration at most (${engine.stats.regionCalls})`);
  t.end();
});

t.test('a loop entered at two of its blocks is compiled once: the second entry leaves for the first', (t) => {
  const interp = runInterp(makeEnv(ROTATED));
  const { env, regions } = runAuto(ROTATED);
  t.equal(diffEnvs(interp, env), '', 'registers, flags and instruction count agree');
  const atB = regions.find((r) => r.entry === 0x18), atA = regions.find((r) => r.entry === 0x10);
  t.equal(atB?.blocks, 2, `B became hot first: its region is the loop, A and B (${JSON.stringify(regions)})`);
  t.equal(atA?.blocks, 1, 'A\'s region holds A alone and leaves for B\'s region, instead of a rotated copy of the loop');
  t.end();
});

t.test('a loop through calls (BLR to a comparator that calls another function, BLR to a leaf) runs in one region', (t) => {
  const interp = runInterp(makeEnv(CALLS(false)));
  const { env, engine, regions } = runAuto(CALLS(false));
  t.equal(diffEnvs(interp, env), '', 'registers, flags, memory and instruction count agree');
  t.equal(env.stop?.kind, 'svc', 'reaches the end marker');
  t.ok(regions.some((r) => r.blocks >= 7), `a region holds the loop's blocks and both callees' (${JSON.stringify(regions)})`);
  t.ok(engine.stats.regionCalls < 20, `the iterations after tier-up stay in it (${engine.stats.regionCalls} region calls)`);
  t.end();
});

t.test('a loop through calls bigger than maxCallLoopBlocks leaves its region at the calls', (t) => {
  const interp = runInterp(makeEnv(CALLS(false)));
  const { env, engine } = runAuto(CALLS(false), { maxCallLoopBlocks: 4 });
  t.equal(diffEnvs(interp, env), '', 'registers, flags, memory and instruction count agree');
  t.ok(engine.stats.regionCalls > 450, `every iteration after tier-up crosses regions (${engine.stats.regionCalls} region calls)`);
  t.end();
});

t.test('a BLR that goes elsewhere than the callee its region holds leaves the region there', (t) => {
  const interp = runInterp(makeEnv(CALLS(true)));
  const { env, engine } = runAuto(CALLS(true));
  t.equal(diffEnvs(interp, env), '', 'registers, flags, memory and instruction count agree');
  t.equal(env.stop?.kind, 'svc', 'reaches the end marker');
  t.ok(engine.stats.regionCalls > 100, `after the switch the first call leaves the loop's region (${engine.stats.regionCalls} region calls)`);
  t.end();
});

t.test('a region called more than PRIME_AFTER times is primed: its next calls leave early, and the run is the same', (t) => {
  const interp = runInterp(makeEnv(NEST));
  const { env, engine, regions } = runAuto(NEST);
  t.equal(diffEnvs(interp, env), '', 'registers, flags and instruction count agree');
  // The inner loop's region is called from the dispatcher once per outer iteration (50) after it compiles.
  t.ok(PRIME_AFTER + PRIME_BUDGETS.length < 45, 'the loop is long enough to prime it');
  t.ok(
    engine.stats.primingCalls >= PRIME_BUDGETS.length && engine.stats.primingCalls % PRIME_BUDGETS.length === 0,
    `whole primings only (${engine.stats.primingCalls} priming calls, ${regions.length} regions)`,
  );
  const once = runAuto(SIX_BLOCKS).engine;
  t.equal(once.stats.primingCalls, 0, 'a region the dispatcher calls once (a loop that runs to its end inside) is not primed');
  t.end();
});
