/** Jobs of lesson 6's generation on a causal model loaded in the worker. */
export const GENERATION_JOBS = {};
