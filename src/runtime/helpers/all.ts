/** Loads every helper family so the registry is complete before first use. */
import './crc.js';
import './int64.js';
import './fp.js';
import './simd.js';
import './system.js';
import './exclusive.js';
export { helperIndex, helperNames, makeHelpers, memoryHelperNames, type HelperFn } from './registry.js';
