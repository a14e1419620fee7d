/**
 * Hand tests for every scalar FP decoder row (a64-fp.table.ts): raw word,
 * its assembly, register/FPCR setup, and the expected state computed by hand
 * (semantics cross-checked with qemu-aarch64, see fp-qemu.test.ts).
 * Register conventions: sources in V1/V2/V3 or X1, destination V0/X0; V0 and
 * X0 start as all ones so the zeroing of the upper bits is visible.
 */
import t from 'tap';
import { Slot } from '../../src/backend-js/abi.js';
import { FP_ROWS } from '../../src/frontend/decoder/a64-fp.table.js';
import { a64Decoder } from '../../src/frontend/decoder/table.js';
import { HANDLERS } from '../../src/frontend/translate/handlers.js';
import { CODE_BASE, makeEnv, runBoth } from '../helpers/testenv.js';

const ONES128 = (1n << 128n) - 1n;
const ONES64 = (1n << 64n) - 1n;

const RN = 0, RP = 1 << 22, RM = 2 << 22, RZ = 3 << 22;
const FZ = 1 << 24, DN = 1 << 25, AHP = 1 << 26;
const IOC = 1, DZC = 2, OFC = 4, UFC = 8, IXC = 16, IDC = 128;

interface Case {
  id: string;
  asm: string;
  word: number;
  fpcr?: number;
  nzcv?: number;
  /** Vector registers 1..3 (bigint, 128 bits). */
  v?: Record<number, bigint>;
  /** General registers. */
  x?: Record<number, bigint>;
  /** Expected: V0 (128 bits), X0, NZCV, FPSR (default 0). */
  V0?: bigint;
  X0?: bigint;
  NZCV?: number;
  FPSR?: number;
}

