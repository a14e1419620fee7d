/**
 * Words the differential fuzzer found wrong, fixed in the translator or the
 * runtime, kept here as cases run under qemu-aarch64 and both jitvisor tiers.
 * Each names the word, its assembly and what was wrong.
 */
import t from 'tap';
import { compareOutcomes } from '../../src/fuzz/compare.js';
import { type HarnessCase, PRISTINE_SIZE, SCRATCH, buildHarness, parseOutput } from '../../src/fuzz/harness.js';
import { Rng } from '../../src/fuzz/rng.js';
import { qemuMissing, runJitvisor, runQemu } from '../../src/fuzz/run.js';
import { randomState } from '../../src/fuzz/state.js';

const missing = qemuMissing();
if (missing) throw new Error(missing);

interface Regression {
  what: string;
  words: number[];
  setup?: (c: HarnessCase) => void;
  /** Expected qemu signal (0 = completes). */
  signal: number;
}

const END = BigInt(SCRATCH + 0x1000);
const REGRESSIONS: Regression[] = [
  { what: 'dc cvap, x1 (0xd50b7c21): FEAT_DPB is not implemented, so UNDEFINED (was a NOP)', words: [0xd50b7c21], signal: 4, setup: (c) => (c.state.x[1] = BigInt(SCRATCH)) },
  { what: 'mrs x3, ctr_el0 (0xd53b0023): a Cortex-A53\'s value, L1Ip VIPT (was PIPT)', words: [0xd53b0023], signal: 0 },
  { what: 'mrs x3, id_aa64mmfr0_el1 (0xd5380703): Linux\'s EL0 view (was the EL1 value)', words: [0xd5380703], signal: 0 },
  { what: 'mrs x3, cntpct_el0 (0xd53be023): UNDEFINED at EL0 under Linux (was readable)', words: [0xd53be023], signal: 4 },
  {
    what: 'msr fpcr, x16; mrs x5, fpcr (0xd51b4410, 0xd53b4405): Len and Stride read back as written (were dropped)',
    words: [0xd51b4410, 0xd53b4405],
    signal: 0,
    setup: (c) => (c.state.x[16] = 0x7260000n),
  },
  {
    what: 'msr fpsr, x0; mrs x1, fpsr (0xd51b4420, 0xd53b4421): N, Z, C, V read back as written (were dropped)',
    words: [0xd51b4420, 0xd53b4421],
    signal: 0,
    setup: (c) => (c.state.x[0] = 0xf800009bn),
  },
  { what: 'mrs x29, s3_0_c0_c12_6 (0xd5380cdd): outside the ID space Linux emulates, UNDEFINED (read as zero)', words: [0xd5380cdd], signal: 4 },
  { what: 'mrs x1, id_isar0_el1 (0xd5380201): AArch32 ID registers are not emulated for EL0, UNDEFINED (read as zero)', words: [0xd5380201], signal: 4 },
  { what: 'mrs x1, s3_0_c0_c5_3 (0xd5380561): unallocated in CRm 4..7, Linux reads it as zero', words: [0xd5380561], signal: 0 },
  { what: 'str x24, [x12] (0xf9000198) across into an unmapped page: si_addr is the first byte there', words: [0xf9000198], signal: 11, setup: (c) => { c.memory = true; c.state.x[12] = END - 3n; } },
  { what: 'ldr x0, [x1] (0xf9400020) across into an unmapped page', words: [0xf9400020], signal: 11, setup: (c) => { c.memory = true; c.state.x[1] = END - 5n; } },
  { what: 'stp d8, d31, [x30], #120 (0x6c87ffc8) across into an unmapped page', words: [0x6c87ffc8], signal: 11, setup: (c) => { c.memory = true; c.state.x[30] = END - 1n; } },
  { what: 'ldr x0, [x1] (0xf9400020) through a tagged pointer: TBI (was SIGSEGV)', words: [0xf9400020], signal: 0, setup: (c) => { c.memory = true; c.state.x[1] = BigInt(SCRATCH + 64) | 0x5a00000000000000n; } },
  { what: 'str x0, [x1] (0xf9000020) through a tagged pointer: TBI', words: [0xf9000020], signal: 0, setup: (c) => { c.memory = true; c.state.x[1] = BigInt(SCRATCH + 72) | 0xff00000000000000n; } },
  { what: 'stxr w13, w18, [x0] (0x880d7c12) with the monitor closed, unmapped address: fails (status 1) without a fault, as qemu', words: [0x880d7c12], signal: 0, setup: (c) => (c.state.x[0] = 0x12340000n) },
];

t.test('regressions agree with qemu in both tiers', (t) => {
  const r = new Rng(2026);
  const pristine = new Uint8Array(PRISTINE_SIZE);
  for (let i = 0; i < pristine.length; i++) pristine[i] = (i * 7) & 0xff;
  const cases = REGRESSIONS.map((g) => {
    const c: HarnessCase = { words: g.words, memory: false, twoExits: false, state: randomState(r), pristineOffset: 0 };
    g.setup?.(c);
    return c;
  });
  const prog = buildHarness(cases, pristine);
  const ref = parseOutput(runQemu(prog.elf, 'cortex-a53').out, cases);
  for (const tier of ['interp', 'jit'] as const) {
    const ours = parseOutput(runJitvisor(prog.elf, tier).out, cases);
    REGRESSIONS.forEach((g, i) => {
      t.equal(ref[i]?.status, g.signal, `qemu: ${g.what}`);
      t.same(compareOutcomes(ref[i], ours[i]), [], `${tier}: ${g.what}`);
    });
  }
  t.end();
});
