/** Stable text form of a block, used by --dump-ir, logs and golden tests. */
import { OPCODES } from './opcodes.js';
import { type Block, type Pc, pcHex, type Terminal, type Value } from './value.js';

function hex(lo: number, hi: number): string {
  return '0x' + ((BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0)).toString(16);
}

export function valueText(v: Value): string {
  if (v.kind === 'inst') return `%${v.id}`;
  switch (v.type) {
    case 'U64':
      return hex(v.lo, v.hi);
    case 'U32':
      return '0x' + (v.lo >>> 0).toString(16);
    case 'NZCV':
      return 'nzcv:' + ((v.lo >>> 28) & 15).toString(2).padStart(4, '0');
    default:
      return String(v.lo);
  }
}

function pcText(pc: Pc): string {
  return '0x' + pcHex(pc);
}

export function terminalText(t: Terminal | undefined): string {
  if (!t) return '<no terminal>';
  switch (t.kind) {
    case 'Link':
      return `Link ${pcText(t.next)}`;
    case 'Branch':
      return `Branch ${valueText(t.cond)} ? ${pcText(t.taken)} : ${pcText(t.notTaken)}`;
    case 'Indirect':
      return `Indirect ${valueText(t.target)}`;
    case 'Exit':
      return `Exit reason=${t.reason} arg=${t.arg} next=${pcText(t.next)}`;
    case 'Undefined':
      return `Undefined at ${pcText(t.at)}`;
  }
}

export function printBlock(b: Block): string {
  b.renumber();
  const lines = [`block ${pcText(b.start)} ctx=${b.ctx} insns=${b.guestCount}`];
  for (const inst of b.insts) {
    const ret = OPCODES[inst.op].ret;
    const lhs = ret === 'Void' ? '' : `%${inst.id}:${ret} = `;
    lines.push(`  ${lhs}${inst.op} ${inst.args.map(valueText).join(', ')}`.trimEnd());
  }
  lines.push('  ' + terminalText(b.terminal));
  return lines.join('\n');
}
