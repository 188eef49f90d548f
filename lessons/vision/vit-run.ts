/**
 * Everything the vision lesson shows about one image, from one traced forward pass of the
 * shipped ViT: class probabilities, each head's CLS attention over the patches, attention
 * rollout, and how much of a map falls on patches with ink. Plus the token count and the
 * attention cost that a patch size implies, which needs no model at all.
 */
import { vitForward, type VitModel, type VitTrace } from '../../src/models/vit.ts';
import { clsRolloutMap } from '../../src/models/vit-rollout.ts';
import { noGrad } from '../../src/runtime/index.ts';

/** A pixel at least this bright counts as ink (the model card's definition of an ink patch). */
export const INK_THRESHOLD = 0.5;

export interface VitRun {
  trace: VitTrace;
  logits: Float32Array; // (classes)
  probabilities: Float32Array; // softmax of the logits
  predicted: number;
  /** CLS row of each head over the patches, [layer][head], patch reading order (not renormalised). */
  clsToPatches: Float32Array[][];
  /** How much each head's CLS row keeps on CLS itself, [layer][head]. */
  clsToSelf: number[][];
  /** Rollout's CLS row over the patches, renormalised to sum to 1. */
  rollout: Float32Array;
  /** Last layer's CLS row averaged over heads, over the patches only, renormalised like rollout. */
  lastLayerMean: Float32Array;
  inkPatches: boolean[];
}

/** Softmax of a plain vector (shifted by its maximum, so large logits do not overflow). */
export function softmaxOf(logits: ArrayLike<number>): Float32Array {
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) max = Math.max(max, logits[i]);
  const out = Float32Array.from(logits, (v) => Math.exp(v - max));
  const total = out.reduce((s, v) => s + v, 0);
  return out.map((v) => v / total);
}

/** Which patches hold ink: some pixel of the patch at least INK_THRESHOLD. */
export function inkPatches(image: Float32Array, imageSize: number, patchSize: number): boolean[] {
  const grid = imageSize / patchSize;
  return Array.from({ length: grid * grid }, (_, n) => {
    const gy = Math.floor(n / grid);
    const gx = n % grid;
    for (let y = 0; y < patchSize; y++) {
      for (let x = 0; x < patchSize; x++) if (image[(gy * patchSize + y) * imageSize + gx * patchSize + x] >= INK_THRESHOLD) return true;
    }
    return false;
  });
}

/** The share of a map's total on the marked patches. */
export function massOn(map: ArrayLike<number>, marked: readonly boolean[]): number {
  let on = 0;
  let all = 0;
  for (let i = 0; i < map.length; i++) {
    all += map[i];
    if (marked[i]) on += map[i];
  }
  return all > 0 ? on / all : 0;
}

/** Runs the model on one 28x28 image (1 = ink) and gathers what the lesson's figures draw. */
export function runVit(model: VitModel, image: Float32Array): VitRun {
  const { output, trace } = noGrad(() => vitForward(model, [image], { trace: true }));
  const t = trace as VitTrace;
  const logits = Float32Array.from(output.data);
  const probabilities = softmaxOf(logits);
  const predicted = probabilities.indexOf(Math.max(...probabilities));
  const T = t.embeddings.shape[0];
  const clsToPatches = t.layers.map((l) => l.heads.map((h) => h.weights.data.slice(1, T)));
  const clsToSelf = t.layers.map((l) => l.heads.map((h) => h.weights.data[0]));
  const last = clsToPatches[clsToPatches.length - 1];
  const mean = new Float32Array(T - 1);
  for (const row of last) for (let j = 0; j < mean.length; j++) mean[j] += row[j] / last.length;
  const meanTotal = mean.reduce((s, v) => s + v, 0);
  return {
    trace: t,
    logits,
    probabilities,
    predicted,
    clsToPatches,
    clsToSelf,
    rollout: clsRolloutMap(t.layers),
    lastLayerMean: mean.map((v) => v / meanTotal),
    inkPatches: inkPatches(image, model.config.imageSize, model.config.patchSize),
  };
}

export interface PatchCost {
  patchSize: number;
  patches: number; // (imageSize / patchSize)^2
  tokens: number; // patches + CLS
  pixelsPerPatch: number; // the length of a flattened patch
  scoresPerHead: number; // tokens^2 query-key dot products, per head and layer
}

/** Patch sizes that cut an image of this side into whole patches. */
export function patchSizes(imageSize: number): number[] {
  return Array.from({ length: imageSize }, (_, i) => i + 1).filter((p) => imageSize % p === 0);
}

/** Token count and attention cost of cutting a square image into p x p patches. */
export function patchCost(imageSize: number, patchSize: number, channels = 1): PatchCost {
  if (imageSize % patchSize !== 0) throw new RangeError(`patchCost: ${patchSize} does not divide ${imageSize}`);
  const patches = (imageSize / patchSize) ** 2;
  const tokens = patches + 1;
  return { patchSize, patches, tokens, pixelsPerPatch: channels * patchSize * patchSize, scoresPerHead: tokens * tokens };
}
