/**
 * Every way a safetensors file can be malformed must end in a CheckpointError that says what is
 * wrong: never another error type, a hang, or an allocation sized by an unchecked number.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Tensor } from '../../src/runtime/index.ts';
import { parseSafetensors, serializeSafetensors } from '../../src/checkpoints/safetensors.ts';
import { CheckpointError } from '../../src/checkpoints/errors.ts';
import { rawFile, withHeaderBytes } from './build.ts';

/** Expects parsing to throw a CheckpointError whose message matches `message`. */
function rejects(bytes: Uint8Array, message: RegExp, opts = {}): void {
  let error: unknown;
  try {
    parseSafetensors(bytes, opts);
  } catch (e) {
    error = e;
  }
  expect(error, 'parse should have thrown').toBeInstanceOf(CheckpointError);
  expect((error as Error).message).toMatch(message);
}

const entry = (dtype: unknown, shape: unknown, offsets: unknown) => ({ dtype, shape, data_offsets: offsets });
const f32 = (shape: number[], begin: number, end: number) => entry('F32', shape, [begin, end]);

describe('the 8-byte length prefix', () => {
  it('rejects a file shorter than 8 bytes', () => {
    rejects(new Uint8Array(0), /file is 0 bytes; .*8-byte header length/);
    rejects(new Uint8Array(5), /file is 5 bytes/);
  });

  it('rejects a header length past the end of the file', () => {
    const bytes = new Uint8Array(18);
    bytes[0] = 100;
    rejects(bytes, /header length 100 runs past the end of the file \(only 10 bytes follow/);
  });

  it('rejects a length with any of the high 32 bits set, without converting it to a number', () => {
    const bytes = rawFile({});
    bytes[7] = 0x80; // 2^63 + 8
    rejects(bytes, /header length 9223372036854775816 is 4 GiB or more/);
    bytes.set([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff], 0);
    rejects(bytes, /header length 18446744073709551615 is 4 GiB or more/);
  });

  it('caps the header length (default 100 MB, or maxHeaderBytes)', () => {
    const bytes = rawFile({ x: f32([1], 0, 4) }, 4);
    rejects(bytes, /header length 56 exceeds the limit of 16 bytes \(maxHeaderBytes\)/, { maxHeaderBytes: 16 });
    expect(parseSafetensors(bytes, { maxHeaderBytes: 56 }).tensors.size).toBe(1);
    // A length that fits in the file but is over the 100 MB default is refused before decoding.
    const big = new Uint8Array(8 + 100_000_001);
    new DataView(big.buffer).setUint32(0, 100_000_001, true);
    rejects(big, /header length 100000001 exceeds the limit of 100000000 bytes/);
  });
});

describe('the JSON header', () => {
  it('rejects a header that is not UTF-8', () => {
    rejects(withHeaderBytes(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])), /header \(4 bytes\) is not valid UTF-8/);
  });

  it('rejects a header that is not JSON, including an empty one', () => {
    rejects(rawFile('{"a": '), /header is not valid JSON/);
    rejects(withHeaderBytes(new Uint8Array(0)), /header is not valid JSON/);
  });

  it('rejects JSON that is not an object', () => {
    rejects(rawFile('[]'), /header must be a JSON object, got an array/);
    rejects(rawFile('42'), /header must be a JSON object, got number 42/);
    rejects(rawFile('null'), /got null/);
    rejects(rawFile('"hi"'), /got the string "hi"/);
  });

  it('rejects __metadata__ that is not a map of strings', () => {
    rejects(rawFile({ __metadata__: [] }), /__metadata__ must be an object of strings, got an array/);
    rejects(rawFile({ __metadata__: { step: 3 } }), /__metadata__ must map strings to strings; key 'step' holds number 3/);
  });
});

