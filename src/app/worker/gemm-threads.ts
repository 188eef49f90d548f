/**
 * Extra threads for large matrix products, inside the model worker. The runtime's gemm pool
 * (src/runtime/parallel/pool.ts) needs SharedArrayBuffer and Atomics.wait: both exist in a
 * Web Worker of a cross-origin isolated page (Vite's dev and preview servers send the COOP and
 * COEP headers, see vite.config.ts). Elsewhere, or if a helper fails to start, the model runs
 * on this one thread, with the same results; only large products (over 1 MFLOP, real
 * checkpoints rather than the course's small models) are split.
 */
import { createGemmPool, setGemmParallelism, type GemmPool } from '../../runtime/index.ts';

/** At most this many helpers: the page's own thread and the browser need cores too. */
const MAX_HELPERS = 3;

export interface GemmThreadsEnv {
  isolated: boolean; // self.crossOriginIsolated
  cores: number; // navigator.hardwareConcurrency
  spawn(index: number): Worker;
}

/** How many helper threads to start: one per spare core, none without isolation or a second core. */
export function helperCount(env: Pick<GemmThreadsEnv, 'isolated' | 'cores'>): number {
  if (!env.isolated || typeof SharedArrayBuffer === 'undefined') return 0;
  return Math.max(0, Math.min(MAX_HELPERS, Math.floor(env.cores) - 1));
}

/** Starts the helpers and installs the pool; resolves to it, or to null when running on one thread. */
export async function startGemmThreads(env: GemmThreadsEnv): Promise<GemmPool | null> {
  const helpers = helperCount(env);
  if (helpers === 0) return null;
  try {
    const pool = await createGemmPool((index, fail) => {
      const w = env.spawn(index);
      w.onerror = (event) => {
        event.preventDefault();
        fail(new Error(event.message || 'a gemm helper could not start'));
      };
      return w;
    }, helpers, { startTimeoutMs: 10_000 });
    setGemmParallelism(pool);
    return pool;
  } catch {
    return null; // one thread computes the same numbers, only slower
  }
}
