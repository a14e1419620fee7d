import os
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
import json
words = json.load(open('words.json'))
g = json.load(open('golden.json'))
data = {'cases': words, 'sets': g['sets'], 'res': g['res']}
js = json.dumps(data, separators=(',', ':'))
assert '`' not in js and '${' not in js and '\\' not in js
head = '''/**
 * AdvSIMD golden tests: every row of a64-simd.table.ts, several arrangements
 * each, run from fixed register contents (integer mixes, saturation edges,
 * single and double FP values incl. NaN/Inf/denormals, with FPCR = 0 and with
 * FZ|DN|RMode=RM) and compared with the state that qemu-aarch64 produced for
 * the same instruction: all of V0..V7, X1..X3 and FPSR (QC and FP flags).
 *
 * Data: cases [id, assembly, word]; sets {v: V0..V7 hex, x: X1..X3 hex, fpcr};
 * res [case, set, {changed V: hex}, {changed X: hex}, FPSR]. Regenerate with
 * the generator described in the report (assemble, run in qemu, diff).
 */
import t from 'tap';
import { Slot } from '../../src/backend-js/abi.js';
import { SIMD_ROWS } from '../../src/frontend/decoder/a64-simd.table.js';
import { a64Decoder } from '../../src/frontend/decoder/table.js';
import { SIMD_HANDLERS } from '../../src/frontend/translate/impl/simd.js';
import { makeEnv, runInterp } from '../helpers/testenv.js';

interface Golden {
  cases: [string, string, number][];
  sets: { v: string[]; x: string[]; fpcr: number }[];
  res: [number, number, Record<string, string>, Record<string, string>, number][];
}

const hex = (s: string): bigint => BigInt('0x' + s);

t.test('every SIMD row has a handler and at least one word here that decodes to it', async (t) => {
  const g = JSON.parse(data()) as Golden;
  const dec = a64Decoder();
  const decoded = new Set(g.cases.map(([, , w]) => dec.decode(w | 0)?.id));
  const handlers = new Set(Object.keys(SIMD_HANDLERS));
  for (const row of SIMD_ROWS) {
    t.ok(handlers.has(row.id), `${row.id}: handler`);
    t.ok(decoded.has(row.id), `${row.id}: covered by a word`);
  }
  t.equal(handlers.size, SIMD_ROWS.length, 'no handler without a row');
});

t.test('golden: each row against qemu-aarch64', async (t) => {
  const g = JSON.parse(data()) as Golden;
  const dec = a64Decoder();
  const byId = new Map<string, Golden['res']>();
  for (const r of g.res) {
    const id = g.cases[r[0]]![0];
    if (!byId.has(id)) byId.set(id, []);
    byId.get(id)!.push(r);
  }
  for (const [id, runs] of byId) {
    t.test(id, async (t) => {
      for (const [ci, si, dv, dx, fpsr] of runs) {
        const [, asm, word] = g.cases[ci]!;
        const set = g.sets[si]!;
        t.equal(dec.decode(word | 0)?.id, id, `${asm}: decodes to ${id}`);
        const env = makeEnv([word | 0]);
        set.v.forEach((h, j) => env.cpu.setV(j, hex(h)));
        set.x.forEach((h, j) => env.cpu.setX(j + 1, hex(h)));
        env.cpu.s[Slot.FPCR] = set.fpcr;
        env.cpu.s[Slot.FPSR] = 0;
        runInterp(env, 1);
        const where = `${asm} (set ${si})`;
        t.equal(env.exitReason, 0, `${where}: runs`);
        for (let j = 0; j < 8; j++) {
          const want = hex(dv[j] ?? set.v[j]!);
          const got = env.cpu.getV(j);
          if (got !== want) t.fail(`${where}: V${j} = ${got.toString(16)}, want ${want.toString(16)}`);
        }
        for (let j = 1; j < 4; j++) {
          const want = hex(dx[j] ?? set.x[j - 1]!);
          const got = env.cpu.getX(j);
          if (got !== want) t.fail(`${where}: X${j} = ${got.toString(16)}, want ${want.toString(16)}`);
        }
        t.equal(env.cpu.s[Slot.FPSR]! >>> 0, fpsr, `${where}: FPSR`);
      }
    });
  }
});

'''
open(os.path.join(ROOT, 'test/frontend/simd-golden.test.ts'), 'w').write(head + 'function data(): string {\n  return `' + js + '`;\n}\n')
print(len(js))
