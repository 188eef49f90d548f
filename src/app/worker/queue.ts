/**
 * Latest-wins scheduling for the model worker. Requests arrive faster than a forward pass
 * finishes (every keystroke sends one); only the newest is worth computing. While a job
 * runs, a new request replaces the one waiting (which is answered 'superseded'), and a job
 * that finishes after a newer request arrived is answered 'superseded' instead of with its
 * stale result. Pure: the worker entry supplies `run` and `settle`.
 */

export type Outcome<R> =
  | { ok: true; value: R }
  | { ok: false; superseded: false; error: unknown }
  | { ok: false; superseded: true };

export interface LatestQueueOptions<Q, R> {
  /** Computes a job; `isStale()` turns true once a newer job is waiting (worth checking after an await). */
  run(job: Q, isStale: () => boolean): Promise<R> | R;
  /** Called exactly once per pushed job, with its outcome. */
  settle(job: Q, outcome: Outcome<R>): void;
  /**
   * Defers the start of the next job. The default, a zero timeout, lets messages that queued
   * up during a synchronous forward pass arrive first, so they coalesce.
   */
  schedule?: (start: () => void) => void;
}

export interface LatestQueue<Q> {
  push(job: Q): void;
  /** A job is being computed. */
  readonly busy: boolean;
  /** A job is waiting for its turn (at most one ever does). */
  readonly waiting: boolean;
}

/** Thrown by `run` to give up on a job that became stale; settles it as superseded. */
export class StaleJob extends Error {
  override name = 'StaleJob';
}

export function createLatestQueue<Q, R>(o: LatestQueueOptions<Q, R>): LatestQueue<Q> {
  const schedule = o.schedule ?? ((start) => void setTimeout(start, 0));
  let running = false;
  let next: { job: Q } | null = null; // boxed: a job may itself be null or undefined
  let scheduled = false;

  const kick = () => {
    if (running || scheduled || !next) return;
    scheduled = true;
    schedule(() => {
      scheduled = false;
      void drain();
    });
  };

  const drain = async () => {
    if (running || !next) return;
    const { job } = next;
    next = null;
    running = true;
    const isStale = () => next !== null;
    let outcome: Outcome<R>;
    try {
      const value = await o.run(job, isStale);
      outcome = isStale() ? { ok: false, superseded: true } : { ok: true, value };
    } catch (error) {
      outcome = isStale() || error instanceof StaleJob ? { ok: false, superseded: true } : { ok: false, superseded: false, error };
    }
    running = false;
    try {
      o.settle(job, outcome);
    } finally {
      kick();
    }
  };

  return {
    push(job) {
      const replaced = next;
      next = { job };
      if (replaced) o.settle(replaced.job, { ok: false, superseded: true });
      kick();
    },
    get busy() {
      return running;
    },
    get waiting() {
      return next !== null;
    },
  };
}
