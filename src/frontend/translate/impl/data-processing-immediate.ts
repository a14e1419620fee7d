/** Translators: Data processing -- immediate (PC-relative, add/sub, logical, move wide, bitfield, extract). */
import { decodeBitMasks, sext } from '../../a64/bits.js';
import type { TranslationContext } from '../context.js';
import type { Handler, HandlerGroup } from '../handler.js';
import { pcToBigInt } from '../../../ir/value.js';
import type { Value } from '../../../ir/value.js';

function adr(page: boolean): Handler {
  return (c, f) => {
    const imm = sext((f.j! << 2) | f.i!, 21);
    const base = pcToBigInt(c.pc);
    const v = page ? (base & ~0xfffn) + (BigInt(imm) << 12n) : base + BigInt(imm);
    c.setX(f.d!, c.ir.u64n(BigInt.asUintN(64, v)));
    return true;
  };
}

/** ADD/SUB (immediate), optionally setting flags. */
function addSubImm(sub: boolean, setFlags: boolean): Handler {
  return (c, f) => {
    const sf = f.z!;
    const imm = BigInt(f.i!) << (f.h ? 12n : 0n);
    const n = c.regSP(sf, f.n!);
    const m = c.const(sf, imm);
    if (!setFlags) {
      c.setRegSP(sf, f.d!, c.op(sf, sub ? 'Sub' : 'Add', n, m));
      return true;
    }
    const r = c.op(sf, sub ? 'SubWithCarry' : 'AddWithCarry', n, m, c.ir.u1(sub));
    c.setNZCV(c.ir.op('GetNZCVFromOp', r));
    c.setReg(sf, f.d!, r);
    return true;
  };
}

type LogicOp = 'And' | 'Or' | 'Xor';

function logicalImm(op: LogicOp, setFlags: boolean): Handler {
  return (c, f) => {
    const sf = f.z!;
    if (!sf && f.N) return c.unallocated();
    const masks = decodeBitMasks(f.N!, f.s!, f.r!, true, sf ? 64 : 32);
    if (!masks) return c.unallocated();
    const r = c.op(sf, op, c.reg(sf, f.n!), c.const(sf, masks[0]));
    if (setFlags) {
      c.setNZCV(c.ir.op(sf ? 'NZCVLogical64' : 'NZCVLogical32', r));
      c.setReg(sf, f.d!, r);
    } else {
      c.setRegSP(sf, f.d!, r);
    }
    return true;
  };
}

function moveWide(kind: 'N' | 'Z' | 'K'): Handler {
  return (c, f) => {
    const sf = f.z!;
    if (!sf && f.h! >= 2) return c.unallocated();
    const pos = BigInt(f.h! * 16);
    const imm = BigInt(f.i!) << pos;
    const size = sf ? 64 : 32;
    if (kind === 'Z') c.setReg(sf, f.d!, c.const(sf, imm));
    else if (kind === 'N') c.setReg(sf, f.d!, c.const(sf, BigInt.asUintN(size, ~imm)));
    else {
      const keep = c.const(sf, BigInt.asUintN(size, ~(0xffffn << pos)));
      c.setReg(sf, f.d!, c.op(sf, 'Or', c.op(sf, 'And', c.reg(sf, f.d!), keep), c.const(sf, imm)));
    }
    return true;
  };
}

/** Rotate right by a constant (0 = identity). */
export function rorConst(c: TranslationContext, sf: number, v: Value, r: number): Value {
  return r === 0 ? v : c.op(sf, 'Ror', v, c.ir.u32(r));
}

