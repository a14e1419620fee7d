/** The system-register table: all rows by packed encoding, and the access check. */
import { EL0_REGS } from './el0.js';
import { packSysReg } from './encoding.js';
import { ID_REGS } from './id.js';
import type { Access, SysRegInfo } from './types.js';

export const SYSREGS: ReadonlyMap<number, SysRegInfo> = (() => {
  const m = new Map<number, SysRegInfo>();
  for (const r of [...EL0_REGS, ...ID_REGS]) {
    const k = packSysReg(r);
    if (m.has(k)) throw new Error(`sysreg table: ${r.name} duplicates ${m.get(k)!.name}`);
    m.set(k, r);
  }
  return m;
})();

export function lookupSysReg(key: number): SysRegInfo | undefined {
  return SYSREGS.get(key);
}

/** Static access check at translation time. emulateIdAtEl0: the register is in the ID space, whose EL0 reads Linux emulates (HWCAP_CPUID). */
export function canAccess(access: Access, el: number, write: boolean, emulateIdAtEl0: boolean): boolean {
  const min = access.startsWith('PL0') ? 0 : access.startsWith('PL1') ? 1 : 2;
  const ok = write ? access.endsWith('W') : access.endsWith('R') || access.endsWith('RW');
  if (!ok) return false;
  if (el >= min) return true;
  return emulateIdAtEl0 && !write && access === 'PL1_R';
}
