/** Translators: branches (B, BL, B.cond, CBZ/CBNZ, TBZ/TBNZ, BR/BLR/RET) and exception generation (SVC, HVC, SMC, BRK, HLT). */
import { ExitReason } from '../../../backend-js/abi.js';
import { sext } from '../../a64/bits.js';
import type { Handler, HandlerGroup } from '../handler.js';

const B_uncond: Handler = (c, f) => c.branch(c.pcRel(sext(f.i!, 26) * 4));

const BL: Handler = (c, f) => {
  const ret = c.nextPc();
  c.setX(30, c.ir.u64(ret.lo, ret.hi));
  c.block.returnHint = ret;
  return c.branch(c.pcRel(sext(f.i!, 26) * 4));
};

const B_cond: Handler = (c, f) => {
  const target = c.pcRel(sext(f.i!, 19) * 4);
  if (f.c! >= 14) return c.branch(target); // AL and NV both mean "always"
  return c.branchIf(c.ir.op('TestCond', c.nzcv(), c.ir.imm(f.c!)), target);
};

function compareBranch(nonZero: boolean): Handler {
  return (c, f) => {
    const sf = f.z!;
    let cond = c.ir.op(sf ? 'IsZero64' : 'IsZero32', c.reg(sf, f.t!));
    if (nonZero) cond = c.ir.op('Not1', cond);
    return c.branchIf(cond, c.pcRel(sext(f.i!, 19) * 4));
  };
}

function testBranch(nonZero: boolean): Handler {
  return (c, f) => {
    const bit = (f.b! << 5) | f.e!;
    const v = f.b ? c.X(f.t!) : c.W(f.t!);
    let cond = c.ir.op(f.b ? 'TestBit64' : 'TestBit32', v, c.ir.imm(bit));
    if (!nonZero) cond = c.ir.op('Not1', cond);
    return c.branchIf(cond, c.pcRel(sext(f.i!, 14) * 4));
  };
}

const BR: Handler = (c, f) => c.branchIndirect(c.X(f.n!));
const RET: Handler = (c, f) => c.branchIndirect(c.X(f.n!));
const BLR: Handler = (c, f) => {
  const target = c.X(f.n!); // read before writing X30 (BLR X30)
  const ret = c.nextPc();
  c.setX(30, c.ir.u64(ret.lo, ret.hi));
  c.block.returnHint = ret;
  return c.branchIndirect(target);
};

const SVC: Handler = (c, f) => c.exit(ExitReason.Svc, f.i!);
const BRK: Handler = (c, f) => c.exit(ExitReason.Brk, f.i!);
/** HVC, SMC and HLT are UNDEFINED at EL0 (and HLT without halting debug). System mode routes them in src/hyp. */
const undefinedAtEl0: Handler = (c) => c.unallocated();

export const BRANCH_HANDLERS = {
  B_uncond,
  BL,
  B_cond,
  CBZ: compareBranch(false),
  CBNZ: compareBranch(true),
  TBZ: testBranch(false),
  TBNZ: testBranch(true),
  BR,
  BLR,
  RET,
  SVC,
  HVC: undefinedAtEl0,
  SMC: undefinedAtEl0,
  BRK,
  HLT: undefinedAtEl0,
} satisfies HandlerGroup;
