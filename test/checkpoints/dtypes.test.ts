import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  bf16BitsToF32,
  bitsToF32,
  f16BitsToF32,
  f32BitsToBf16Bits,
  f32BitsToF16Bits,
  f32ToBits,
  toBf16Bits,
  toF16Bits,
} from '../../src/checkpoints/dtypes.ts';

const hex = (n: number) => `0x${n.toString(16).padStart(4, '0')}`;
const isF16NaN = (h: number) => (h & 0x7c00) === 0x7c00 && (h & 0x3ff) !== 0;
const isBf16NaN = (b: number) => (b & 0x7f80) === 0x7f80 && (b & 0x7f) !== 0;

describe('f16 golden bit patterns (checked against numpy float32 -> float16)', () => {
  const cases: [number, number][] = [
    [1.0, 0x3c00],
    [-2, 0xc000],
    [0.1, 0x2e66],
    [1 / 3, 0x3555],
    [65504, 0x7bff], // largest finite half
    [65519.99, 0x7bff], // just under the rounding boundary
    [65520, 0x7c00], // the boundary itself ties to even, which is infinity
    [70000, 0x7c00],
    [1e30, 0x7c00],
    [-1e30, 0xfc00],
    [2 ** -14, 0x0400], // smallest normal
    [6.1e-5, 0x03ff], // largest subnormal, reached by rounding
    [2 ** -24, 0x0001], // smallest subnormal
    [2 ** -25, 0x0000], // half of it: a tie, to even (zero)
    [1.5 * 2 ** -25, 0x0001],
    [0.75 * 2 ** -24, 0x0001],
    [1e-8, 0x0000],
    [-1e-8, 0x8000], // underflow keeps the sign
    [0, 0x0000],
    [-0, 0x8000],
    [Infinity, 0x7c00],
    [-Infinity, 0xfc00],
    [NaN, 0x7e00],
  ];
  it.each(cases)('%s -> f16 bits', (x, bits) => {
    expect(hex(toF16Bits(x))).toBe(hex(bits));
  });

  it('decodes bit patterns to their exact values', () => {
    expect(f16BitsToF32(0x3c00)).toBe(1);
    expect(f16BitsToF32(0x7bff)).toBe(65504);
    expect(f16BitsToF32(0x0001)).toBe(2 ** -24);
    expect(f16BitsToF32(0x03ff)).toBe(1023 * 2 ** -24);
    expect(f16BitsToF32(0x0400)).toBe(2 ** -14);
    expect(f16BitsToF32(0x3555)).toBe(0.333251953125);
    expect(Object.is(f16BitsToF32(0x8000), -0)).toBe(true);
    expect(f16BitsToF32(0x7c00)).toBe(Infinity);
    expect(f16BitsToF32(0xfc00)).toBe(-Infinity);
    expect(f16BitsToF32(0x7e00)).toBeNaN();
    expect(f16BitsToF32(0xfc01)).toBeNaN();
  });

  it('keeps every NaN a NaN, signalling ones included, with its sign', () => {
    for (const u of [0x7f800001, 0x7fc00000, 0x7fffffff, 0xff800001, 0xffc00000]) {
      const h = f32BitsToF16Bits(u);
      expect(isF16NaN(h), hex(u)).toBe(true);
      expect(h & 0x8000).toBe(u >>> 31 ? 0x8000 : 0);
    }
  });
});

describe('f16 conversion, exhaustively over all 65536 halves', () => {
  it('every non-NaN half survives f16 -> f32 -> f16 exactly', () => {
    for (let h = 0; h < 0x10000; h++) {
      if (isF16NaN(h)) continue;
      if (toF16Bits(f16BitsToF32(h)) !== h) throw new Error(`${hex(h)} did not round-trip`);
    }
  });

  it('midpoints between neighbouring halves tie to even; one f32 ulp off goes to the nearer', () => {
    for (let h = 0; h < 0x7bff; h++) {
      const lo = f16BitsToF32(h);
      const mid = (lo + f16BitsToF32(h + 1)) / 2;
      expect(Math.fround(mid)).toBe(mid); // a midpoint needs 12 significant bits: exact in f32
      const even = h % 2 === 0 ? h : h + 1;
      const mb = f32ToBits(mid);
      const got = [f32BitsToF16Bits(mb), f32BitsToF16Bits(mb - 1), f32BitsToF16Bits(mb + 1)];
      const negated = f32BitsToF16Bits((mb | 0x80000000) >>> 0);
      if (got[0] !== even || got[1] !== h || got[2] !== h + 1 || negated !== (0x8000 | even)) {
        throw new Error(`around ${hex(h)}/${hex(h + 1)}: got ${got.map(hex).join(' ')} ${hex(negated)}`);
      }
    }
  });

  it('property: any finite f32 in range goes to the nearest half (no neighbour is closer)', () => {
    fc.assert(
      fc.property(fc.float({ noNaN: true, noDefaultInfinity: true, min: Math.fround(-65519.99), max: Math.fround(65519.99) }), (x) => {
        const h = toF16Bits(x);
        const err = Math.abs(f16BitsToF32(h) - x);
        const mag = h & 0x7fff;
        const sign = h & 0x8000;
        for (const n of [mag - 1, mag + 1]) {
          if (n < 0 || n > 0x7bff) continue;
          expect(err).toBeLessThanOrEqual(Math.abs(f16BitsToF32(sign | n) - x));
        }
        if (mag === 0) expect(Math.abs(x)).toBeLessThanOrEqual(2 ** -25); // vs. -0/+0 neighbour
      }),
      { numRuns: 5000 },
    );
  });
});