const CASES: Case[] = [
  // ---- fixed-point conversions ----
  { id: 'SCVTF_float_fix', asm: 'scvtf s0, w1, #16', word: 0x1e02c020, x: { 1: 0xdeadbeef_fffe8000n }, V0: 0xbfc00000n }, // -98304 / 2^16 = -1.5
  { id: 'UCVTF_float_fix', asm: 'ucvtf d0, x1, #4', word: 0x9e43f020, x: { 1: ONES64 }, V0: 0x43b0000000000000n, FPSR: IXC }, // (2^64-1)/16 -> 2^60
  { id: 'FCVTZS_float_fix', asm: 'fcvtzs w0, s1, #8', word: 0x1e18e020, v: { 1: 0x3f800001n }, X0: 0x100n, FPSR: IXC }, // (1+2^-23)*256 -> 256
  { id: 'FCVTZS_float_fix', asm: 'fcvtzs w0, s1, #8', word: 0x1e18e020, v: { 1: 0xc0300000n }, X0: 0xfffffd40n }, // -2.75*256 = -704
  { id: 'FCVTZU_float_fix', asm: 'fcvtzu x0, d1, #32', word: 0x9e598020, v: { 1: 0xbff0000000000000n }, X0: 0n, FPSR: IOC }, // -1.0: saturates to 0
  { id: 'FCVTZU_float_fix', asm: 'fcvtzu x0, d1, #32', word: 0x9e598020, v: { 1: 0x3fe8000000000000n }, X0: 0xc0000000n }, // 0.75 * 2^32

  // ---- integer conversions ----
  { id: 'FCVTNS_float', asm: 'fcvtns w0, d1', word: 0x1e600020, v: { 1: 0x4004000000000000n }, X0: 2n, FPSR: IXC }, // 2.5 -> 2 (ties even)
  { id: 'FCVTNU_float', asm: 'fcvtnu w0, s1', word: 0x1e210020, v: { 1: 0x40600000n }, X0: 4n, FPSR: IXC }, // 3.5 -> 4
  { id: 'SCVTF_float_int', asm: 'scvtf d0, x1', word: 0x9e620020, x: { 1: ONES64 }, V0: 0xbff0000000000000n }, // -1
  { id: 'SCVTF_float_int', asm: 'scvtf d0, x1', word: 0x9e620020, fpcr: RZ, x: { 1: 0x7fffffffffffffffn }, V0: 0x43dfffffffffffffn, FPSR: IXC },
  { id: 'SCVTF_float_int', asm: 'scvtf d0, x1', word: 0x9e620020, x: { 1: 0x7fffffffffffffffn }, V0: 0x43e0000000000000n, FPSR: IXC },
  { id: 'UCVTF_float_int', asm: 'ucvtf s0, w1', word: 0x1e230020, x: { 1: 0x12345678_ffffffffn }, V0: 0x4f800000n, FPSR: IXC }, // 2^32-1 -> 2^32
  { id: 'UCVTF_float_int', asm: 'ucvtf s0, w1', word: 0x1e230020, fpcr: RM, x: { 1: 0xffffffffn }, V0: 0x4f7fffffn, FPSR: IXC },
  { id: 'FCVTAS_float', asm: 'fcvtas x0, d1', word: 0x9e640020, v: { 1: 0xc004000000000000n }, X0: 0xfffffffffffffffdn, FPSR: IXC }, // -2.5 -> -3
  { id: 'FCVTAU_float', asm: 'fcvtau w0, d1', word: 0x1e650020, v: { 1: 0x7ff8000000000000n }, X0: 0n, FPSR: IOC }, // NaN -> 0
  { id: 'FCVTPS_float', asm: 'fcvtps w0, s1', word: 0x1e280020, v: { 1: 0xbfc00000n }, X0: 0xffffffffn, FPSR: IXC }, // -1.5 -> -1
  { id: 'FCVTPU_float', asm: 'fcvtpu x0, d1', word: 0x9e690020, v: { 1: 0x4415af1d78b58c40n }, X0: ONES64, FPSR: IOC }, // 1e20 saturates
  { id: 'FCVTMS_float', asm: 'fcvtms x0, s1', word: 0x9e300020, v: { 1: 0xbf000000n }, X0: ONES64, FPSR: IXC }, // -0.5 -> -1
  { id: 'FCVTMU_float', asm: 'fcvtmu w0, d1', word: 0x1e710020, v: { 1: 0x41effffffff80000n }, X0: 0xffffffffn, FPSR: IXC }, // 4294967295.75
  { id: 'FCVTZS_float_int', asm: 'fcvtzs x0, d1', word: 0x9e780020, v: { 1: 0xc3e0000000000000n }, X0: 0x8000000000000000n }, // -2^63 exact
  { id: 'FCVTZS_float_int', asm: 'fcvtzs x0, d1', word: 0x9e780020, fpcr: FZ, v: { 1: 0x800fffffffffffffn }, X0: 0n, FPSR: IDC }, // denormal flushed
  { id: 'FCVTZU_float_int', asm: 'fcvtzu w0, s1', word: 0x1e390020, v: { 1: 0x7f800000n }, X0: 0xffffffffn, FPSR: IOC }, // +inf

  // ---- FMOV (general) ----
  { id: 'FMOV_float_gen', asm: 'fmov s0, w1', word: 0x1e270020, x: { 1: 0xffffffff_40490fdbn }, V0: 0x40490fdbn },
  { id: 'FMOV_float_gen', asm: 'fmov w0, s1', word: 0x1e260020, v: { 1: 0x1111111122222222_33333333c0490fdbn }, X0: 0xc0490fdbn },
  { id: 'FMOV_float_gen', asm: 'fmov d0, x1', word: 0x9e670020, x: { 1: 0x7ff4000000000001n }, V0: 0x7ff4000000000001n },
  { id: 'FMOV_float_gen', asm: 'fmov x0, d1', word: 0x9e660020, v: { 1: 0x1111111122222222_fff0000000000001n }, X0: 0xfff0000000000001n },
  { id: 'FMOV_float_gen', asm: 'fmov v0.d[1], x1', word: 0x9eaf0020, x: { 1: 0x0123456789abcdefn }, V0: (0x0123456789abcdefn << 64n) | ONES64 },
  { id: 'FMOV_float_gen', asm: 'fmov x0, v1.d[1]', word: 0x9eae0020, v: { 1: 0x1111111122222222_3333333344444444n }, X0: 0x1111111122222222n },

  // ---- 1 source ----
  { id: 'FMOV_float', asm: 'fmov d0, d1', word: 0x1e604020, v: { 1: 0xaaaaaaaaaaaaaaaa_7ff4000000000001n }, V0: 0x7ff4000000000001n }, // sNaN copied, no IOC
  { id: 'FABS_float', asm: 'fabs s0, s1', word: 0x1e20c020, v: { 1: 0xffc00001n }, V0: 0x7fc00001n },
  { id: 'FNEG_float', asm: 'fneg d0, d1', word: 0x1e614020, v: { 1: 0n }, V0: 0x8000000000000000n },
  { id: 'FSQRT_float', asm: 'fsqrt d0, d1', word: 0x1e61c020, v: { 1: 0xbff0000000000000n }, V0: 0x7ff8000000000000n, FPSR: IOC }, // sqrt(-1): +default NaN
  { id: 'FSQRT_float', asm: 'fsqrt d0, d1', word: 0x1e61c020, v: { 1: 0x4000000000000000n }, V0: 0x3ff6a09e667f3bcdn, FPSR: IXC }, // sqrt(2) RN (rounded up)
  { id: 'FSQRT_float', asm: 'fsqrt d0, d1', word: 0x1e61c020, fpcr: RM, v: { 1: 0x4000000000000000n }, V0: 0x3ff6a09e667f3bccn, FPSR: IXC },
  { id: 'FSQRT_float', asm: 'fsqrt d0, d1', word: 0x1e61c020, fpcr: DN, v: { 1: 0x7ff0000000000123n }, V0: 0x7ff8000000000000n, FPSR: IOC }, // sNaN, DN
  { id: 'FCVT_float', asm: 'fcvt s0, d1', word: 0x1e624020, v: { 1: 0xfff4000020000000n }, V0: 0xffe00001n, FPSR: IOC }, // sNaN payload kept, quieted
  { id: 'FCVT_float', asm: 'fcvt s0, d1', word: 0x1e624020, fpcr: FZ, v: { 1: 0x3800000000000000n }, V0: 0n, FPSR: UFC }, // 2^-127 flushed
  { id: 'FCVT_float', asm: 'fcvt s0, d1', word: 0x1e624020, v: { 1: 0x3800000000000000n }, V0: 0x00400000n }, // 2^-127: exact denormal, no UFC
  { id: 'FCVT_float', asm: 'fcvt s0, d1', word: 0x1e624020, v: { 1: 0x3800000000000001n }, V0: 0x00400000n, FPSR: UFC | IXC },
  { id: 'FCVT_float', asm: 'fcvt h0, s1', word: 0x1e23c020, v: { 1: 0x477ff000n }, V0: 0x7c00n, FPSR: OFC | IXC }, // 65520 -> inf
  { id: 'FCVT_float', asm: 'fcvt h0, s1', word: 0x1e23c020, fpcr: AHP, v: { 1: 0x477ff000n }, V0: 0x7c00n, FPSR: IXC }, // AHP: 65536
  { id: 'FCVT_float', asm: 'fcvt h0, s1', word: 0x1e23c020, fpcr: AHP, v: { 1: 0x7fc00000n }, V0: 0n, FPSR: IOC }, // AHP: NaN -> 0
  { id: 'FCVT_float', asm: 'fcvt d0, h1', word: 0x1ee2c020, fpcr: FZ, v: { 1: 0x0001n }, V0: 0x3e70000000000000n }, // half denormal never flushed
  { id: 'FCVT_float', asm: 'fcvt d0, h1', word: 0x1ee2c020, fpcr: AHP, v: { 1: 0x7c00n }, V0: 0x40f0000000000000n }, // AHP 0x7c00 = 65536
  { id: 'FRINTN_float', asm: 'frintn d0, d1', word: 0x1e644020, v: { 1: 0xc004000000000000n }, V0: 0xc000000000000000n }, // -2.5 -> -2
  { id: 'FRINTP_float', asm: 'frintp s0, s1', word: 0x1e24c020, v: { 1: 0xbf000000n }, V0: 0x80000000n }, // -0.5 -> -0
  { id: 'FRINTM_float', asm: 'frintm d0, d1', word: 0x1e654020, v: { 1: 0xbfe0000000000000n }, V0: 0xbff0000000000000n }, // -0.5 -> -1
  { id: 'FRINTZ_float', asm: 'frintz s0, s1', word: 0x1e25c020, v: { 1: 0xc06ccccdn }, V0: 0xc0400000n }, // -3.7 -> -3
  { id: 'FRINTA_float', asm: 'frinta d0, d1', word: 0x1e664020, v: { 1: 0x4004000000000000n }, V0: 0x4008000000000000n }, // 2.5 -> 3
  { id: 'FRINTX_float', asm: 'frintx d0, d1', word: 0x1e674020, fpcr: RP, v: { 1: 0x4004000000000000n }, V0: 0x4008000000000000n, FPSR: IXC },
  { id: 'FRINTI_float', asm: 'frinti s0, s1', word: 0x1e27c020, fpcr: RM, v: { 1: 0x40200000n }, V0: 0x40000000n }, // 2.5 -> 2, no IXC

  // ---- compare ----
  { id: 'FCMP_float', asm: 'fcmp s1, s2', word: 0x1e222020, v: { 1: 0x3f800000n, 2: 0x7fc00000n }, NZCV: 0x30000000 }, // unordered, quiet
  { id: 'FCMP_float', asm: 'fcmp s1, s2', word: 0x1e222020, v: { 1: 0x3f800000n, 2: 0x7f800001n }, NZCV: 0x30000000, FPSR: IOC }, // sNaN signals
  { id: 'FCMP_float', asm: 'fcmp d1, #0.0', word: 0x1e602028, nzcv: 0x90000000, v: { 1: 0x8000000000000000n }, NZCV: 0x60000000 }, // -0 == 0
  { id: 'FCMPE_float', asm: 'fcmpe d1, d2', word: 0x1e622030, v: { 1: 0x7ff8000000000000n, 2: 0n }, NZCV: 0x30000000, FPSR: IOC },
  { id: 'FCMPE_float', asm: 'fcmpe s1, #0.0', word: 0x1e202038, v: { 1: 0xbf800000n }, NZCV: 0x80000000 },
  { id: 'FCCMP_float', asm: 'fccmp d1, d2, #0xf, ne', word: 0x1e62142f, nzcv: 0x40000000, v: { 1: 0x7ff0000000000001n }, NZCV: 0xf0000000 }, // no compare, no IOC
  { id: 'FCCMP_float', asm: 'fccmp d1, d2, #0xf, ne', word: 0x1e62142f, nzcv: 0, v: { 1: 0x7ff0000000000001n }, NZCV: 0x30000000, FPSR: IOC },
  { id: 'FCCMPE_float', asm: 'fccmpe s1, s2, #0x0, eq', word: 0x1e220430, nzcv: 0x40000000, v: { 1: 0x40000000n, 2: 0x3f800000n }, NZCV: 0x20000000 },
  { id: 'FCCMPE_float', asm: 'fccmpe s1, s2, #0x0, eq', word: 0x1e220430, nzcv: 0x40000000, v: { 1: 0x7fc00000n, 2: 0x3f800000n }, NZCV: 0x30000000, FPSR: IOC },

  // ---- immediate ----
  { id: 'FMOV_float_imm', asm: 'fmov d0, #1.5', word: 0x1e6f1000, V0: 0x3ff8000000000000n },

  // ---- 2 source ----
  { id: 'FMUL_float', asm: 'fmul s0, s1, s2', word: 0x1e220820, v: { 1: 0x7f7fffffn, 2: 0x40000000n }, V0: 0x7f800000n, FPSR: OFC | IXC },
  { id: 'FMUL_float', asm: 'fmul s0, s1, s2', word: 0x1e220820, fpcr: RZ, v: { 1: 0x7f7fffffn, 2: 0x40000000n }, V0: 0x7f7fffffn, FPSR: OFC | IXC },
  { id: 'FMUL_float', asm: 'fmul s0, s1, s2', word: 0x1e220820, v: { 1: 0x00800000n, 2: 0x3f000000n }, V0: 0x00400000n }, // exact denormal: no UFC
  { id: 'FMUL_float', asm: 'fmul s0, s1, s2', word: 0x1e220820, fpcr: FZ, v: { 1: 0x00800000n, 2: 0x3f000000n }, V0: 0n, FPSR: UFC }, // flushed
  { id: 'FDIV_float', asm: 'fdiv d0, d1, d2', word: 0x1e621820, v: { 1: 0x3ff0000000000000n, 2: 0n }, V0: 0x7ff0000000000000n, FPSR: DZC },
  { id: 'FDIV_float', asm: 'fdiv d0, d1, d2', word: 0x1e621820, v: { 1: 0x3ff0000000000000n, 2: 0x4008000000000000n }, V0: 0x3fd5555555555555n, FPSR: IXC },
  { id: 'FDIV_float', asm: 'fdiv d0, d1, d2', word: 0x1e621820, fpcr: RP, v: { 1: 0x3ff0000000000000n, 2: 0x4008000000000000n }, V0: 0x3fd5555555555556n, FPSR: IXC },
  { id: 'FADD_float', asm: 'fadd s0, s1, s2', word: 0x1e222820, fpcr: RM, v: { 1: 0x3f800000n, 2: 0xbf800000n }, V0: 0x80000000n }, // x + -x = -0 in RM
  { id: 'FADD_float', asm: 'fadd s0, s1, s2', word: 0x1e222820, v: { 1: 0x3f800000n, 2: 0xbf800000n }, V0: 0n },
  { id: 'FADD_float', asm: 'fadd s0, s1, s2', word: 0x1e222820, v: { 1: 0x7fa00000n, 2: 0x7fc00001n }, V0: 0x7fe00000n, FPSR: IOC }, // sNaN wins, quieted
  { id: 'FADD_float', asm: 'fadd s0, s1, s2', word: 0x1e222820, v: { 1: 0xffc00002n, 2: 0x7fc00001n }, V0: 0xffc00002n }, // first qNaN
  { id: 'FADD_float', asm: 'fadd s0, s1, s2', word: 0x1e222820, fpcr: FZ, v: { 1: 0x00000001n, 2: 0x3f800000n }, V0: 0x3f800000n, FPSR: IDC },
  { id: 'FSUB_float', asm: 'fsub d0, d1, d2', word: 0x1e623820, v: { 1: 0x7ff0000000000000n, 2: 0x7ff0000000000000n }, V0: 0x7ff8000000000000n, FPSR: IOC },
  { id: 'FSUB_float', asm: 'fsub d0, d1, d2', word: 0x1e623820, v: { 1: 0x0010000000000000n, 2: 0x000fffffffffffffn }, V0: 1n }, // exact tiny: no UFC
  { id: 'FMAX_float', asm: 'fmax s0, s1, s2', word: 0x1e224820, v: { 1: 0x80000000n, 2: 0n }, V0: 0n },
  { id: 'FMAX_float', asm: 'fmax s0, s1, s2', word: 0x1e224820, v: { 1: 0x3f800000n, 2: 0x7fc00123n }, V0: 0x7fc00123n },
  { id: 'FMIN_float', asm: 'fmin d0, d1, d2', word: 0x1e625820, v: { 1: 0n, 2: 0x8000000000000000n }, V0: 0x8000000000000000n },
  { id: 'FMAXNM_float', asm: 'fmaxnm d0, d1, d2', word: 0x1e626820, v: { 1: 0x7ff8000000000000n, 2: 0xc014000000000000n }, V0: 0xc014000000000000n },
  { id: 'FMAXNM_float', asm: 'fmaxnm d0, d1, d2', word: 0x1e626820, v: { 1: 0x7ff0000000000001n, 2: 0x3ff0000000000000n }, V0: 0x7ff8000000000001n, FPSR: IOC },
  { id: 'FMINNM_float', asm: 'fminnm s0, s1, s2', word: 0x1e227820, v: { 1: 0x40400000n, 2: 0x7fc00000n }, V0: 0x40400000n },
  { id: 'FNMUL_float', asm: 'fnmul d0, d1, d2', word: 0x1e628820, v: { 1: 0x4000000000000000n, 2: 0x4008000000000000n }, V0: 0xc018000000000000n },
  { id: 'FNMUL_float', asm: 'fnmul d0, d1, d2', word: 0x1e628820, v: { 1: 0x7ff0000000000000n, 2: 0n }, V0: 0xfff8000000000000n, FPSR: IOC }, // -(default NaN)

  // ---- conditional select ----
  { id: 'FCSEL_float', asm: 'fcsel d0, d1, d2, eq', word: 0x1e620c20, nzcv: 0x40000000, v: { 1: 0x1111n, 2: 0x2222n }, V0: 0x1111n, NZCV: 0x40000000 },
  { id: 'FCSEL_float', asm: 'fcsel d0, d1, d2, eq', word: 0x1e620c20, nzcv: 0, v: { 1: 0x1111n, 2: 0x7ff4000000000000n }, V0: 0x7ff4000000000000n },

  // ---- 3 source ----
  // (1 + 2^-52)(1 - 2^-53) - 1 = 2^-53 - 2^-105 = 2^-54 * (2 - 2^-51) exactly: only a fused operation gets it (unfused: 0)
  { id: 'FMADD_float', asm: 'fmadd d0, d1, d2, d3', word: 0x1f420c20, v: { 1: 0x3ff0000000000001n, 2: 0x3fefffffffffffffn, 3: 0xbff0000000000000n }, V0: 0x3c9ffffffffffffen },
  { id: 'FMADD_float', asm: 'fmadd d0, d1, d2, d3', word: 0x1f420c20, v: { 1: 0x7ff0000000000000n, 2: 0n, 3: 0x7ff8000000000001n }, V0: 0x7ff8000000000000n, FPSR: IOC }, // qNaN + inf*0
  { id: 'FMSUB_float', asm: 'fmsub s0, s1, s2, s3', word: 0x1f028c20, v: { 1: 0x40000000n, 2: 0x40400000n, 3: 0x3f800000n }, V0: 0xc0a00000n }, // 1 - 2*3
  { id: 'FMSUB_float', asm: 'fmsub s0, s1, s2, s3', word: 0x1f028c20, v: { 1: 0x7fc00001n, 2: 0x3f800000n, 3: 0x3f800000n }, V0: 0xffc00001n }, // NaN negated
  { id: 'FNMADD_float', asm: 'fnmadd d0, d1, d2, d3', word: 0x1f620c20, v: { 1: 0x4000000000000000n, 2: 0x4008000000000000n, 3: 0x3ff0000000000000n }, V0: 0xc01c000000000000n },
  { id: 'FNMSUB_float', asm: 'fnmsub s0, s1, s2, s3', word: 0x1f228c20, v: { 1: 0x40000000n, 2: 0x40400000n, 3: 0x3f800000n }, V0: 0x40a00000n },
];

