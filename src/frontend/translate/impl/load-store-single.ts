/**
 * Translators: load/store of one register (general or SIMD&FP) with an
 * immediate (unsigned scaled, unscaled, pre-/post-index), register offset,
 * unprivileged (LDTR/STTR: at EL0 the normal access) and literal
 * addressing, and the prefetches (no-ops that never fault).
 *
 * CONSTRAINED UNPREDICTABLE choices (as qemu-aarch64 7.2 behaves):
 *   load with writeback and Rt == Rn: Rn gets the written-back address (the
 *     loaded value is lost) -- the base writeback is the last register write;
 *   store with writeback and Rt == Rn: the value stored is Rn before the writeback.
 */
import { sext } from '../../a64/bits.js';
import type { Fields } from '../../decoder/bitpattern.js';
import type { Value } from '../../../ir/value.js';
import type { TranslationContext } from '../context.js';
import type { Handler, HandlerGroup } from '../handler.js';
import {
  addOffset,
  base,
  extendedOffset,
  extendLoaded,
  fpScale,
  type GenLoad,
  getVec,
  pcRelAddr,
  readMem,
  readVec,
  type Scale,
  setLoaded,
  setVec,
  storeData,
  writeMem,
  writeVec,
} from './load-store-common.js';

/** What one row transfers, from its fields (undefined: reserved encoding). */
type Access =
  | { kind: 'load'; k: GenLoad }
  | { kind: 'store'; scale: 0 | 1 | 2 | 3 }
  | { kind: 'prefetch' }
  | { kind: 'vload'; scale: Scale }
  | { kind: 'vstore'; scale: Scale };
type AccessOf = (f: Fields) => Access | undefined;

const accessScale = (a: Access): Scale => (a.kind === 'load' ? a.k.scale : a.kind === 'prefetch' ? 3 : a.scale);

// ---- the transfers of each instruction (Arm ARM shared decode) ----
const strb: AccessOf = () => ({ kind: 'store', scale: 0 });
const strh: AccessOf = () => ({ kind: 'store', scale: 1 });
/** STR: size<0> (z) selects W or X. */
const str: AccessOf = (f) => ({ kind: 'store', scale: f.z ? 3 : 2 });
const ldrb: AccessOf = () => ({ kind: 'load', k: { scale: 0, signed: false, dest64: false } });
const ldrh: AccessOf = () => ({ kind: 'load', k: { scale: 1, signed: false, dest64: false } });
const ldr: AccessOf = (f) => ({ kind: 'load', k: { scale: f.z ? 3 : 2, signed: false, dest64: !!f.z } });
/** LDRSB/LDRSH: opc<0> (c) = 1 selects a W destination, 0 an X destination. */
const ldrsb: AccessOf = (f) => ({ kind: 'load', k: { scale: 0, signed: true, dest64: !f.c } });
const ldrsh: AccessOf = (f) => ({ kind: 'load', k: { scale: 1, signed: true, dest64: !f.c } });
const ldrsw: AccessOf = () => ({ kind: 'load', k: { scale: 2, signed: true, dest64: true } });
const prfm: AccessOf = () => ({ kind: 'prefetch' });
/** SIMD&FP: size:opc<1> gives B/H/S/D/Q; the other values are reserved. */
const strFp: AccessOf = (f) => {
  const scale = fpScale(f.x!, f.e!);
  return scale === undefined ? undefined : { kind: 'vstore', scale };
};
const ldrFp: AccessOf = (f) => {
  const scale = fpScale(f.x!, f.e!);
  return scale === undefined ? undefined : { kind: 'vload', scale };
};

type Mode = 'unsigned' | 'unscaled' | 'pre' | 'post' | 'reg';

/** Effective address and the base writeback value (pre/post-index) of an addressing mode. */
function address(c: TranslationContext, f: Fields, mode: Mode, scale: Scale): { addr: Value; wb?: Value } | undefined {
  if (mode === 'reg') {
    const off = extendedOffset(c, f.m!, f.o!, f.S ? scale : 0);
    if (!off) return undefined;
    return { addr: c.ir.op('Add64', base(c, f.n!), off) };
  }
  const b = base(c, f.n!);
  if (mode === 'unsigned') return { addr: addOffset(c, b, f.i! << scale) };
  const imm = sext(f.i!, 9);
  if (mode === 'unscaled') return { addr: addOffset(c, b, imm) };
  const moved = addOffset(c, b, imm);
  return mode === 'pre' ? { addr: moved, wb: moved } : { addr: b, wb: moved };
}

/** Do the access of `a` at addr: memory first, then the register write. */
function transfer(c: TranslationContext, a: Access, t: number, addr: Value): void {
  switch (a.kind) {
    case 'prefetch':
      return;
    case 'store':
      writeMem(c, a.scale, addr, storeData(c, a.scale, t));
      return;
    case 'load':
      setLoaded(c, a.k, t, extendLoaded(c, a.k, readMem(c, a.k.scale, addr)));
      return;
    case 'vstore':
      writeVec(c, a.scale, addr, getVec(c, a.scale, t));
      return;
    case 'vload':
      setVec(c, a.scale, t, readVec(c, a.scale, addr));
      return;
  }
}

function single(accessOf: AccessOf, mode: Mode): Handler {
  return (c, f) => {
    const a = accessOf(f);
    if (!a) return c.unallocated();
    if (mode === 'reg' && (f.o! & 2) === 0) return c.unallocated();
    if (a.kind === 'prefetch') return true; // PRFM/PRFUM: a hint; never faults
    const am = address(c, f, mode, accessScale(a))!;
    transfer(c, a, f.t!, am.addr);
    if (am.wb) c.setXSP(f.n!, am.wb);
    return true;
  };
}

