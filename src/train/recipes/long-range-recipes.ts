/**
 * `long-range-rnn`, `long-range-lstm`, `long-range-transformer`: the same recall task learned
 * by three models of similar size, each shipped as its own checkpoint (config.json with
 * model_type "atlas-long-range" + model.safetensors) with accuracy per distance on its card.
 */
import { serializeSafetensors } from '../../checkpoints/safetensors.ts';
import { defaultLongRangeTask, evalDistances } from '../../data/long-range.ts';
import type { Recipe } from '../recipe.ts';
import { loadLongRangeModel } from './long-range-load.ts';
import {
  countLongRange, createLongRangeModel, defaultLongRangeSizes, evaluatePerDistance, longRangeLoss, longRangeNamedTensors,
  longRangeTrain, type LongRangeKind, type LongRangeModel,
} from './long-range.ts';

const EVAL = { samples: 1000, seed: 1234 };

function evaluate(model: LongRangeModel) {
  const curve = evaluatePerDistance(model, evalDistances, EVAL.samples, EVAL.seed);
  return {
    parameters: countLongRange(model),
    samplesPerDistance: EVAL.samples,
    seed: EVAL.seed,
    chance: 1 / model.task.symbols,
    accuracyByDistance: curve.map((c) => ({ distance: c.distance, accuracy: c.accuracy, bySlot: c.bySlot })),
  };
}

function longRangeRecipe(kind: LongRangeKind): Recipe {
  const names = { rnn: 'A plain (tanh) RNN', lstm: 'An LSTM', transformer: 'A one-layer causal Transformer' };
  return {
    id: `long-range-${kind}`,
    description: `${names[kind]} recalling one symbol of a 3-symbol code N tokens back (N up to 64), for the RNN-to-Transformer lesson.`,
    architecture: kind === 'transformer' ? 'Transformer decoder + linear head on the query position' : `${kind.toUpperCase()} + linear head on the last state`,
    data: { generator: 'src/data/long-range.ts', task: defaultLongRangeTask, distances: 'log-uniform in 1..64, fresh every step' },
    train: { ...longRangeTrain },
    create() {
      const model = createLongRangeModel(kind, longRangeTrain.seed);
      return {
        params: longRangeNamedTensors(model),
        loss: (_step, rng) => longRangeLoss(model, rng),
        progress: () => Object.fromEntries(evaluatePerDistance(model, [1, 8, 32, 64], 100, 7).map((c) => [`N${c.distance}`, c.accuracy])),
        evaluate: () => evaluate(model),
        files: () => ({
          'config.json': `${JSON.stringify({ model_type: 'atlas-long-range', kind, task: model.task, sizes: defaultLongRangeSizes, seed: longRangeTrain.seed }, null, 2)}\n`,
          'model.safetensors': serializeSafetensors(longRangeNamedTensors(model), { metadata: { trainedBy: 'attention-atlas' } }),
        }),
      };
    },
    async evaluateShipped(read) {
      return evaluate(await loadLongRangeModel(kind, read));
    },
  };
}

export const longRangeRecipes: readonly Recipe[] = (['rnn', 'lstm', 'transformer'] as const).map(longRangeRecipe);
