/**
 * Compile the A64 row table into a fast lookup: rows are bucketed by bits
 * [28:21] and [13:10] (4096 buckets); within a bucket, rows with more fixed
 * bits come first (so an encoding with a constrained field wins over a more
 * general one), then table order.
 */
import { A64_ROWS, type A64Id, type A64Row } from './a64.table.js';
import { type BitPattern, extractFields, type Fields, parseBits } from './bitpattern.js';

export interface DecodedRow extends A64Row {
  readonly id: A64Id;
  readonly pattern: BitPattern;
  readonly index: number;
}

const BUCKET_BITS = 12;

function bucketOf(word: number): number {
  return (((word >>> 21) & 0xff) << 4) | ((word >>> 10) & 0xf);
}


export class Decoder {
  readonly rows: DecodedRow[];
  private readonly buckets: DecodedRow[][];
  readonly byId: ReadonlyMap<A64Id, DecodedRow>;

  constructor(rows: readonly A64Row[]) {
    this.rows = rows.map((r, index) => ({ ...r, id: r.id as A64Id, index, pattern: parseBits(r.bits, r.id) }));
    const ids = new Map<A64Id, DecodedRow>();
    for (const r of this.rows) {
      if (ids.has(r.id)) throw new Error(`decoder table: duplicate id ${r.id}`);
      ids.set(r.id, r);
    }
    this.byId = ids;
    const ordered = [...this.rows].sort((a, b) => b.pattern.fixedBits - a.pattern.fixedBits || a.index - b.index);
    this.buckets = Array.from({ length: 1 << BUCKET_BITS }, () => []);
    for (const r of ordered) {
      // Enumerate the buckets this row can fall in: its fixed bucket bits are set, the free ones take every value.
      const fixed = bucketOf(r.pattern.mask), want = bucketOf(r.pattern.expect) & fixed;
      const free = ~fixed & ((1 << BUCKET_BITS) - 1);
      for (let sub = free; ; sub = (sub - 1) & free) {
        this.buckets[want | sub]!.push(r);
        if (sub === 0) break;
      }
    }
  }

  decode(word: number): DecodedRow | undefined {
    const list = this.buckets[bucketOf(word)]!;
    for (let i = 0; i < list.length; i++) {
      const r = list[i]!;
      if ((word & r.pattern.mask) === r.pattern.expect) return r;
    }
    return undefined;
  }

  fields(row: DecodedRow, word: number): Fields {
    return extractFields(row.pattern, word);
  }
}

let shared: Decoder | undefined;
export function a64Decoder(): Decoder {
  return (shared ??= new Decoder(A64_ROWS));
}
