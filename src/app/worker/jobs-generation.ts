/**
 * Lesson 6's generation on a causal language model loaded in the worker: the next-token
 * logits for a prompt and the tokens generated after it (lessons/transformer/model/
 * next-token.ts, the function the page runs for the course's tiny-gpt). The page keeps the
 * sequence and draws each token with its seeded sampler, so asking here changes no result.
 */
import { nextToken, type NextTokenArgs } from '../../../lessons/transformer/model/next-token.ts';
import type { JobContext } from './job-context.ts';

export const GENERATION_JOBS = {
  'next-token': (c: JobContext, a: NextTokenArgs) => nextToken(c.bundle, a),
};
