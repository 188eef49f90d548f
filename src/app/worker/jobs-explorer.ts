/** The Explorer's job: every head's attention on a text (run-model.ts). */
import type { JobContext } from './job-context.ts';
import { runAttention } from './run-model.ts';

export const EXPLORER_JOBS = {
  attention: (c: JobContext, a: { text: string }) => runAttention(c.bundle, a.text),
};
