/** Translators: Data processing -- register (logical/add/sub shifted and extended, carry, conditional, 1/2/3-source). */
import type { Value } from '../../../ir/value.js';
import type { TranslationContext } from '../context.js';
import type { Handler, HandlerGroup } from '../handler.js';

/** ShiftReg(Rm, type, amount): LSL, LSR, ASR, ROR. */
function shifted(c: TranslationContext, sf: number, m: number, type: number, amount: number): Value {
  const v = c.reg(sf, m);
  if (amount === 0) return v;
  const op = (['Lsl', 'Lsr', 'Asr', 'Ror'] as const)[type]!;
  return c.op(sf, op, v, c.ir.u32(amount));
}

type LogicOp = 'And' | 'AndNot' | 'Or' | 'OrNot' | 'Xor' | 'XorNot';

function logicalShift(op: LogicOp, setFlags: boolean): Handler {
  return (c, f) => {
    const sf = f.z!;
    if (!sf && f.i! >= 32) return c.unallocated();
    const m = shifted(c, sf, f.m!, f.h!, f.i!);
    const r = c.op(sf, op, c.reg(sf, f.n!), m);
    if (setFlags) c.setNZCV(c.ir.op(sf ? 'NZCVLogical64' : 'NZCVLogical32', r));
    c.setReg(sf, f.d!, r);
    return true;
  };
}

function addSub(c: TranslationContext, sf: number, sub: boolean, setFlags: boolean, n: Value, m: Value): Value {
  if (!setFlags) return c.op(sf, sub ? 'Sub' : 'Add', n, m);
  const r = c.op(sf, sub ? 'SubWithCarry' : 'AddWithCarry', n, m, c.ir.u1(sub));
  c.setNZCV(c.ir.op('GetNZCVFromOp', r));
  return r;
}

function addSubShift(sub: boolean, setFlags: boolean): Handler {
  return (c, f) => {
    const sf = f.z!;
    if (f.h === 3 || (!sf && f.i! >= 32)) return c.unallocated();
    const m = shifted(c, sf, f.m!, f.h!, f.i!);
    c.setReg(sf, f.d!, addSub(c, sf, sub, setFlags, c.reg(sf, f.n!), m));
    return true;
  };
}

/** ExtendReg(Rm, option, shift) at the operation size. */
function extended(c: TranslationContext, sf: number, m: number, option: number, shift: number): Value {
  const ir = c.ir;
  const size = option & 3;
  const signed = option >= 4;
  let v: Value;
  if (sf) {
    if (size === 3) v = c.X(m);
    else {
      let w = c.W(m);
      if (size === 0) w = ir.op(signed ? 'SignExtend8To32' : 'ZeroExtend8To32', w);
      else if (size === 1) w = ir.op(signed ? 'SignExtend16To32' : 'ZeroExtend16To32', w);
      v = ir.op(signed ? 'SignExtend32To64' : 'ZeroExtend32To64', w);
    }
  } else {
    v = c.W(m);
    if (size === 0) v = ir.op(signed ? 'SignExtend8To32' : 'ZeroExtend8To32', v);
    else if (size === 1) v = ir.op(signed ? 'SignExtend16To32' : 'ZeroExtend16To32', v);
  }
  return shift === 0 ? v : c.op(sf, 'Lsl', v, ir.u32(shift));
}

function addSubExt(sub: boolean, setFlags: boolean): Handler {
  return (c, f) => {
    const sf = f.z!;
    if (f.k! > 4) return c.unallocated();
    const m = extended(c, sf, f.m!, f.o!, f.k!);
    const r = addSub(c, sf, sub, setFlags, c.regSP(sf, f.n!), m);
    if (setFlags) c.setReg(sf, f.d!, r);
    else c.setRegSP(sf, f.d!, r);
    return true;
  };
}

function carryFlag(c: TranslationContext): Value {
  return c.ir.op('TestCond', c.nzcv(), c.ir.imm(2)); // CS
}

