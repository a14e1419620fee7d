/** Translators: Advanced SIMD permute (ZIP/UZP/TRN), extract (EXT) and table lookup (TBL/TBX). */
import type { Handler, HandlerGroup } from '../handler.js';
import { helper, lanesOf } from './simd-common.js';

/** size:Q = '110' is reserved. */
function permute(op: string): Handler {
  return (c, f) => {
    if (f.x === 3 && !f.q) return c.unallocated();
    const esize = 8 << f.x!;
    return helper(c, `simd_${op}`, f.d!, f.n!, f.m!, esize, lanesOf(f.q!, esize));
  };
}

export const SIMD_PERMUTE_HANDLERS = {
  UZP1: permute('uzp1'),
  UZP2: permute('uzp2'),
  TRN1: permute('trn1'),
  TRN2: permute('trn2'),
  ZIP1: permute('zip1'),
  ZIP2: permute('zip2'),
  /** EXT: Q = 0 with imm4<3> = 1 is reserved. */
  EXT: (c, f) => (!f.q && f.k! >= 8 ? c.unallocated() : helper(c, 'simd_ext', f.d!, f.n!, f.m!, f.k!, f.q!)),
  /** TBL/TBX with len + 1 table registers Vn, Vn+1, ... (modulo 32). */
  TBL: (c, f) => helper(c, 'simd_tbl', f.d!, f.n!, f.l! + 1, f.m!, f.q!),
  TBX: (c, f) => helper(c, 'simd_tbx', f.d!, f.n!, f.l! + 1, f.m!, f.q!),
} satisfies HandlerGroup;
