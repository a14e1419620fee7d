/**
 * AdvSIMD integer, copy, permute and immediate forms: hand-computed
 * expectations, starting with the sequences glibc's string routines run
 * (strlen/memchr/strcmp syndromes). Words from aarch64-linux-gnu-as; the
 * golden test (simd-golden.test.ts) checks every row against qemu-aarch64.
 */
import t from 'tap';
import { Slot } from '../../src/backend-js/abi.js';
import { type Env, makeEnv, runInterp, x } from '../helpers/testenv.js';

/** V register value from bytes, byte 0 lowest. */
function bytes(...b: number[]): bigint {
  let v = 0n;
  b.forEach((x, i) => (v |= BigInt(x & 0xff) << BigInt(8 * i)));
  return v;
}
function str(s: string): bigint {
  return bytes(...[...s].map((ch) => ch.charCodeAt(0)));
}
function lanes(size: number, ...vals: (number | bigint)[]): bigint {
  let v = 0n;
  const m = (1n << BigInt(size)) - 1n;
  vals.forEach((x, i) => (v |= (BigInt(x) & m) << BigInt(size * i)));
  return v;
}
const QC = 1 << 27;

function run(words: number[], setup: (e: Env) => void): Env {
  const env = makeEnv(words);
  setup(env);
  runInterp(env, words.length);
  return env;
}
const V = (e: Env, n: number): bigint => e.cpu.getV(n);
const fpsr = (e: Env): number => e.cpu.s[Slot.FPSR]! >>> 0;

t.test('strlen syndrome: CMEQ #0, SHRN #4, UMOV', async (t) => {
  const e = run(
    [
      0x4e209820, // cmeq v0.16b, v1.16b, #0
      0x0f0c8400, // shrn v0.8b, v0.8h, #4
      0x4e083c01, // mov x1, v0.d[0]
    ],
    (e) => {
      e.cpu.setV(0, -1n & ((1n << 128n) - 1n));
      e.cpu.setV(1, str('hello\0world!abcd'));
    },
  );
  // byte 5 is NUL: halfword 2 = 0xff00 >> 4 = 0x0ff0 -> byte 2 = 0xf0; upper half of V0 zeroed
  t.equal(V(e, 0), 0xf00000n);
  t.equal(x(e, 1), 0xf00000n);
});

t.test('memchr syndrome: DUP, CMEQ, AND, ADDP, ADDP, UMOV', async (t) => {
  const e = run(
    [
      0x4e010c20, // dup v0.16b, w1
      0x6e208c22, // cmeq v2.16b, v1.16b, v0.16b
      0x4e231c42, // and v2.16b, v2.16b, v3.16b
      0x4e22bc44, // addp v4.16b, v2.16b, v2.16b
      0x4e24bc84, // addp v4.16b, v4.16b, v4.16b
      0x4e083c82, // mov x2, v4.d[0]
    ],
    (e) => {
      e.cpu.setX(1, 0x6fn); // 'o'
      e.cpu.setV(1, str('hello\0world!abcd'));
      e.cpu.setV(3, lanes(32, 0x40100401, 0x40100401, 0x40100401, 0x40100401));
    },
  );
  t.equal(V(e, 0), bytes(...Array(16).fill(0x6f)), 'DUP');
  t.equal(V(e, 2), bytes(0, 0, 0, 0, 0x01, 0, 0, 0x40), 'matches at 4 and 7, masked');
  t.equal(V(e, 4), bytes(0, 0x41, 0, 0, 0, 0x41, 0, 0, 0, 0x41, 0, 0, 0, 0x41, 0, 0), 'ADDP twice');
  t.equal(x(e, 2), 0x0000410000004100n);
});