function adc(sub: boolean, setFlags: boolean): Handler {
  return (c, f) => {
    const sf = f.z!;
    const r = c.op(sf, sub ? 'SubWithCarry' : 'AddWithCarry', c.reg(sf, f.n!), c.reg(sf, f.m!), carryFlag(c));
    if (setFlags) c.setNZCV(c.ir.op('GetNZCVFromOp', r));
    c.setReg(sf, f.d!, r);
    return true;
  };
}

function condCompare(negative: boolean, immediate: boolean): Handler {
  return (c, f) => {
    const sf = f.z!;
    const holds = c.ir.op('TestCond', c.nzcv(), c.ir.imm(f.c!));
    const m = immediate ? c.const(sf, BigInt(f.i!)) : c.reg(sf, f.m!);
    const r = c.op(sf, negative ? 'AddWithCarry' : 'SubWithCarry', c.reg(sf, f.n!), m, c.ir.u1(!negative));
    const flags = c.ir.op('GetNZCVFromOp', r);
    c.setNZCV(c.ir.op('SelectNZCV', holds, flags, c.ir.nzcv(f.f!)));
    return true;
  };
}

function condSelect(kind: 'SEL' | 'INC' | 'INV' | 'NEG'): Handler {
  return (c, f) => {
    const sf = f.z!;
    const holds = c.ir.op('TestCond', c.nzcv(), c.ir.imm(f.c!));
    let m: Value = c.reg(sf, f.m!);
    if (kind === 'INC') m = c.op(sf, 'Add', m, c.const(sf, 1n));
    else if (kind === 'INV') m = c.op(sf, 'Not', m);
    else if (kind === 'NEG') m = c.op(sf, 'Sub', c.const(sf, 0n), m);
    c.setReg(sf, f.d!, c.op(sf, 'Select', holds, c.reg(sf, f.n!), m));
    return true;
  };
}

function twoSource(op: 'UDiv' | 'SDiv' | 'Lsl' | 'Lsr' | 'Asr' | 'Ror'): Handler {
  return (c, f) => {
    const sf = f.z!;
    let m = c.reg(sf, f.m!);
    if (op === 'Lsl' || op === 'Lsr' || op === 'Asr' || op === 'Ror') {
      if (sf) m = c.ir.op('Truncate64To32', m);
    }
    c.setReg(sf, f.d!, c.op(sf, op, c.reg(sf, f.n!), m));
    return true;
  };
}

function crc(castagnoli: boolean): Handler {
  return (c, f) => {
    const sf = f.z!;
    const sz = f.x!;
    if ((sz === 3) !== (sf === 1)) return c.unallocated();
    const acc = c.W(f.n!);
    const ir = c.ir;
    let lo: Value, hi: Value;
    if (sz === 3) {
      const v = c.X(f.m!);
      lo = ir.op('Truncate64To32', v);
      hi = ir.op('High64To32', v);
    } else {
      lo = c.W(f.m!);
      hi = ir.u32(0);
    }
    c.setW(f.d!, c.call32(castagnoli ? 'crc32c' : 'crc32', acc, lo, hi, ir.u32(1 << sz)));
    return true;
  };
}

function oneSource(op: 'Rbit' | 'ByteReverseHalves' | 'ByteReverse' | 'ByteReverseWords' | 'Clz' | 'Cls', fixedSf?: number): Handler {
  return (c, f) => {
    const sf = fixedSf ?? f.z!;
    const n = c.reg(sf, f.n!);
    const ir = c.ir;
    let r: Value;
    if (op === 'ByteReverseWords') r = ir.op('ByteReverseWords64', n);
    else if (op === 'Clz' || op === 'Cls') {
      // CLS(x) = CLZ((x EOR (x LSL 1)) OR 1)
      const x = op === 'Clz' ? n : c.op(sf, 'Or', c.op(sf, 'Xor', n, c.op(sf, 'Lsl', n, ir.u32(1))), c.const(sf, 1n));
      const count = c.op(sf, 'Clz', x);
      r = sf ? ir.op('ZeroExtend32To64', count) : count;
    } else r = c.op(sf, op, n);
    c.setReg(sf, f.d!, r);
    return true;
  };
}

