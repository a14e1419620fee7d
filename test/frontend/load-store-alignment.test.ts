/**
 * Alignment faults (Armv8.0, no FEAT_LSE2): exclusives, load-acquire /
 * store-release and the LSE atomics must be aligned to the access size (a
 * pair: to the size of the whole pair) or raise an alignment fault; byte
 * accesses never fault. Every fault case runs in both tiers and must stop
 * with an alignment fault at the accessed address, with the PC at the
 * faulting instruction and every register, the monitor and memory exactly as
 * the instructions before it left them. qemu-aarch64 7.2 raises SIGBUS
 * (BUS_ADRALN, si_addr = the address) for all of them, except that it fails a
 * misaligned store-exclusive with status 1 when the monitor does not hold its
 * address, where the Arm ARM (and this machine) checks alignment first; the
 * cases below whose monitor holds the address fault under qemu too. The
 * aligned cases' expected values were checked against qemu-aarch64 7.2.
 */
import t, { type Test } from 'tap';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Slot } from '../../src/backend-js/abi.js';
import { a64Decoder } from '../../src/frontend/decoder/table.js';
import type { FaultKind } from '../../src/runtime/fault.js';
import { UserModeMachine } from '../../src/runtime/user-mode.js';
import { CODE_BASE, DATA_BASE, DATA_SIZE, type Env, runInterp, runJit } from '../helpers/testenv.js';
import { makeElf, words } from '../linux/support/helpers.js';
import { type Case, D, runCases, setup } from './load-store-harness.test.js';

const P = {
  0x20100: 0x8899aabbccddeeffn,
  0x20108: 0x0123456789abcdefn,
  0x20110: 0xfedcba9876543210n,
  0x20118: 0x0f1e2d3c4b5a6978n,
};
const B = D + 0x100n;
const M64 = (1n << 64n) - 1n;
const X3 = 0x1122334455667788n;
const X4 = 0x0fedcba987654321n;
const X5 = 0x5555666677778888n;

/** Every fault case starts with this, so the faulting instruction is never the first of its block. */
const MOV_X9 = 0xd2824689; // mov x9, #0x1234

export interface FaultCase {
  /** Row id of the faulting (last) word. */
  id: string;
  /** Assembly of the words after `mov x9, #0x1234`, ';'-separated. */
  asm: string;
  words: number[];
  /** x0 holds the address; registers not given hold a pattern (x<n> = n * 0x0101010101010101). */
  x0: bigint;
  x?: Record<number, bigint>;
  access: 'read' | 'write';
  /** The fault kind (default alignment) and address (default x0). */
  kind?: FaultKind;
  addr?: bigint;
}

function faultEnv(c: FaultCase, code: number[]): Env {
  const x: Record<number, bigint> = { 0: c.x0 };
  for (let r = 1; r <= 8; r++) x[r] = BigInt(r) * 0x0101010101010101n;
  return setup({ id: c.id, asm: c.asm, words: code, init: { mem: P, x: { ...x, ...c.x } }, expect: {} });
}

const IGNORED = new Set<number>([Slot.PC, Slot.PC + 1, Slot.ICOUNT, Slot.ICOUNT + 1, Slot.BUDGET, Slot.BUDGET_ISSUED, Slot.RET_HI, Slot.RET_FLAGS, Slot.EXIT_REASON, Slot.EXIT_ARG, Slot.CHAIN_DEPTH]);

/** Differences in registers, flags, monitor, vector registers and data memory ('' when none). */
function stateDiff(a: Env, b: Env): string {
  const out: string[] = [];
  for (let k = 0; k < Slot.SIZE; k++) if (!IGNORED.has(k) && a.cpu.s[k] !== b.cpu.s[k]) out.push(`S[${k}]: ${a.cpu.s[k]} vs ${b.cpu.s[k]}`);
  for (let k = 0; k < 512; k++) if (a.cpu.v.u8[k] !== b.cpu.v.u8[k]) out.push(`V byte ${k}`);
  const fa = a.space.frameOf(DATA_BASE >>> 12)!, fb = b.space.frameOf(DATA_BASE >>> 12)!;
  for (let k = 0; k < DATA_SIZE; k++) if (a.mem.u8[fa + k] !== b.mem.u8[fb + k]) out.push(`mem 0x${(DATA_BASE + k).toString(16)}`);
  return out.slice(0, 10).join('; ');
}

