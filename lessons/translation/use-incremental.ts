/**
 * Runs a measurement in small chunks on the main thread, yielding to the browser between
 * chunks (setTimeout 0) so the page stays responsive, and shows partial results as they
 * come. The job restarts when its key changes and stops when the figure unmounts.
 */
import { useEffect, useState } from 'react';

/** A measurement cut into `total` chunks; step(k, acc) runs chunk k and returns the new tally. */
export interface IncrementalJob<R> {
  total: number;
  initial: R;
  step(k: number, acc: R): R;
}

export type Incremental<R> =
  | { state: 'idle' }
  | { state: 'running' | 'done'; done: number; total: number; result: R }
  | { state: 'error'; message: string };

/** Runs `make()`'s job whenever `key` changes (null: nothing to run yet). */
export function useIncremental<R>(key: string | null, make: () => IncrementalJob<R> | null): Incremental<R> {
  const [s, setS] = useState<Incremental<R>>({ state: 'idle' });
  useEffect(() => {
    const job = key === null ? null : make();
    if (!job) {
      setS({ state: 'idle' });
      return;
    }
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let acc = job.initial;
    setS({ state: 'running', done: 0, total: job.total, result: acc });
    const run = (k: number) => {
      if (!live) return;
      try {
        acc = job.step(k, acc);
      } catch (e) {
        setS({ state: 'error', message: (e as Error).message });
        return;
      }
      const done = k + 1;
      setS({ state: done === job.total ? 'done' : 'running', done, total: job.total, result: acc });
      if (done < job.total) timer = setTimeout(() => run(done), 0);
    };
    timer = setTimeout(() => run(0), 0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // The key names everything the job depends on.
  }, [key]);
  return s;
}