function multiplyAdd(sub: boolean): Handler {
  return (c, f) => {
    const sf = f.z!;
    const p = c.op(sf, 'Mul', c.reg(sf, f.n!), c.reg(sf, f.m!));
    c.setReg(sf, f.d!, c.op(sf, sub ? 'Sub' : 'Add', c.reg(sf, f.a!), p));
    return true;
  };
}

function multiplyLong(signed: boolean, sub: boolean): Handler {
  return (c, f) => {
    const ext = signed ? 'SignExtend32To64' : 'ZeroExtend32To64';
    const p = c.ir.op('Mul64', c.ir.op(ext, c.W(f.n!)), c.ir.op(ext, c.W(f.m!)));
    c.setX(f.d!, c.ir.op(sub ? 'Sub64' : 'Add64', c.X(f.a!), p));
    return true;
  };
}

function multiplyHigh(signed: boolean): Handler {
  return (c, f) => {
    c.setX(f.d!, c.ir.op(signed ? 'SMulHigh64' : 'UMulHigh64', c.X(f.n!), c.X(f.m!)));
    return true;
  };
}

export const DP_REG_HANDLERS = {
  AND_shift: logicalShift('And', false),
  BIC_shift: logicalShift('AndNot', false),
  ORR_shift: logicalShift('Or', false),
  ORN_shift: logicalShift('OrNot', false),
  EOR_shift: logicalShift('Xor', false),
  EON_shift: logicalShift('XorNot', false),
  ANDS_shift: logicalShift('And', true),
  BICS_shift: logicalShift('AndNot', true),
  ADD_shift: addSubShift(false, false),
  ADDS_shift: addSubShift(false, true),
  SUB_shift: addSubShift(true, false),
  SUBS_shift: addSubShift(true, true),
  ADD_ext: addSubExt(false, false),
  ADDS_ext: addSubExt(false, true),
  SUB_ext: addSubExt(true, false),
  SUBS_ext: addSubExt(true, true),
  ADC: adc(false, false),
  ADCS: adc(false, true),
  SBC: adc(true, false),
  SBCS: adc(true, true),
  CCMN_reg: condCompare(true, false),
  CCMN_imm: condCompare(true, true),
  CCMP_reg: condCompare(false, false),
  CCMP_imm: condCompare(false, true),
  CSEL: condSelect('SEL'),
  CSINC: condSelect('INC'),
  CSINV: condSelect('INV'),
  CSNEG: condSelect('NEG'),
  UDIV: twoSource('UDiv'),
  SDIV: twoSource('SDiv'),
  LSLV: twoSource('Lsl'),
  LSRV: twoSource('Lsr'),
  ASRV: twoSource('Asr'),
  RORV: twoSource('Ror'),
  CRC32: crc(false),
  CRC32C: crc(true),
  RBIT_int: oneSource('Rbit'),
  REV16_int: oneSource('ByteReverseHalves'),
  REV_32: oneSource('ByteReverse', 0),
  REV32_int: oneSource('ByteReverseWords', 1),
  REV_64: oneSource('ByteReverse', 1),
  CLZ_int: oneSource('Clz'),
  CLS_int: oneSource('Cls'),
  MADD: multiplyAdd(false),
  MSUB: multiplyAdd(true),
  SMADDL: multiplyLong(true, false),
  SMSUBL: multiplyLong(true, true),
  SMULH: multiplyHigh(true),
  UMADDL: multiplyLong(false, false),
  UMSUBL: multiplyLong(false, true),
  UMULH: multiplyHigh(false),
} satisfies HandlerGroup;
