/**
 * The parameters of a Transformer as a typed tree. Loaders for Hugging Face checkpoints map
 * their tensor names onto this tree; models trained here save it under its own dotted paths
 * (`blocks.0.attn.wq`), so one walker serves training, saving and loading.
 */
import { Tensor, normalParam, constParam, type Rng } from '../runtime/index.ts';
import { headSize, type TransformerConfig } from './config.ts';

export interface NormWeights {
  weight: Tensor; // (d) gain
  bias?: Tensor; // (d) shift; absent for RMSNorm
}

/** Projections in nn.Linear layout (out, in). */
export interface AttentionWeights {
  wq: Tensor; // (nHeads * dHead, d)
  wk: Tensor; // (nKvHeads * dHead, d)
  wv: Tensor; // (nKvHeads * dHead, d)
  wo: Tensor; // (d, nHeads * dHead)
  bq?: Tensor;
  bk?: Tensor;
  bv?: Tensor;
  bo?: Tensor;
}

export interface FeedForwardWeights {
  up: Tensor; // (dFF, d)
  upBias?: Tensor;
  gate?: Tensor; // (dFF, d), SwiGLU only: down(silu(gate x) * up x)
  down: Tensor; // (d, dFF)
  downBias?: Tensor;
}

export interface BlockWeights {
  attnNorm: NormWeights;
  attn: AttentionWeights;
  crossNorm?: NormWeights; // decoder blocks of an encoder-decoder
  cross?: AttentionWeights;
  ffnNorm: NormWeights;
  ffn: FeedForwardWeights;
}

export interface TransformerWeights {
  tokenEmbedding: Tensor; // (vocab, d)
  positionEmbedding?: Tensor; // (maxPositions, d), learned positions only
  typeEmbedding?: Tensor; // (typeVocab, d), BERT segments
  embeddingNorm?: NormWeights;
  blocks: BlockWeights[];
  finalNorm?: NormWeights;
  lmHead?: Tensor; // (vocab, d) when not tied to tokenEmbedding
  lmHeadBias?: Tensor; // (vocab)
  mlmDense?: Tensor; // (d, d) BERT's transform before the decoder
  mlmDenseBias?: Tensor;
  mlmNorm?: NormWeights;
}

/** Options for fresh weights; std 0.02 as in GPT-2 and BERT. */
export interface InitOptions {
  std?: number;
  crossAttention?: boolean; // give each block cross-attention (decoder of an encoder-decoder)
}

function initNorm(cfg: TransformerConfig, d: number): NormWeights {
  return cfg.norm === 'rms' ? { weight: constParam([d], 1) } : { weight: constParam([d], 1), bias: constParam([d], 0) };
}

function initAttention(cfg: TransformerConfig, rng: Rng, std: number): AttentionWeights {
  const d = cfg.dModel;
  const dq = cfg.nHeads * headSize(cfg);
  const dkv = cfg.nKvHeads * headSize(cfg);
  // Residual projections are scaled by 1/sqrt(2 * layers) (GPT-2) so the stream does not grow with depth.
  const outStd = std / Math.sqrt(2 * Math.max(1, cfg.nLayers));
  const w: AttentionWeights = {
    wq: normalParam([dq, d], std, rng),
    wk: normalParam([dkv, d], std, rng),
    wv: normalParam([dkv, d], std, rng),
    wo: normalParam([d, dq], outStd, rng),
  };
  if (cfg.bias) {
    w.bq = constParam([dq], 0);
    w.bk = constParam([dkv], 0);
    w.bv = constParam([dkv], 0);
    w.bo = constParam([d], 0);
  }
  return w;
}

