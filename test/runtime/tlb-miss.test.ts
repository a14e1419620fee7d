/**
 * A soft-TLB miss in compiled code (backend-js access.ts `miss`, abi MISS_EXIT): the region
 * leaves at the accessing instruction with none of its effects done, and the engine runs that
 * instruction's block in the interpreter, which fills the TLB (or raises the fault), before it
 * dispatches again. Two pages 16 MiB apart share a TLB entry, so a loop that alternates between
 * them misses at every access. Every case runs against the interpreter.
 */
import t from 'tap';
import { Perm } from '../../src/runtime/memory.js';
import { Engine } from '../../src/runtime/engine.js';
import { diffEnvs, makeEnv, runInterp, type Env } from '../helpers/testenv.js';

/** 200 iterations: read-modify-write of 0x20000, read of x24 (0x1020000, or 0x3000000 at iteration 150), write of 0x1020000. */
const ALTERNATE = [
  0xd2a00053, // 0x00: mov x19, #0x20000
  0xd2a02056, // 0x04: mov x22, #0x1020000 (same TLB entry as 0x20000)
  0xd2a06017, // 0x08: mov x23, #0x3000000 (FAULT: mapped or not)
  0xd2801914, // 0x0c: mov x20, #200
  0xd2800015, // 0x10: mov x21, #0
  0xf100ca9f, // 0x14: loop: cmp x20, #50
  0x9a9602f8, // 0x18: csel x24, x23, x22, eq
  0xf9400263, // 0x1c: ldr x3, [x19]
  0x91000463, // 0x20: add x3, x3, #1
  0xf9000263, // 0x24: str x3, [x19]
  0xf9400304, // 0x28: ldr x4, [x24]
  0x8b030084, // 0x2c: add x4, x4, x3
  0xf90002c4, // 0x30: str x4, [x22]
  0x8b0402b5, // 0x34: add x21, x21, x4
  0xf1000694, // 0x38: subs x20, x20, #1
  0x54fffec1, // 0x3c: b.ne loop
];

function env(mapFaultPage: boolean): Env {
  const e = makeEnv(ALTERNATE);
  e.space.map(0x1020000 >>> 12, 1, Perm.R | Perm.W);
  if (mapFaultPage) e.space.map(0x3000000 >>> 12, 1, Perm.R | Perm.W);
  return e;
}

function runAuto(e: Env): Engine {
  const engine = new Engine(e.cpu, e.mem, { tier: 'auto', hotThreshold: 8, debug: true });
  let stop = engine.run(100000);
  for (let k = 0; stop.kind === 'budget' && k < 100; k++) stop = engine.run(100000);
  e.stop = stop;
  return engine;
}

t.test('accesses that miss the TLB at every iteration leave the region and agree with the interpreter', (t) => {
  const interp = runInterp(env(true));
  const e = env(true);
  const engine = runAuto(e);
  t.equal(diffEnvs(interp, e), '', 'registers, flags, memory and instruction count agree');
  t.equal(e.stop?.kind, 'svc', 'reaches the end marker');
  t.equal(e.cpu.getX(21), interp.cpu.getX(21), 'the sum read back through the conflicting page agrees');
  t.ok(engine.stats.regionsCompiled > 0, 'the loop was compiled');
  // The first miss of an iteration leaves; the interpreter runs the rest of that block.
  t.ok(engine.stats.missExits > 150, `the compiled loop left at a miss in every iteration (${engine.stats.missExits} miss exits)`);
  t.end();
});

t.test('a miss that faults raises the fault at the accessing instruction, as the interpreter does', (t) => {
  const interp = runInterp(env(false));
  const e = env(false);
  const engine = runAuto(e);
  t.equal(e.stop?.kind, 'fault', 'the unmapped read faults');
  t.equal(diffEnvs(interp, e), '', 'registers (PC at the load), flags, memory and instruction count agree');
  t.equal(Number(e.cpu.pc - 0x10000n), 0x28, 'the PC is the faulting load');
  t.ok(engine.stats.regionsCompiled > 0, 'the fault came from compiled code');
  const f = e.stop?.kind === 'fault' ? e.stop.fault : undefined;
  t.equal(f?.vaLo, 0x3000000, 'the fault names the address read');
  t.end();
});
