/**
 * The Transformer stack shared by every family: embeddings (+ positions), N blocks, an
 * optional final norm and LM head. An encoder (BERT), a decoder (GPT-2, Llama) and the two
 * halves of an encoder-decoder are configurations of this one function.
 */
import {
  Tensor, add, linear, matmulT, embedding, concatRows, gelu, geluTanh, relu, sliceRows, type Rng,
} from '../runtime/index.ts';
import { causalMask, paddingMask, combineMasks, type AttentionOptions } from './attention.ts';
import { runBlock, applyNorm, type LayerTrace } from './block.ts';
import type { TransformerConfig } from './config.ts';
import { sinusoidalEncoding } from './positional.ts';
import type { BlockWeights, NormWeights, TransformerWeights } from './weights.ts';

export interface TransformerModel {
  config: TransformerConfig;
  weights: TransformerWeights;
}

/** Every named intermediate of one traced sequence. */
export interface TransformerTrace {
  ids: number[];
  tokenEmbeddings: Tensor; // (T, d)
  positionEmbeddings: Tensor | null; // (T, d) learned or sinusoidal; null for rotary / none
  embeddings: Tensor; // (T, d) the residual stream entering block 0
  layers: LayerTrace[];
  finalNorm: Tensor | null; // (T, d)
  logits: Tensor | null; // (T, vocab)
}

export interface ForwardOptions {
  trace?: boolean; // capture every intermediate (one sequence only)
  training?: boolean; // dropout on
  rng?: Rng; // dropout randomness
  lengths?: readonly number[]; // real length per sequence; keys past it are padding (encoder)
  tokenTypes?: readonly (readonly number[])[]; // BERT segment ids
  positionOffset?: number; // first position index (for continuing a sequence)
  logits?: boolean; // run the LM head (default: when the config has one)
  headRows?: readonly number[]; // only these rows (gathered like an embedding lookup) of the flattened batch get logits (masked-LM training)
  memory?: { x: Tensor; S: number; lengths?: readonly number[] }; // encoder output, for cross-attention
  /** Return this self-attention head's weights, per sequence, in the graph (a training loss on attention). */
  keepWeightsOf?: { layer: number; head: number };
}

export interface ForwardResult {
  output: Tensor; // logits (rows, vocab) when the head ran, else the hidden states (B*T, d)
  hidden: Tensor; // (B*T, d) final hidden states (after the final norm)
  trace: TransformerTrace | null;
  kept: Tensor[]; // (T, T) per sequence for o.keepWeightsOf, else empty
}

/** Checks a batch of token id rows and returns (B, T). */
function batchShape(batch: readonly (readonly number[])[], cfg: TransformerConfig, offset: number): [number, number] {
  const B = batch.length;
  if (B === 0) throw new Error('forward: empty batch');
  const T = batch[0].length;
  if (T === 0) throw new Error('forward: empty sequence');
  if (batch.some((row) => row.length !== T)) throw new Error('forward: sequences in a batch must be padded to one length');
  if (cfg.positions !== 'rotary' && cfg.positions !== 'none' && T + offset > cfg.maxPositions) {
    throw new Error(`forward: ${T + offset} positions exceed the model's maximum of ${cfg.maxPositions}`);
  }
  return [B, T];
}

/** Token (+ position, + segment) embeddings for a batch, flattened to (B*T, d). */
export function embed(model: TransformerModel, batch: readonly (readonly number[])[], o: ForwardOptions) {
  const { config: cfg, weights: w } = model;
  const offset = o.positionOffset ?? 0;
  const [B, T] = batchShape(batch, cfg, offset);
  const tokens = embedding(w.tokenEmbedding, batch.flat()); // (B*T, d)
  let positions: Tensor | null = null;
  if (cfg.positions === 'learned') {
    if (!w.positionEmbedding) throw new Error('forward: learned positions need a position table');
    const ids = Array.from({ length: B * T }, (_, r) => offset + (r % T));
    positions = embedding(w.positionEmbedding, ids); // (B*T, d)
  } else if (cfg.positions === 'sinusoidal') {
    const table = sinusoidalEncoding(offset + T, cfg.dModel);
    const one = sliceRows(table, offset, offset + T); // (T, d), a constant
    positions = B === 1 ? one : concatRows(Array.from({ length: B }, () => one));
  }
  let x = positions ? add(tokens, positions) : tokens;
  if (w.typeEmbedding) {
    const types = o.tokenTypes ? o.tokenTypes.flat() : new Array<number>(B * T).fill(0);
    x = add(x, embedding(w.typeEmbedding, types));
  }
  if (w.embeddingNorm) x = applyNorm(cfg, x, w.embeddingNorm);
  return { x, tokens, positions, B, T };
}

