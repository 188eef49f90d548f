/** What a worker job (jobs.ts) is given besides its arguments. */
import type { ModelBundle } from '../../checkpoints/bundle.ts';

export interface JobContext {
  bundle: ModelBundle;
  /** The value `make` gave for `key` last time, kept until another key is asked (one per job kind). */
  memo<T>(key: string, make: () => T): T;
}

/**
 * One remembered value per job kind, for the model it was computed on: where jobs run (the
 * worker, or the page for a course model) keeps one of these.
 */
export function createJobMemo(): (kind: string, bundle: ModelBundle) => JobContext {
  const held = new Map<string, { bundle: ModelBundle; key: string; value: unknown }>();
  return (kind, bundle) => ({
    bundle,
    memo<T>(key: string, make: () => T): T {
      const h = held.get(kind);
      if (h && h.bundle === bundle && h.key === key) return h.value as T;
      const value = make();
      held.set(kind, { bundle, key, value });
      return value;
    },
  });
}