function checkFault(tt: Test, c: FaultCase): void {
  const code = [MOV_X9, ...c.words];
  tt.equal(a64Decoder().decode(code[code.length - 1]!)?.id, c.id, `decodes to ${c.id}`);
  // What the instructions before the faulting one leave: the state the fault must show.
  const before = runInterp(faultEnv(c, code.slice(0, -1)));
  tt.equal(before.exitReason, 0, 'the instructions before it run');
  const at = BigInt(CODE_BASE + 4 * (code.length - 1));
  const addr = c.addr ?? c.x0;
  for (const [tier, run] of [['interpreter', runInterp], ['JIT', runJit]] as const) {
    const env = run(faultEnv(c, code));
    const stop = env.stop;
    if (stop?.kind !== 'fault') {
      tt.fail(`${tier}: stops with a fault (got ${stop?.kind})`);
      continue;
    }
    const f = stop.fault;
    tt.equal(f.kind, c.kind ?? 'alignment', `${tier}: ${c.kind ?? 'alignment'} fault`);
    tt.equal(f.access, c.access, `${tier}: ${c.access} access`);
    tt.equal(((BigInt(f.vaHi >>> 0) << 32n) | BigInt(f.vaLo >>> 0)).toString(16), addr.toString(16), `${tier}: fault address`);
    tt.equal(((BigInt(f.pcHi >>> 0) << 32n) | BigInt(f.pcLo >>> 0)).toString(16), at.toString(16), `${tier}: fault PC`);
    tt.equal(env.cpu.pc.toString(16), at.toString(16), `${tier}: PC at the faulting instruction`);
    tt.equal(stateDiff(env, before), '', `${tier}: registers, monitor and memory as before the instruction`);
    tt.equal(env.cpu.getX(9), 0x1234n, `${tier}: the instruction before it completed`);
    // `before` also retired its end marker (svc): one more than the instructions before the fault.
    tt.equal(env.cpu.icount, before.cpu.icount - 1, `${tier}: the instructions before it retired, it did not`);
  }
}

const exclusive: FaultCase[] = [
  { id: 'LDXRH', asm: 'ldxrh w1, [x0]', words: [0x485f7c01], x0: B + 1n, access: 'read' },
  { id: 'LDXR', asm: 'ldxr w1, [x0]', words: [0x885f7c01], x0: B + 2n, access: 'read' },
  { id: 'LDXR', asm: 'ldxr x1, [x0]', words: [0xc85f7c01], x0: B + 4n, access: 'read' },
  { id: 'LDAXRH', asm: 'ldaxrh w1, [x0]', words: [0x485ffc01], x0: B + 3n, access: 'read' },
  { id: 'LDAXR', asm: 'ldaxr w1, [x0]', words: [0x885ffc01], x0: B + 6n, access: 'read' },
  { id: 'LDAXR', asm: 'ldaxr x1, [x0]', words: [0xc85ffc01], x0: B + 1n, access: 'read' },
  // Pairs: aligned to the whole pair (each register's own alignment is not enough).
  { id: 'LDXP', asm: 'ldxp w1, w2, [x0]', words: [0x887f0801], x0: B + 4n, access: 'read' },
  { id: 'LDXP', asm: 'ldxp x1, x2, [x0]', words: [0xc87f0801], x0: B + 8n, access: 'read' },
  { id: 'LDAXP', asm: 'ldaxp w1, w2, [x0]', words: [0x887f8801], x0: B + 12n, access: 'read' },
  { id: 'LDAXP', asm: 'ldaxp x1, x2, [x0]', words: [0xc87f8801], x0: B + 24n, access: 'read' },
  // Store-exclusives fault whatever the monitor holds: open...
  { id: 'STXR', asm: 'stxr w2, x3, [x0]', words: [0xc8027c03], x0: B + 4n, access: 'write' },
  { id: 'STXR', asm: 'stxr w2, w3, [x0]', words: [0x88027c03], x0: B + 2n, access: 'write' },
  { id: 'STLXRH', asm: 'stlxrh w2, w3, [x0]', words: [0x4802fc03], x0: B + 1n, access: 'write' },
  { id: 'STLXP', asm: 'stlxp w3, w4, w5, [x0]', words: [0x88239404], x0: B + 2n, access: 'write' },
  // ...or holding this very address (qemu faults on these too); the monitor stays held.
  { id: 'STXRH', asm: 'ldxrb w1, [x0]; stxrh w2, w3, [x0]', words: [0x085f7c01, 0x48027c03], x0: B + 1n, access: 'write' },
  { id: 'STLXR', asm: 'ldxr w1, [x0]; stlxr w2, x3, [x0]', words: [0x885f7c01, 0xc802fc03], x0: B + 4n, access: 'write' },
  { id: 'STXP', asm: 'ldxr w1, [x0]; stxp w3, w4, w5, [x0]', words: [0x885f7c01, 0x88231404], x0: B + 4n, access: 'write' },
  { id: 'STXP', asm: 'ldxr x1, [x0]; stxp w3, x4, x5, [x0]', words: [0xc85f7c01, 0xc8231404], x0: B + 8n, access: 'write' },
  { id: 'STLXP', asm: 'ldxp w1, w2, [x0]; stlxp w3, x4, x5, [x0]', words: [0x887f0801, 0xc8239404], x0: B + 8n, access: 'write' },
];