describe('bf16 golden bit patterns', () => {
  const cases: [number, number][] = [
    [1.0, 0x3f80],
    [-2, 0xc000],
    [0.1, 0x3dcd], // f32 0x3dcccccd rounds up
    [Math.PI, 0x4049], // f32 0x40490fdb rounds down
    [bitsToF32(0x3f808000), 0x3f80], // tie, to even (down)
    [bitsToF32(0x3f818000), 0x3f82], // tie, to even (up)
    [bitsToF32(0x3f807fff), 0x3f80],
    [bitsToF32(0x3f808001), 0x3f81],
    [bitsToF32(0x7f7fffff), 0x7f80], // largest f32 overflows to infinity
    [bitsToF32(0x00000001), 0x0000], // f32 subnormals flush to zero by rounding
    [bitsToF32(0x00400000), 0x0040], // a bf16 subnormal
    [0, 0x0000],
    [-0, 0x8000],
    [Infinity, 0x7f80],
    [-Infinity, 0xff80],
    [NaN, 0x7fc0],
  ];
  it.each(cases)('%s -> bf16 bits', (x, bits) => {
    expect(hex(toBf16Bits(x))).toBe(hex(bits));
  });

  it('keeps every NaN a NaN, even one whose payload sits only in the dropped low bits', () => {
    for (const u of [0x7f800001, 0x7fffffff, 0xff800001, 0xffc00000]) {
      const b = f32BitsToBf16Bits(u);
      expect(isBf16NaN(b), hex(u)).toBe(true);
      expect(b & 0x8000).toBe(u >>> 31 ? 0x8000 : 0);
    }
  });

  it('decodes as the top half of an f32', () => {
    expect(bf16BitsToF32(0x3f80)).toBe(1);
    expect(bf16BitsToF32(0x4049)).toBe(3.140625);
    expect(bf16BitsToF32(0xff80)).toBe(-Infinity);
    expect(bf16BitsToF32(0x7fc0)).toBeNaN();
    expect(Object.is(bf16BitsToF32(0x8000), -0)).toBe(true);
  });
});

describe('bf16 conversion, exhaustively over all 65536 values', () => {
  it('round-trips every non-NaN bf16, and ties midpoints to even', () => {
    for (let b = 0; b < 0x10000; b++) {
      if (isBf16NaN(b)) continue;
      if (toBf16Bits(bf16BitsToF32(b)) !== b) throw new Error(`${hex(b)} did not round-trip`);
      if ((b & 0x7fff) >= 0x7f80) continue; // infinity has no next value
      const mid = ((b << 16) | 0x8000) >>> 0; // halfway to b + 1 (same sign, larger magnitude)
      const even = b % 2 === 0 ? b : b + 1;
      const got = [f32BitsToBf16Bits(mid), f32BitsToBf16Bits(mid - 1), f32BitsToBf16Bits(mid + 1)];
      if (got[0] !== even || got[1] !== b || got[2] !== b + 1) {
        throw new Error(`around ${hex(b)}: got ${got.map(hex).join(' ')}`);
      }
    }
  });

  it('property: relative error of a normal f32 is at most 2^-8 (half an ulp of bf16)', () => {
    fc.assert(
      fc.property(fc.float({ noNaN: true, noDefaultInfinity: true, min: Math.fround(-3e38), max: Math.fround(3e38) }), (x) => {
        if (Math.abs(x) < 2 ** -126) return;
        const y = bf16BitsToF32(toBf16Bits(x));
        expect(Math.abs(y - x)).toBeLessThanOrEqual(Math.abs(x) * 2 ** -8);
      }),
      { numRuns: 5000 },
    );
  });
});