/** LDR (literal) family: PC + imm19 * 4. */
function literal(accessOf: AccessOf): Handler {
  return (c, f) => {
    const a = accessOf(f);
    if (!a) return c.unallocated();
    if (a.kind === 'prefetch') return true;
    transfer(c, a, f.t!, pcRelAddr(c, sext(f.i!, 19) * 4));
    return true;
  };
}

const ldrLit: AccessOf = (f) => ({ kind: 'load', k: { scale: f.z ? 3 : 2, signed: false, dest64: !!f.z } });
/** SIMD&FP literal: opc 00 = S, 01 = D, 10 = Q, 11 reserved. */
const ldrLitFp: AccessOf = (f) => (f.x === 3 ? undefined : { kind: 'vload', scale: (f.x! + 2) as Scale });

export const LDST_SINGLE_HANDLERS = {
  LDR_lit: literal(ldrLit),
  LDRSW_lit: literal(ldrsw),
  PRFM_lit: literal(prfm),
  LDR_lit_fpsimd: literal(ldrLitFp),

  STRB_imm_unsigned: single(strb, 'unsigned'),
  LDRB_imm_unsigned: single(ldrb, 'unsigned'),
  LDRSB_imm_unsigned: single(ldrsb, 'unsigned'),
  STRH_imm_unsigned: single(strh, 'unsigned'),
  LDRH_imm_unsigned: single(ldrh, 'unsigned'),
  LDRSH_imm_unsigned: single(ldrsh, 'unsigned'),
  STR_imm_unsigned: single(str, 'unsigned'),
  LDR_imm_unsigned: single(ldr, 'unsigned'),
  LDRSW_imm_unsigned: single(ldrsw, 'unsigned'),
  PRFM_imm: single(prfm, 'unsigned'),
  STR_imm_fpsimd_unsigned: single(strFp, 'unsigned'),
  LDR_imm_fpsimd_unsigned: single(ldrFp, 'unsigned'),

  STURB: single(strb, 'unscaled'),
  LDURB: single(ldrb, 'unscaled'),
  LDURSB: single(ldrsb, 'unscaled'),
  STURH: single(strh, 'unscaled'),
  LDURH: single(ldrh, 'unscaled'),
  LDURSH: single(ldrsh, 'unscaled'),
  STUR: single(str, 'unscaled'),
  LDUR: single(ldr, 'unscaled'),
  LDURSW: single(ldrsw, 'unscaled'),
  PRFUM: single(prfm, 'unscaled'),
  STUR_fpsimd: single(strFp, 'unscaled'),
  LDUR_fpsimd: single(ldrFp, 'unscaled'),

  STRB_imm_post: single(strb, 'post'),
  LDRB_imm_post: single(ldrb, 'post'),
  LDRSB_imm_post: single(ldrsb, 'post'),
  STRH_imm_post: single(strh, 'post'),
  LDRH_imm_post: single(ldrh, 'post'),
  LDRSH_imm_post: single(ldrsh, 'post'),
  STR_imm_post: single(str, 'post'),
  LDR_imm_post: single(ldr, 'post'),
  LDRSW_imm_post: single(ldrsw, 'post'),
  STR_imm_fpsimd_post: single(strFp, 'post'),
  LDR_imm_fpsimd_post: single(ldrFp, 'post'),

  // Unprivileged: user mode runs at EL0, where LDTR/STTR are the ordinary accesses.
  STTRB: single(strb, 'unscaled'),
  LDTRB: single(ldrb, 'unscaled'),
  LDTRSB: single(ldrsb, 'unscaled'),
  STTRH: single(strh, 'unscaled'),
  LDTRH: single(ldrh, 'unscaled'),
  LDTRSH: single(ldrsh, 'unscaled'),
  STTR: single(str, 'unscaled'),
  LDTR: single(ldr, 'unscaled'),
  LDTRSW: single(ldrsw, 'unscaled'),

  STRB_imm_pre: single(strb, 'pre'),
  LDRB_imm_pre: single(ldrb, 'pre'),
  LDRSB_imm_pre: single(ldrsb, 'pre'),
  STRH_imm_pre: single(strh, 'pre'),
  LDRH_imm_pre: single(ldrh, 'pre'),
  LDRSH_imm_pre: single(ldrsh, 'pre'),
  STR_imm_pre: single(str, 'pre'),
  LDR_imm_pre: single(ldr, 'pre'),
  LDRSW_imm_pre: single(ldrsw, 'pre'),
  STR_imm_fpsimd_pre: single(strFp, 'pre'),
  LDR_imm_fpsimd_pre: single(ldrFp, 'pre'),

  STRB_reg: single(strb, 'reg'),
  LDRB_reg: single(ldrb, 'reg'),
  LDRSB_reg: single(ldrsb, 'reg'),
  STRH_reg: single(strh, 'reg'),
  LDRH_reg: single(ldrh, 'reg'),
  LDRSH_reg: single(ldrsh, 'reg'),
  STR_reg: single(str, 'reg'),
  LDR_reg: single(ldr, 'reg'),
  LDRSW_reg: single(ldrsw, 'reg'),
  PRFM_reg: single(prfm, 'reg'),
  STR_reg_fpsimd: single(strFp, 'reg'),
  LDR_reg_fpsimd: single(ldrFp, 'reg'),
} satisfies HandlerGroup;
