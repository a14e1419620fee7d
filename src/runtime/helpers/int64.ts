/** Helper family: the longer 64-bit integer operations, for generated code (results: lo returned, hi in S[RET_HI]). */
import * as I from '../../ir/int64.js';
import { registerHelpers } from './registry.js';

registerHelpers((ctx) => ({
  mul64: (al: number, ah: number, bl: number, bh: number) => I.mul64(ctx.cpu.s, al, ah, bl, bh),
  umulh64: (al: number, ah: number, bl: number, bh: number) => I.umulh64(ctx.cpu.s, al, ah, bl, bh),
  smulh64: (al: number, ah: number, bl: number, bh: number) => I.smulh64(ctx.cpu.s, al, ah, bl, bh),
  udiv64: (al: number, ah: number, bl: number, bh: number) => I.udiv64(ctx.cpu.s, al, ah, bl, bh),
  sdiv64: (al: number, ah: number, bl: number, bh: number) => I.sdiv64(ctx.cpu.s, al, ah, bl, bh),
  ror64: (l: number, h: number, n: number) => I.ror64(ctx.cpu.s, l, h, n),
  udiv32: I.udiv32,
  sdiv32: I.sdiv32,
  rbit32: I.rbit32,
}));
