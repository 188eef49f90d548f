/**
 * A run interrupted and resumed from its checkpoint ends with exactly the parameters of an
 * uninterrupted run: same batches (rng state), same AdamW moments and step counts.
 */
import { describe, expect, it } from 'vitest';
import { loadCheckpoint, saveCheckpoint } from '../../src/train/checkpoint.ts';
import { sortDemoRecipe } from '../../src/train/recipes/sort-demo.ts';
import { startTraining, trainSteps } from '../../src/train/trainer.ts';

/** sort-demo reads nothing from ../shared. */
const noShared = (path: string): string => {
  throw new Error(`unexpected read of ${path}`);
};

describe('training checkpoints', () => {
  const cfg = { ...sortDemoRecipe.train, steps: 12, warmup: 3 };

  function paramsAfter(interruptAt: number | null): Float32Array[] {
    let run = sortDemoRecipe.create(noShared);
    let state = startTraining([...run.params.values()], cfg);
    if (interruptAt !== null) {
      trainSteps(state, (s, rng) => run.loss(s, rng), cfg, {}, interruptAt);
      const bytes = saveCheckpoint('sort-demo', run.params, state, { wallSeconds: '1.5' });
      run = sortDemoRecipe.create(noShared); // a new process: fresh weights, fresh optimiser
      state = startTraining([...run.params.values()], cfg);
      const meta = loadCheckpoint(bytes, 'sort-demo', run.params, state);
      expect(meta?.wallSeconds).toBe('1.5');
      expect(state.step).toBe(interruptAt);
    }
    trainSteps(state, (s, rng) => run.loss(s, rng), cfg);
    return [...run.params.values()].map((t) => t.data.slice());
  }

  it('resumes exactly', () => {
    const straight = paramsAfter(null);
    const resumed = paramsAfter(5);
    resumed.forEach((p, i) => expect(Array.from(p)).toEqual(Array.from(straight[i])));
  });

  it('refuses a checkpoint of another recipe', () => {
    const run = sortDemoRecipe.create(noShared);
    const state = startTraining([...run.params.values()], cfg);
    const bytes = saveCheckpoint('other-model', run.params, state);
    expect(loadCheckpoint(bytes, 'sort-demo', run.params, state)).toBeNull();
  });
});
