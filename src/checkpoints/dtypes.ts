/**
 * The storage types a safetensors file may hold, and their conversion to and from the
 * runtime's Float32Array. Scalar converters work on raw bit patterns (numbers holding a u16 or
 * u32) so tests can pin exact bits; the DTYPES table turns whole little-endian byte ranges into
 * Float32Arrays and back.
 */
import { CheckpointError } from './errors.ts';

/** Dtypes this reader can turn into a Float32Array. */
export type ReadableDtype = 'F32' | 'F16' | 'BF16' | 'I32' | 'I64';
/** Dtypes the writer can produce from a Float32Array. */
export type WritableDtype = 'F32' | 'F16' | 'BF16';

// One shared scratch word to reinterpret f32 bits as a float and back.
const scratchF32 = new Float32Array(1);
const scratchU32 = new Uint32Array(scratchF32.buffer);

/** The IEEE-754 single-precision bit pattern of x (x is first rounded to f32). */
export function f32ToBits(x: number): number {
  scratchF32[0] = x;
  return scratchU32[0];
}

/** The f32 value whose bit pattern is the u32 `bits`. */
export function bitsToF32(bits: number): number {
  scratchU32[0] = bits >>> 0;
  return scratchF32[0];
}

/**
 * Half-precision bits of an f32 bit pattern, rounding to nearest with ties to even. Values of
 * magnitude 65520 or more become infinity, tiny ones become subnormals or signed zero, and a
 * NaN stays a (quiet) NaN with its sign.
 */
export function f32BitsToF16Bits(u: number): number {
  const sign = (u >>> 16) & 0x8000;
  const exp = (u >>> 23) & 0xff;
  const mant = u & 0x7fffff;
  if (exp === 0xff) return mant !== 0 ? sign | 0x7e00 | (mant >>> 13) : sign | 0x7c00;
  const e = exp - 127; // unbiased exponent
  if (e > 15) return sign | 0x7c00; // at least 2^16: beyond any rounding back into range
  if (e >= -14) {
    // Normal half: keep the top 10 mantissa bits and round on the 13 dropped ones. A carry out
    // of the mantissa correctly bumps the exponent, up to 0x7c00 (infinity) from 65520 on.
    let h = ((e + 15) << 10) | (mant >>> 13);
    const rest = mant & 0x1fff;
    if (rest > 0x1000 || (rest === 0x1000 && (h & 1) === 1)) h += 1;
    return sign | h;
  }
  if (e < -25) return sign; // below half the smallest subnormal (2^-25): rounds to zero
  // Subnormal half: the value in units of 2^-24 is m * 2^(e+1), with the implicit 1 restored.
  const m = mant | 0x800000;
  const shift = -(e + 1); // 14 ..= 24
  let h = m >>> shift;
  const rest = m & ((1 << shift) - 1);
  const half = 1 << (shift - 1);
  if (rest > half || (rest === half && (h & 1) === 1)) h += 1; // may carry into 0x0400, the smallest normal
  return sign | h;
}

/** The f32 value of a half-precision bit pattern (exact: every half is an f32). */
export function f16BitsToF32(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >>> 10) & 0x1f;
  const mant = h & 0x3ff;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 0x1f) return mant !== 0 ? NaN : sign * Infinity;
  return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}

/** bfloat16 bits of an f32 bit pattern: the top 16 bits, rounded to nearest with ties to even. */
export function f32BitsToBf16Bits(u: number): number {
  u >>>= 0;
  const exp = (u >>> 23) & 0xff;
  if (exp === 0xff && (u & 0x7fffff) !== 0) return (u >>> 16) | 0x40; // keep NaN a NaN (quiet bit)
  // Adding 0x7fff plus the lowest kept bit rounds ties to even; overflow lands on infinity.
  return (u + 0x7fff + ((u >>> 16) & 1)) >>> 16; // sum < 2^32 for every non-NaN u
}

/** The f32 value of a bfloat16 bit pattern (exact: bf16 is the top half of an f32). */
export function bf16BitsToF32(b: number): number {
  return bitsToF32((b & 0xffff) << 16);
}

/** Convenience: f32 value -> half bits. */
export function toF16Bits(x: number): number {
  return f32BitsToF16Bits(f32ToBits(x));
}

/** Convenience: f32 value -> bfloat16 bits. */
export function toBf16Bits(x: number): number {
  return f32BitsToBf16Bits(f32ToBits(x));
}

