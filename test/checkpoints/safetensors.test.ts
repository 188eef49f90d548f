import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Tensor } from '../../src/runtime/index.ts';
import {
  checkShapes,
  parseSafetensors,
  readSafetensorsHeader,
  serializeSafetensors,
  shapeMismatches,
} from '../../src/checkpoints/safetensors.ts';
import { bf16BitsToF32, f16BitsToF32, toBf16Bits, toF16Bits } from '../../src/checkpoints/dtypes.ts';
import { CheckpointError } from '../../src/checkpoints/errors.ts';
import { f32Bytes, rawFile, splitFile } from './build.ts';

const shapeArb = fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 0, maxLength: 3 });
const nameArb = fc.string({ unit: 'grapheme', maxLength: 12 }).filter((s) => s !== '__metadata__');

/** Random named tensors whose values come from `valueArb`. */
function tensorsArb(valueArb: fc.Arbitrary<number>): fc.Arbitrary<Record<string, Tensor>> {
  const tensorArb = shapeArb.chain((shape) => {
    const n = shape.reduce((a, b) => a * b, 1);
    return fc.array(valueArb, { minLength: n, maxLength: n }).map((v) => Tensor.from(v, shape));
  });
  return fc.dictionary(nameArb, tensorArb, { maxKeys: 5 });
}

/** Same names, same shapes, and element-wise `same` values. */
function expectRoundTrip(
  written: Record<string, Tensor>,
  read: Map<string, Tensor>,
  same: (x: number, y: number) => boolean,
): void {
  expect([...read.keys()]).toEqual(Object.keys(written).sort());
  for (const [name, t] of Object.entries(written)) {
    const back = read.get(name)!;
    expect(back.shape).toEqual(t.shape);
    t.data.forEach((x, i) => {
      if (!same(x, back.data[i])) throw new Error(`${name}[${i}]: wrote ${x}, read ${back.data[i]}`);
    });
  }
}

