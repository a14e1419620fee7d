/**
 * AdvSIMD encodings outside this implementation (FEAT_FP16, FEAT_RDM,
 * FEAT_DotProd, FEAT_PMULL, crypto, v8.3+) and reserved field values of the
 * implemented rows: all must be UNDEFINED, leaving the state untouched.
 */
import t, { type Test } from 'tap';
import { ExitReason } from '../../src/backend-js/abi.js';
import { a64Decoder } from '../../src/frontend/decoder/table.js';
import { CODE_BASE, makeEnv, runInterp } from '../helpers/testenv.js';

const NOT_IMPLEMENTED: [number, string][] = [
  [0x4e421420, 'fadd v0.8h, v1.8h, v2.8h (FP16)'],
  [0x4ef8f820, 'fabs v0.8h, v1.8h (FP16)'],
  [0x4e30c820, 'fmaxnmv h0, v1.8h (FP16)'],
  [0x4f121020, 'fmla v0.8h, v1.8h, v2.h[1] (FP16)'],
  [0x5ef9b820, 'fcvtzs h0, h1 (FP16)'],
  [0x5e30d820, 'faddp h0, v1.2h (FP16)'],
  [0x0ef8d820, 'fcmeq v0.4h, v1.4h, #0.0 (FP16)'],
  [0x6e428420, 'sqrdmlah v0.8h, v1.8h, v2.8h (RDM)'],
  [0x6fa2d020, 'sqrdmlah v0.4s, v1.4s, v2.s[1] (RDM)'],
  [0x4e829420, 'sdot v0.4s, v1.16b, v2.16b (DotProd)'],
  [0x0ee2e020, 'pmull v0.1q, v1.1d, v2.1d (PMULL)'],
  [0x4e284820, 'aese v0.16b, v1.16b (AES)'],
  [0x5e024020, 'sha256h q0, q1, v2.4s (SHA2)'],
  [0x6e82cc20, 'fcmla v0.4s, v1.4s, v2.4s, #90 (FCMA)'],
  [0xce020c20, 'eor3 v0.16b, v1.16b, v2.16b, v3.16b (SHA3)'],
  [0x6e21e820, 'frint32x v0.4s, v1.4s (FRINTTS)'],
];

/** Matching a row, but with a reserved field value: the handler must refuse them. */
const RESERVED: [number, string][] = [
  [0x0ee28420, 'add v0.1d (size:Q = 110)'],
  [0x4ee29c20, 'mul, size = 11'],
  [0x6e629c20, 'pmul, size = 01'],
  [0x4e22b420, 'sqdmulh, size = 00'],
  [0x5ea28420, 'add (scalar), size = 10'],
  [0x4e100420, 'dup (element), imm5 = 10000'],
  [0x0e080420, 'dup (element) 1D (Q = 0, D)'],
  [0x0e083c20, 'umov w from a D element (Q = 0)'],
  [0x0e042c20, 'smov w from an S element'],
  [0x2e024020, 'ext Q = 0, imm4 = 8'],
  [0x0f405420, 'shl, immh = 1xxx with Q = 0'],
  [0x0f408420, 'shrn, immh = 1xxx'],
  [0x5f200420, 'sshr (scalar), immh = 01xx'],
  [0x0ee14820, 'sqxtn, size = 11'],
  [0x6ea00820, 'rev32, size = 10'],
  [0x4e605820, 'cnt, size = 01'],
  [0x0eb1b820, 'addv 2S'],
  [0x4ef1b820, 'addv, size = 11'],
  [0x0ee20020, 'saddl, size = 11'],
  [0x0e62d420, 'fadd 1D (sz = 1, Q = 0)'],
  [0x2e216820, 'fcvtxn, sz = 0'],
  [0x4ee1c820, 'urecpe, sz = 1'],
  [0x6e70f820, 'fmaxv, sz = 1'],
  [0x2e30f820, 'fmaxv, Q = 0'],
  [0x4fe29020, 'fmul (by element), sz = 1 with L = 1'],
  [0x4f028020, 'mul (by element), size = 00'],
  [0x4f08e420, 'scvtf (fixed-point), immh = 0001'],
  [0x2f00f400, 'fmov (vector, immediate) double with Q = 0'],
  [0x4f00fc00, 'fmov (vector, immediate) with o2 = 1 (FP16): immh = 0000 of the shift rows'],
  [0x4f03fe00, 'fmov v0.8h, #1.0 (FP16): immh = 0000 of the shift rows'],
  [0x4f1de420, 'scvtf v0.8h, v1.8h, #3 (FP16): immh = 001x of SCVTF (fixed-point)'],
  [0x4e021420, 'AdvSIMD copy, imm4 = 0010'],
];

function undefinedRuns(t: Test, word: number, what: string): void {
  const env = makeEnv([word]);
  env.cpu.setV(0, 0x1234n);
  runInterp(env, 1);
  t.equal(env.exitReason, ExitReason.Undefined, `${what}: UNDEFINED`);
  t.equal(env.cpu.pc, BigInt(CODE_BASE), `${what}: PC at the instruction`);
  t.equal(env.cpu.getV(0), 0x1234n, `${what}: V0 untouched`);
}

t.test('encodings outside Armv8.0 AdvSIMD match no row', async (t) => {
  for (const [w, what] of NOT_IMPLEMENTED) {
    t.equal(a64Decoder().decode(w | 0), undefined, `${what}: no row`);
    undefinedRuns(t, w, what);
  }
});

t.test('reserved field values are UNDEFINED', async (t) => {
  for (const [w, what] of RESERVED) undefinedRuns(t, w, what);
});
