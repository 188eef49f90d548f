/** What a worker job (jobs.ts) is given besides its arguments. */
import type { ModelBundle } from '../../checkpoints/bundle.ts';

export interface JobContext {
  bundle: ModelBundle;
  /** The value `make` gave for `key` last time, kept until another key is asked (one per job kind). */
  memo<T>(key: string, make: () => T): T;
}