/** Fresh weights for training, drawn from a seeded Rng. */
export function initTransformer(cfg: TransformerConfig, rng: Rng, opts: InitOptions = {}): TransformerWeights {
  const std = opts.std ?? 0.02;
  const d = cfg.dModel;
  const blocks: BlockWeights[] = [];
  for (let l = 0; l < cfg.nLayers; l++) {
    const ffn: FeedForwardWeights = {
      up: normalParam([cfg.dFF, d], std, rng),
      down: normalParam([d, cfg.dFF], std / Math.sqrt(2 * Math.max(1, cfg.nLayers)), rng),
    };
    if (cfg.activation === 'swiglu') ffn.gate = normalParam([cfg.dFF, d], std, rng);
    if (cfg.bias) {
      ffn.upBias = constParam([cfg.dFF], 0);
      ffn.downBias = constParam([d], 0);
    }
    const block: BlockWeights = { attnNorm: initNorm(cfg, d), attn: initAttention(cfg, rng, std), ffnNorm: initNorm(cfg, d), ffn };
    if (opts.crossAttention) {
      block.crossNorm = initNorm(cfg, d);
      block.cross = initAttention(cfg, rng, std);
    }
    blocks.push(block);
  }
  const w: TransformerWeights = { tokenEmbedding: normalParam([Math.max(cfg.vocabSize, 0), d], std, rng), blocks };
  if (cfg.positions === 'learned') w.positionEmbedding = normalParam([cfg.maxPositions, d], std, rng);
  if (cfg.typeVocabSize > 0) w.typeEmbedding = normalParam([cfg.typeVocabSize, d], std, rng);
  if (cfg.embeddingNorm) w.embeddingNorm = initNorm(cfg, d);
  if (cfg.finalNorm) w.finalNorm = initNorm(cfg, d);
  if (cfg.lmHead === 'separate') w.lmHead = normalParam([cfg.vocabSize, d], std, rng);
  if (cfg.mlmTransform) {
    // BERT's decoder has its own output bias; GPT-2 and Llama heads have none.
    w.lmHeadBias = constParam([cfg.vocabSize], 0);
    w.mlmDense = normalParam([d, d], std, rng);
    w.mlmDenseBias = constParam([d], 0);
    w.mlmNorm = initNorm(cfg, d);
  }
  return w;
}

/**
 * Every tensor in a weight tree under its dotted path, in a stable order: the parameter
 * list for the optimiser and the names for safetensors.
 */
export function namedTensors(tree: unknown, prefix = ''): Map<string, Tensor> {
  const out = new Map<string, Tensor>();
  const walk = (node: unknown, path: string): void => {
    if (node instanceof Tensor) {
      out.set(path, node);
    } else if (Array.isArray(node)) {
      node.forEach((child, i) => walk(child, path ? `${path}.${i}` : String(i)));
    } else if (node !== null && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        if (child !== undefined) walk(child, path ? `${path}.${key}` : key);
      }
    }
  };
  walk(tree, prefix);
  return out;
}

/** Total number of scalar parameters in a weight tree. */
export function countParameters(tree: unknown): number {
  let n = 0;
  for (const t of namedTensors(tree).values()) n += t.size;
  return n;
}

/**
 * Copies values from `source` (name -> tensor, e.g. a parsed safetensors file) into the
 * tensors of a weight tree with the same dotted names. Every tree tensor must be present
 * with the same shape; names the tree does not have are reported too, so a checkpoint
 * saved by another config cannot load half-way.
 */
export function assignNamedTensors(tree: unknown, source: ReadonlyMap<string, Tensor>): void {
  const target = namedTensors(tree);
  const missing = [...target.keys()].filter((k) => !source.has(k));
  const extra = [...source.keys()].filter((k) => !target.has(k));
  if (missing.length > 0 || extra.length > 0) {
    const list = (xs: string[]) => xs.slice(0, 5).join(', ') + (xs.length > 5 ? `, ... (${xs.length})` : '');
    throw new Error(`weights: ${missing.length ? `missing ${list(missing)}` : ''}${missing.length && extra.length ? '; ' : ''}${extra.length ? `unexpected ${list(extra)}` : ''}`);
  }
  for (const [name, t] of target) {
    const s = source.get(name) as Tensor;
    if (s.size !== t.size || s.shape.some((d, i) => d !== t.shape[i])) {
      throw new Error(`weights: ${name} is (${s.shape.join(', ')}) in the file but (${t.shape.join(', ')}) in the model`);
    }
    t.data.set(s.data);
  }
}
