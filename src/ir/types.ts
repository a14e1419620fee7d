/** IR value types. U64 values are carried as lo/hi int32 pairs by both tiers. */
export type IrType = 'Void' | 'U1' | 'U32' | 'U64' | 'NZCV';
/** Argument kinds in the opcode table: a value type, or an immediate-only operand. */
export type ArgKind = Exclude<IrType, 'Void'> | 'Op' | 'ImmReg' | 'ImmCond' | 'ImmBit' | 'ImmHelper' | 'ImmAny';
