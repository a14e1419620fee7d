/**
 * The AdvSIMD integer forms translated inline in IR (32/64-bit lanes, lengthening,
 * narrowing, long and wide adds, long multiplies from 16-bit elements, DUP/INS) at
 * their edges -- shift by the element size, SRI/SLI masks, Vd aliasing a source, Q = 0
 * and scalar upper halves, INT_MIN/INT_MAX and equal lanes in compares -- against
 * qemu-aarch64, in both tiers. A few neighbours that stay in the helpers are included.
 */
import t from 'tap';
import { compareOutcomes } from '../../src/fuzz/compare.js';
import { type HarnessCase, PRISTINE_SIZE, buildHarness, parseOutput } from '../../src/fuzz/harness.js';
import { Rng } from '../../src/fuzz/rng.js';
import { qemuMissing, runJitvisor, runQemu } from '../../src/fuzz/run.js';
import { randomState } from '../../src/fuzz/state.js';

const missing = qemuMissing();
if (missing) throw new Error(missing);

/** Words from aarch64-linux-gnu-as. */
const WORDS: [number, string][] = [
  [0x4ea18421, 'add v1.4s, v1.4s, v1.4s'],
  [0x0ea48462, 'add v2.2s, v3.2s, v4.2s'],
  [0x6ee28462, 'sub v2.2d, v3.2d, v2.2d'],
  [0x5ee784c5, 'add d5, d6, d7'],
  [0x7ee684a5, 'sub d5, d5, d6'],
  [0x4ea29c62, 'mul v2.4s, v3.4s, v2.4s'],
  [0x0ea694a4, 'mla v4.2s, v5.2s, v6.2s'],
  [0x6ea69484, 'mls v4.4s, v4.4s, v6.4s'],
  [0x6ea38c41, 'cmeq v1.4s, v2.4s, v3.4s'],
  [0x6ee28c41, 'cmeq v1.2d, v2.2d, v2.2d'],
  [0x7ee38c41, 'cmeq d1, d2, d3'],
  [0x4ea38c41, 'cmtst v1.4s, v2.4s, v3.4s'],
  [0x5ee38c41, 'cmtst d1, d2, d3'],
  [0x4ea33441, 'cmgt v1.4s, v2.4s, v3.4s'],
  [0x4ee23461, 'cmgt v1.2d, v3.2d, v2.2d'],
  [0x5ee33441, 'cmgt d1, d2, d3'],
  [0x0ea33c41, 'cmge v1.2s, v2.2s, v3.2s'],
  [0x4ee33c41, 'cmge v1.2d, v2.2d, v3.2d'],
  [0x5ee33c43, 'cmge d3, d2, d3'],
  [0x6ea33441, 'cmhi v1.4s, v2.4s, v3.4s'],
  [0x6ee13461, 'cmhi v1.2d, v3.2d, v1.2d'],
  [0x7ee33441, 'cmhi d1, d2, d3'],
  [0x6ea33c41, 'cmhs v1.4s, v2.4s, v3.4s'],
  [0x6ee33c41, 'cmhs v1.2d, v2.2d, v3.2d'],
  [0x7ee23c61, 'cmhs d1, d3, d2'],
  [0x4f205422, 'shl v2.4s, v1.4s, #0'],
  [0x0f3f5422, 'shl v2.2s, v1.2s, #31'],
  [0x4f7f5442, 'shl v2.2d, v2.2d, #63'],
  [0x5f415422, 'shl d2, d1, #1'],
  [0x6f200422, 'ushr v2.4s, v1.4s, #32'],
  [0x2f3f0442, 'ushr v2.2s, v2.2s, #1'],
  [0x6f400422, 'ushr v2.2d, v1.2d, #64'],
  [0x6f5f0422, 'ushr v2.2d, v1.2d, #33'],
  [0x7f400422, 'ushr d2, d1, #64'],
  [0x7f790422, 'ushr d2, d1, #7'],
  [0x4f200422, 'sshr v2.4s, v1.4s, #32'],
  [0x0f3d0422, 'sshr v2.2s, v1.2s, #3'],
  [0x4f400422, 'sshr v2.2d, v1.2d, #64'],
  [0x5f580442, 'sshr d2, d2, #40'],
  [0x6f201422, 'usra v2.4s, v1.4s, #32'],
  [0x2f3b1422, 'usra v2.2s, v1.2s, #5'],
  [0x6f401422, 'usra v2.2d, v1.2d, #64'],
  [0x7f741422, 'usra d2, d1, #12'],
  [0x4f201422, 'ssra v2.4s, v1.4s, #32'],
  [0x4f6f1442, 'ssra v2.2d, v2.2d, #17'],
  [0x5f401422, 'ssra d2, d1, #64'],
  [0x6f204422, 'sri v2.4s, v1.4s, #32'],
  [0x2f374422, 'sri v2.2s, v1.2s, #9'],
  [0x6f404422, 'sri v2.2d, v1.2d, #64'],
  [0x6f7f4422, 'sri v2.2d, v1.2d, #1'],
  [0x7f624422, 'sri d2, d1, #30'],
  [0x6f205422, 'sli v2.4s, v1.4s, #0'],
  [0x2f3f5422, 'sli v2.2s, v1.2s, #31'],
  [0x6f7f5422, 'sli v2.2d, v1.2d, #63'],
  [0x7f545442, 'sli d2, d2, #20'],
  [0x2f08a422, 'uxtl v2.8h, v1.8b'],
  [0x6f08a421, 'uxtl2 v1.8h, v1.16b'],
  [0x2f0fa422, 'ushll v2.8h, v1.8b, #7'],
  [0x6f0ba422, 'ushll2 v2.8h, v1.16b, #3'],
  [0x0f08a422, 'sxtl v2.8h, v1.8b'],
  [0x4f0fa421, 'sshll2 v1.8h, v1.16b, #7'],
  [0x0f0ca422, 'sshll v2.8h, v1.8b, #4'],
  [0x2f10a422, 'uxtl v2.4s, v1.4h'],
  [0x6f1fa442, 'ushll2 v2.4s, v2.8h, #15'],
  [0x4f10a422, 'sxtl2 v2.4s, v1.8h'],
  [0x0f19a422, 'sshll v2.4s, v1.4h, #9'],
  [0x2f20a422, 'uxtl v2.2d, v1.2s'],
  [0x6f3fa422, 'ushll2 v2.2d, v1.4s, #31'],
  [0x4f20a421, 'sxtl2 v1.2d, v1.4s'],
  [0x0f31a422, 'sshll v2.2d, v1.2s, #17'],
  [0x2e213822, 'shll v2.8h, v1.8b, #8'],
  [0x6e213821, 'shll2 v1.8h, v1.16b, #8'],
  [0x2e613822, 'shll v2.4s, v1.4h, #16'],
  [0x6e613822, 'shll2 v2.4s, v1.8h, #16'],
  [0x2ea13842, 'shll v2.2d, v2.2s, #32'],
  [0x6ea13822, 'shll2 v2.2d, v1.4s, #32'],
  [0x0e212822, 'xtn v2.8b, v1.8h'],
  [0x4e212842, 'xtn2 v2.16b, v2.8h'],
  [0x0e612822, 'xtn v2.4h, v1.4s'],
  [0x4e612822, 'xtn2 v2.8h, v1.4s'],
  [0x0ea12821, 'xtn v1.2s, v1.2d'],
  [0x4ea12822, 'xtn2 v2.4s, v1.2d'],
  [0x0f0f8422, 'shrn v2.8b, v1.8h, #1'],
  [0x4f088422, 'shrn2 v2.16b, v1.8h, #8'],
  [0x0f108422, 'shrn v2.4h, v1.4s, #16'],
  [0x4f1b8442, 'shrn2 v2.8h, v2.4s, #5'],
  [0x0f208422, 'shrn v2.2s, v1.2d, #32'],
  [0x4f3f8422, 'shrn2 v2.4s, v1.2d, #1'],
  [0x4ea09822, 'cmeq v2.4s, v1.4s, #0'],
  [0x5ee09822, 'cmeq d2, d1, #0'],
  [0x0ea08822, 'cmgt v2.2s, v1.2s, #0'],
  [0x4ee08822, 'cmgt v2.2d, v1.2d, #0'],
  [0x5ee08822, 'cmgt d2, d1, #0'],
  [0x6ea08822, 'cmge v2.4s, v1.4s, #0'],
  [0x7ee08822, 'cmge d2, d1, #0'],
  [0x6ea09822, 'cmle v2.4s, v1.4s, #0'],
  [0x6ee09821, 'cmle v1.2d, v1.2d, #0'],
  [0x7ee09822, 'cmle d2, d1, #0'],
  [0x0ea0a822, 'cmlt v2.2s, v1.2s, #0'],
  [0x5ee0a822, 'cmlt d2, d1, #0'],
  [0x6ea0b822, 'neg v2.4s, v1.4s'],
  [0x6ee0b822, 'neg v2.2d, v1.2d'],
  [0x7ee0b822, 'neg d2, d1'],
  [0x0ea0b822, 'abs v2.2s, v1.2s'],
  [0x4ee0b821, 'abs v1.2d, v1.2d'],
  [0x5ee0b822, 'abs d2, d1'],
  [0x4e1f0422, 'dup v2.16b, v1.b[15]'],
  [0x0e160422, 'dup v2.4h, v1.h[5]'],
  [0x4e1c0442, 'dup v2.4s, v2.s[3]'],
  [0x0e0c0422, 'dup v2.2s, v1.s[1]'],
  [0x4e180422, 'dup v2.2d, v1.d[1]'],
  [0x5e130422, 'mov b2, v1.b[9]'],
  [0x5e0e0422, 'mov h2, v1.h[3]'],
  [0x5e1c0422, 'mov s2, v1.s[3]'],
  [0x5e180421, 'mov d1, v1.d[1]'],
  [0x0e010c22, 'dup v2.8b, w1'],
  [0x4e020c22, 'dup v2.8h, w1'],
  [0x4e040c22, 'dup v2.4s, w1'],
  [0x0e040c22, 'dup v2.2s, w1'],
  [0x4e080c22, 'dup v2.2d, x1'],
  [0x4e1b1c22, 'mov v2.b[13], w1'],
  [0x4e0e1c22, 'mov v2.h[3], w1'],
  [0x4e141c22, 'mov v2.s[2], w1'],
  [0x4e181c22, 'mov v2.d[1], x1'],
  [0x6e0d7c22, 'mov v2.b[6], v1.b[15]'],
  [0x6e1e2422, 'mov v2.h[7], v1.h[2]'],
  [0x6e0c0421, 'mov v1.s[1], v1.s[0]'],
  [0x6e1c4422, 'mov v2.s[3], v1.s[2]'],
  [0x6e084422, 'mov v2.d[0], v1.d[1]'],
  [0x4fa38822, 'mul v2.4s, v1.4s, v3.s[3]'],
  [0x0fa28042, 'mul v2.2s, v2.2s, v2.s[1]'],
  [0x6f820022, 'mla v2.4s, v1.4s, v2.s[0]'],
  [0x2f834822, 'mls v2.2s, v1.2s, v3.s[2]'],
  [0x4f738822, 'mul v2.8h, v1.8h, v3.h[7]'],
  [0x0e630022, 'saddl v2.4s, v1.4h, v3.4h'],
  [0x6e630022, 'uaddl2 v2.4s, v1.8h, v3.8h'],
  [0x0ea32021, 'ssubl v1.2d, v1.2s, v3.2s'],
  [0x6ea22022, 'usubl2 v2.2d, v1.4s, v2.4s'],
  [0x2e230022, 'uaddl v2.8h, v1.8b, v3.8b'],
  [0x0e631022, 'saddw v2.4s, v1.4s, v3.4h'],
  [0x6e631042, 'uaddw2 v2.4s, v2.4s, v3.8h'],
  [0x4ea33022, 'ssubw2 v2.2d, v1.2d, v3.4s'],
  [0x2ea13022, 'usubw v2.2d, v1.2d, v1.2s'],
  [0x2ea31021, 'uaddw v1.2d, v1.2d, v3.2s'],
  [0x0e63c022, 'smull v2.4s, v1.4h, v3.4h'],
  [0x6e63c022, 'umull2 v2.4s, v1.8h, v3.8h'],
  [0x0e638022, 'smlal v2.4s, v1.4h, v3.4h'],
  [0x4e638042, 'smlal2 v2.4s, v2.8h, v3.8h'],
  [0x2e618022, 'umlal v2.4s, v1.4h, v1.4h'],
  [0x4e63a022, 'smlsl2 v2.4s, v1.8h, v3.8h'],
  [0x2e63a022, 'umlsl v2.4s, v1.4h, v3.4h'],
  [0x0ea3c022, 'smull v2.2d, v1.2s, v3.2s'],
  [0x6ea38022, 'umlal2 v2.2d, v1.4s, v3.4s'],
  [0x0f73a822, 'smull v2.4s, v1.4h, v3.h[7]'],
  [0x6f7fa022, 'umull2 v2.4s, v1.8h, v15.h[3]'],
  [0x0f632022, 'smlal v2.4s, v1.4h, v3.h[2]'],
  [0x6f522842, 'umlal2 v2.4s, v2.8h, v2.h[5]'],
  [0x4f436022, 'smlsl2 v2.4s, v1.8h, v3.h[0]'],
  [0x2f516021, 'umlsl v1.4s, v1.4h, v1.h[1]'],
  [0x0fa32022, 'smlal v2.2d, v1.2s, v3.s[1]'],
];

