/**
 * What lesson 7 reads from one traced ViT forward pass on a loaded checkpoint: the CLS row of
 * every head (over the patches, and what it keeps on itself), attention rollout, and the
 * class probabilities with the top classes named by the checkpoint's id2label. Only small
 * arrays leave: a ViT-base trace is tens of megabytes, these are a few hundred kilobytes.
 */
import { noGrad, type Tensor } from '../runtime/index.ts';
import type { LayerTrace } from './block.ts';
import { vitForward, type VitModel, type VitTrace } from './vit.ts';
import { attentionRollout } from './vit-rollout.ts';

export interface RankedClass {
  index: number;
  label: string;
  p: number;
}

export interface VitProbe {
  logits: Float32Array; // (classes)
  probabilities: Float32Array; // softmax of the logits
  /** [layer][head] the CLS row over the patches, reading order, as the softmax gave it (not renormalised). */
  clsToPatches: Float32Array[][];
  /** [layer][head] the weight the CLS row keeps on CLS. */
  clsToSelf: number[][];
  /** Rollout through all layers, (T, T), rows summing to 1. */
  rollout: Tensor;
  /** Rollout's CLS row over the patches, renormalised to sum to 1. */
  rolloutCls: Float32Array;
}

/** Softmax of a plain vector, shifted by its maximum so large logits do not overflow. */
export function softmaxVector(logits: ArrayLike<number>): Float32Array {
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) max = Math.max(max, logits[i]);
  const e = Float64Array.from(logits, (v) => Math.exp(v - max));
  const total = e.reduce((s, v) => s + v, 0);
  return Float32Array.from(e, (v) => v / total);
}

/** The k most probable classes, most probable first (ties keep the lower index first). */
export function topClasses(probabilities: ArrayLike<number>, labels: readonly string[], k = 5): RankedClass[] {
  const order = Array.from({ length: probabilities.length }, (_, i) => i).sort((a, b) => probabilities[b] - probabilities[a] || a - b);
  return order.slice(0, k).map((index) => ({ index, label: labels[index] ?? `class ${index}`, p: probabilities[index] }));
}

/**
 * One name per class from a config.json's id2label ({"0": "tench", ...}); a class it does not
 * name is "class i" (some checkpoints ship LABEL_0 ... or nothing).
 */
export function classLabels(id2label: unknown, numClasses: number): string[] {
  const names = typeof id2label === 'object' && id2label !== null ? (id2label as Record<string, unknown>) : {};
  return Array.from({ length: numClasses }, (_, i) => {
    const n = names[String(i)];
    return typeof n === 'string' && n.trim() !== '' ? n : `class ${i}`;
  });
}

/** The CLS row of every head of every layer: over the patches (columns 1..T-1), and on CLS itself. */
export function clsRows(layers: readonly LayerTrace[]): { clsToPatches: Float32Array[][]; clsToSelf: number[][] } {
  const clsToPatches = layers.map((l) =>
    l.heads.map((h) => {
      const T = h.weights.shape[0];
      return h.weights.data.slice(1, T); // row 0 of (T, T)
    }),
  );
  const clsToSelf = layers.map((l) => l.heads.map((h) => h.weights.data[0]));
  return { clsToPatches, clsToSelf };
}

/** The mean of some maps, renormalised to sum to 1 (the heads of one layer, for comparison with rollout). */
export function meanMap(maps: readonly Float32Array[]): Float32Array {
  const out = new Float32Array(maps[0]?.length ?? 0);
  for (const m of maps) for (let j = 0; j < out.length; j++) out[j] += m[j];
  const total = out.reduce((s, v) => s + v, 0);
  return total > 0 ? out.map((v) => v / total) : out;
}

/** Everything the lesson shows, from one traced forward pass over `pixels` (flat (C, H, W)). */
export function probeVit(model: VitModel, pixels: Float32Array): VitProbe {
  const { output, trace } = noGrad(() => vitForward(model, [pixels], { trace: true }));
  const t = trace as VitTrace;
  const logits = Float32Array.from(output.data);
  const rollout = attentionRollout(t.layers);
  const T = rollout.shape[0];
  return {
    logits,
    probabilities: softmaxVector(logits),
    ...clsRows(t.layers),
    rollout,
    rolloutCls: meanMap([rollout.data.slice(1, T)]),
  };
}
