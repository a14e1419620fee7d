/**
 * The CI sample of the differential fuzzer: a fixed seed, every decoder row,
 * single instructions and sequences, both tiers, against qemu-aarch64. Any
 * mismatch fails the test with the fuzzer's own report (word, disassembly,
 * differing registers).
 */
import t from 'tap';
import { runFuzz } from '../../src/fuzz/fuzz.js';
import { formatReport } from '../../src/fuzz/report.js';
import { qemuMissing } from '../../src/fuzz/run.js';

const missing = qemuMissing();
if (missing) throw new Error(missing);

t.test('seed 20261124: every row, both tiers, no mismatch', (t) => {
  const report = runFuzz({ seed: 20261124, perRow: 6, tiers: ['interp', 'jit'], sequences: 300, maxSeqLen: 12, batch: 1000 });
  const text = formatReport(report, false);
  t.comment(text.split('\n').slice(-3).join('\n'));
  t.equal(report.rows.filter((r) => r.instances > 0).length, report.tableRows, 'every table row fuzzed');
  t.equal(report.problems.length, 0, report.problems.join('; '));
  t.equal(report.mismatches, 0, text);
  t.match(text, /^fuzz: rows \d+\/\d+, instructions \d+, mismatches 0$/m);
  t.end();
});
