/**
 * `vit-digits`: a tiny Vision Transformer trained here on the generated handwritten-style
 * digits (src/data/digits), so that a digit a student draws with the mouse is recognised
 * and the CLS token's attention (per head, per layer, and rolled out) can be drawn over it.
 * 7x7 patches on 28x28 give 16 patch tokens + CLS: cheap to train and easy to read.
 * Shipped as a Hugging Face ViTForImageClassification checkpoint.
 */
import { loadBundle } from '../../checkpoints/bundle.ts';
import { toVit } from '../../checkpoints/hf-export-vit.ts';
import { serializeSafetensors } from '../../checkpoints/safetensors.ts';
import { generateDigit, generateDigits } from '../../data/digits/index.ts';
import { initVit, patchCount, patchify, vitConfig, vitForward, type VitModel } from '../../models/vit.ts';
import { clsRolloutMap } from '../../models/vit-rollout.ts';
import { namedTensors } from '../../models/weights.ts';
import { argmax, crossEntropy, noGrad, Rng, type Tensor } from '../../runtime/index.ts';
import type { Evaluation, Recipe } from '../recipe.ts';

export const vitDigitsSettings = {
  model: {
    imageSize: 28,
    patchSize: 7, // 16 patches + CLS = 17 tokens
    channels: 1,
    numClasses: 10,
    dModel: 48,
    nHeads: 4,
    nKvHeads: 4,
    nLayers: 3,
    dFF: 96,
  },
  heldOut: { seed: 31_415_927, count: 2000 }, // never drawn from in training (training uses train.seed's stream)
  rolloutSamples: 200, // held-out digits whose rollout maps the sanity numbers average over
  inkThreshold: 0.5, // a patch "has ink" when some pixel in it is at least this dark
  train: { steps: 4000, batchSize: 64, lr: 3e-3, warmup: 150, weightDecay: 0.05, clip: 1, seed: 23, evalEvery: 500 },
};

/** A fresh model from a seed. */
export function createVitDigits(seed = vitDigitsSettings.train.seed): VitModel {
  const config = vitConfig(vitDigitsSettings.model);
  return { config, weights: initVit(config, new Rng(seed)) };
}

/** A batch of fresh digits with uniformly random labels, drawn with `rng`. */
export function digitBatch(rng: Rng, size: number): { images: Float32Array[]; labels: number[] } {
  const labels = Array.from({ length: size }, () => rng.int(10));
  return { images: labels.map((l) => generateDigit(rng, l).image), labels };
}

/** Mean cross-entropy of the class logits over a fresh batch. */
export function vitDigitsLoss(model: VitModel, rng: Rng, batchSize = vitDigitsSettings.train.batchSize): Tensor {
  const { images, labels } = digitBatch(rng, batchSize);
  return crossEntropy(vitForward(model, images, { training: true, rng }).output, labels);
}

/** Predicted class of each image (argmax of the logits), batched, without gradients. */
export function classifyDigits(model: VitModel, images: readonly Float32Array[], batch = 100): number[] {
  const C = model.config.numClasses;
  const out: number[] = [];
  noGrad(() => {
    for (let i = 0; i < images.length; i += batch) {
      const logits = vitForward(model, images.slice(i, i + batch)).output.data; // (b, C)
      for (let r = 0; r < logits.length / C; r++) out.push(argmax(logits.subarray(r * C, (r + 1) * C)));
    }
  });
  return out;
}

/** Accuracy on `count` held-out digits from a seed (for progress logs). */
export function vitDigitsAccuracy(model: VitModel, count: number, seed = vitDigitsSettings.heldOut.seed): number {
  const { images, labels } = generateDigits(seed, count);
  const predicted = classifyDigits(model, images);
  return predicted.filter((p, i) => p === labels[i]).length / count;
}

const round = (x: number, digits = 4): number => Number(x.toFixed(digits));

/**
 * Sanity numbers for the rolled-out CLS attention: the share of its mass on patches that
 * hold ink, against the share of patches that hold ink (what a uniform map would give).
 * A model that looks at the strokes puts clearly more than the baseline there.
 */