/** 32-bit lane values at the edges of signed and unsigned compares, shifts and narrowing. */
const EDGES = [0, 1, 2, 0x7fffffff, 0x80000000, 0x80000001, 0xffffffff, 0xfffffffe, 0x7fff, 0x8000, 0xffff, 0x7f80ff01, 0x80ff7f00];
const STATES = 6;

/** A random state whose V1..V7 hold edge lanes, V3 sharing some lanes with V2 (equal operands). */
function edgeState(r: Rng): HarnessCase['state'] {
  const s = randomState(r);
  const dv = new DataView(s.v.buffer, s.v.byteOffset, s.v.byteLength);
  for (let reg = 1; reg <= 7; reg++) {
    for (let k = 0; k < 4; k++) {
      const at = 16 * reg + 4 * k;
      const v = reg === 3 && r.chance(0.4) ? dv.getUint32(16 * 2 + 4 * k, true) : r.chance(0.7) ? r.pick(EDGES) : r.u32();
      dv.setUint32(at, v, true);
    }
  }
  s.x[1] = r.chance(0.5) ? BigInt(r.pick(EDGES)) | (BigInt(r.u32()) << 32n) : r.u64();
  return s;
}

t.test('inline AdvSIMD integer forms agree with qemu in both tiers', (t) => {
  const r = new Rng(4711);
  const pristine = new Uint8Array(PRISTINE_SIZE);
  const cases: HarnessCase[] = [];
  for (const [word] of WORDS) for (let k = 0; k < STATES; k++) cases.push({ words: [word], memory: false, twoExits: false, state: edgeState(r), pristineOffset: 0 });
  const prog = buildHarness(cases, pristine);
  const ref = parseOutput(runQemu(prog.elf, 'cortex-a53').out, cases);
  const name = (i: number) => {
    const [word, asm] = WORDS[Math.floor(i / STATES)]!;
    return `${asm} (0x${word.toString(16).padStart(8, '0')}), state ${i % STATES}`;
  };
  t.same(cases.map((_, i) => i).filter((i) => ref[i]?.status !== 0).map(name), [], 'qemu runs every case');
  for (const tier of ['interp', 'jit'] as const) {
    const ours = parseOutput(runJitvisor(prog.elf, tier).out, cases);
    const bad = cases.map((_, i) => i).filter((i) => compareOutcomes(ref[i], ours[i]).length > 0);
    for (const i of bad.slice(0, 10)) t.same(compareOutcomes(ref[i], ours[i]), [], `${tier}: ${name(i)}`);
    t.equal(bad.length, 0, `${tier}: all ${cases.length} cases agree`);
  }
  t.end();
});