t.test('UMINV, UMAXP, CNT + UADDLV', async (t) => {
  const e = run(
    [
      0x6e31a820, // uminv b0, v1.16b
      0x6e21a425, // umaxp v5.16b, v1.16b, v1.16b
      0x4e205846, // cnt v6.16b, v2.16b
      0x6e3038c7, // uaddlv h7, v6.16b
    ],
    (e) => {
      e.cpu.setV(1, str('abcdefghijklmnop'));
      e.cpu.setV(2, bytes(0xff, 0x0f, ...Array(13).fill(0), 0x01));
    },
  );
  t.equal(V(e, 0), 0x61n, 'UMINV = a');
  t.equal(V(e, 5), str('bdfhjlnpbdfhjlnp'), 'UMAXP pairs of Vn:Vn');
  t.equal(V(e, 6), bytes(8, 4, ...Array(13).fill(0), 1), 'CNT');
  t.equal(V(e, 7), 13n, 'UADDLV');
});

t.test('saturation sets FPSR.QC', async (t) => {
  let e = run([0x4e220c20 /* sqadd v0.16b, v1.16b, v2.16b */], (e) => {
    e.cpu.setV(1, bytes(0x7f, 0x80, 0x10));
    e.cpu.setV(2, bytes(0x01, 0xff, 0x20));
  });
  t.equal(V(e, 0), bytes(0x7f, 0x80, 0x30));
  t.equal(fpsr(e), QC);
  e = run([0x4e220c20], (e) => {
    e.cpu.setV(1, bytes(0x7e, 0x80, 0x10));
    e.cpu.setV(2, bytes(0x01, 0x01, 0x20));
  });
  t.equal(V(e, 0), bytes(0x7f, 0x81, 0x30));
  t.equal(fpsr(e), 0, 'no saturation: QC untouched');
  e = run([0x6e622c20 /* uqsub v0.8h, v1.8h, v2.8h */], (e) => {
    e.cpu.setV(1, lanes(16, 5, 0xffff));
    e.cpu.setV(2, lanes(16, 7, 1));
  });
  t.equal(V(e, 0), lanes(16, 0, 0xfffe));
  t.equal(fpsr(e), QC);
  e = run([0x0e214820 /* sqxtn v0.8b, v1.8h */], (e) => {
    e.cpu.setV(0, -1n & ((1n << 128n) - 1n));
    e.cpu.setV(1, lanes(16, 0x0100, 0xff80, 0x0012, 0xfeff));
  });
  t.equal(V(e, 0), bytes(0x7f, 0x80, 0x12, 0x80), 'clamped, upper half zeroed');
  t.equal(fpsr(e), QC);
  e = run([0x4e62b420 /* sqdmulh v0.8h, v1.8h, v2.8h */], (e) => {
    e.cpu.setV(1, lanes(16, 0x4000, 0x8000, 0xffff));
    e.cpu.setV(2, lanes(16, 0x4000, 0x8000, 0x0001));
  });
  t.equal(V(e, 0), lanes(16, 0x2000, 0x7fff, 0xffff));
  t.equal(fpsr(e), QC);
  e = run([0x6f0c7420 /* uqshl v0.16b, v1.16b, #4 */], (e) => e.cpu.setV(1, bytes(0x0f, 0x10, 0x01)));
  t.equal(V(e, 0), bytes(0xf0, 0xff, 0x10));
  t.equal(fpsr(e), QC);
  e = run([0x2f0e8420 /* sqshrun v0.8b, v1.8h, #2 */], (e) => e.cpu.setV(1, lanes(16, 0xfff0, 0x0400, 0x0100)));
  t.equal(V(e, 0), bytes(0, 0xff, 0x40));
  t.equal(fpsr(e), QC);
});

t.test('64-bit vector forms zero the upper half', async (t) => {
  const e = run([0x0e228420 /* add v0.8b, v1.8b, v2.8b */], (e) => {
    e.cpu.setV(0, -1n & ((1n << 128n) - 1n));
    e.cpu.setV(1, bytes(1, 2, 3, 4, 5, 6, 7, 0xff, 9, 9));
    e.cpu.setV(2, bytes(1, 1, 1, 1, 1, 1, 1, 0x02, 9, 9));
  });
  t.equal(V(e, 0), bytes(2, 3, 4, 5, 6, 7, 8, 0x01));
});

