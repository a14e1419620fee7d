/**
 * AdvSIMD helper families (see registry.ts for the calling convention).
 * Vector helpers take register numbers and decoded parameters as U32
 * arguments and work directly on the vector register file.
 *
 * Each family is the generic implementation (simd-three-same.ts etc.: lane
 * loops over element functions, the reference semantics) overlaid with the
 * fast specialised helpers of simd-fast-*.ts, which fall back to the generic
 * helper of the same name for the forms they do not specialise. The helper
 * names (the registry probes a family without a machine) are the generic ones.
 */
import type { HelperContext, HelperFamily, HelperFn } from './registry.js';
import { registerHelpers } from './registry.js';
import { fastFp } from './simd-fast-fp.js';
import { fastMisc, fastShift, fastThreeDiff, fastThreeSame } from './simd-fast-int.js';
import { fastPerm } from './simd-fast-perm.js';
import { fpVectorHelpers } from './simd-fp.js';
import { miscHelpers } from './simd-misc.js';
import { permHelpers } from './simd-perm.js';
import { shiftHelpers } from './simd-shift.js';
import { threeDiffHelpers } from './simd-three-diff.js';
import { threeSameHelpers } from './simd-three-same.js';

type Fast = (ctx: HelperContext, generic: Record<string, HelperFn>) => Record<string, HelperFn>;

/** JITVISOR_SIMD_GENERIC=1: use only the generic helpers (for comparisons). */
const GENERIC_ONLY = !!process.env.JITVISOR_SIMD_GENERIC;

function withFast(generic: HelperFamily, fast: Fast): HelperFamily {
  return (ctx) => {
    const g = generic(ctx);
    if (!ctx.cpu || GENERIC_ONLY) return g;
    const f = fast(ctx, g);
    for (const name in f) {
      if (!(name in g)) throw new Error(`simd-fast: ${name} is not a helper of its family`);
      g[name] = f[name]!;
    }
    return g;
  };
}

registerHelpers(withFast(threeSameHelpers, fastThreeSame));
registerHelpers(withFast(miscHelpers, fastMisc));
registerHelpers(withFast(shiftHelpers, fastShift));
registerHelpers(withFast(threeDiffHelpers, fastThreeDiff));
registerHelpers(withFast(permHelpers, fastPerm));
registerHelpers(withFast(fpVectorHelpers, fastFp));
