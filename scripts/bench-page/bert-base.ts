/**
 * A BERT-base-shaped encoder with random weights, built by the project's own config and init
 * code (encoderConfig, initTransformer): the browser benchmark's workload. 32 random token
 * ids stand in for a tokenized sentence, so no tokenizer or checkpoint is needed.
 */
import { encoderConfig, type TransformerConfig } from '../../src/models/config.ts';
import { transformerForward, type TransformerModel } from '../../src/models/transformer.ts';
import { initTransformer, namedTensors } from '../../src/models/weights.ts';
import { Rng, noGrad } from '../../src/runtime/index.ts';

export interface BertShape {
  nLayers: number; // 12
  dModel: number; // 768
  nHeads: number; // 12 (dHead = 64)
  dFF: number; // 3072
  T: number; // 32 tokens
  vocabSize: number; // 30522, BERT's WordPiece vocabulary
}

export const BERT_BASE_SHAPED: BertShape = { nLayers: 12, dModel: 768, nHeads: 12, dFF: 3072, T: 32, vocabSize: 30522 };

export function bertConfig(s: BertShape): TransformerConfig {
  return encoderConfig({
    vocabSize: s.vocabSize, dModel: s.dModel, nHeads: s.nHeads, nKvHeads: s.nHeads, nLayers: s.nLayers, dFF: s.dFF,
    maxPositions: 512, typeVocabSize: 2, activation: 'gelu', lmHead: 'none', mlmTransform: false,
  });
}

/**
 * The model and its input ids, the same for every seed on every thread. initTransformer gives
 * zero biases and unit norm gains; they are nudged off those values so that the cross-check
 * against tfjs would notice a bias or gain applied wrongly.
 */
export function bertModel(s: BertShape, seed = 1): { model: TransformerModel; ids: number[] } {
  const config = bertConfig(s);
  const rng = new Rng(seed);
  const weights = initTransformer(config, rng);
  for (const t of namedTensors(weights).values()) {
    if (t.shape.length !== 1) continue; // matrices keep their N(0, 0.02^2) draws
    for (let i = 0; i < t.size; i++) t.data[i] += (t.data[i] === 1 ? 0.1 : 0.02) * rng.normal();
  }
  const ids = Array.from({ length: s.T }, () => rng.int(s.vocabSize));
  return { model: { config, weights }, ids };
}

/** The encoder's final hidden states (T, dModel), as the app computes them (tracing off). */
export function forwardOurs(model: TransformerModel, ids: number[]): Float32Array {
  return noGrad(() => transformerForward(model, [ids], { logits: false }).hidden.data);
}

/** Flops of the forward's matrix products (2 per multiply-add). */
export function bertFlops(s: BertShape): number {
  const { T, dModel: d, dFF } = s;
  const projections = 4 * 2 * T * d * d + 2 * 2 * T * d * dFF; // q, k, v, o; FFN up and down
  const attention = 2 * 2 * T * T * d; // scores and weights v, all heads
  return s.nLayers * (projections + attention);
}
