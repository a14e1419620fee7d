/**
 * Region chaining (backend-js/emit.ts CHAIN, abi LINK_PARAMS): a region leaving by a plain
 * jump to a PC whose region is compiled calls that region itself, at most CHAIN_DEPTH calls
 * deep. Checked against the interpreter on a loop that calls through a register (every
 * iteration crosses two regions) until a load in the callee faults deep inside a chain.
 */
import t from 'tap';
import { LINK_PARAMS, MISS_EXIT, PARAMS, Slot } from '../../src/backend-js/abi.js';
import { checkGenerated } from '../../src/backend-js/check.js';
import { compileRegion, emitRegion, emptyLinkTable } from '../../src/backend-js/emit.js';
import { translateBlock } from '../../src/frontend/translate/translate.js';
import { optimize } from '../../src/ir/opt/pipeline.js';
import { CHAIN_DEPTH, Engine, type Tier } from '../../src/runtime/engine.js';
import { USER_MODE_CTX } from '../../src/runtime/location.js';
import { CODE_BASE, cloneEnv, diffEnvs, makeEnv, type Env } from '../helpers/testenv.js';

/** A loop calling f through x9; f loads [x3], which walks 8 bytes per call off the data area (64 KiB) after 8192 calls. */
const CALLS = [
  0xd2800020, // 0x00: mov x0, #1
  0xd2a00043, // 0x04: mov x3, #0x20000
  0x100000a9, // 0x08: adr x9, f
  0xd63f0120, // 0x0c: loop: blr x9
  0x8b010000, // 0x10: add x0, x0, x1
  0x91002063, // 0x14: add x3, x3, #8
  0x17fffffd, // 0x18: b loop
  0xf9400061, // 0x1c: f: ldr x1, [x3]
  0xca000421, // 0x20: eor x1, x1, x0, lsl #1
  0xd65f03c0, // 0x24: ret
];

function run(env: Env, tier: Tier): Engine {
  // The loop through the call in one region (maxCallLoopBlocks) would not chain: keep it out.
  const engine = new Engine(env.cpu, env.mem, { tier, hotThreshold: 3, debug: true, maxCallLoopBlocks: 1 });
  let stop = engine.run(1 << 20);
  for (let k = 0; stop.kind === 'budget' && k < 10; k++) stop = engine.run(1 << 20);
  env.stop = stop;
  return engine;
}

t.test('regions call each other directly and agree with the interpreter up to a fault deep in a chain', (t) => {
  const base = makeEnv(CALLS);
  // Data the callee reads: not all zero, so the sum depends on every load.
  for (let k = 0; k < 0x10000; k += 8) base.mem.dv.setInt32(base.space.frameOf((0x20000 + k) >>> 12)! + (k & 0xfff), k * 2654435761, true);
  const interp = cloneEnv(base), auto = cloneEnv(base);
  run(interp, 'interp');
  const engine = run(auto, 'auto');
  for (const [name, env] of [['interpreter', interp], ['auto', auto]] as const) {
    const stop = env.stop;
    t.equal(stop?.kind, 'fault', `${name}: stops with a fault`);
    if (stop?.kind !== 'fault') continue;
    t.equal(stop.fault.vaLo >>> 0, 0x30000, `${name}: at the first address past the data`);
    t.equal(stop.fault.pcLo >>> 0, CODE_BASE + 0x1c, `${name}: at the load in f`);
  }
  t.equal(diffEnvs(interp, auto), '', 'registers, memory and instruction count agree');
  t.equal(interp.cpu.icount, 3 + 8192 * 7 + 1, 'three movs, 8192 calls of seven instructions, and the blr before the faulting load');
  const s = engine.stats;
  const fromDispatcher = s.regionCalls - s.chainedCalls;
  t.ok(s.chainedCalls > 8192, `most region transitions are chained calls (${s.chainedCalls} of ${s.regionCalls})`);
  t.ok(s.chainedCalls <= CHAIN_DEPTH * fromDispatcher, `no chain is deeper than ${CHAIN_DEPTH} (${fromDispatcher} calls from the dispatcher)`);
  t.end();
});