function bitfield(kind: 'S' | 'U' | 'B'): Handler {
  return (c, f) => {
    const sf = f.z!;
    const size = sf ? 64 : 32;
    if (f.N !== sf) return c.unallocated();
    if (!sf && (f.r! >= 32 || f.s! >= 32)) return c.unallocated();
    const masks = decodeBitMasks(f.N!, f.s!, f.r!, false, size);
    if (!masks) return c.unallocated();
    const [wmask, tmask] = masks;
    const R = f.r!, S = f.s!;
    const src = c.reg(sf, f.n!);
    const k = (v: bigint) => c.const(sf, v);
    // Common aliases in their cheapest form.
    if (kind === 'U' && S === size - 1) {
      c.setReg(sf, f.d!, c.op(sf, 'Lsr', src, c.ir.u32(R))); // LSR #R
      return true;
    }
    if (kind === 'U' && S + 1 === R) {
      c.setReg(sf, f.d!, c.op(sf, 'Lsl', src, c.ir.u32(size - R))); // LSL #(size-R)
      return true;
    }
    if (kind === 'S' && S === size - 1) {
      c.setReg(sf, f.d!, c.op(sf, 'Asr', src, c.ir.u32(R))); // ASR #R
      return true;
    }
    if (kind !== 'B' && S >= R) {
      // Extract field [S:R] to the bottom: shift it to the top, then back down.
      const up = c.op(sf, 'Lsl', src, c.ir.u32(size - 1 - S));
      c.setReg(sf, f.d!, c.op(sf, kind === 'S' ? 'Asr' : 'Lsr', up, c.ir.u32(size - 1 - S + R)));
      return true;
    }
    const bot = c.op(sf, 'And', rorConst(c, sf, src, R), k(wmask));
    if (kind === 'U') {
      c.setReg(sf, f.d!, c.op(sf, 'And', bot, k(tmask)));
    } else if (kind === 'S') {
      const top = c.op(sf, 'Asr', c.op(sf, 'Lsl', src, c.ir.u32(size - 1 - S)), c.ir.u32(size - 1));
      c.setReg(sf, f.d!, c.op(sf, 'Or', c.op(sf, 'AndNot', top, k(tmask)), c.op(sf, 'And', bot, k(tmask))));
    } else {
      const dst = c.reg(sf, f.d!);
      const merged = c.op(sf, 'Or', c.op(sf, 'AndNot', dst, k(wmask)), bot);
      c.setReg(sf, f.d!, c.op(sf, 'Or', c.op(sf, 'AndNot', dst, k(tmask)), c.op(sf, 'And', merged, k(tmask))));
    }
    return true;
  };
}

const EXTR: Handler = (c, f) => {
  const sf = f.z!;
  if (f.N !== sf) return c.unallocated();
  if (!sf && f.s! >= 32) return c.unallocated();
  const lsb = f.s!;
  const m = c.reg(sf, f.m!);
  if (lsb === 0) {
    c.setReg(sf, f.d!, m);
    return true;
  }
  const n = c.reg(sf, f.n!);
  if (f.n === f.m) {
    c.setReg(sf, f.d!, c.op(sf, 'Ror', n, c.ir.u32(lsb)));
    return true;
  }
  const size = sf ? 64 : 32;
  c.setReg(sf, f.d!, c.op(sf, 'Or', c.op(sf, 'Lsr', m, c.ir.u32(lsb)), c.op(sf, 'Lsl', n, c.ir.u32(size - lsb))));
  return true;
};

export const DP_IMM_HANDLERS = {
  ADR: adr(false),
  ADRP: adr(true),
  ADD_imm: addSubImm(false, false),
  ADDS_imm: addSubImm(false, true),
  SUB_imm: addSubImm(true, false),
  SUBS_imm: addSubImm(true, true),
  AND_imm: logicalImm('And', false),
  ORR_imm: logicalImm('Or', false),
  EOR_imm: logicalImm('Xor', false),
  ANDS_imm: logicalImm('And', true),
  MOVN: moveWide('N'),
  MOVZ: moveWide('Z'),
  MOVK: moveWide('K'),
  SBFM: bitfield('S'),
  BFM: bitfield('B'),
  UBFM: bitfield('U'),
  EXTR,
} satisfies HandlerGroup;
