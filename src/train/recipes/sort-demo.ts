/**
 * `sort-demo`: a 3-layer GPT-2-shaped decoder trained here to sort six digits (the task of
 * minGPT's gpt-nano), small enough to train in about a minute and whose attention is easy
 * to read: each output position looks back at the input digits it is placing.
 */
import { defaultSortTask, sampleDigits, sortExample } from '../../data/sort-task.ts';
import { decoderConfig } from '../../models/config.ts';
import { generate } from '../../models/generate.ts';
import type { TransformerModel } from '../../models/transformer.ts';
import { transformerForward } from '../../models/transformer.ts';
import { initTransformer } from '../../models/weights.ts';
import { crossEntropy, noGrad, Rng } from '../../runtime/index.ts';
import { toGpt2 } from '../../checkpoints/hf-export.ts';
import { loadBundle } from '../../checkpoints/bundle.ts';
import { serializeSafetensors } from '../../checkpoints/safetensors.ts';
import { namedTensors } from '../../models/weights.ts';
import type { Recipe } from '../recipe.ts';
import type { TrainConfig } from '../trainer.ts';

const task = defaultSortTask;

export const sortDemoTrain: TrainConfig & { batchSize: number } = {
  steps: 1500,
  batchSize: 32,
  lr: 3e-3,
  warmup: 100,
  weightDecay: 0.01,
  clip: 1,
  seed: 1,
  evalEvery: 250,
};

export function createSortDemo(seed = 1): TransformerModel {
  const config = decoderConfig({
    vocabSize: task.digits,
    dModel: 48,
    nHeads: 3,
    nKvHeads: 3,
    nLayers: 3,
    dFF: 192,
    maxPositions: 2 * task.length - 1,
    activation: 'geluTanh',
    lmHead: 'tied',
  });
  return { config, weights: initTransformer(config, new Rng(seed)) };
}

/** Mean next-digit cross-entropy over a fresh batch. */
export function sortDemoLoss(model: TransformerModel, rng: Rng, batchSize = sortDemoTrain.batchSize) {
  const examples = Array.from({ length: batchSize }, () => sortExample(task, sampleDigits(task, rng)));
  const logits = transformerForward(model, examples.map((e) => e.input), { training: true, rng }).output;
  return crossEntropy(logits, examples.flatMap((e) => e.targets));
}

/** Exact-match accuracy of greedy sorting on fresh random inputs. */
export function sortDemoAccuracy(model: TransformerModel, samples: number, seed: number): number {
  const rng = new Rng(seed);
  let right = 0;
  noGrad(() => {
    for (let i = 0; i < samples; i++) {
      const digits = sampleDigits(task, rng);
      const out = generate(model, digits, { maxNew: task.length });
      if (out.join() === [...digits].sort((a, b) => a - b).join()) right++;
    }
  });
  return right / samples;
}

/** The card's measurement: exact match over 1000 fresh inputs from a fixed seed. */
function evaluateSort(model: TransformerModel) {
  return { exactMatch: sortDemoAccuracy(model, 1000, 424242), samples: 1000, seed: 424242 };
}

export const sortDemoRecipe: Recipe = {
  id: 'sort-demo',
  description: 'A 3-layer GPT-2-shaped decoder that sorts six digits from {0,1,2} (the task of minGPT\'s gpt-nano).',
  architecture: 'GPT2LMHeadModel',
  data: { generator: 'src/data/sort-task.ts', examples: 'fresh random digits every step' },
  train: sortDemoTrain,
  create() {
    const model = createSortDemo(sortDemoTrain.seed);
    return {
      params: namedTensors(model.weights),
      loss: (_step, rng) => sortDemoLoss(model, rng),
      progress: () => ({ exactMatch: sortDemoAccuracy(model, 200, 1000) }),
      evaluate: () => evaluateSort(model),
      files: () => {
        const hf = toGpt2(model);
        return {
          'config.json': `${JSON.stringify(hf.config, null, 2)}\n`,
          'model.safetensors': serializeSafetensors(hf.tensors, { metadata: { format: 'pt', trainedBy: 'attention-atlas' } }),
        };
      },
    };
  },
  async evaluateShipped(read) {
    const bundle = await loadBundle('sort-demo', read);
    if (bundle.kind !== 'text') throw new Error('sort-demo: expected a text model');
    return evaluateSort(bundle.model);
  },
};
