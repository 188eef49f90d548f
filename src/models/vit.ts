/**
 * Vision Transformer (Dosovitskiy et al. 2020): the image is cut into p x p patches, each
 * flattened and linearly projected to a token; a learned CLS token is prepended, learned
 * positions added, and a pre-norm encoder runs over the sequence. The class comes from the
 * CLS token's final state, so its attention rows show where the model looked.
 */
import { Tensor, add, linear, concatRows, sliceRows, normalParam, constParam, type Rng } from '../runtime/index.ts';
import type { LayerTrace } from './block.ts';
import { baseConfig, validateConfig, type TransformerConfig } from './config.ts';
import { runStack } from './transformer.ts';
import { initTransformer, type BlockWeights, type NormWeights } from './weights.ts';

export interface VitConfig extends TransformerConfig {
  imageSize: number; // square images, imageSize x imageSize
  patchSize: number; // must divide imageSize
  channels: number; // 1 for the digits, 3 for RGB
  numClasses: number;
}

export interface VitWeights {
  patchProjection: Tensor; // (d, channels * p * p): a stride-p convolution, flattened as (c, y, x)
  patchBias: Tensor; // (d)
  cls: Tensor; // (1, d)
  positionEmbedding: Tensor; // (1 + nPatches, d)
  blocks: BlockWeights[];
  finalNorm: NormWeights;
  head: Tensor; // (numClasses, d)
  headBias: Tensor; // (numClasses)
}

export interface VitModel {
  config: VitConfig;
  weights: VitWeights;
}

export interface VitTrace {
  patches: Tensor; // (nPatches, channels * p * p) raw pixel vectors
  patchEmbeddings: Tensor; // (nPatches, d)
  embeddings: Tensor; // (1 + nPatches, d) with CLS first and positions added
  layers: LayerTrace[]; // heads[h].weights row 0 is the CLS attention map
  finalNorm: Tensor;
  logits: Tensor; // (1, numClasses)
}

/** A pre-norm GELU encoder trunk with ViT's fields filled and checked. */
export function vitConfig(over: Partial<VitConfig> & Pick<VitConfig, 'imageSize' | 'patchSize' | 'numClasses'>): VitConfig {
  const cfg: VitConfig = { ...baseConfig, channels: 1, positions: 'none', preNorm: true, finalNorm: true, lmHead: 'none', normEps: 1e-6, ...over };
  if (cfg.imageSize % cfg.patchSize !== 0) throw new Error(`vit: patch size ${cfg.patchSize} does not divide image size ${cfg.imageSize}`);
  cfg.maxPositions = 1 + patchCount(cfg);
  validateConfig(cfg);
  return cfg;
}

export function patchCount(cfg: Pick<VitConfig, 'imageSize' | 'patchSize'>): number {
  return (cfg.imageSize / cfg.patchSize) ** 2;
}

/**
 * Cuts a (channels, H, W) image, stored flat, into patch vectors in reading order
 * (left to right, top to bottom), each flattened as (channel, row, column).
 */
export function patchify(image: Float32Array, cfg: Pick<VitConfig, 'imageSize' | 'patchSize' | 'channels'>): Tensor {
  const { imageSize: S, patchSize: p, channels: C } = cfg;
  if (image.length !== C * S * S) throw new Error(`patchify: image has ${image.length} values, expected ${C} x ${S} x ${S}`);
  const grid = S / p;
  const out = new Float32Array(grid * grid * C * p * p);
  let o = 0;
  for (let gy = 0; gy < grid; gy++) {
    for (let gx = 0; gx < grid; gx++) {
      for (let c = 0; c < C; c++) {
        for (let y = 0; y < p; y++) {
          const row = c * S * S + (gy * p + y) * S + gx * p;
          for (let x = 0; x < p; x++) out[o++] = image[row + x];
        }
      }
    }
  }
  return new Tensor(out, [grid * grid, C * p * p]);
}

/** Fresh ViT weights from a seeded Rng. */
export function initVit(cfg: VitConfig, rng: Rng): VitWeights {
  const trunk = initTransformer({ ...cfg, vocabSize: 0, positions: 'none' }, rng);
  const d = cfg.dModel;
  const inDim = cfg.channels * cfg.patchSize * cfg.patchSize;
  return {
    patchProjection: normalParam([d, inDim], 1 / Math.sqrt(inDim), rng),
    patchBias: constParam([d], 0),
    cls: normalParam([1, d], 0.02, rng),
    positionEmbedding: normalParam([1 + patchCount(cfg), d], 0.02, rng),
    blocks: trunk.blocks,
    finalNorm: trunk.finalNorm as NormWeights,
    head: normalParam([cfg.numClasses, d], 0.02, rng),
    headBias: constParam([cfg.numClasses], 0),
  };
}

export interface VitForwardOptions {
  trace?: boolean;
  training?: boolean;
  rng?: Rng;
}

/** Classifies a batch of images; output is (B, numClasses) logits. */
export function vitForward(model: VitModel, images: readonly Float32Array[], o: VitForwardOptions = {}): { output: Tensor; trace: VitTrace | null } {
  const { config: cfg, weights: w } = model;
  const B = images.length;
  if (B === 0) throw new Error('vit: empty batch');
  const N = patchCount(cfg);
  const T = N + 1;
  const sequences: Tensor[] = [];
  let patches: Tensor | null = null;
  let patchEmbeddings: Tensor | null = null;
  for (const image of images) {
    patches = patchify(image, cfg); // (N, C*p*p)
    patchEmbeddings = linear(patches, w.patchProjection, w.patchBias); // (N, d)
    sequences.push(add(concatRows([w.cls, patchEmbeddings]), w.positionEmbedding)); // (T, d)
  }
  const embedded = B === 1 ? sequences[0] : concatRows(sequences); // (B*T, d)
  const { hidden, layers } = runStack(cfg, w.blocks, w.finalNorm, embedded, B, T, o);
  const clsRows = B === 1 ? sliceRows(hidden, 0, 1) : concatRows(Array.from({ length: B }, (_, b) => sliceRows(hidden, b * T, b * T + 1)));
  const logits = linear(clsRows, w.head, w.headBias); // (B, classes)
  const trace: VitTrace | null = o.trace
    ? { patches: patches as Tensor, patchEmbeddings: patchEmbeddings as Tensor, embeddings: embedded, layers, finalNorm: hidden, logits }
    : null;
  return { output: logits, trace };
}
