/** The fuzz report: per-row table, the first mismatch of each row in full, coverage, and the final line. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signalName } from './compare.js';
import type { FuzzReport, Mismatch } from './fuzz.js';

const hex8 = (w: number): string => (w >>> 0).toString(16).padStart(8, '0');

/** objdump's disassembly of words, or undefined when binutils for AArch64 is not installed. */
export function disassemble(words: number[]): string[] | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'jitvisor-dis-'));
  try {
    const file = join(dir, 'w.bin');
    const b = Buffer.alloc(4 * words.length);
    words.forEach((w, i) => b.writeUInt32LE(w >>> 0, 4 * i));
    writeFileSync(file, b);
    const r = spawnSync('aarch64-linux-gnu-objdump', ['-D', '-b', 'binary', '-m', 'aarch64', file], { encoding: 'utf8' });
    if (r.status !== 0) return undefined;
    const out: string[] = [];
    for (const line of r.stdout.split('\n')) {
      const m = /^\s*[0-9a-f]+:\s+[0-9a-f]{8}\s+(.*)$/.exec(line);
      if (m) out.push(m[1]!.replace(/\s+/g, ' ').trim());
    }
    return out.length === words.length ? out : undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatMismatch(m: Mismatch): string {
  const dis = disassemble([m.word])?.[0] ?? '(install binutils-aarch64-linux-gnu for disassembly)';
  const lines = [`  ${m.rowId}: word 0x${hex8(m.word)}  ${dis}   [--tier=${m.tier}, qemu -cpu ${m.cpu}]`];
  if (m.sequence) {
    const d = disassemble(m.sequence);
    lines.push(`    minimised from the sequence: ${m.sequence.map((w, i) => `${hex8(w)}${d ? ` (${d[i]})` : ''}`).join('; ')}`);
  }
  lines.push(`    qemu ended with ${signalName(m.ref.status)}; differences (qemu vs jitvisor):`);
  for (const d of m.diffs.slice(0, 24)) lines.push(`      ${d.what.padEnd(14)} ${d.ref.padEnd(36)} ${d.ours}`);
  if (m.diffs.length > 24) lines.push(`      ... ${m.diffs.length - 24} more`);
  const regs = m.state.x.map((v, i) => `x${i}=0x${v.toString(16)}`);
  lines.push(`    starting state: ${regs.join(' ')} sp=0x${m.state.sp.toString(16)} nzcv=0x${(m.state.nzcv >>> 28).toString(16)} fpcr=0x${m.state.fpcr.toString(16)} fpsr=0x${m.state.fpsr.toString(16)}`);
  return lines.join('\n');
}

export function formatReport(r: FuzzReport, verbose: boolean): string {
  const out: string[] = [];
  const fuzzed = r.rows.filter((x) => x.instances > 0);
  const bad = r.rows.filter((x) => x.mismatches > 0);
  if (verbose) {
    out.push('row                              instances  mismatches  endings under qemu');
    for (const x of r.rows) {
      const endings = [...x.endings].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s === 0 ? 'ok' : signalName(s)} ${n}`).join(', ');
      out.push(`${x.id.padEnd(32)} ${String(x.instances).padStart(9)}  ${String(x.mismatches).padStart(10)}  ${endings}${x.ungenerated ? '  (no valid instance drawn)' : ''}`);
    }
  }
  if (bad.length) {
    out.push(`first mismatch of each of the ${bad.length} rows that differ:`);
    for (const x of bad) out.push(formatMismatch(x.first!));
  }
  if (r.sequences.first) {
    out.push('first mismatching sequence:');
    out.push(formatMismatch(r.sequences.first));
  }
  const ungenerated = r.rows.filter((x) => x.ungenerated).map((x) => x.id);
  if (ungenerated.length) out.push(`rows with no valid instance: ${ungenerated.join(', ')}`);
  for (const p of [...new Set(r.problems)]) out.push(`problem: ${p}`);
  const tiers = Object.entries(r.ms.ours).map(([t, ms]) => `${t} ${(ms / 1000).toFixed(1)} s`).join(', ');
  out.push(
    `coverage: ${fuzzed.length} of ${r.tableRows} table rows fuzzed; ${r.instances} instructions (${r.rows.reduce((a, x) => a + x.instances, 0)} single, ${r.sequences.instructions} in ${r.sequences.cases} sequences), each compared in ${r.tiers.join(' and ')}; seed ${r.seed}`,
  );
  out.push(`time: qemu ${(r.ms.qemu / 1000).toFixed(1)} s, jitvisor ${tiers}, total ${(r.ms.total / 1000).toFixed(1)} s`);
  out.push(`fuzz: rows ${fuzzed.length}/${r.tableRows}, instructions ${r.compared}, mismatches ${r.mismatches}`);
  return out.join('\n');
}