t.test('destination aliasing sources: ZIP1, TBL, EXT', async (t) => {
  const iota = bytes(...Array.from({ length: 16 }, (_, i) => i));
  let e = run([0x4e013821 /* zip1 v1.16b, v1.16b, v1.16b */], (e) => e.cpu.setV(1, iota));
  t.equal(V(e, 1), bytes(0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7));
  e = run([0x4e000000 /* tbl v0.16b, {v0.16b}, v0.16b */], (e) =>
    e.cpu.setV(0, bytes(15, 14, 13, 0x20, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0)));
  t.equal(V(e, 0), bytes(0, 1, 2, 0, 4, 5, 6, 7, 8, 9, 10, 11, 0x20, 13, 14, 15), 'index 0x20 is out of range: 0');
  e = run([0x6e011821 /* ext v1.16b, v1.16b, v1.16b, #3 */], (e) => e.cpu.setV(1, iota));
  t.equal(V(e, 1), bytes(3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2));
  e = run([0x0e033020 /* tbx v0.8b, {v1.16b, v2.16b}, v3.8b */], (e) => {
    e.cpu.setV(0, bytes(0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8));
    e.cpu.setV(1, iota);
    e.cpu.setV(2, iota + bytes(...Array(16).fill(0x10)));
    e.cpu.setV(3, bytes(0, 17, 32, 31, 0xff, 1, 2, 3));
  });
  t.equal(V(e, 0), bytes(0x00, 0x11, 0xa2, 0x1f, 0xa4, 0x01, 0x02, 0x03), 'TBX keeps out-of-range lanes; upper half zeroed');
});

t.test('UMOV, SMOV, INS, DUP', async (t) => {
  const v1 = bytes(0, 0, 0x80, 0xf0, 0, 0, 0, 0, 0, 0, 0, 0, 0x11, 0x22, 0x33, 0xab);
  let e = run([0x4e052c21 /* smov x1, v1.b[2] */], (e) => e.cpu.setV(1, v1));
  t.equal(x(e, 1), 0xffffffffffffff80n);
  e = run([0x0e062c21 /* smov w1, v1.h[1] */], (e) => {
    e.cpu.setV(1, v1);
    e.cpu.setX(1, -1n & 0xffffffffffffffffn);
  });
  t.equal(x(e, 1), 0xfffff080n, 'W result zero-extends into X');
  e = run([0x0e1f3c21 /* umov w1, v1.b[15] */], (e) => e.cpu.setV(1, v1));
  t.equal(x(e, 1), 0xabn);
  e = run([0x4e0e1c20 /* mov v0.h[3], w1 */], (e) => {
    e.cpu.setX(1, 0x12345678n);
    e.cpu.setV(0, 1n << 100n);
  });
  t.equal(V(e, 0), (1n << 100n) | (0x5678n << 48n), 'other lanes kept');
  e = run([0x6e046420 /* mov v0.s[0], v1.s[3] */], (e) => {
    e.cpu.setV(0, lanes(32, 1, 2, 3, 4));
    e.cpu.setV(1, lanes(32, 5, 6, 7, 8));
  });
  t.equal(V(e, 0), lanes(32, 8, 2, 3, 4));
  e = run([0x5e180420 /* mov d0, v1.d[1] */], (e) => {
    e.cpu.setV(0, -1n & ((1n << 128n) - 1n));
    e.cpu.setV(1, lanes(64, 1, 0x1122334455667788n));
  });
  t.equal(V(e, 0), 0x1122334455667788n);
});

