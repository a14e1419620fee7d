/** Translators: hints, barriers, CLREX, MSR (immediate), MRS/MSR (register), SYS/SYSL. */
import { type SysEnc, packSysReg } from '../../../hyp/sysregs/encoding.js';
import { canAccess, lookupSysReg } from '../../../hyp/sysregs/table.js';
import type { Handler, HandlerGroup } from '../handler.js';

/** Translation state that the location key will carry in system mode; user mode runs at EL0. */
const EL = 0;

/**
 * Linux emulates EL0 reads of the AArch64 ID space (op0=3, op1=0, CRn=0, CRm=0 or 4..7):
 * MIDR/MPIDR/REVIDR in CRm=0, and in CRm 4..7 every register, unknown ones reading as
 * zero. Anything else there (CRm=0's other registers, the AArch32 ID registers in
 * CRm 1..3, CRm 8..15) is UNDEFINED, as qemu-aarch64 agrees.
 */
function isIdSpace(e: SysEnc): boolean {
  return e.op0 === 3 && e.op1 === 0 && e.crn === 0 && (e.crm === 0 || (e.crm >= 4 && e.crm <= 7));
}

const HINT: Handler = () => true; // NOP, YIELD, WFE, WFI, SEV, SEVL, and the PAC/BTI hints (NOPs without those features)
const CLREX: Handler = (c) => {
  c.ir.op('A64ClearExclusive');
  return true;
};
const barrier: Handler = () => true; // DSB, DMB: one observer, memory is sequentially consistent
const ISB: Handler = (c) => c.endBlock(); // context synchronization: later code is fetched anew

/** MSR (immediate) writes PSTATE fields: none is writable at EL0 without SCTLR_EL1.UMA. */
const MSR_imm: Handler = (c) => c.unallocated();

const MRS: Handler = (c, f) => {
  const e = { op0: 2 + f.o!, op1: f.p!, crn: f.C!, crm: f.M!, op2: f.q! };
  const key = packSysReg(e);
  const r = lookupSysReg(key);
  if (!r) {
    if (!isIdSpace(e) || e.crm === 0) return c.unallocated();
    c.setX(f.t!, c.ir.u64(0, 0));
    return true;
  }
  if (!canAccess(r.access, EL, false, isIdSpace(e))) return c.unallocated();
  const st = r.storage;
  if (st.kind === 'const') c.setX(f.t!, c.ir.u64n(EL === 0 && r.el0View !== undefined ? r.el0View : st.value));
  else if (st.kind === 'nzcv') c.setX(f.t!, c.ir.op('ZeroExtend32To64', c.ir.op('NZCVToU32', c.nzcv())));
  else c.setX(f.t!, c.call64('sysRead', c.ir.u32(key)));
  return true;
};

const MSR_reg: Handler = (c, f) => {
  const key = packSysReg({ op0: 2 + f.o!, op1: f.p!, crn: f.C!, crm: f.M!, op2: f.q! });
  const r = lookupSysReg(key);
  if (!r || !canAccess(r.access, EL, true, false)) return c.unallocated();
  const v = c.X(f.t!);
  if (r.storage.kind === 'nzcv') {
    c.setNZCV(c.ir.op('NZCVFromU32', c.ir.op('Truncate64To32', v)));
    return true;
  }
  if (r.storage.kind === 'const') return c.unallocated();
  c.callVoid('sysWrite', c.ir.u32(key), v);
  return true;
};

const SYS: Handler = (c, f) => {
  const key = packSysReg({ op0: 1, op1: f.p!, crn: f.C!, crm: f.M!, op2: f.q! });
  const r = lookupSysReg(key);
  if (!r || r.storage.kind !== 'op' || !canAccess(r.access, EL, true, false)) return c.unallocated();
  c.callVoid(r.storage.fn, c.X(f.t!));
  return true;
};

/** SYSL: no EL0-accessible system instruction returns a result. */
const SYSL: Handler = (c) => c.unallocated();

export const SYSTEM_HANDLERS = {
  HINT,
  CLREX,
  DSB: barrier,
  DMB: barrier,
  ISB,
  MSR_imm,
  SYS,
  SYSL,
  MSR_reg,
  MRS,
} satisfies HandlerGroup;
