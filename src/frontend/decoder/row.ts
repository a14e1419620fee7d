/** One decoder row: an Arm ARM encoding, its greppable id and its bit pattern. */
export interface A64Row {
  /** Greppable name used by the handler, tests and fuzz lists (Arm ARM encoding name). */
  readonly id: string;
  /** Arm ARM heading, e.g. "ADD (immediate)". */
  readonly asm: string;
  /** 32 characters, bit 31 first: 0/1 fixed, '-' don't care, letters = fields. */
  readonly bits: string;
  /** Architecture feature this row needs (all rows here are implemented and advertised). */
  readonly feat?: string;
}