const ordered: FaultCase[] = [
  { id: 'LDAR', asm: 'ldar x4, [x0]', words: [0xc8dffc04], x0: B + 4n, access: 'read' },
  { id: 'LDAR', asm: 'ldar w4, [x0]', words: [0x88dffc04], x0: B + 2n, access: 'read' },
  { id: 'LDARH', asm: 'ldarh w4, [x0]', words: [0x48dffc04], x0: B + 1n, access: 'read' },
  { id: 'STLR', asm: 'stlr x3, [x0]', words: [0xc89ffc03], x0: B + 4n, access: 'write' },
  { id: 'STLR', asm: 'stlr w3, [x0]', words: [0x889ffc03], x0: B + 1n, access: 'write' },
  { id: 'STLRH', asm: 'stlrh w3, [x0]', words: [0x489ffc03], x0: B + 3n, access: 'write' },
];

// Read-modify-write atomics report a read access (their read comes first).
const atomic: FaultCase[] = [
  { id: 'LDADD', asm: 'ldadd w1, w2, [x0]', words: [0xb8210002], x0: B + 2n, access: 'read' },
  { id: 'LDADDH', asm: 'ldaddh w1, w2, [x0]', words: [0x78210002], x0: B + 1n, access: 'read' },
  { id: 'LDADD', asm: 'ldaddal x1, x2, [x0]', words: [0xf8e10002], x0: B + 4n, access: 'read' },
  { id: 'LDADD', asm: 'stadd x1, [x0]', words: [0xf821001f], x0: B + 12n, access: 'read' },
  { id: 'LDCLR', asm: 'ldclra w1, w2, [x0]', words: [0xb8a11002], x0: B + 1n, access: 'read' },
  { id: 'LDCLRH', asm: 'ldclrlh w1, w2, [x0]', words: [0x78611002], x0: B + 5n, access: 'read' },
  { id: 'LDEOR', asm: 'ldeor x1, x2, [x0]', words: [0xf8212002], x0: B + 2n, access: 'read' },
  { id: 'LDEORH', asm: 'ldeoralh w1, w2, [x0]', words: [0x78e12002], x0: B + 7n, access: 'read' },
  { id: 'LDSET', asm: 'ldset w1, w2, [x0]', words: [0xb8213002], x0: B + 6n, access: 'read' },
  { id: 'LDSETH', asm: 'ldsetah w1, w2, [x0]', words: [0x78a13002], x0: B + 3n, access: 'read' },
  { id: 'LDSMAX', asm: 'ldsmax x1, x2, [x0]', words: [0xf8214002], x0: B + 1n, access: 'read' },
  { id: 'LDSMAX', asm: 'stsmax w1, [x0]', words: [0xb821401f], x0: B + 2n, access: 'read' },
  { id: 'LDSMAXH', asm: 'ldsmaxlh w1, w2, [x0]', words: [0x78614002], x0: B + 1n, access: 'read' },
  { id: 'LDSMIN', asm: 'ldsmin w1, w2, [x0]', words: [0xb8215002], x0: B + 3n, access: 'read' },
  { id: 'LDSMINH', asm: 'ldsminalh w1, w2, [x0]', words: [0x78e15002], x0: B + 5n, access: 'read' },
  { id: 'LDUMAX', asm: 'ldumax x1, x2, [x0]', words: [0xf8216002], x0: B + 6n, access: 'read' },
  { id: 'LDUMAXH', asm: 'ldumaxah w1, w2, [x0]', words: [0x78a16002], x0: B + 7n, access: 'read' },
  { id: 'LDUMIN', asm: 'ldumin w1, w2, [x0]', words: [0xb8217002], x0: B + 1n, access: 'read' },
  { id: 'LDUMINH', asm: 'lduminlh w1, w2, [x0]', words: [0x78617002], x0: B + 3n, access: 'read' },
  { id: 'SWP', asm: 'swp x1, x2, [x0]', words: [0xf8218002], x0: B + 4n, access: 'read' },
  { id: 'SWP', asm: 'swpal w1, w2, [x0]', words: [0xb8e18002], x0: B + 2n, access: 'read' },
  { id: 'SWPH', asm: 'swph w1, w2, [x0]', words: [0x78218002], x0: B + 1n, access: 'read' },
  { id: 'CAS', asm: 'cas w1, w2, [x0]', words: [0x88a17c02], x0: B + 2n, access: 'read' },
  { id: 'CASH', asm: 'cash w1, w2, [x0]', words: [0x48a17c02], x0: B + 1n, access: 'read' },
  { id: 'CAS', asm: 'casal x1, x2, [x0]', words: [0xc8e1fc02], x0: B + 4n, access: 'read' },
  { id: 'CASP', asm: 'casp w2, w3, w4, w5, [x0]', words: [0x08227c04], x0: B + 4n, access: 'read' },
  { id: 'CASP', asm: 'caspal w2, w3, w4, w5, [x0]', words: [0x0862fc04], x0: B + 12n, access: 'read' },
  { id: 'CASP', asm: 'casp x2, x3, x4, x5, [x0]', words: [0x48227c04], x0: B + 8n, access: 'read' },
  { id: 'CASP', asm: 'caspl x2, x3, x4, x5, [x0]', words: [0x4822fc04], x0: B + 24n, access: 'read' },
];

