/**
 * The embedded sort-demo model loads from public/models as the app loads it, and sorts
 * fresh inputs; the training loop it came from reduces the loss on a fresh model, and is
 * deterministic from its seed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundle } from '../../src/checkpoints/bundle.ts';
import { namedTensors } from '../../src/models/weights.ts';
import { startTraining, trainSteps } from '../../src/train/trainer.ts';
import { createSortDemo, sortDemoAccuracy, sortDemoLoss, sortDemoTrain } from '../../src/train/recipes/sort-demo.ts';
import { repoRoot } from '../helpers/shared.ts';

const dir = join(repoRoot, 'public/models/sort-demo');

describe('sort-demo', () => {
  it('the committed checkpoint sorts fresh digits and its card matches what it is', async () => {
    const bundle = await loadBundle('sort-demo', async (name) => {
      const path = join(dir, name);
      return existsSync(path) ? new Uint8Array(readFileSync(path)) : null;
    });
    if (bundle.kind !== 'text') throw new Error('expected a text model');
    expect(bundle.languageModel).toBe(true);
    expect(sortDemoAccuracy(bundle.model, 200, 777)).toBeGreaterThanOrEqual(0.98);
    const card = JSON.parse(readFileSync(join(dir, 'card.json'), 'utf8'));
    expect(card.parameters).toBe([...namedTensors(bundle.model.weights).values()].reduce((n, t) => n + t.size, 0));
  });

  it('training lowers the loss, the same way from the same seed', () => {
    const run = () => {
      const model = createSortDemo(3);
      const cfg = { ...sortDemoTrain, steps: 30, warmup: 5 };
      const state = startTraining([...namedTensors(model.weights).values()], cfg);
      const losses: number[] = [];
      trainSteps(state, (_s, rng) => sortDemoLoss(model, rng, 16), cfg, { onStep: (l) => losses.push(l.loss) });
      return losses;
    };
    const a = run();
    expect(a).toHaveLength(30);
    const early = (a[0] + a[1] + a[2]) / 3;
    const late = (a[27] + a[28] + a[29]) / 3;
    expect(late).toBeLessThan(early * 0.8);
    expect(run()).toEqual(a);
  });
});
