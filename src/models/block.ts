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
import type { BlockWeights, FeedForwardWeights, NormWeights } from './weights.ts';

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
export function feedForward(cfg: TransformerConfig, x: Tensor, w: FeedForwardWeights): { hidden: Tensor; activation: Tensor; out: Tensor } {
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
  return { hidden, activation, out: linear(activation, w.down, w.downBias) };
}

export interface BlockContext {
  cfg: TransformerConfig;
  self: AttentionOptions; // masks, rotary positions, batch layout for self-attention
  memory?: { x: Tensor; options: AttentionOptions }; // encoder output for cross-attention
  training: boolean;
  rng?: Rng;
  trace: boolean;
}

/** Runs one block over x (B*T, d). */
export function runBlock(x: Tensor, w: BlockWeights, c: BlockContext): { output: Tensor; trace: LayerTrace | null } {
  const { cfg } = c;
  const drop = (t: Tensor): Tensor => (c.rng && cfg.dropout > 0 ? dropout(t, cfg.dropout, c.rng, c.training) : t);
  // One residual sublayer in either norm placement.
  const normed: Tensor[] = []; // pre-norm inputs of each sublayer, for the trace
  const sublayer = (input: Tensor, norm: NormWeights, f: (h: Tensor) => Tensor): [Tensor, Tensor] => {
    if (cfg.preNorm) {
      const h = applyNorm(cfg, input, norm);
      normed.push(h);
      const out = f(h);
      return [out, add(input, drop(out))];
    }
    const out = f(input);
    return [out, applyNorm(cfg, add(input, drop(out)), norm)];
  };

  // Each sublayer's function stashes what the trace needs from inside the residual wrapper.
  let heads: HeadTrace[] | null = null;
  const [attention, afterAttention] = sublayer(x, w.attnNorm, (h) => {
    const r = multiHeadAttention(h, h, w.attn, c.self);
    heads = r.heads;
    return r.output;
  });

  let crossPart: { heads: HeadTrace[] | null; out: Tensor; after: Tensor } | null = null;
  let stream = afterAttention;
  if (w.cross && w.crossNorm) {
    const { memory } = c;
    const crossWeights = w.cross;
    if (!memory) throw new Error('runBlock: a cross-attention block needs the encoder output');
    let crossHeads: HeadTrace[] | null = null;
    const [out, after] = sublayer(afterAttention, w.crossNorm, (h) => {
      const r = multiHeadAttention(h, memory.x, crossWeights, memory.options);
      crossHeads = r.heads;
      return r.output;
    });
    crossPart = { heads: crossHeads, out, after };
    stream = after;
  }

  let ffnParts!: ReturnType<typeof feedForward>;
  const [ffn, output] = sublayer(stream, w.ffnNorm, (h) => {
    ffnParts = feedForward(cfg, h, w.ffn);
    return ffnParts.out;
  });

  if (!c.trace) return { output, trace: null };
  const trace: LayerTrace = {
    input: x,
    attnNormed: cfg.preNorm ? normed[0] : null,
    heads: heads ?? [],
    attention,
    afterAttention,
    ffnNormed: cfg.preNorm ? normed[normed.length - 1] : null,
    ffnHidden: ffnParts.hidden,
    ffnActivation: ffnParts.activation,
    ffn,
    output,
  };
  if (crossPart) Object.assign(trace, { crossHeads: crossPart.heads ?? [], cross: crossPart.out, afterCross: crossPart.after });
  return { output, trace };
}