t.test('a region compiled with an empty link table returns to its caller', (t) => {
  const env = makeEnv(CALLS);
  const fetch = (lo: number) => CALLS[(lo - CODE_BASE) >>> 2] ?? 0xd40eeee1;
  const b = translateBlock(fetch, { lo: CODE_BASE + 0x1c, hi: 0 }, USER_MODE_CTX);
  optimize(b);
  const src = emitRegion([b]);
  checkGenerated(src.source);
  t.match(src.source, /FR\[t\]/, 'the epilogue looks up the next region in the link table');
  // x3 points into the data area; f returns to x30 = 0x10010.
  env.cpu.setX(3, 0x20000n);
  env.cpu.setX(30, BigInt(CODE_BASE + 0x10));
  env.cpu.pc = BigInt(CODE_BASE + 0x1c);
  env.cpu.s[Slot.BUDGET] = 100;
  env.cpu.s[Slot.CHAIN_DEPTH] = CHAIN_DEPTH;
  const engine = new Engine(env.cpu, env.mem, {});
  const args = (engine as unknown as { args: unknown[] }).args;
  t.equal(args.length, PARAMS.length, 'the engine binds every abi parameter');
  const f = compileRegion(src, { args, link: emptyLinkTable() });
  t.equal(f.length, 0, 'region functions take no arguments: the abi names are closure bindings');
  t.equal(f(), MISS_EXIT, 'with the TLB empty, the load misses: the region leaves at once');
  t.equal(env.cpu.pc, BigInt(CODE_BASE + 0x1c), 'at the load, for the interpreter');
  t.equal(env.cpu.s[Slot.BUDGET], 100, 'with nothing retired');
  env.mem.ld64(0x20000, 0); // the runtime's access fills the TLB
  t.equal(f(), undefined, 'then it runs through');
  t.equal(env.cpu.pc, BigInt(CODE_BASE + 0x10), 'it left for the return address');
  t.equal(env.cpu.s[Slot.CHAIN_DEPTH], CHAIN_DEPTH, 'without calling another region');
  t.equal(env.cpu.s[Slot.BUDGET], 97, 'after three instructions');
  t.throws(() => compileRegion(src, { args: args.slice(1), link: emptyLinkTable() }), /does not match abi PARAMS/, 'a short argument list is refused');
  t.same([...LINK_PARAMS], ['FL', 'FH', 'FR'], 'the link table names generated code may use');
  t.end();
});

t.test('each constant exit target has its own chain call site; computed targets share site 0', (t) => {
  const words = [
    0xb4000040, // 0x00: cbz x0, +8
    0xd65f03c0, // 0x04: ret
    0xd2800021, // 0x08: mov x1, #1
  ];
  const fetch = (lo: number) => words[(lo - CODE_BASE) >>> 2] ?? 0xd40eeee1;
  const block = (at: number) => {
    const b = translateBlock(fetch, { lo: CODE_BASE + at, hi: 0 }, USER_MODE_CTX);
    optimize(b);
    return b;
  };
  const branch = emitRegion([block(0)]).source;
  checkGenerated(branch);
  t.match(branch, /ex = 1; break run;[^]*ex = 2; break run;/, 'the taken and not-taken exits name sites 1 and 2');
  t.match(branch, /switch \(ex\) \{ case 1: return cf\(\); case 2: return cf\(\); default: return cf\(\); \}/, 'one call of the next region per site');
  const ret = emitRegion([block(4)]).source;
  checkGenerated(ret);
  t.match(ret, /ex = 0; break run;/, 'a return leaves through site 0');
  t.notMatch(ret, /switch \(ex\)/, 'a region with one site calls without a switch');
  t.end();
});