const priority: FaultCase[] = [
  // Alignment is checked before translation: an unmapped misaligned address is an alignment fault...
  { id: 'LDXR', asm: 'ldxr x1, [x0]', words: [0xc85f7c01], x0: 0xdead00000004n, access: 'read' },
  // ...and so is one whose last bytes would be on the next (unmapped) page.
  { id: 'LDADD', asm: 'ldadd w1, w2, [x0]', words: [0xb8210002], x0: D + BigInt(DATA_SIZE) - 2n, access: 'read' },
  // An aligned access passes the check and faults on translation as before.
  { id: 'STLR', asm: 'stlr w3, [x0]', words: [0x889ffc03], x0: 0xdead00000004n, access: 'write', kind: 'translation' },
];

/** Aligned accesses still work; bytes work at any address. */
const aligned: Case[] = [
  { id: 'LDXRH', asm: 'ldxrh w1, [x0]', words: [0x485f7c01], init: { mem: P, x: { 0: B + 2n, 1: M64 } }, expect: { x: { 1: 0xccddn } } },
  { id: 'LDXR', asm: 'ldxr w1, [x0]', words: [0x885f7c01], init: { mem: P, x: { 0: B + 4n, 1: M64 } }, expect: { x: { 1: 0x8899aabbn } } },
  { id: 'LDXR', asm: 'ldxr x1, [x0]', words: [0xc85f7c01], init: { mem: P, x: { 0: B + 8n } }, expect: { x: { 1: P[0x20108] } } },
  { id: 'LDAXRH', asm: 'ldaxrh w1, [x0]', words: [0x485ffc01], init: { mem: P, x: { 0: B + 6n, 1: M64 } }, expect: { x: { 1: 0x8899n } } },
  { id: 'LDXP', asm: 'ldxp w1, w2, [x0]', words: [0x887f0801], init: { mem: P, x: { 0: B + 8n } }, expect: { x: { 1: 0x89abcdefn, 2: 0x01234567n } } },
  { id: 'LDAXP', asm: 'ldaxp x1, x2, [x0]', words: [0xc87f8801], init: { mem: P, x: { 0: B + 16n } }, expect: { x: { 1: P[0x20110], 2: P[0x20118] } } },
  { id: 'STXRB', asm: 'ldxrb w1, [x0]; stxrb w2, w3, [x0]', words: [0x085f7c01, 0x08027c03], init: { mem: P, x: { 0: B + 1n, 2: M64, 3: X3 } }, expect: { x: { 1: 0xeen, 2: 0n }, mem: { 0x20100: 0x8899aabbccdd88ffn } } },
  { id: 'STXRH', asm: 'ldxrh w1, [x0]; stxrh w2, w3, [x0]', words: [0x485f7c01, 0x48027c03], init: { mem: P, x: { 0: B + 2n, 2: M64, 3: X3 } }, expect: { x: { 1: 0xccddn, 2: 0n }, mem: { 0x20100: 0x8899aabb7788eeffn } } },
  { id: 'STXR', asm: 'ldxr w1, [x0]; stxr w2, w3, [x0]', words: [0x885f7c01, 0x88027c03], init: { mem: P, x: { 0: B + 4n, 2: M64, 3: X3 } }, expect: { x: { 1: 0x8899aabbn, 2: 0n }, mem: { 0x20100: 0x55667788ccddeeffn } } },
  { id: 'STLXP', asm: 'ldaxp w1, w2, [x0]; stlxp w3, w4, w5, [x0]', words: [0x887f8801, 0x88239404], init: { mem: P, x: { 0: B + 8n, 3: M64, 4: X4, 5: X5 } }, expect: { x: { 3: 0n }, mem: { 0x20108: 0x7777888887654321n } } },
  { id: 'STXP', asm: 'ldxp x1, x2, [x0]; stxp w3, x4, x5, [x0]', words: [0xc87f0801, 0xc8231404], init: { mem: P, x: { 0: B + 16n, 3: M64, 4: X4, 5: X5 } }, expect: { x: { 3: 0n }, mem: { 0x20110: X4, 0x20118: X5 } } },
  { id: 'LDXRB', asm: 'ldxrb w1, [x0]', words: [0x085f7c01], init: { mem: P, x: { 0: B + 5n, 1: M64 } }, expect: { x: { 1: 0xaan } } },
  { id: 'LDARB', asm: 'ldarb w4, [x0]', words: [0x08dffc04], init: { mem: P, x: { 0: B + 3n, 4: M64 } }, expect: { x: { 4: 0xccn } } },
  { id: 'LDARH', asm: 'ldarh w4, [x0]', words: [0x48dffc04], init: { mem: P, x: { 0: B + 2n, 4: M64 } }, expect: { x: { 4: 0xccddn } } },
  { id: 'LDAR', asm: 'ldar x4, [x0]', words: [0xc8dffc04], init: { mem: P, x: { 0: B + 8n } }, expect: { x: { 4: P[0x20108] } } },
  { id: 'STLRB', asm: 'stlrb w3, [x0]', words: [0x089ffc03], init: { mem: P, x: { 0: B + 5n, 3: X3 } }, expect: { mem: { 0x20100: 0x889988bbccddeeffn } } },
  { id: 'STLRH', asm: 'stlrh w3, [x0]', words: [0x489ffc03], init: { mem: P, x: { 0: B + 6n, 3: X3 } }, expect: { mem: { 0x20100: 0x7788aabbccddeeffn } } },
  { id: 'STLR', asm: 'stlr w3, [x0]', words: [0x889ffc03], init: { mem: P, x: { 0: B + 4n, 3: X3 } }, expect: { mem: { 0x20100: 0x55667788ccddeeffn } } },
  { id: 'LDADDB', asm: 'ldaddb w1, w2, [x0]', words: [0x38210002], init: { mem: P, x: { 0: B + 7n, 1: 1n, 2: M64 } }, expect: { x: { 2: 0x88n }, mem: { 0x20100: 0x8999aabbccddeeffn } } },
  { id: 'LDSETH', asm: 'ldsetah w1, w2, [x0]', words: [0x78a13002], init: { mem: P, x: { 0: B + 2n, 1: 0x22n } }, expect: { x: { 2: 0xccddn }, mem: { 0x20100: 0x8899aabbccffeeffn } } },
  { id: 'LDADD', asm: 'ldadd w1, w2, [x0]', words: [0xb8210002], init: { mem: P, x: { 0: B + 4n, 1: 1n } }, expect: { x: { 2: 0x8899aabbn }, mem: { 0x20100: 0x8899aabcccddeeffn } } },
  { id: 'LDUMAX', asm: 'ldumax x1, x2, [x0]', words: [0xf8216002], init: { mem: P, x: { 0: B + 8n, 1: 0x1000000000000000n } }, expect: { x: { 2: P[0x20108] }, mem: { 0x20108: 0x1000000000000000n } } },
  { id: 'SWPB', asm: 'swpb w1, w2, [x0]', words: [0x38218002], init: { mem: P, x: { 0: B + 1n, 1: 0x1234n } }, expect: { x: { 2: 0xeen }, mem: { 0x20100: 0x8899aabbccdd34ffn } } },
  { id: 'SWP', asm: 'swp x1, x2, [x0]', words: [0xf8218002], init: { mem: P, x: { 0: B + 8n, 1: X3 } }, expect: { x: { 2: P[0x20108] }, mem: { 0x20108: X3 } } },
  { id: 'CASB', asm: 'casb w1, w2, [x0]', words: [0x08a17c02], init: { mem: P, x: { 0: B + 1n, 1: 0xeen, 2: 0x42n } }, expect: { x: { 1: 0xeen }, mem: { 0x20100: 0x8899aabbccdd42ffn } } },
  { id: 'CASH', asm: 'cash w1, w2, [x0]', words: [0x48a17c02], init: { mem: P, x: { 0: B + 2n, 1: 0xccddn, 2: 0x1234n } }, expect: { x: { 1: 0xccddn }, mem: { 0x20100: 0x8899aabb1234eeffn } } },
  { id: 'CAS', asm: 'cas w1, w2, [x0]', words: [0x88a17c02], init: { mem: P, x: { 0: B + 4n, 1: 0x8899aabbn, 2: X4 } }, expect: { x: { 1: 0x8899aabbn }, mem: { 0x20100: 0x87654321ccddeeffn } } },
  { id: 'CASP', asm: 'casp w2, w3, w4, w5, [x0]', words: [0x08227c04], init: { mem: P, x: { 0: B + 8n, 2: 0x89abcdefn, 3: 0x01234567n, 4: X4, 5: X5 } }, expect: { x: { 2: 0x89abcdefn, 3: 0x01234567n }, mem: { 0x20108: 0x7777888887654321n } } },
  { id: 'CASP', asm: 'caspl x2, x3, x4, x5, [x0]', words: [0x4822fc04], init: { mem: P, x: { 0: B + 16n, 2: P[0x20110], 3: P[0x20118], 4: X4, 5: X5 } }, expect: { x: { 2: P[0x20110], 3: P[0x20118] }, mem: { 0x20110: X4, 0x20118: X5 } } },
];