/** Encodings that must stay UNDEFINED: half precision (FEAT_FP16), reserved ftype, v8.3+/v8.5 forms. */
const UNDEFINED: [string, number][] = [
  ['fadd h0, h1, h2 (FEAT_FP16)', 0x1ee22820],
  ['fmov h0, w1 (FEAT_FP16)', 0x1ee70020],
  ['fcvtzs w0, h1 (FEAT_FP16)', 0x1ef80020],
  ['fmov h0, #1.0 (FEAT_FP16)', 0x1eee1000],
  ['frint32x s0, s1 (FEAT_FRINTTS)', 0x1e28c020],
  ['fjcvtzs w0, d1 (FEAT_JSCVT)', 0x1e7e0020],
  ['fcvt s0, s1 (same type)', 0x1e224020],
  ['fadd with ftype 10', 0x1ea22820],
  ['fcvtzs w0, s1, #33 (scale < 32 with sf 0)', 0x1e187c20],
  ['scvtf s0, w1, #33', 0x1e027c20],
  ['fmov x0, v1.d[1] with ftype 01', 0x9e6e0020],
  ['fmov w0, d1 (sf 0, ftype 01)', 0x1e660020],
  ['frint with opcode 001101', 0x1e26c020],
];

function run(c: Case) {
  const env = makeEnv([c.word]);
  const cpu = env.cpu;
  cpu.s[Slot.FPCR] = c.fpcr ?? 0;
  cpu.nzcv = c.nzcv ?? 0;
  cpu.setV(0, ONES128);
  cpu.setX(0, ONES64);
  for (const [r, v] of Object.entries(c.v ?? {})) cpu.setV(Number(r), v);
  for (const [r, v] of Object.entries(c.x ?? {})) cpu.setX(Number(r), v);
  runBoth(env);
  return env;
}

