/**
 * AdvSIMD helper families (see registry.ts for the calling convention).
 * Vector helpers take register numbers and decoded parameters as U32
 * arguments and work directly on the vector register file.
 */
import { registerHelpers } from './registry.js';
import { fpVectorHelpers } from './simd-fp.js';
import { miscHelpers } from './simd-misc.js';
import { permHelpers } from './simd-perm.js';
import { shiftHelpers } from './simd-shift.js';
import { threeDiffHelpers } from './simd-three-diff.js';
import { threeSameHelpers } from './simd-three-same.js';

registerHelpers(threeSameHelpers);
registerHelpers(miscHelpers);
registerHelpers(shiftHelpers);
registerHelpers(threeDiffHelpers);
registerHelpers(permHelpers);
registerHelpers(fpVectorHelpers);
