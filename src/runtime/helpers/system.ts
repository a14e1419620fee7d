/** Helper family: system register reads/writes that are not plain IR, and system instructions (DC ZVA ...). */
import { Slot } from '../../backend-js/abi.js';
import { lookupSysReg } from '../../hyp/sysregs/table.js';
import { registerHelpers } from './registry.js';

/** Counter ticks per guest instruction: the virtual clock follows the instruction count (deterministic). */
const TICKS_PER_INSN = 1;

registerHelpers((ctx) => {
  const split = (v: bigint): number => {
    ctx.cpu.s[Slot.RET_HI] = Number(BigInt.asIntN(32, v >> 32n));
    return Number(BigInt.asIntN(32, v));
  };
  const h = {
    /** MRS of a table register whose storage is not inlined: returns lo, hi in RET_HI. */
    sysRead(key: number): number {
      const r = lookupSysReg(key);
      const st = r?.storage;
      if (!st) return split(0n); // RAZ: emulated ID space
      switch (st.kind) {
        case 'const':
          return split(st.value);
        case 'slot':
          return split(BigInt(ctx.cpu.s[st.slot]! >>> 0));
        case 'store': {
          const v = ctx.cpu.sys.get(key);
          return v ? ((ctx.cpu.s[Slot.RET_HI] = v[1]), v[0]) : split(st.reset);
        }
        case 'fn':
          return (h as unknown as Record<string, () => number>)[st.read!]!();
        default:
          return split(0n);
      }
    },
    sysWrite(key: number, lo: number, hi: number): void {
      const st = lookupSysReg(key)?.storage;
      if (st?.kind === 'slot') ctx.cpu.s[st.slot] = lo & st.mask;
      else if (st?.kind === 'store') ctx.cpu.sys.set(key, [lo | 0, hi | 0]);
    },
    sysReadCounter(): number {
      return split(BigInt(Math.floor(ctx.cpu.icount * TICKS_PER_INSN)));
    },
    /** DC ZVA: zero the 64-byte block containing the address (faults like a store). */
    dcZva(lo: number, hi: number): void {
      const base = lo & ~63;
      ctx.mem.probe(base, hi, 'write');
      for (let k = 0; k < 64; k += 8) ctx.mem.st64(base + k, hi, 0, 0);
    },
    /** Cache maintenance by VA: nothing to do (writes to code pages are caught by the memory system). */
    dcNop(_lo: number, _hi: number): void {},
  };
  return h;
}, { memory: true });
