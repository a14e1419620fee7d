/**
 * Parse a 32-character bit pattern ("z0010001ssiiiiiiiiiiiinnnnnddddd") into a
 * mask, the expected value under the mask, and its fields. '0'/'1' are fixed
 * bits, '-' is don't-care, each run of one letter is a field (a letter may be
 * used once). This is the only place decode logic touches shifts and masks.
 */
export interface Field {
  name: string;
  lsb: number;
  width: number;
}

export interface BitPattern {
  mask: number;
  expect: number;
  fields: Field[];
  fixedBits: number;
}

export function parseBits(bits: string, where: string): BitPattern {
  if (bits.length !== 32) throw new Error(`${where}: bit pattern has ${bits.length} characters, expected 32`);
  let mask = 0, expect = 0, fixedBits = 0;
  const fields: Field[] = [];
  for (let i = 0; i < 32; i++) {
    const ch = bits[i]!;
    const bit = 31 - i;
    if (ch === '0' || ch === '1') {
      mask |= 1 << bit;
      if (ch === '1') expect |= 1 << bit;
      fixedBits++;
    } else if (ch === '-') {
      // don't care
    } else if (/^[a-zA-Z]$/.test(ch)) {
      const last = fields[fields.length - 1];
      if (last && last.name === ch && last.lsb === bit + 1) {
        last.lsb = bit;
        last.width++;
      } else {
        if (fields.some((f) => f.name === ch)) throw new Error(`${where}: field '${ch}' is not contiguous`);
        fields.push({ name: ch, lsb: bit, width: 1 });
      }
    } else {
      throw new Error(`${where}: bad character '${ch}' in bit pattern`);
    }
  }
  return { mask: mask | 0, expect: expect | 0, fields, fixedBits };
}

/** Field values of a word, by field letter. */
export type Fields = Record<string, number>;

export function extractFields(p: BitPattern, word: number): Fields {
  const out: Fields = {};
  for (const f of p.fields) out[f.name] = (word >>> f.lsb) & (f.width === 32 ? -1 : (1 << f.width) - 1);
  return out;
}
