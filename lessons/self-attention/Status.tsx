/** What a figure shows while the model loads or when the sentence cannot be read. */
import type { LessonHead } from './use-head.ts';

export function Status({ h }: { h: LessonHead }) {
  if (h.state === 'loading') return <p className="status" aria-live="polite">Loading the coref model…</p>;
  if (h.state === 'error') return <p className="error" role="alert">{h.message}</p>;
  return null;
}