/** Runs the model over a batch of equal-length id rows. */
export function transformerForward(model: TransformerModel, batch: readonly (readonly number[])[], o: ForwardOptions = {}): ForwardResult {
  const { config: cfg, weights: w } = model;
  const trace = o.trace ?? false;
  const { x: embedded, tokens, positions, B, T } = embed(model, batch, o);
  const { hidden, layers, kept } = runStack(cfg, w.blocks, w.finalNorm, embedded, B, T, o);
  const wantLogits = (o.logits ?? true) && cfg.lmHead !== 'none';
  const logits = wantLogits ? lmHead(model, o.headRows ? embedding(hidden, o.headRows) : hidden) : null;
  return {
    output: logits ?? hidden,
    hidden,
    kept,
    trace: trace
      ? {
          ids: batch[0].slice(),
          tokenEmbeddings: tokens,
          positionEmbeddings: positions,
          embeddings: embedded,
          layers,
          finalNorm: w.finalNorm ? hidden : null,
          logits,
        }
      : null,
  };
}

/**
 * The blocks and the final norm over an embedded batch x (B*T, d): masks (causal, padding),
 * rotary positions and cross-attention memory are set up here once for every block.
 */
export function runStack(
  cfg: TransformerConfig, blocks: readonly BlockWeights[], finalNorm: NormWeights | undefined,
  embedded: Tensor, B: number, T: number, o: ForwardOptions,
): { hidden: Tensor; layers: LayerTrace[]; kept: Tensor[] } {
  const trace = o.trace ?? false;
  if (trace && B !== 1) throw new Error(`forward: tracing needs one sequence, got a batch of ${B}`);
  const offset = o.positionOffset ?? 0;
  const causal = cfg.causal ? causalMask(T) : null;
  const selfMasks = Array.from({ length: B }, (_, b) =>
    combineMasks(causal, o.lengths && o.lengths[b] < T ? paddingMask(T, T, o.lengths[b]) : null),
  );
  const rowPositions = Array.from({ length: B * T }, (_, r) => offset + (r % T));
  const self: AttentionOptions = {
    nHeads: cfg.nHeads,
    nKvHeads: cfg.nKvHeads,
    B, T, S: T,
    blocked: (b) => selfMasks[b],
    rope: cfg.positions === 'rotary' ? { theta: cfg.ropeTheta, queryPositions: rowPositions, keyPositions: rowPositions } : undefined,
    trace,
    dropout: o.rng && cfg.dropout > 0 ? { p: cfg.dropout, rng: o.rng, training: o.training ?? false } : undefined,
  };
  let memory: { x: Tensor; options: AttentionOptions } | undefined;
  if (o.memory) {
    const { S, lengths } = o.memory;
    const crossMasks = Array.from({ length: B }, (_, b) => (lengths && lengths[b] < S ? paddingMask(T, S, lengths[b]) : null));
    memory = { x: o.memory.x, options: { ...self, S, rope: undefined, blocked: (b) => crossMasks[b] } };
  }
  let x = embedded;
  const layers: LayerTrace[] = [];
  let kept: Tensor[] = [];
  blocks.forEach((block, l) => {
    const keep = o.keepWeightsOf?.layer === l ? o.keepWeightsOf.head : undefined;
    const r = runBlock(x, block, { cfg, self: { ...self, keepWeightsOf: keep }, memory, training: o.training ?? false, rng: o.rng, trace });
    x = r.output;
    if (r.trace) layers.push(r.trace);
    if (keep !== undefined) kept = r.kept;
  });
  return { hidden: finalNorm ? applyNorm(cfg, x, finalNorm) : x, layers, kept };
}

/** Logits from hidden rows: BERT's transform when present, then the tied or separate decoder. */
export function lmHead(model: TransformerModel, h: Tensor): Tensor {
  const { config: cfg, weights: w } = model;
  let x = h;
  if (cfg.mlmTransform && w.mlmDense && w.mlmNorm) {
    const dense = linear(x, w.mlmDense, w.mlmDenseBias);
    const act = cfg.activation === 'geluTanh' ? geluTanh(dense) : cfg.activation === 'relu' ? relu(dense) : gelu(dense);
    x = applyNorm(cfg, act, w.mlmNorm);
  }
  const table = cfg.lmHead === 'separate' ? w.lmHead : w.tokenEmbedding;
  if (!table) throw new Error('lmHead: the config asks for a separate LM head but the weights have none');
  const logits = matmulT(x, table); // (rows, vocab)
  return w.lmHeadBias ? add(logits, w.lmHeadBias) : logits;
}
