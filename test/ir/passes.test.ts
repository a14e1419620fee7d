/** IR passes on hand-built blocks, checked through the printed IR. */
import t from 'tap';
import { IrBuilder } from '../../src/ir/builder.js';
import { constantFolding } from '../../src/ir/opt/constant-folding.js';
import { deadCodeElimination } from '../../src/ir/opt/dead-code-elimination.js';
import { getSetElimination } from '../../src/ir/opt/get-set-elimination.js';
import { optimize } from '../../src/ir/opt/pipeline.js';
import { verify } from '../../src/ir/opt/verify.js';
import { printBlock } from '../../src/ir/print.js';
import { Block } from '../../src/ir/value.js';

function block(build: (b: IrBuilder) => void): Block {
  const blk = new Block({ lo: 0x1000, hi: 0 });
  build(new IrBuilder(blk));
  if (!blk.terminal) blk.terminal = { kind: 'Link', next: { lo: 0x1004, hi: 0 } };
  return blk;
}
const body = (b: Block) => printBlock(b).split('\n').slice(1, -1).map((l) => l.trim());

t.test('get/set elimination forwards values and drops overwritten sets', (t) => {
  const b = block((ir) => {
    const x1 = ir.op('A64GetX', ir.imm(1));
    ir.op('A64SetX', ir.imm(2), x1);
    const again = ir.op('A64GetX', ir.imm(2)); // forwarded from the set
    ir.op('A64SetX', ir.imm(3), again);
    ir.op('A64SetX', ir.imm(3), ir.u64(5, 0)); // the first set of x3 is dead
  });
  getSetElimination(b);
  t.same(body(b), ['%0:U64 = A64GetX 1', 'A64SetX 2, %0', 'A64SetX 3, 0x5']);
  t.end();
});

t.test('a get answered from a known value does not keep the set it read alive', (t) => {
  // orr x6, x5, x4; rev x6, x6: the first set of x6 is overwritten, its get forwarded.
  const b = block((ir) => {
    const x5 = ir.op('A64GetX', ir.imm(5));
    const x4 = ir.op('A64GetX', ir.imm(4));
    ir.op('A64SetX', ir.imm(6), ir.op('Or64', x5, x4));
    ir.op('A64SetX', ir.imm(6), ir.op('ByteReverse64', ir.op('A64GetX', ir.imm(6))));
    ir.op('A64SetNZCV', ir.nzcv(0b0100));
    const nz = ir.op('A64GetNZCV'); // forwarded from the set
    ir.op('A64SetNZCV', ir.nzcv(0b1000));
    ir.op('A64SetX', ir.imm(7), ir.op('ZeroExtend32To64', ir.op('NZCVToU32', nz)));
    const w6 = ir.op('A64GetW', ir.imm(6)); // a W read of an X set is not forwarded: it observes x6
    ir.op('A64SetX', ir.imm(6), ir.op('ZeroExtend32To64', w6));
  });
  getSetElimination(b);
  const lines = body(b);
  t.equal(lines.filter((l) => l.startsWith('A64SetX 6')).length, 2, 'the set before rev is dropped; the one read by the W get stays');
  t.equal(lines.filter((l) => l.startsWith('A64SetNZCV')).length, 1, 'the NZCV set read only through a forwarded get is dropped');
  t.notOk(lines.some((l) => l.includes('A64GetX 6') || l.includes('A64GetNZCV')), 'both gets are forwarded');
  t.end();
});

t.test('a memory access keeps an earlier set alive (a fault makes it visible)', (t) => {
  const b = block((ir) => {
    ir.op('A64SetNZCV', ir.nzcv(0b0100));
    ir.op('Read32', ir.u64(0x2000, 0));
    ir.op('A64SetNZCV', ir.nzcv(0b1000));
  });
  getSetElimination(b);
  t.equal(body(b).filter((l) => l.startsWith('A64SetNZCV')).length, 2);
  const c = block((ir) => {
    ir.op('A64SetNZCV', ir.nzcv(0b0100));
    ir.op('A64SetNZCV', ir.nzcv(0b1000));
  });
  getSetElimination(c);
  t.same(body(c), ['A64SetNZCV nzcv:1000'], 'dead flags dropped without a fault point between');
  t.end();
});

t.test('vector registers: gets reuse known lanes, covered sets are dropped, overlaps are forgotten', (t) => {
  const b = block((ir) => {
    const d = ir.op('A64GetV64', ir.imm(1), ir.imm(0));
    ir.op('A64SetV32', ir.imm(2), ir.imm(1), ir.u32(7)); // bytes 4..7 of v2: dead, covered by the next set
    ir.op('A64SetV64', ir.imm(2), ir.imm(0), d);
    ir.op('A64ZeroVHigh', ir.imm(2));
    const lo = ir.op('A64GetV64', ir.imm(2), ir.imm(0)); // forwarded: %0
    const hi = ir.op('A64GetV64', ir.imm(2), ir.imm(1)); // forwarded: zero
    const w = ir.op('A64GetV32', ir.imm(2), ir.imm(1)); // a narrower range of a known one: read
    ir.op('A64SetV64', ir.imm(3), ir.imm(0), lo);
    ir.op('A64SetV64', ir.imm(3), ir.imm(1), hi);
    ir.op('A64SetV32', ir.imm(4), ir.imm(0), w);
  });
  getSetElimination(b);
  t.same(body(b), [
    '%0:U64 = A64GetV64 1, 0',
    'A64SetV64 2, 0, %0',
    'A64ZeroVHigh 2',
    '%3:U32 = A64GetV32 2, 1',
    'A64SetV64 3, 0, %0',
    'A64SetV64 3, 1, 0x0',
    'A64SetV32 4, 0, %3',
  ]);
  t.end();
});

t.test('constant folding evaluates pure ops and applies identities', (t) => {
  const b = block((ir) => {
    const k = ir.op('Add64', ir.u64(-1, 0), ir.u64(1, 0)); // carries into the high word
    const x = ir.op('A64GetX', ir.imm(4));
    const mov = ir.op('Or64', ir.u64(0, 0), x); // MOV x5, x4 = ORR x5, xzr, x4
    const sh = ir.op('Lsl64', mov, ir.u32(0));
    ir.op('A64SetX', ir.imm(5), sh);
    ir.op('A64SetX', ir.imm(6), k);
  });
  constantFolding(b);
  deadCodeElimination(b);
  t.same(body(b), ['%0:U64 = A64GetX 4', 'A64SetX 5, %0', 'A64SetX 6, 0x100000000']);
  t.end();
});

t.test('dead code elimination keeps memory ops and sets, drops unused pure ops and gets', (t) => {
  const b = block((ir) => {
    ir.op('A64GetX', ir.imm(1));
    ir.op('Mul64', ir.op('A64GetX', ir.imm(2)), ir.op('A64GetX', ir.imm(3)));
    ir.op('Read8', ir.u64(0x3000, 0));
  });
  deadCodeElimination(b);
  t.same(body(b), ['%0:U32 = Read8 0x3000']);
  t.end();
});

t.test('the pipeline output verifies; verify rejects broken blocks', (t) => {
  const b = block((ir) => {
    const a = ir.op('A64GetW', ir.imm(1));
    const r = ir.op('SubWithCarry32', a, ir.u32(7), ir.u1(1));
    ir.op('A64SetNZCV', ir.op('GetNZCVFromOp', r));
  });
  optimize(b);
  t.doesNotThrow(() => verify(b));
  const bad = block(() => {});
  bad.terminal = undefined;
  t.throws(() => verify(bad), /no terminal/);
  t.end();
});