function runFaults(tt: Test, title: string, cases: FaultCase[]): void {
  tt.test(title, (st) => {
    for (const c of cases) {
      st.test(`${c.id}: ${c.asm} at 0x${c.x0.toString(16)}`, (ct) => {
        checkFault(ct, c);
        ct.end();
      });
    }
    st.end();
  });
}

t.test('misaligned exclusive, ordered and atomic accesses raise an alignment fault', (tt) => {
  runFaults(tt, 'exclusives', exclusive);
  runFaults(tt, 'load-acquire / store-release', ordered);
  runFaults(tt, 'LSE atomics and compare-and-swap', atomic);
  runFaults(tt, 'alignment before translation', priority);
  tt.end();
});

t.test('aligned accesses (and bytes anywhere) do not fault', (tt) => {
  runCases(tt, 'aligned', aligned);
  tt.end();
});

// ---- Linux user mode: SIGBUS with BUS_ADRALN, against qemu-aarch64 ----

const HANDLED = words(
  0xd2a00821, // mov x1, #0x410000            (struct sigaction)
  0xd2a00802, // mov x2, #0x400000
  0x91013042, // add x2, x2, #0x4c            (handler)
  0xf9000022, // str x2, [x1]
  0xd2800082, // mov x2, #0x4                 (SA_SIGINFO)
  0xf9000422, // str x2, [x1, #8]
  0xf900083f, // str xzr, [x1, #16]
  0xf9000c3f, // str xzr, [x1, #24]
  0xd28000e0, // mov x0, #0x7                 (SIGBUS)
  0xd2800002, // mov x2, #0x0
  0xd2800103, // mov x3, #0x8
  0xd28010c8, // mov x8, #0x86                (rt_sigaction)
  0xd4000001, // svc #0x0
  0xd2a00821, // mov x1, #0x410000
  0x91040421, // add x1, x1, #0x101
  0xc85f7c20, // 0x40003c: ldxr x0, [x1]      (faults)
  0xd2800c60, // mov x0, #0x63
  0xd2800ba8, // mov x8, #0x5d                (exit)
  0xd4000001, // svc #0x0
  0xb9400823, // 0x40004c: ldr w3, [x1, #8]   (handler: si_code)
  0xf9400824, // ldr x4, [x1, #16]            (si_addr)
  0xf940dc45, // ldr x5, [x2, #440]           (uc_mcontext.pc)
  0xd1504084, // sub x4, x4, #0x410, lsl #12
  0xd1040084, // sub x4, x4, #0x100
  0xd2a00806, // mov x6, #0x400000
  0x9100f0c6, // add x6, x6, #0x3c
  0xeb0600bf, // cmp x5, x6
  0x9a9f17e7, // cset x7, eq
  0x8b040860, // add x0, x3, x4, lsl #2
  0x8b071000, // add x0, x0, x7, lsl #4       (exit code si_code + 4 * (si_addr - 0x410100) + 16 * (pc == the ldxr))
  0xd2800ba8, // mov x8, #0x5d
  0xd4000001, // svc #0x0
);

