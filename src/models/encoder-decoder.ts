/**
 * The encoder-decoder Transformer of "Attention Is All You Need": the encoder reads the
 * source with full self-attention; each decoder block runs masked (causal) self-attention
 * over the target so far, then cross-attention whose queries come from the decoder and whose
 * keys and values are the encoder's output.
 */
import type { Rng } from '../runtime/index.ts';
import { transformerForward, type TransformerModel, type TransformerTrace, type ForwardResult } from './transformer.ts';

export interface EncoderDecoderModel {
  encoder: TransformerModel; // lmHead 'none'
  decoder: TransformerModel; // causal, blocks with cross-attention, an LM head
}

export interface EncoderDecoderOptions {
  trace?: boolean;
  training?: boolean;
  rng?: Rng;
  sourceLengths?: readonly number[]; // real source lengths; the rest is padding
  targetLengths?: readonly number[];
}

export interface EncoderDecoderResult {
  output: ForwardResult['output']; // decoder logits (B*T, vocab)
  trace: { encoder: TransformerTrace; decoder: TransformerTrace } | null;
}

/** Teacher-forced pass: source ids (B, S) and decoder input ids (B, T). */
export function encoderDecoderForward(
  model: EncoderDecoderModel,
  source: readonly (readonly number[])[],
  target: readonly (readonly number[])[],
  o: EncoderDecoderOptions = {},
): EncoderDecoderResult {
  if (source.length !== target.length) throw new Error(`encoder-decoder: ${source.length} sources for ${target.length} targets`);
  if (!model.decoder.weights.blocks.every((b) => b.cross)) throw new Error('encoder-decoder: every decoder block needs cross-attention');
  const common = { trace: o.trace, training: o.training, rng: o.rng };
  const enc = transformerForward(model.encoder, source, { ...common, lengths: o.sourceLengths, logits: false });
  const dec = transformerForward(model.decoder, target, {
    ...common,
    lengths: o.targetLengths,
    memory: { x: enc.hidden, S: source[0].length, lengths: o.sourceLengths },
  });
  return {
    output: dec.output,
    trace: enc.trace && dec.trace ? { encoder: enc.trace, decoder: dec.trace } : null,
  };
}