describe('tensor entries', () => {
  it('rejects an entry that is not an object', () => {
    rejects(rawFile({ w: 5 }), /tensor 'w': entry must be an object .*got number 5/);
  });

  it.each(['dtype', 'shape', 'data_offsets'])('rejects an entry missing "%s"', (key) => {
    const e: Record<string, unknown> = { ...f32([1], 0, 4) };
    delete e[key];
    rejects(rawFile({ w: e }, 4), new RegExp(`tensor 'w': entry is missing "${key}"`));
  });

  it('rejects unknown and unsupported dtypes, prototype names included', () => {
    rejects(rawFile({ w: entry('F99', [1], [0, 4]) }, 4), /tensor 'w': unsupported dtype "F99" \(this reader handles F32, F16, BF16, I32, I64\)/);
    rejects(rawFile({ w: entry('F64', [1], [0, 8]) }, 8), /unsupported dtype "F64"/);
    rejects(rawFile({ w: entry('toString', [1], [0, 4]) }, 4), /unsupported dtype "toString"/);
    rejects(rawFile({ w: entry('__proto__', [1], [0, 4]) }, 4), /unsupported dtype "__proto__"/);
    rejects(rawFile({ w: entry(4, [1], [0, 4]) }, 4), /tensor 'w': dtype must be a string, got number 4/);
  });

  it('rejects shapes that are not lists of non-negative integers', () => {
    rejects(rawFile({ w: entry('F32', 4, [0, 16]) }, 16), /tensor 'w': shape must be an array, got number 4/);
    rejects(rawFile({ w: entry('F32', [2, -1], [0, 0]) }), /shape \[2,-1\] has a dimension that is not a non-negative integer: -1/);
    rejects(rawFile({ w: entry('F32', [1.5], [0, 0]) }), /not a non-negative integer: 1.5/);
    rejects(rawFile({ w: entry('F32', ['2'], [0, 8]) }, 8), /not a non-negative integer: "2"/);
    rejects(rawFile({ w: entry('F32', [null], [0, 4]) }, 4), /not a non-negative integer: null/);
    rejects(rawFile('{"w":{"dtype":"F32","shape":[1e999],"data_offsets":[0,4]}}', 4), /not a non-negative integer: null/);
    rejects(rawFile({ w: entry('F32', [2 ** 60], [0, 4]) }, 4), /not a non-negative integer/);
  });

  it('rejects a shape too large to index before allocating anything', () => {
    rejects(rawFile({ w: f32([2 ** 30, 2 ** 30, 2 ** 30], 0, 4) }, 4), /tensor 'w': shape \(1073741824, 1073741824, 1073741824\) is impossibly large/);
  });

  it('rejects data_offsets that are not two non-negative integers', () => {
    rejects(rawFile({ w: entry('F32', [1], 4) }, 4), /tensor 'w': data_offsets must be two non-negative integers \[begin, end\], got 4/);
    rejects(rawFile({ w: entry('F32', [1], [0, 4, 8]) }, 4), /got \[0,4,8\]/);
    rejects(rawFile({ w: entry('F32', [1], [-4, 0]) }, 4), /got \[-4,0\]/);
    rejects(rawFile({ w: entry('F32', [1], [0, 4.5]) }, 4), /got \[0,4.5\]/);
  });

  it('rejects begin after end', () => {
    rejects(rawFile({ w: f32([1], 8, 4) }, 8), /tensor 'w': data_offsets \[8, 4\] begin after they end/);
  });

  it('rejects offsets past the end of the data, and so a truncated file', () => {
    rejects(rawFile({ w: f32([4], 0, 16) }, 12), /tensor 'w': data_offsets \[0, 16\] run past the end of the data section \(12 bytes\); is the file truncated\?/);
    const whole = serializeSafetensors({ a: Tensor.zeros([3]), b: Tensor.zeros([2, 2]) });
    rejects(whole.subarray(0, whole.length - 1), /tensor 'b': data_offsets \[12, 28\] run past the end of the data section \(27 bytes\)/);
  });

  it('rejects a byte span that disagrees with shape x dtype size', () => {
    rejects(rawFile({ w: f32([2, 3], 0, 20) }, 20), /tensor 'w': F32 shape \(2, 3\) needs 24 bytes but data_offsets \[0, 20\] span 20/);
    rejects(rawFile({ w: entry('BF16', [3], [0, 12]) }, 12), /BF16 shape \(3\) needs 6 bytes but data_offsets \[0, 12\] span 12/);
  });
});