const UNHANDLED = words(
  0xd2a00821, // mov x1, #0x410000
  0x91040421, // add x1, x1, #0x101
  0xc85f7c20, // 0x400008: ldxr x0, [x1]
  0xd2800c60, // mov x0, #0x63
  0xd2800ba8, // mov x8, #0x5d
  0xd4000001, // svc #0x0
);

const elfOf = (code: Uint8Array) =>
  makeElf({
    entry: 0x400000,
    segments: [
      { vaddr: 0x400000, flags: 5, data: code },
      { vaddr: 0x410000, flags: 6, data: new Uint8Array(0x200) },
    ],
  });

const qemu = spawnSync('qemu-aarch64', ['--version']).status === 0;

function underQemu(elf: Uint8Array): { status: number | null; signal: NodeJS.Signals | null } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jitvisor-align-'));
  try {
    const file = path.join(dir, 'prog');
    fs.writeFileSync(file, elf, { mode: 0o755 });
    const r = spawnSync('qemu-aarch64', [file], { timeout: 60_000 });
    return { status: r.status, signal: r.signal };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

t.test('user mode: a misaligned LDXR is SIGBUS with BUS_ADRALN, the address and the PC, as under qemu-aarch64', (tt) => {
  const expected = 1 + 4 * 1 + 16; // BUS_ADRALN, si_addr = 0x410101, pc = the ldxr
  for (const tier of ['interp', 'jit'] as const) {
    const handled = new UserModeMachine(elfOf(HANDLED), '/prog', { argv: ['prog'], tier }).run();
    tt.equal(handled.exitCode, expected, `${tier}: the handler saw si_code, si_addr and the PC`);
    const m = new UserModeMachine(elfOf(UNHANDLED), '/prog', { argv: ['prog'], tier });
    const r = m.run();
    tt.equal(r.signal, 7, `${tier}: killed by SIGBUS`);
    tt.equal(r.signalPc, 0x400008n, `${tier}: at the ldxr`);
    tt.match(r.fatal ?? '', /fault address 0x410101/, `${tier}: fault address reported`);
  }
  tt.test('qemu-aarch64', { skip: qemu ? false : 'qemu-aarch64 not installed' }, (qt) => {
    qt.equal(underQemu(elfOf(HANDLED)).status, expected, 'the same exit status');
    qt.equal(underQemu(elfOf(UNHANDLED)).signal, 'SIGBUS', 'killed by SIGBUS');
    qt.end();
  });
  tt.end();
});

/** The cases, for the differential check against qemu-aarch64. */
export const CASES: Case[] = aligned;
export const FAULT_CASES: FaultCase[] = [...exclusive, ...ordered, ...atomic, ...priority];
