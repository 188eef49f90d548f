/**
 * One Transformer block: self-attention, optional cross-attention, feed-forward, each
 * wrapped in a residual connection and a norm, placed before the sublayer (pre-norm: GPT-2,
 * Llama, ViT) or after the residual sum (post-norm: BERT and the original Transformer).
 */
import {
  Tensor, add, mul, linear, layerNorm, rmsNorm, gelu, geluTanh, relu, silu, dropout, type Rng,
} from '../runtime/index.ts';
import { multiHeadAttention, type AttentionOptions, type HeadTrace } from './attention.ts';
import type { TransformerConfig } from './config.ts';
import type { AttentionWeights, BlockWeights, FeedForwardWeights, NormWeights } from './weights.ts';

/** What one block computed for one sequence (all (T, d) unless noted). */
export interface LayerTrace {
  input: Tensor; // residual stream entering the block
  attnNormed: Tensor | null; // pre-norm only: norm(input), what attention reads
  heads: HeadTrace[]; // self-attention, per head
  attention: Tensor; // self-attention output after W_O
  afterAttention: Tensor; // residual stream after the attention sublayer (and its norm, if post-norm)
  crossHeads?: HeadTrace[]; // cross-attention over the encoder's output, per head
  cross?: Tensor;
  afterCross?: Tensor;
  ffnNormed: Tensor | null; // pre-norm only: what the FFN reads
  ffnHidden: Tensor; // (T, dFF) before the nonlinearity (the gate's input for SwiGLU)
  ffnActivation: Tensor; // (T, dFF) after it
  ffn: Tensor; // FFN output
  output: Tensor; // residual stream leaving the block
}

export function applyNorm(cfg: TransformerConfig, x: Tensor, w: NormWeights): Tensor {
  return cfg.norm === 'rms' ? rmsNorm(x, w.weight, cfg.normEps) : layerNorm(x, w.weight, w.bias, cfg.normEps);
}

/** FFN(x) = down(act(up x)) or, for SwiGLU, down(silu(gate x) * up x). */
export function feedForward(cfg: TransformerConfig, x: Tensor, w: FeedForwardWeights): { hidden: Tensor; activation: Tensor; output: Tensor } {
  let hidden: Tensor;
  let activation: Tensor;
  if (cfg.activation === 'swiglu') {
    if (!w.gate) throw new Error('feedForward: SwiGLU needs a gate projection');
    hidden = linear(x, w.gate, undefined); // (T, dFF)
    activation = mul(silu(hidden), linear(x, w.up, w.upBias));
  } else {
    hidden = linear(x, w.up, w.upBias); // (T, dFF)
    activation = cfg.activation === 'gelu' ? gelu(hidden) : cfg.activation === 'geluTanh' ? geluTanh(hidden) : relu(hidden);
  }
  return { hidden, activation, output: linear(activation, w.down, w.downBias) };
}

export interface BlockContext {
  cfg: TransformerConfig;
  self: AttentionOptions; // masks, rotary positions, batch layout for self-attention
  memory?: { x: Tensor; options: AttentionOptions }; // encoder output for cross-attention
  training: boolean;
  rng?: Rng;
  trace: boolean;
}

/** A residual sublayer's parts: what its norm gave it (pre-norm), what it computed, the stream after it. */
interface Residual<R extends { output: Tensor }> {
  normed: Tensor | null;
  result: R;
  after: Tensor;
}

/** x + f(norm(x)) (pre-norm) or norm(x + f(x)) (post-norm), dropout on f's output when training. */
function residual<R extends { output: Tensor }>(c: BlockContext, x: Tensor, norm: NormWeights, f: (h: Tensor) => R): Residual<R> {
  const { cfg } = c;
  const drop = (t: Tensor): Tensor => (c.rng && cfg.dropout > 0 ? dropout(t, cfg.dropout, c.rng, c.training) : t);
  if (cfg.preNorm) {
    const normed = applyNorm(cfg, x, norm);
    const result = f(normed);
    return { normed, result, after: add(x, drop(result.output)) };
  }
  const result = f(x);
  return { normed: null, result, after: applyNorm(cfg, add(x, drop(result.output)), norm) };
}

export interface BlockResult {
  output: Tensor; // (B*T, d) residual stream leaving the block
  trace: LayerTrace | null;
  kept: Tensor[]; // self-attention weights of the head named by c.self.keepWeightsOf, per sequence
}

/** Runs one block over x (B*T, d): attention, cross-attention if the block has it, feed-forward. */
export function runBlock(x: Tensor, w: BlockWeights, c: BlockContext): BlockResult {
  const attn = residual(c, x, w.attnNorm, (h) => multiHeadAttention(h, h, w.attn, c.self));
  const cross = w.cross && w.crossNorm ? crossSublayer(c, attn.after, w.cross, w.crossNorm) : null;
  const ffn = residual(c, cross?.after ?? attn.after, w.ffnNorm, (h) => feedForward(c.cfg, h, w.ffn));
  const output = ffn.after;
  if (!c.trace) return { output, trace: null, kept: attn.result.kept };
  const trace: LayerTrace = {
    input: x,
    attnNormed: attn.normed,
    heads: attn.result.heads ?? [],
    attention: attn.result.output,
    afterAttention: attn.after,
    ...(cross ? { crossHeads: cross.result.heads ?? [], cross: cross.result.output, afterCross: cross.after } : {}),
    ffnNormed: ffn.normed,
    ffnHidden: ffn.result.hidden,
    ffnActivation: ffn.result.activation,
    ffn: ffn.result.output,
    output,
  };
  return { output, trace, kept: attn.result.kept };
}

function crossSublayer(c: BlockContext, x: Tensor, weights: AttentionWeights, norm: NormWeights) {
  const { memory } = c;
  if (!memory) throw new Error('runBlock: a cross-attention block needs the encoder output');
  return residual(c, x, norm, (h) => multiHeadAttention(h, memory.x, weights, memory.options));
}
