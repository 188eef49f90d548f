/**
 * What the model worker can compute: each job reads one loaded model and plain arguments
 * and returns plain data (Tensors allowed: wire.ts carries them). A figure that needs more
 * than the Explorer's attention (a lesson's step-by-step head, generation, a ViT's patches)
 * adds a job, in the file of its area, so large models never run on the page thread and
 * are loaded once.
 *
 * Jobs are synchronous, as the forward pass is. `memo` keeps a job's last costly value for
 * the same key (the trace of a sentence while only the chosen head changes).
 */
import { EXPLORER_JOBS } from './jobs-explorer.ts';
import { GENERATION_JOBS } from './jobs-generation.ts';
import { LESSON_TEXT_JOBS } from './jobs-lesson-text.ts';
import { VISION_JOBS } from './jobs-vision.ts';

export type { JobContext } from './job-context.ts';

export const JOBS = { ...EXPLORER_JOBS, ...LESSON_TEXT_JOBS, ...GENERATION_JOBS, ...VISION_JOBS };

export type JobKind = keyof typeof JOBS;
export type JobArgs<K extends JobKind> = Parameters<(typeof JOBS)[K]>[1];
export type JobResult<K extends JobKind> = ReturnType<(typeof JOBS)[K]>;

export const isJobKind = (k: unknown): k is JobKind => typeof k === 'string' && Object.hasOwn(JOBS, k);