describe('round trips (property)', () => {
  it('F32 is bit-exact, NaN payloads included', () => {
    fc.assert(
      fc.property(tensorsArb(fc.float()), fc.integer({ min: 0, max: 0xffffffff }), (tensors, u) => {
        // Plant one arbitrary bit pattern (perhaps a NaN with payload) to check it survives.
        const first = Object.values(tensors).find((t) => t.size > 0);
        if (first) new Uint32Array(first.data.buffer)[0] = u;
        const read = parseSafetensors(serializeSafetensors(tensors)).tensors;
        expectRoundTrip(tensors, read, () => true);
        for (const [name, t] of Object.entries(tensors)) {
          expect(new Uint32Array(read.get(name)!.data.slice().buffer)).toEqual(new Uint32Array(t.data.slice().buffer));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('F16 gives each value rounded to nearest half, within half an ulp', () => {
    fc.assert(
      fc.property(tensorsArb(fc.float()), (tensors) => {
        const read = parseSafetensors(serializeSafetensors(tensors, { dtype: 'F16' })).tensors;
        expectRoundTrip(tensors, read, (x, y) => {
          if (!Object.is(y, f16BitsToF32(toF16Bits(x))) && !(Number.isNaN(x) && Number.isNaN(y))) return false;
          if (Math.abs(x) >= 65520) return y === Math.sign(x) * Infinity;
          // Half an ulp: 2^-11 relative for normals, 2^-25 absolute for subnormals.
          return Number.isNaN(x) || Math.abs(y - x) <= Math.max(Math.abs(x) * 2 ** -11, 2 ** -25);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('BF16 gives each value rounded to nearest bfloat16, within 2^-8 relative', () => {
    fc.assert(
      fc.property(tensorsArb(fc.float()), (tensors) => {
        const read = parseSafetensors(serializeSafetensors(tensors, { dtype: 'BF16' })).tensors;
        expectRoundTrip(tensors, read, (x, y) => {
          if (Number.isNaN(x)) return Number.isNaN(y);
          if (!Object.is(y, bf16BitsToF32(toBf16Bits(x)))) return false;
          return !Number.isFinite(y) || Math.abs(y - x) <= Math.max(Math.abs(x) * 2 ** -8, 2 ** -134);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('special values survive in every dtype', () => {
    const specials = Tensor.from([0, -0, Infinity, -Infinity, NaN, 1, -1e-30, 1e30], [2, 4]);
    const expected = {
      F32: [0, -0, Infinity, -Infinity, NaN, 1, Math.fround(-1e-30), Math.fround(1e30)],
      F16: [0, -0, Infinity, -Infinity, NaN, 1, -0, Infinity],
      BF16: [0, -0, Infinity, -Infinity, NaN, 1, bf16BitsToF32(toBf16Bits(-1e-30)), bf16BitsToF32(toBf16Bits(1e30))],
    } as const;
    for (const dtype of ['F32', 'F16', 'BF16'] as const) {
      const back = parseSafetensors(serializeSafetensors({ s: specials }, { dtype })).tensors.get('s')!;
      expect(back.shape).toEqual([2, 4]);
      expect([...back.data]).toEqual(expected[dtype]); // toEqual tells -0 from 0 and matches NaN
    }
  });
});

describe('writer layout', () => {
  it('writes exactly the bytes the spec prescribes', () => {
    const bytes = serializeSafetensors({ x: Tensor.from([1, -2], [2]) }, { dtype: 'F16' });
    const json = '{"x":{"dtype":"F16","shape":[2],"data_offsets":[0,4]}}'; // 54 bytes, padded to 56
    const expected = [56, 0, 0, 0, 0, 0, 0, 0, ...new TextEncoder().encode(json), 0x20, 0x20, 0x00, 0x3c, 0x00, 0xc0];
    expect([...bytes]).toEqual(expected);
  });

  it('pads the header with spaces to 8 bytes, puts metadata first, lays tensors out by sorted name', () => {
    const tensors = new Map([
      ['b', Tensor.from([1, 2, 3], [3])],
      ['10', Tensor.from([4], [1, 1])],
      ['a', Tensor.zeros([2, 0])],
      ['9', Tensor.from([5], [])],
    ]);
    const bytes = serializeSafetensors(tensors, { metadata: { format: 'pt' } });
    const { headerText, header, data } = splitFile(bytes);
    expect(headerText.length % 8).toBe(0);
    // Read the order from the text: a parsed JS object would move integer-like keys first.
    const order = [...headerText.matchAll(/"([^"]+)":\{/g)].map((m) => m[1]);
    expect(order).toEqual(['__metadata__', '10', '9', 'a', 'b']); // code-unit order, not numeric
    expect(headerText).toMatch(/\} *$/);
    expect(header['10']).toEqual({ dtype: 'F32', shape: [1, 1], data_offsets: [0, 4] });
    expect(header['9']).toEqual({ dtype: 'F32', shape: [], data_offsets: [4, 8] });
    expect(header.a).toEqual({ dtype: 'F32', shape: [2, 0], data_offsets: [8, 8] });
    expect(header.b).toEqual({ dtype: 'F32', shape: [3], data_offsets: [8, 20] });
    expect([...data]).toEqual([...f32Bytes([4, 5, 1, 2, 3])]);
    expect(bytes.subarray(4, 8)).toEqual(new Uint8Array(4)); // high half of the u64 length
  });

  it('writes an empty file as a bare {} header', () => {
    const bytes = serializeSafetensors({});
    expect(splitFile(bytes).headerText).toBe('{}      ');
    expect(parseSafetensors(bytes).tensors.size).toBe(0);
  });

  it('rejects a tensor named __metadata__, non-string metadata and unwritable dtypes', () => {
    const t = Tensor.from([1], [1]);
    expect(() => serializeSafetensors({ __metadata__: t })).toThrow(/'__metadata__' is reserved/);
    const metadata = { step: 3 } as unknown as Record<string, string>;
    expect(() => serializeSafetensors({ t }, { metadata })).toThrow(/key 'step' holds number 3/);
    expect(() => serializeSafetensors({ t }, { dtype: 'I64' as 'F32' })).toThrow(/cannot write dtype "I64"/);
  });

  it('keeps odd names as plain keys: __proto__, unicode, quotes', () => {
    const names = ['__proto__', 'constructor', 'héllo 世界', 'a"b\\c', ''];
    const tensors = new Map(names.map((n, i) => [n, Tensor.from([i], [1])]));
    const read = parseSafetensors(serializeSafetensors(tensors)).tensors;
    expect([...read.keys()].sort()).toEqual([...names].sort());
    names.forEach((n, i) => expect(read.get(n)!.data[0]).toBe(i));
  });
});

describe('reader', () => {
  it('reads a file whose tensors are not stored in name order, plus its metadata', () => {
    const header = {
      b: { dtype: 'F32', shape: [2], data_offsets: [0, 8] },
      a: { dtype: 'F32', shape: [1], data_offsets: [8, 12] },
      __metadata__: { format: 'pt', note: 'hi' },
    };
    const file = parseSafetensors(rawFile(header, f32Bytes([1, 2, 3])));
    expect([...file.tensors.keys()]).toEqual(['a', 'b']);
    expect([...file.tensors.get('b')!.data]).toEqual([1, 2]);
    expect([...file.tensors.get('a')!.data]).toEqual([3]);
    expect(file.metadata).toEqual({ format: 'pt', note: 'hi' });
    expect(file.header.tensors.get('b')).toEqual({ dtype: 'F32', shape: [2], dataOffsets: [0, 8] });
  });

  it('reads from a Uint8Array view at an odd offset inside a larger buffer', () => {
    const bytes = serializeSafetensors({ w: Tensor.from([1.5, -2.25, 3], [3]) }, { dtype: 'BF16' });
    const host = new Uint8Array(bytes.length + 7);
    host.set(bytes, 3);
    const read = parseSafetensors(host.subarray(3, 3 + bytes.length)).tensors.get('w')!;
    expect([...read.data]).toEqual([1.5, -2.25, 3]);
  });

  it('reads an unpadded header (padding is the writer\'s courtesy, not a reader requirement)', () => {
    const bytes = rawFile({ x: { dtype: 'F32', shape: [1], data_offsets: [0, 4] } }, f32Bytes([7]), false);
    expect(parseSafetensors(bytes).tensors.get('x')!.data[0]).toBe(7);
  });

  it('reads I32 and I64 tensors into f32 when exact, and refuses values f32 would round', () => {
    const ints = new Uint8Array(4 * 3 + 8 * 2);
    const view = new DataView(ints.buffer);
    [-5, 0, 2 ** 24].forEach((v, i) => view.setInt32(4 * i, v, true));
    [-(2n ** 40n), 511n].forEach((v, i) => view.setBigInt64(12 + 8 * i, v, true));
    const header = {
      i: { dtype: 'I32', shape: [3], data_offsets: [0, 12] },
      l: { dtype: 'I64', shape: [2], data_offsets: [12, 28] },
    };
    const { tensors } = parseSafetensors(rawFile(header, ints));
    expect([...tensors.get('i')!.data]).toEqual([-5, 0, 2 ** 24]);
    expect([...tensors.get('l')!.data]).toEqual([-(2 ** 40), 511]);

    view.setInt32(4, 2 ** 24 + 1, true);
    expect(() => parseSafetensors(rawFile(header, ints))).toThrow(/tensor 'i': I32 value 16777217 at index 1/);
    view.setInt32(4, 0, true);
    view.setBigInt64(20, 2n ** 53n + 1n, true);
    expect(() => parseSafetensors(rawFile(header, ints))).toThrow(/tensor 'l': I64 value 9007199254740993 at index 1/);
  });

  it('readSafetensorsHeader gives names, dtypes, shapes and the data start without decoding', () => {
    const bytes = serializeSafetensors({ w: Tensor.zeros([2, 3]) }, { dtype: 'F16', metadata: { a: 'b' } });
    const header = readSafetensorsHeader(bytes);
    expect(header.tensors.get('w')).toEqual({ dtype: 'F16', shape: [2, 3], dataOffsets: [0, 12] });
    expect(header.metadata).toEqual({ a: 'b' });
    expect(header.dataStart).toBe(bytes.length - 12);
  });
});

describe('checkShapes', () => {
  const tensors = new Map([
    ['layer.0.attn.q_proj.weight', Tensor.zeros([64, 64])],
    ['layer.0.attn.k_proj.weight', Tensor.zeros([32, 64])],
    ['extra.bias', Tensor.zeros([1, 1, 11, 11])],
  ]);

  it('names the tensor and both shapes when they disagree', () => {
    const expected = { 'layer.0.attn.q_proj.weight': [64, 128], 'layer.0.attn.k_proj.weight': [32, 64] };
    expect(() => checkShapes(tensors, expected, { allowExtra: true })).toThrow(
      new CheckpointError('layer.0.attn.q_proj.weight: file has (64, 64), config expects (64, 128)'),
    );
  });

  it('lists every problem: wrong shape, wrong rank, missing, unexpected', () => {
    const expected = {
      'layer.0.attn.q_proj.weight': [64, 64],
      'layer.0.attn.k_proj.weight': [32, 64, 1],
      'lm_head.weight': [512, 64],
    };
    expect(shapeMismatches(tensors, expected)).toEqual([
      'layer.0.attn.k_proj.weight: file has (32, 64), config expects (32, 64, 1)',
      'lm_head.weight: missing from the file, config expects (512, 64)',
      'extra.bias: file has (1, 1, 11, 11), config expects no such tensor',
    ]);
    expect(() => checkShapes(tensors, expected)).toThrow(/does not match the config \(3 problems\):\n {2}layer\.0/);
  });

  it('passes quietly when everything fits, and accepts header infos before decoding', () => {
    const expected = { 'layer.0.attn.q_proj.weight': [64, 64], 'layer.0.attn.k_proj.weight': [32, 64] };
    expect(() => checkShapes(tensors, expected, { allowExtra: true })).not.toThrow();
    const header = readSafetensorsHeader(serializeSafetensors(tensors)).tensors;
    expect(() => checkShapes(header, { ...expected, 'extra.bias': [1, 1, 11, 11] })).not.toThrow();
  });
});
