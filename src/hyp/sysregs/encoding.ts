/** System register encodings: (op0, op1, CRn, CRm, op2) packed into one number, and the S3_1_C2_C3_4 name form. */
export interface SysEnc {
  op0: number;
  op1: number;
  crn: number;
  crm: number;
  op2: number;
}

export function packSysReg(e: SysEnc): number {
  return (e.op0 << 14) | (e.op1 << 11) | (e.crn << 7) | (e.crm << 3) | e.op2;
}

export function unpackSysReg(key: number): SysEnc {
  return { op0: (key >>> 14) & 3, op1: (key >>> 11) & 7, crn: (key >>> 7) & 15, crm: (key >>> 3) & 15, op2: key & 7 };
}

export function genericName(key: number): string {
  const e = unpackSysReg(key);
  return `S${e.op0}_${e.op1}_C${e.crn}_C${e.crm}_${e.op2}`;
}
