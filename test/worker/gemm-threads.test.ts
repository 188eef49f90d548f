// @vitest-environment node
/** How many gemm helper threads the model worker starts, and that a failed start leaves one thread. */
import { describe, expect, it } from 'vitest';
import { helperCount, startGemmThreads } from '../../src/app/worker/gemm-threads.ts';
import { gemmParallelism } from '../../src/runtime/index.ts';

describe('gemm helper threads in the browser', () => {
  it('one helper per spare core, at most three, and none without cross-origin isolation', () => {
    expect(helperCount({ isolated: true, cores: 2 })).toBe(1);
    expect(helperCount({ isolated: true, cores: 16 })).toBe(3);
    expect(helperCount({ isolated: true, cores: 1 })).toBe(0);
    expect(helperCount({ isolated: false, cores: 8 })).toBe(0);
  });

  it('falls back to one thread when a helper cannot start', async () => {
    const broken = {
      onerror: null as ((e: { preventDefault(): void; message: string }) => void) | null,
      postMessage() { queueMicrotask(() => this.onerror?.({ preventDefault() {}, message: 'no such script' })); },
      terminate() {},
    };
    const pool = await startGemmThreads({ isolated: true, cores: 2, spawn: () => broken as unknown as Worker });
    expect(pool).toBeNull();
    expect(gemmParallelism()).toBeNull();
  });
});