t.test('modified immediate', async (t) => {
  const ones = (1n << 128n) - 1n;
  let e = run([0x6f04e6c0 /* movi v0.2d, #0xff0000ff00ffff00 */], () => {});
  t.equal(V(e, 0), lanes(64, 0xff0000ff00ffff00n, 0xff0000ff00ffff00n));
  e = run([0x6f002640 /* mvni v0.4s, #0x12, lsl #8 */], () => {});
  t.equal(V(e, 0), lanes(32, 0xffffedff, 0xffffedff, 0xffffedff, 0xffffedff));
  e = run([0x4f04b400 /* orr v0.8h, #0x80, lsl #8 */], (e) => e.cpu.setV(0, lanes(16, 1, 2, 3, 4, 5, 6, 7, 8)));
  t.equal(V(e, 0), lanes(16, 0x8001, 0x8002, 0x8003, 0x8004, 0x8005, 0x8006, 0x8007, 0x8008));
  e = run([0x2f0717e0 /* bic v0.2s, #0xff */], (e) => e.cpu.setV(0, ones));
  t.equal(V(e, 0), lanes(32, 0xffffff00, 0xffffff00), 'upper half zeroed');
  e = run([0x4f02d740 /* movi v0.4s, #0x5a, msl #16 */], () => {});
  t.equal(V(e, 0), lanes(32, 0x005affff, 0x005affff, 0x005affff, 0x005affff));
});

t.test('REV64, shifts by immediate, UXTL', async (t) => {
  const iota = bytes(...Array.from({ length: 16 }, (_, i) => i));
  let e = run([0x4e200820 /* rev64 v0.16b, v1.16b */], (e) => e.cpu.setV(1, iota));
  t.equal(V(e, 0), bytes(7, 6, 5, 4, 3, 2, 1, 0, 15, 14, 13, 12, 11, 10, 9, 8));
  e = run([0x7f410420 /* ushr d0, d1, #63 */], (e) => e.cpu.setV(1, lanes(64, 1n << 63n, 5)));
  t.equal(V(e, 0), 1n);
  e = run([0x4f210420 /* sshr v0.4s, v1.4s, #31 */], (e) => e.cpu.setV(1, lanes(32, 0x80000000, 0x7fffffff, 1, 0xffffffff)));
  t.equal(V(e, 0), lanes(32, -1, 0, 0, -1));
  e = run([0x6f485420 /* sli v0.2d, v1.2d, #8 */], (e) => {
    e.cpu.setV(0, lanes(64, 0x1111111111111111n, 0x1111111111111111n));
    e.cpu.setV(1, lanes(64, 0xaabbccddeeff0011n, 0x0123456789abcdefn));
  });
  t.equal(V(e, 0), lanes(64, 0xbbccddeeff001111n, 0x23456789abcdef11n));
  e = run([0x6f3c4420 /* sri v0.4s, v1.4s, #4 */], (e) => {
    e.cpu.setV(0, (1n << 128n) - 1n);
    e.cpu.setV(1, lanes(32, 0x12345678, 0x12345678, 0x12345678, 0x12345678));
  });
  t.equal(V(e, 0), lanes(32, 0xf1234567, 0xf1234567, 0xf1234567, 0xf1234567));
  e = run([0x2f08a420 /* uxtl v0.8h, v1.8b */], (e) => e.cpu.setV(1, bytes(0x80, 0xff, 1, 0, 0, 0, 0, 2, 0x55)));
  t.equal(V(e, 0), lanes(16, 0x80, 0xff, 1, 0, 0, 0, 0, 2));
  e = run([0x4ea24420 /* sshl v0.4s, v1.4s, v2.4s */], (e) => {
    e.cpu.setV(1, lanes(32, 1, -16, 0x40000000, 5));
    e.cpu.setV(2, lanes(32, 31, -2, 2, 0x100));
  });
  t.equal(V(e, 0), lanes(32, 0x80000000, -4, 0, 5), 'negative = right shift; only the low byte counts');
  e = run([0x7ee25420 /* urshl d0, d1, d2 */], (e) => {
    e.cpu.setV(1, 0x0fn);
    e.cpu.setV(2, 0xfcn);
  });
  t.equal(V(e, 0), 1n, '(15 + 8) >> 4');
  e = run([0x7ee0b820 /* neg d0, d1 */], (e) => e.cpu.setV(1, 1n << 63n));
  t.equal(V(e, 0), 1n << 63n);
  t.equal(fpsr(e), 0, 'NEG does not saturate');
});

