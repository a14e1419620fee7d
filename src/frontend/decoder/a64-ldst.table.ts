/** Decoder rows: see a64-base.table.ts for conventions. */
import type { A64Row } from './row.js';

export const LDST_ROWS = [] as const satisfies readonly A64Row[];