/** How one storage dtype maps a little-endian byte range onto Float32Array values. */
export interface DtypeCodec {
  /** Bytes per element. */
  readonly bytes: number;
  /** Values of `src` (exactly count * bytes long, any alignment); `name` is for error messages. */
  decode(src: Uint8Array, name: string): Float32Array;
  /** Writes `values` into `out` (exactly values.length * bytes long); absent for read-only dtypes. */
  encode?(values: Float32Array, out: Uint8Array): void;
}

const littleEndianHost = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

let f16Table: Float32Array | null = null;
/** All 65536 half values, built on first use: decoding becomes one lookup per element. */
function halfTable(): Float32Array {
  if (!f16Table) {
    f16Table = new Float32Array(65536);
    for (let h = 0; h < 65536; h++) f16Table[h] = f16BitsToF32(h);
  }
  return f16Table;
}

function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Bit patterns of a Float32Array without copying (a Float32Array is always 4-byte aligned). */
function bitsOf(values: Float32Array): Uint32Array {
  return new Uint32Array(values.buffer, values.byteOffset, values.length);
}

/** Reads 16-bit words and maps each through `wordToF32`. */
function decode16(src: Uint8Array, wordToF32: (w: number) => number): Float32Array {
  const view = viewOf(src);
  const out = new Float32Array(src.byteLength / 2);
  for (let i = 0; i < out.length; i++) out[i] = wordToF32(view.getUint16(2 * i, true));
  return out;
}

function encode16(values: Float32Array, out: Uint8Array, bitsToWord: (u: number) => number): void {
  const view = viewOf(out);
  const bits = bitsOf(values);
  for (let i = 0; i < bits.length; i++) view.setUint16(2 * i, bitsToWord(bits[i]), true);
}

/** Integers become f32 only when that is exact; a silently rounded index would be a wrong index. */
function checkedInt(v: number, name: string, dtype: string, i: number): number {
  const f = Math.fround(v);
  if (f !== v) {
    throw new CheckpointError(`tensor '${name}': ${dtype} value ${v} at index ${i} is not exactly representable as f32`);
  }
  return f;
}

export const DTYPES: Readonly<Record<ReadableDtype, DtypeCodec>> = {
  F32: {
    bytes: 4,
    decode(src) {
      // slice() copies into a fresh, aligned buffer that a Float32Array can view directly.
      if (littleEndianHost) return new Float32Array(src.slice().buffer);
      const view = viewOf(src);
      const out = new Float32Array(src.byteLength / 4);
      for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(4 * i, true);
      return out;
    },
    encode(values, out) {
      // A byte copy keeps every bit, NaN payloads included; DataView only for big-endian hosts.
      if (littleEndianHost) return out.set(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
      const view = viewOf(out);
      for (let i = 0; i < values.length; i++) view.setFloat32(4 * i, values[i], true);
    },
  },
  F16: {
    bytes: 2,
    decode(src) {
      const table = halfTable();
      return decode16(src, (w) => table[w]);
    },
    encode: (values, out) => encode16(values, out, f32BitsToF16Bits),
  },
  BF16: {
    bytes: 2,
    decode: (src) => decode16(src, bf16BitsToF32),
    encode: (values, out) => encode16(values, out, f32BitsToBf16Bits),
  },
  I32: {
    bytes: 4,
    decode(src, name) {
      const view = viewOf(src);
      const out = new Float32Array(src.byteLength / 4);
      for (let i = 0; i < out.length; i++) out[i] = checkedInt(view.getInt32(4 * i, true), name, 'I32', i);
      return out;
    },
  },
  I64: {
    bytes: 8,
    decode(src, name) {
      const view = viewOf(src);
      const out = new Float32Array(src.byteLength / 8);
      for (let i = 0; i < out.length; i++) {
        const big = view.getBigInt64(8 * i, true);
        const f = Math.fround(Number(big));
        // Compare as BigInts: Number(big) itself may already have rounded a huge value.
        if (BigInt(f) !== big) {
          throw new CheckpointError(`tensor '${name}': I64 value ${big} at index ${i} is not exactly representable as f32`);
        }
        out[i] = f;
      }
      return out;
    },
  },
};

/** True when `d` names a dtype this reader supports (an own key of DTYPES, not a prototype one). */
export function isReadableDtype(d: string): d is ReadableDtype {
  return Object.prototype.hasOwnProperty.call(DTYPES, d);
}