function rolloutSanity(model: VitModel, images: readonly Float32Array[]): Evaluation {
  const { inkThreshold } = vitDigitsSettings;
  const N = patchCount(model.config);
  let onInk = 0;
  let inkShare = 0;
  noGrad(() => {
    for (const image of images) {
      const { trace } = vitForward(model, [image], { trace: true });
      const map = clsRolloutMap(trace!.layers); // (N) sums to 1
      const patches = patchify(image, model.config).data; // (N, p*p)
      const len = patches.length / N;
      let inked = 0;
      for (let n = 0; n < N; n++) {
        let max = 0;
        for (let i = 0; i < len; i++) max = Math.max(max, patches[n * len + i]);
        if (max >= inkThreshold) {
          onInk += map[n];
          inked++;
        }
      }
      inkShare += inked / N;
    }
  });
  return { samples: images.length, massOnInkPatches: round(onInk / images.length), inkPatchShare: round(inkShare / images.length) };
}

/**
 * The card's evaluation: held-out accuracy, per-class accuracy, confusion matrix, rollout
 * sanity. Smaller `count`s are for tests; the card always uses the settings' defaults.
 */
export function evaluateVitDigits(model: VitModel, count = vitDigitsSettings.heldOut.count, rolloutSamples = vitDigitsSettings.rolloutSamples): Evaluation {
  const { seed } = vitDigitsSettings.heldOut;
  const { images, labels } = generateDigits(seed, count);
  const predicted = classifyDigits(model, images);
  const confusion = Array.from({ length: 10 }, () => new Array<number>(10).fill(0)); // [true][predicted]
  predicted.forEach((p, i) => confusion[labels[i]][p]++);
  const right = predicted.filter((p, i) => p === labels[i]).length;
  const perClass = confusion.map((row, c) => round(row[c] / row.reduce((s, v) => s + v, 0)));
  return {
    heldOut: { seed, samples: count, accuracy: round(right / count) },
    perClassAccuracy: perClass,
    confusionMatrix: { rows: 'true digit', columns: 'predicted digit', counts: confusion },
    clsRollout: rolloutSanity(model, images.slice(0, rolloutSamples)),
  };
}

export const vitDigitsRecipe: Recipe = {
  id: 'vit-digits',
  description: 'A tiny Vision Transformer (7x7 patches, 17 tokens) that reads handwritten-style digits drawn with a mouse; its CLS attention shows where it looked.',
  architecture: 'ViTForImageClassification',
  data: {
    generator: 'src/data/digits (mouse-style strokes rasterised by normalizeDrawing)',
    examples: `${vitDigitsSettings.train.batchSize} fresh digits per step, labels uniform`,
    heldOut: `${vitDigitsSettings.heldOut.count} digits from seed ${vitDigitsSettings.heldOut.seed}`,
  },
  train: vitDigitsSettings.train,
  create() {
    const model = createVitDigits();
    return {
      params: namedTensors(model.weights),
      loss: (_step, rng) => vitDigitsLoss(model, rng),
      progress: () => ({ heldOutAccuracy500: vitDigitsAccuracy(model, 500) }),
      evaluate: () => evaluateVitDigits(model),
      files: () => {
        const hf = toVit(model);
        return {
          'config.json': `${JSON.stringify(hf.config, null, 2)}\n`,
          'model.safetensors': serializeSafetensors(hf.tensors, { metadata: { format: 'pt', trainedBy: 'attention-atlas' } }),
        };
      },
    };
  },
  async evaluateShipped(read) {
    const bundle = await loadBundle('vit-digits', read);
    if (bundle.kind !== 'vision') throw new Error('vit-digits: expected a vision model');
    return evaluateVitDigits(bundle.model);
  },
  notes: (e) => {
    const r = e.clsRollout as { massOnInkPatches: number; inkPatchShare: number };
    return `Input: 28x28, 1 = ink, framed by normalizeDrawing as the drawing pad does. The rolled-out CLS attention puts ${Math.round(100 * r.massOnInkPatches)}% of its mass on patches with ink, which are ${Math.round(100 * r.inkPatchShare)}% of the patches.\n`;
  },
};
