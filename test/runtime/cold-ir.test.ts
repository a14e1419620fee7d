/**
 * The auto tier interprets blocks as translated (no IR passes) and optimizes a block only
 * when it joins a region (Engine Entry.optimized); the interpreter tier optimizes every
 * block. All three agree with each other.
 */
import t from 'tap';
import { Engine, type Tier } from '../../src/runtime/engine.js';
import { cloneEnv, diffEnvs, makeEnv, type Env } from '../helpers/testenv.js';

const LOOP = [
  0xd2800c82, // mov x2, #100
  0x91000421, // loop: add x1, x1, #1
  0x91000421, // add x1, x1, #1 (reads the x1 the first add set: forwarded once optimized)
  0xf1000442, // subs x2, x2, #1
  0x54ffffa1, // b.ne loop
];

function run(env: Env, tier: Tier, ir: string[]): Engine {
  const engine = new Engine(env.cpu, env.mem, { tier, hotThreshold: 5, debug: true, dumpIr: (s) => ir.push(s) });
  env.stop = engine.run(1 << 20);
  return engine;
}

t.test('cold blocks run unoptimized IR; a block joining a region is optimized then', (t) => {
  const base = makeEnv(LOOP);
  const autoIr: string[] = [], interpIr: string[] = [];
  const auto = cloneEnv(base), interp = cloneEnv(base);
  const engine = run(auto, 'auto', autoIr);
  run(interp, 'interp', interpIr);
  t.equal(diffEnvs(interp, auto), '', 'registers, flags and instruction count agree');
  t.equal(auto.cpu.getX(1), 200n, 'the loop ran 100 times');
  t.ok(engine.stats.regionsCompiled > 0, 'the loop became a region');
  const loopAt = (dumps: string[]) => dumps.filter((d) => / 0x10004 /.test(d.split('\n')[0]!));
  const gets = (d: string) => (d.match(/A64GetX 1$/gm) ?? []).length;
  const [cold, hot] = loopAt(autoIr);
  t.ok(cold && hot, 'the loop block was dumped when translated and when optimized for its region');
  t.equal(gets(cold!), 2, 'as translated: both adds read x1');
  t.match(hot!, /\(optimized, for a region\)/, 'the second dump is the optimized block');
  t.equal(gets(hot!), 1, 'optimized: the second read of x1 is forwarded from the first add');
  t.equal(gets(loopAt(interpIr)[0]!), 1, 'the interpreter tier optimizes at translation');
  t.end();
});