describe('the data section must be tiled exactly', () => {
  it('rejects overlapping tensors, naming both', () => {
    rejects(rawFile({ a: f32([2], 0, 8), b: f32([2], 4, 12) }, 12), /tensors 'a' and 'b' overlap: 'b' begins at byte 4, before 'a' ends at 8/);
    rejects(rawFile({ a: f32([2], 0, 8), b: f32([2], 0, 8) }, 8), /'a' and 'b' overlap/);
    rejects(rawFile({ a: f32([4], 0, 16), z: f32([0], 8, 8) }, 16), /'a' and 'z' overlap/);
  });

  it('rejects a hole between tensors', () => {
    rejects(rawFile({ a: f32([1], 0, 4), b: f32([1], 8, 12) }, 12), /data bytes \[4, 8\) belong to no tensor \(a hole before 'b'\)/);
    rejects(rawFile({ a: f32([1], 4, 8) }, 8), /data bytes \[0, 4\) belong to no tensor/);
  });

  it('rejects trailing bytes after the last tensor', () => {
    rejects(rawFile({ a: f32([1], 0, 4) }, 7), /3 trailing bytes after the last tensor: the data section is 7 bytes but tensors cover 4/);
    rejects(rawFile({}, 1), /1 trailing bytes/);
  });

  it('accepts zero-size tensors at a boundary', () => {
    const ok = rawFile({ a: f32([1], 0, 4), z: f32([0, 3], 4, 4), b: f32([1], 4, 8) }, 8);
    expect(parseSafetensors(ok).tensors.get('z')!.shape).toEqual([0, 3]);
  });
});

describe('fuzzing: random damage to a valid file', () => {
  const tensors = {
    'h.0.attn.c_attn.weight': Tensor.from(Array.from({ length: 24 }, (_, i) => i / 7 - 1), [4, 6]),
    'h.0.attn.c_attn.bias': Tensor.from([1, 2, 3, 4, 5, 6], [6]),
    scalar: Tensor.from([3.5], []),
    empty: Tensor.zeros([0, 2]),
  };
  const files = (['F32', 'F16', 'BF16'] as const).map((dtype) => serializeSafetensors(tensors, { dtype, metadata: { format: 'pt' } }));
  const fileArb = fc.constantFrom(...files);

  /** Parses; a success must hold well-formed tensors, a failure must be a CheckpointError. */
  function parsesOrRejectsCleanly(bytes: Uint8Array): void {
    let result;
    try {
      result = parseSafetensors(bytes);
    } catch (e) {
      if (!(e instanceof CheckpointError)) throw new Error(`threw ${(e as Error)?.name}: ${(e as Error)?.message}`);
      return;
    }
    for (const t of result.tensors.values()) {
      expect(t.data.length).toBe(t.shape.reduce((a, b) => a * b, 1));
    }
  }

  it('flipping arbitrary bytes', () => {
    const edits = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(fileArb, edits, (file, changes) => {
        const bytes = file.slice();
        for (const [at, value] of changes) bytes[at % bytes.length] = value;
        parsesOrRejectsCleanly(bytes);
      }),
      { numRuns: 3000 },
    );
  });

  it('rewriting header characters with JSON-significant ones (so the JSON often still parses)', () => {
    const chars = [...'0123456789-.e,[]{}": ntf'].map((c) => c.charCodeAt(0));
    const edits = fc.array(fc.tuple(fc.nat(), fc.constantFrom(...chars)), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(fileArb, edits, (file, changes) => {
        const bytes = file.slice();
        const headerLength = new DataView(bytes.buffer).getUint32(0, true);
        for (const [at, value] of changes) bytes[8 + (at % headerLength)] = value;
        parsesOrRejectsCleanly(bytes);
      }),
      { numRuns: 3000 },
    );
  });

  it('truncating or extending the file', () => {
    fc.assert(
      fc.property(fileArb, fc.integer({ min: -400, max: 16 }), (file, delta) => {
        const length = Math.max(0, file.length + delta);
        const bytes = new Uint8Array(length);
        bytes.set(file.subarray(0, Math.min(length, file.length)));
        if (delta !== 0) expect(() => parseSafetensors(bytes)).toThrow(CheckpointError);
      }),
      { numRuns: 500 },
    );
  });
});
