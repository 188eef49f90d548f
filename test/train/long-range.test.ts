/**
 * The long-range experiment's models, loss and evaluation: each model maps (B, T) ids to
 * (B, K) logits at similar parameter counts, training lowers the loss, and the accuracy per
 * distance is computed for the distances asked, reproducibly, and measures real recall.
 */
import { describe, expect, it } from 'vitest';
import { sampleRecallBatch, slotsAt, type LongRangeTask } from '../../src/data/long-range.ts';
import { crossEntropy, noGrad, Rng } from '../../src/runtime/index.ts';
import {
  countLongRange, createLongRangeModel, evaluatePerDistance, longRangeKinds, longRangeLogits, longRangeLoss,
  longRangeNamedTensors, longRangeParameters, trainLongRange,
} from '../../src/train/recipes/long-range.ts';
import { startTraining, trainSteps } from '../../src/train/trainer.ts';

describe('long-range models', () => {
  it('give (B, K) logits at the query for every distance, from any kind', () => {
    for (const kind of longRangeKinds) {
      const model = createLongRangeModel(kind, 1);
      for (const N of [1, 5, 64]) {
        const batch = sampleRecallBatch(model.task, N, 3, new Rng(N));
        const logits = noGrad(() => longRangeLogits(model, batch.inputs));
        expect(logits.shape).toEqual([3, model.task.symbols]);
        expect(logits.data.every(Number.isFinite)).toBe(true);
      }
    }
  });

  it('have similar parameter counts, under stable names', () => {
    const counts = longRangeKinds.map((kind) => countLongRange(createLongRangeModel(kind, 1)));
    expect(Math.max(...counts) / Math.min(...counts)).toBeLessThan(1.1);
    const lstm = [...longRangeNamedTensors(createLongRangeModel('lstm', 1)).keys()];
    expect(lstm).toEqual(['embedding.weight', 'cell.weight_ih', 'cell.weight_hh', 'cell.bias_ih', 'cell.bias_hh', 'head.weight', 'head.bias']);
    const transformer = [...longRangeNamedTensors(createLongRangeModel('transformer', 1)).keys()];
    expect(transformer).toContain('transformer.positionEmbedding');
    expect(transformer.at(-1)).toBe('head.bias');
  });

  it('are fully determined by the seed', () => {
    for (const kind of longRangeKinds) {
      const a = longRangeParameters(createLongRangeModel(kind, 2)).map((t) => [...t.data]);
      const b = longRangeParameters(createLongRangeModel(kind, 2)).map((t) => [...t.data]);
      const c = longRangeParameters(createLongRangeModel(kind, 3)).map((t) => [...t.data]);
      expect(b).toEqual(a);
      expect(c).not.toEqual(a);
    }
  });
});

describe('long-range training and evaluation', () => {
  it('lowers the loss of every model on a fixed batch', () => {
    for (const kind of longRangeKinds) {
      const model = createLongRangeModel(kind, 4);
      const probe = sampleRecallBatch(model.task, 2, 64, new Rng(99)); // held out
      const probeLoss = () => noGrad(() => crossEntropy(longRangeLogits(model, probe.inputs), probe.targets).item());
      const before = probeLoss();
      const cfg = { steps: 40, lr: 1e-2, warmup: 5, seed: 4 };
      const state = startTraining(longRangeParameters(model), cfg);
      // Short distances only, so 40 steps are enough to see learning in every model.
      trainSteps(state, (_s, rng) => {
        const batch = sampleRecallBatch(model.task, 1 + rng.int(2), 16, rng);
        return crossEntropy(longRangeLogits(model, batch.inputs), batch.targets);
      }, cfg);
      expect(probeLoss(), kind).toBeLessThan(before * 0.8);
    }
  });

  it('reports accuracy for exactly the distances asked, reproducibly', () => {
    const model = createLongRangeModel('rnn', 5);
    const distances = [1, 3, 24];
    const curve = evaluatePerDistance(model, distances, 60, 7);
    expect(curve.map((c) => c.distance)).toEqual(distances);
    for (const c of curve) {
      expect(c.samples).toBe(60);
      expect(c.accuracy).toBeGreaterThanOrEqual(0);
      expect(c.accuracy).toBeLessThanOrEqual(1);
      expect(Number.isInteger(c.accuracy * 60)).toBe(true);
    }
    // Split evenly over the slots a query at that distance can ask for.
    expect(curve[0].bySlot.map((s) => s.slot)).toEqual(slotsAt(model.task, 1));
    expect(curve[2].bySlot.map((s) => s.samples)).toEqual([20, 20, 20]);
    for (const c of curve) {
      const right = c.bySlot.reduce((n, s) => n + s.accuracy * s.samples, 0);
      expect(c.accuracy * c.samples).toBeCloseTo(right, 6);
    }
    expect(evaluatePerDistance(model, distances, 60, 7)).toEqual(curve);
    // One distance's result does not depend on which others are asked.
    expect(evaluatePerDistance(model, [24], 60, 7)).toEqual([curve[2]]);
  });

  it('measures recall: a briefly trained Transformer is near 100% where an untrained one is near chance', () => {
    const task: LongRangeTask = { symbols: 10, codeLength: 3, maxDistance: 8 };
    const untrained = evaluatePerDistance(createLongRangeModel('transformer', 1, task), [1, 4, 8], 200, 3);
    for (const c of untrained) expect(c.accuracy).toBeLessThan(0.3);
    const steps: number[] = [];
    const evals: number[] = [];
    const result = trainLongRange('transformer', { task, steps: 150, evalEvery: 100, evalSamples: 50, finalSamples: 200, distances: [1, 4, 8] }, {
      onStep: (log) => steps.push(log.step),
      onEval: (step) => evals.push(step),
    });
    expect(steps).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));
    expect(evals).toEqual([100, 150]);
    expect(result.during.map((d) => d.step)).toEqual([100, 150]);
    expect(result.curve.map((c) => c.distance)).toEqual([1, 4, 8]);
    for (const c of result.curve) expect(c.accuracy).toBeGreaterThan(0.9);
  }, 30_000);

  it('draws the training loss from the task', () => {
    const model = createLongRangeModel('lstm', 6);
    const a = longRangeLoss(model, new Rng(1), 8).item();
    expect(longRangeLoss(model, new Rng(1), 8).item()).toBe(a);
    expect(a).toBeGreaterThan(1.5); // about ln 10 before training
  });
});
