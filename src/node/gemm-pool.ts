/**
 * A gemm pool on Node's worker_threads. The worker script is TypeScript. Node 20 does not run
 * `--import` hooks (`node --import tsx`) in worker threads, so execArgv alone does not let a
 * worker load .ts: each worker starts from a one-line bootstrap that registers tsx's ESM
 * hooks in its own thread, then imports gemm-worker.ts.
 */
import { Worker } from 'node:worker_threads';
import { createGemmPool, type GemmPool, type GemmPoolOptions } from '../runtime/parallel/pool.ts';

const WORKER_URL = new URL('./gemm-worker.ts', import.meta.url);

/** CommonJS source of a worker that registers tsx, then loads gemm-worker.ts. */
function bootstrapSource(): string {
  // Resolved with import conditions: the require condition would give tsx's CommonJS build.
  const tsxApi = import.meta.resolve('tsx/esm/api');
  return `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL.href)}); });`;
}

/**
 * Starts `workers` worker threads and resolves to a pool for setGemmParallelism. The
 * workers are unref'd, so a forgotten pool does not keep the process alive; close() it anyway
 * to free the threads.
 */
export async function createNodeGemmPool(workers = 1, options: GemmPoolOptions = {}): Promise<GemmPool> {
  const source = bootstrapSource();
  return createGemmPool((index, fail) => {
    const worker = new Worker(source, { eval: true, name: `gemm-${index}` });
    worker.on('error', fail);
    worker.unref();
    return worker;
  }, workers, options);
}