t.test('multiplies, long and narrow forms', async (t) => {
  let e = run([0x4fa28020 /* mul v0.4s, v1.4s, v2.s[1] */], (e) => {
    e.cpu.setV(1, lanes(32, 1, 2, 0x10000, 0xffffffff));
    e.cpu.setV(2, lanes(32, 7, 0x10001));
  });
  t.equal(V(e, 0), lanes(32, 0x10001, 0x20002, 0x10000, 0xfffeffff));
  e = run([0x0ea2c020 /* smull v0.2d, v1.2s, v2.2s */], (e) => {
    e.cpu.setV(1, lanes(32, -2, 0x7fffffff));
    e.cpu.setV(2, lanes(32, 3, 0x7fffffff));
  });
  t.equal(V(e, 0), lanes(64, -6n, 0x3fffffff00000001n));
  e = run([0x2e628020 /* umlal v0.4s, v1.4h, v2.4h */], (e) => {
    e.cpu.setV(0, lanes(32, 1, 1, 1, 1));
    e.cpu.setV(1, lanes(16, 0xffff, 2));
    e.cpu.setV(2, lanes(16, 0xffff, 3));
  });
  t.equal(V(e, 0), lanes(32, 0xfffe0002, 7, 1, 1));
  e = run([0x0e224020 /* addhn v0.8b, v1.8h, v2.8h */], (e) => {
    e.cpu.setV(1, lanes(16, 0x1234, 0xff00));
    e.cpu.setV(2, lanes(16, 0x0100, 0x0100));
  });
  t.equal(V(e, 0), bytes(0x13, 0x00));
  e = run([0x4e212820 /* xtn2 v0.16b, v1.8h */], (e) => {
    e.cpu.setV(0, (1n << 128n) - 1n);
    e.cpu.setV(1, lanes(16, 0x1201, 0x3402, 0x5603, 0x7804, 0x9a05, 0xbc06, 0xde07, 0xf008));
  });
  t.equal(V(e, 0), bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 1, 2, 3, 4, 5, 6, 7, 8), 'low half kept');
});

t.test('bitwise select and pairwise D', async (t) => {
  const setup = (e: Env): void => {
    e.cpu.setV(0, lanes(64, 0xff00ff00ff00ff00n, 0xff00ff00ff00ff00n));
    e.cpu.setV(1, lanes(64, 0xaaaaaaaaaaaaaaaan, 0xaaaaaaaaaaaaaaaan));
    e.cpu.setV(2, lanes(64, 0x5555555555555555n, 0x5555555555555555n));
  };
  let e = run([0x6e621c20 /* bsl v0.16b, v1.16b, v2.16b */], setup);
  t.equal(V(e, 0), lanes(64, 0xaa55aa55aa55aa55n, 0xaa55aa55aa55aa55n));
  e = run([0x6ea21c20 /* bit v0.16b, v1.16b, v2.16b */], setup);
  t.equal(V(e, 0), lanes(64, 0xaa00aa00aa00aa00n, 0xaa00aa00aa00aa00n));
  e = run([0x6ee21c20 /* bif v0.16b, v1.16b, v2.16b */], setup);
  t.equal(V(e, 0), lanes(64, 0xffaaffaaffaaffaan, 0xffaaffaaffaaffaan));
  e = run([0x5ef1b820 /* addp d0, v1.2d */], (e) => e.cpu.setV(1, lanes(64, -1n, 2n)));
  t.equal(V(e, 0), 1n);
});
