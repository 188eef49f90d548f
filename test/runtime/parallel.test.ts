// @vitest-environment node
/**
 * The worker-thread gemm gives the same bits as one thread: each element of C is computed
 * by the same kernel over the same k order whichever thread owns its band. Runs a real Node
 * pool of two workers (three threads with the caller) and closes it at the end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gemmPacked, packOperands, setGemmParallelism, PARALLEL_MIN_FLOPS } from '../../src/runtime/gemm.ts';
import { planBands } from '../../src/runtime/parallel/bands.ts';
import { READY } from '../../src/runtime/parallel/protocol.ts';
import { Worker } from 'node:worker_threads';
import { createGemmPool, type GemmPool } from '../../src/runtime/parallel/pool.ts';
import { createNodeGemmPool } from '../../src/node/gemm-pool.ts';
import { Rng } from '../../src/runtime/rng.ts';
import { Tensor } from '../../src/runtime/tensor.ts';
import { linear, matmul } from '../../src/runtime/ops/linalg.ts';

function randomArray(n: number, rng: Rng): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = rng.next() * 2 - 1;
  return out;
}

describe('planBands', () => {
  it('covers every panel once, in near-equal bands, along the longer side', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 8 }), (M, N, threads) => {
        const { byColumns, bounds } = planBands(M, N, threads);
        const total = byColumns ? Math.ceil(N / 4) : Math.ceil(M / 4);
        expect(byColumns).toBe(Math.ceil(N / 4) >= Math.ceil(M / 4));
        expect(bounds[0]).toBe(0);
        expect(bounds[bounds.length - 1]).toBe(total);
        expect(bounds.length - 1).toBe(Math.min(threads, total));
        const sizes = bounds.slice(1).map((b, i) => b - bounds[i]);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('createGemmPool', () => {
  it('throws and closes itself when a worker stops answering, instead of hanging', async () => {
    // A fake worker in this thread: it reports itself started, then never acknowledges.
    const pool = await createGemmPool(() => ({
      postMessage(message) {
        if (message.kind === 'init') Atomics.add(new Int32Array(message.control), READY, 1);
      },
      terminate() {},
    }), 1, { answerTimeoutMs: 50 });
    const c = new Float32Array(64);
    expect(() => pool.gemm(new Float32Array(64), new Float32Array(64), c, 8, 8, 8, false, false, false)).toThrow(
      /1 of 1 workers did not answer/,
    );
    expect(pool.gemm(new Float32Array(64), new Float32Array(64), c, 8, 8, 8, false, false, false)).toBe(false);
    await pool.close();
  });
});

describe('gemm on a Node worker pool', () => {
  let pool: GemmPool;

  beforeAll(async () => {
    // A tiny initial data block, so that the tests also exercise growing it (REMAP).
    pool = await createNodeGemmPool(2, { initialFloats: 64 });
  }, 60_000);

  afterAll(async () => {
    setGemmParallelism(null);
    await pool.close();
  });

  it('has three threads: two workers and the caller', () => {
    expect(pool.threads).toBe(3);
  });

  it('matches one thread bit for bit on random shapes, transposes and accumulation', () => {
    const arb = fc.record({
      M: fc.integer({ min: 1, max: 70 }),
      K: fc.integer({ min: 1, max: 90 }),
      N: fc.integer({ min: 1, max: 70 }),
      transA: fc.boolean(),
      transB: fc.boolean(),
      accumulate: fc.boolean(),
      seed: fc.integer({ min: 1, max: 1 << 30 }),
    });
    fc.assert(
      fc.property(arb, ({ M, K, N, transA, transB, accumulate, seed }) => {
        const rng = new Rng(seed);
        const a = randomArray(M * K, rng);
        const b = randomArray(K * N, rng);
        const c0 = randomArray(M * N, rng);
        // One thread through the same row-form kernel (gemm itself may pick another kernel
        // for tiny M, which the pool never sees).
        const single = c0.slice();
        const [pa, pb] = packOperands(a, b, M, K, N, transA, transB);
        gemmPacked(pa, pb, single, M, K, N, accumulate);
        const shared = c0.slice();
        const used = pool.gemm(a, b, shared, M, K, N, transA, transB, accumulate);
        // A product with a single panel along both sides has nothing to share and is declined.
        expect(used).toBe(Math.max(Math.ceil(M / 4), Math.ceil(N / 4)) > 1);
        if (used) expect(shared).toEqual(single);
      }),
      { numRuns: 150 },
    );
  });

  it('is used by the ops once installed, above the size threshold only', () => {
    const rng = new Rng(3);
    const x = new Tensor(randomArray(32 * 256, rng), [32, 256]);
    const w = new Tensor(randomArray(384 * 256, rng), [384, 256]);
    const bias = new Tensor(randomArray(384, rng), [384]);
    expect(2 * 32 * 256 * 384).toBeGreaterThanOrEqual(PARALLEL_MIN_FLOPS);
    const want = linear(x, w, bias);
    const wantSmall = matmul(x, new Tensor(randomArray(256 * 8, new Rng(4)), [256, 8]));
    setGemmParallelism(pool);
    try {
      expect(linear(x, w, bias).data).toEqual(want.data);
      expect(matmul(x, new Tensor(randomArray(256 * 8, new Rng(4)), [256, 8])).data).toEqual(wantSmall.data);
    } finally {
      setGemmParallelism(null);
    }
  });

  it('declines work after close, so gemm falls back to one thread', async () => {
    const extra = await createNodeGemmPool(1);
    await extra.close();
    const c = new Float32Array(64 * 64);
    expect(extra.gemm(new Float32Array(64 * 64), new Float32Array(64 * 64), c, 64, 64, 64, false, false, false)).toBe(false);
  });

  it('rejects, instead of waiting forever, when a worker cannot start', async () => {
    const broken = createGemmPool((_index, fail) => {
      const worker = new Worker('throw new Error("no gemm here")', { eval: true });
      worker.on('error', fail);
      return worker;
    }, 1);
    await expect(broken).rejects.toThrow(/0 of 1 workers started/);
  });
});
