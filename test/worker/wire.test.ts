// @vitest-environment node
/**
 * Results crossing from the worker to the page: Tensors survive structured cloning as
 * Tensors with the same numbers; the copies are transferred, so what the worker keeps (a
 * cached trace, a weight) is never detached.
 */
import { describe, expect, it } from 'vitest';
import { pack, transferables, unpack } from '../../src/app/worker/wire.ts';
import { Tensor } from '../../src/runtime/index.ts';

describe('pack / unpack', () => {
  it('carries nested Tensors through structuredClone with transfer, leaving the originals intact', () => {
    const kept = Tensor.from([[1, 2], [3, 4]]);
    const value = { name: 'x', steps: { q: kept, list: [kept, null] }, n: 3, plain: new Float32Array([5, 6]) };
    const packed = pack(value);
    const moved = transferables(packed);
    expect(moved).toHaveLength(3); // two copies of `kept` and the plain array
    const arrived = unpack(structuredClone(packed, { transfer: moved })) as typeof value;
    expect(arrived.steps.q).toBeInstanceOf(Tensor);
    expect(Array.from(arrived.steps.q.data)).toEqual([1, 2, 3, 4]);
    expect(arrived.steps.q.shape).toEqual([2, 2]);
    expect(arrived.steps.list[1]).toBeNull();
    expect([arrived.name, arrived.n]).toEqual(['x', 3]);
    expect(Array.from(kept.data)).toEqual([1, 2, 3, 4]); // not detached
    expect(value.plain.byteLength).toBe(0); // a plain array is moved, as jobs return fresh ones
  });

  it('does not transfer a view of a larger buffer', () => {
    const big = new Float32Array(8);
    expect(transferables({ a: big.subarray(2, 4) })).toEqual([]);
  });
});
