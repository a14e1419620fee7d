/**
 * Translators: load/store pair (STP/LDP/LDPSW, STNP/LDNP; general and
 * SIMD&FP) with signed offset, pre-index and post-index.
 *
 * CONSTRAINED UNPREDICTABLE choices (as qemu-aarch64 7.2 behaves):
 *   LDP/LDNP/LDPSW (general) with Rt == Rt2: the register gets the value
 *     from the lower address (Rt's); LDP/LDNP (SIMD&FP) with Rt == Rt2: the
 *     value from the higher address (Rt2's);
 *   load with writeback and Rt or Rt2 == Rn: Rn gets the written-back address;
 *   store with writeback and Rt or Rt2 == Rn: the value stored is Rn before
 *     the writeback.
 */
import { sext } from '../../a64/bits.js';
import type { Fields } from '../../decoder/bitpattern.js';
import type { Value } from '../../../ir/value.js';
import type { TranslationContext } from '../context.js';
import type { Handler, HandlerGroup } from '../handler.js';
import {
  addOffset,
  base,
  extendLoaded,
  type GenLoad,
  getVec,
  readMem,
  readVec,
  type Scale,
  setLoaded,
  setVec,
  storeData,
  writeMem,
  writeVec,
} from './load-store-common.js';

type Mode = 'offset' | 'pre' | 'post';

/** Address of the first element and the writeback value. */
function pairAddress(c: TranslationContext, f: Fields, mode: Mode, scale: Scale): { addr: Value; wb?: Value } {
  const b = base(c, f.n!);
  const moved = addOffset(c, b, sext(f.i!, 7) * (1 << scale));
  if (mode === 'offset') return { addr: moved };
  return mode === 'pre' ? { addr: moved, wb: moved } : { addr: b, wb: moved };
}

/** STP/STNP (general): opc<1> (z) selects X or W. */
function stpGen(mode: Mode): Handler {
  return (c, f) => {
    const scale = f.z ? 3 : 2;
    const { addr, wb } = pairAddress(c, f, mode, scale);
    const d1 = storeData(c, scale, f.t!);
    const d2 = storeData(c, scale, f.a!);
    writeMem(c, scale, addr, d1);
    writeMem(c, scale, addOffset(c, addr, 1 << scale), d2);
    if (wb) c.setXSP(f.n!, wb);
    return true;
  };
}

/** LDP/LDNP (general, opc<1> = z selects X or W) and LDPSW (signed). */
function ldpGen(mode: Mode, signed: boolean): Handler {
  return (c, f) => {
    const k: GenLoad = signed ? { scale: 2, signed: true, dest64: true } : { scale: f.z ? 3 : 2, signed: false, dest64: !!f.z };
    const { addr, wb } = pairAddress(c, f, mode, k.scale);
    const v1 = readMem(c, k.scale, addr);
    const v2 = readMem(c, k.scale, addOffset(c, addr, 1 << k.scale));
    // Rt2 first, so that Rt == Rt2 leaves Rt's value (QEMU).
    setLoaded(c, k, f.a!, extendLoaded(c, k, v2));
    setLoaded(c, k, f.t!, extendLoaded(c, k, v1));
    if (wb) c.setXSP(f.n!, wb);
    return true;
  };
}

/** SIMD&FP pair size from opc: 00 = S, 01 = D, 10 = Q, 11 reserved. */
const fpPairScale = (opc: number): Scale | undefined => (opc === 3 ? undefined : ((opc + 2) as Scale));

function stpFp(mode: Mode): Handler {
  return (c, f) => {
    const scale = fpPairScale(f.x!);
    if (scale === undefined) return c.unallocated();
    const { addr, wb } = pairAddress(c, f, mode, scale);
    const d1 = getVec(c, scale, f.t!);
    const d2 = getVec(c, scale, f.a!);
    writeVec(c, scale, addr, d1);
    writeVec(c, scale, addOffset(c, addr, 1 << scale), d2);
    if (wb) c.setXSP(f.n!, wb);
    return true;
  };
}

function ldpFp(mode: Mode): Handler {
  return (c, f) => {
    const scale = fpPairScale(f.x!);
    if (scale === undefined) return c.unallocated();
    const { addr, wb } = pairAddress(c, f, mode, scale);
    const d1 = readVec(c, scale, addr);
    const d2 = readVec(c, scale, addOffset(c, addr, 1 << scale));
    // Rt first, so that Rt == Rt2 leaves Rt2's value (QEMU).
    setVec(c, scale, f.t!, d1);
    setVec(c, scale, f.a!, d2);
    if (wb) c.setXSP(f.n!, wb);
    return true;
  };
}

export const LDST_PAIR_HANDLERS = {
  STP_gen_post: stpGen('post'),
  LDP_gen_post: ldpGen('post', false),
  LDPSW_post: ldpGen('post', true),
  STP_gen_offset: stpGen('offset'),
  LDP_gen_offset: ldpGen('offset', false),
  LDPSW_offset: ldpGen('offset', true),
  STP_gen_pre: stpGen('pre'),
  LDP_gen_pre: ldpGen('pre', false),
  LDPSW_pre: ldpGen('pre', true),
  // Non-temporal pairs: the hint does not change the semantics.
  STNP_gen: stpGen('offset'),
  LDNP_gen: ldpGen('offset', false),
  STP_fpsimd_post: stpFp('post'),
  LDP_fpsimd_post: ldpFp('post'),
  STP_fpsimd_offset: stpFp('offset'),
  LDP_fpsimd_offset: ldpFp('offset'),
  STP_fpsimd_pre: stpFp('pre'),
  LDP_fpsimd_pre: ldpFp('pre'),
  STNP_fpsimd: stpFp('offset'),
  LDNP_fpsimd: ldpFp('offset'),
} satisfies HandlerGroup;
