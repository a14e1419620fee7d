/** Translators: Advanced SIMD across lanes and scalar pairwise (integer). */
import type { Handler, HandlerGroup } from '../handler.js';
import { helper, lanesOf } from './simd-common.js';

/** Reduce all lanes into element 0: size = '11', and size = '10' with Q = 0 (2S), are reserved. */
function across(op: string): Handler {
  return (c, f) => {
    if (f.x === 3 || (f.x === 2 && !f.q)) return c.unallocated();
    const esize = 8 << f.x!;
    return helper(c, `simd_${op}`, f.d!, f.n!, esize, lanesOf(f.q!, esize));
  };
}

export const SIMD_ACROSS_HANDLERS = {
  ADDV: across('addv'),
  SMAXV: across('smaxv'),
  SMINV: across('sminv'),
  UMAXV: across('umaxv'),
  UMINV: across('uminv'),
  SADDLV: across('saddlv'),
  UADDLV: across('uaddlv'),
  /** ADDP (scalar): Dd = Vn.D[0] + Vn.D[1]. */
  ADDP_scalar: (c, f) => {
    if (f.x !== 3) return c.unallocated();
    const r = c.ir.op('Add64', c.V64(f.n!, 0), c.V64(f.n!, 1));
    c.setV64(f.d!, 0, r);
    c.zeroVHigh(f.d!);
    return true;
  },
} satisfies HandlerGroup;
