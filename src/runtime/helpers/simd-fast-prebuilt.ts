/**
 * The fast AdvSIMD helper factories, prebuilt: `npm run build` replaces the compiled form of
 * this module (dist/src/runtime/helpers/simd-fast-prebuilt.js) with one holding every factory
 * of simd-fast-gen.ts as source (scripts/gen-simd-prebuilt.mjs), keyed like GenSpec.key. As
 * compiled by tsc alone it is empty, and simd-fast-gen.ts generates and compiles each family's
 * factories when a machine is first built.
 */
import type { Factory } from './simd-fast-gen.js';

export const PREBUILT: Readonly<Record<string, Factory>> = {};