t.test('hand cases', async (t) => {
  for (const c of CASES) {
    const env = run(c);
    const cpu = env.cpu;
    const what = `${c.asm} [${c.word.toString(16)}]`;
    t.equal(env.exitReason, 0, `${what}: runs`);
    t.equal(cpu.pc, BigInt(CODE_BASE + 8), `${what}: pc (after the end marker)`);
    if (c.V0 !== undefined) t.equal(cpu.getV(0).toString(16), c.V0.toString(16), `${what}: V0`);
    else if (c.X0 === undefined) t.equal(cpu.getV(0), ONES128, `${what}: V0 untouched`);
    if (c.X0 !== undefined) t.equal(cpu.getX(0).toString(16), c.X0.toString(16), `${what}: X0`);
    else t.equal(cpu.getX(0), ONES64, `${what}: X0 untouched`);
    t.equal((cpu.nzcv >>> 0).toString(16), ((c.NZCV ?? c.nzcv ?? 0) >>> 0).toString(16), `${what}: NZCV`);
    t.equal(cpu.s[Slot.FPSR], c.FPSR ?? 0, `${what}: FPSR`);
  }
});

t.test('UNDEFINED encodings', async (t) => {
  for (const [asm, word] of UNDEFINED) {
    const env = run({ id: '', asm, word });
    t.equal(env.exitReason, 2, `${asm}: UNDEFINED`);
    t.equal(env.cpu.pc, BigInt(CODE_BASE), `${asm}: pc stays`);
    t.equal(env.cpu.getV(0), ONES128, `${asm}: V0 untouched`);
  }
});

t.test('every FP row has a handler and a hand test decoding to it', async (t) => {
  const dec = a64Decoder();
  const seen = new Set<string>();
  for (const c of CASES) {
    const row = dec.decode(c.word);
    t.equal(row?.id, c.id, `${c.asm} decodes to ${c.id}`);
    if (row) seen.add(row.id);
  }
  for (const r of FP_ROWS) {
    t.ok(r.id in HANDLERS && typeof HANDLERS[r.id] === 'function', `${r.id} has a handler`);
    t.ok(seen.has(r.id), `${r.id} has a hand test`);
  }
});
