/** Helper family: see registry.ts for the calling convention. */
import { registerHelpers } from './registry.js';

registerHelpers(() => ({}));
