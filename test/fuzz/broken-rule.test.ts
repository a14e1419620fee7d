/**
 * The fuzzer catches a wrong translator: each test swaps one row's handler for
 * a subtly broken one (here, not in the code), fuzzes that row, and expects
 * mismatches attributed to it, then restores the handler.
 */
import t from 'tap';
import { HANDLERS } from '../../src/frontend/translate/handlers.js';
import type { Handler } from '../../src/frontend/translate/handler.js';
import { runFuzz } from '../../src/fuzz/fuzz.js';
import { qemuMissing } from '../../src/fuzz/run.js';

const missing = qemuMissing();
if (missing) throw new Error(missing);

function withHandler(id: keyof typeof HANDLERS, broken: Handler, fn: () => void): void {
  const saved = HANDLERS[id];
  HANDLERS[id] = broken;
  try {
    fn();
  } finally {
    HANDLERS[id] = saved;
  }
}

t.test('ADD (immediate) that forgets the shifted form is caught', (t) => {
  const good = HANDLERS.ADD_imm;
  // Broken: treat "LSL #12" (field h) as no shift.
  withHandler('ADD_imm', (c, f) => good(c, { ...f, h: 0 }), () => {
    const r = runFuzz({ seed: 99, perRow: 40, rows: /^ADD_imm$/, tiers: ['interp', 'jit'], sequences: 0, maxSeqLen: 2, batch: 1000 });
    const row = r.rows.find((x) => x.id === 'ADD_imm')!;
    t.ok(row.mismatches > 0, `mismatches found: ${row.mismatches}`);
    t.equal(row.first?.rowId, 'ADD_imm');
    t.ok(row.first!.diffs.some((d) => /^(x\d+|sp)$/.test(d.what)), 'a destination register differs');
  });
  t.end();
});

t.test('a flag-setting compare with the carry inverted is caught', (t) => {
  const good = HANDLERS.SUBS_shift;
  withHandler('SUBS_shift', (c, f) => {
    const ok = good(c, f);
    c.setNZCV(c.ir.op('NZCVFromU32', c.ir.op('Xor32', c.ir.op('NZCVToU32', c.nzcv()), c.ir.u32(0x20000000))));
    return ok;
  }, () => {
    const r = runFuzz({ seed: 5, perRow: 30, rows: /^SUBS_shift$/, tiers: ['jit'], sequences: 0, maxSeqLen: 2, batch: 1000 });
    const row = r.rows.find((x) => x.id === 'SUBS_shift')!;
    t.ok(row.mismatches > 0);
    t.equal(row.mismatches, row.endings.get(0), 'every instance that completes differs (the others are UNDEFINED in both)');
    t.ok(row.first!.diffs.some((d) => d.what === 'nzcv'));
  });
  t.end();
});

t.test('a mismatch inside a sequence is minimised to the one instruction', (t) => {
  const good = HANDLERS.EOR_shift;
  withHandler('EOR_shift', (c, f) => good(c, { ...f, m: (f.m! + 1) % 31 }), () => {
    const r = runFuzz({ seed: 11, perRow: 0, rows: /^(EOR_shift|ADD_shift|ORR_shift|SUB_shift)$/, tiers: ['interp'], sequences: 60, maxSeqLen: 6, batch: 1000 });
    t.ok(r.sequences.mismatches > 0, 'sequences differ');
    t.equal(r.sequences.first?.rowId, 'EOR_shift', 'minimised to the broken row');
    t.ok(r.sequences.first?.sequence && r.sequences.first.sequence.length >= 2, 'keeps the sequence it came from');
  });
  t.end();
});
