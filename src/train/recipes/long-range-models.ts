/**
 * The three classifiers the `long-range` experiment compares: a plain (tanh) RNN, an LSTM and
 * a small Transformer, each reading a recall sequence left to right and naming the asked
 * code symbol from its state at the final (query) position. Sizes are chosen so parameter
 * counts are similar (8.9k, 9.1k, 9.4k): the difference the lesson shows is the architecture:
 * the plain RNN gets the widest state (H = 80), the LSTM about half (its four gates cost 4x).
 *
 * Readout. RNN and LSTM: a linear head on h at the query step (the LSTM's c stays internal).
 * Transformer: a causal decoder (pre-norm, GPT-style) with the same linear head on the query
 * token's final hidden state. Causal, so all three see exactly the prefix up to the query as
 * they would reading left to right; for the last position the mask changes nothing, and the
 * query token is the natural reader because it is where the question is asked. A BERT-style
 * CLS token would have to sit at position 0, where the code already is.
 */
import { decoderConfig } from '../../models/config.ts';
import { RecurrentCell } from '../../models/rnn.ts';
import { embedSteps, runSequence } from '../../models/rnn-sequence.ts';
import { transformerForward, type TransformerModel } from '../../models/transformer.ts';
import { initTransformer, namedTensors } from '../../models/weights.ts';
import { embedding, linear, normalParam, uniformParam, Rng, type Tensor } from '../../runtime/index.ts';
import { defaultLongRangeTask, maxLength, vocabSize, type LongRangeTask } from '../../data/long-range.ts';

export type LongRangeKind = 'rnn' | 'lstm' | 'transformer';

export const longRangeKinds: readonly LongRangeKind[] = ['rnn', 'lstm', 'transformer'];

/** Sizes of the three models; the defaults give about 9k parameters each (see countLongRange). */
export interface LongRangeSizes {
  rnn: { embed: number; hidden: number }; // default E 16, H 80
  lstm: { embed: number; hidden: number; forgetBias: number }; // default E 16, H 38, forget-gate bias +1
  transformer: { dModel: number; nHeads: number; nLayers: number; dFF: number }; // default 32, 2, 1, 32
}

export const defaultLongRangeSizes: LongRangeSizes = {
  rnn: { embed: 16, hidden: 80 },
  // +1 on the forget gate's bias at init (Gers et al. 2000; Jozefowicz et al. 2015): the LSTM
  // starts out keeping its memory instead of halving it every step.
  lstm: { embed: 16, hidden: 38, forgetBias: 1 },
  transformer: { dModel: 32, nHeads: 2, nLayers: 1, dFF: 32 },
};

/** nn.Linear-layout classification head: logits = h W^T + b over the K symbols. */
export interface Head {
  weight: Tensor; // (K, H)
  bias: Tensor; // (K)
}

export interface RecurrentClassifier {
  kind: 'rnn' | 'lstm';
  task: LongRangeTask;
  embedding: Tensor; // (V, E) input token table
  cell: RecurrentCell;
  head: Head;
}

export interface TransformerClassifier {
  kind: 'transformer';
  task: LongRangeTask;
  transformer: TransformerModel; // token + learned position embeddings, blocks, final norm; no LM head
  head: Head;
}

export type LongRangeModel = RecurrentClassifier | TransformerClassifier;

/** PyTorch's nn.Linear init, U(-1/sqrt(in), 1/sqrt(in)), for weight and bias alike. */
function initHead(K: number, inFeatures: number, rng: Rng): Head {
  const bound = 1 / Math.sqrt(inFeatures);
  return { weight: uniformParam([K, inFeatures], bound, rng), bias: uniformParam([K], bound, rng) };
}

/** A fresh model of one kind, fully determined by `seed`. */
export function createLongRangeModel(
  kind: LongRangeKind,
  seed: number,
  task: LongRangeTask = defaultLongRangeTask,
  sizes: LongRangeSizes = defaultLongRangeSizes,
): LongRangeModel {
  const rng = new Rng(seed);
  const V = vocabSize(task);
  const K = task.symbols;
  if (kind === 'transformer') {
    const s = sizes.transformer;
    const config = decoderConfig({
      vocabSize: V,
      dModel: s.dModel,
      nHeads: s.nHeads,
      nKvHeads: s.nHeads,
      nLayers: s.nLayers,
      dFF: s.dFF,
      maxPositions: maxLength(task), // learned positions, one per position the longest input has
      lmHead: 'none',
    });
    const transformer = { config, weights: initTransformer(config, rng) };
    return { kind, task, transformer, head: initHead(K, s.dModel, rng) };
  }
  const s = kind === 'rnn' ? sizes.rnn : sizes.lstm;
  // N(0, 1) as nn.Embedding draws it, so inputs start at the scale the cell's init expects.
  const table = normalParam([V, s.embed], 1, rng);
  const cell = new RecurrentCell({ kind, inputSize: s.embed, hiddenSize: s.hidden }, rng);
  if (kind === 'lstm') {
    const H = s.hidden;
    const forgetBias = sizes.lstm.forgetBias;
    for (let j = H; j < 2 * H; j++) cell.params.bias_ih.data[j] += forgetBias; // gate block 1 is f
  }
  return { kind, task, embedding: table, cell, head: initHead(K, s.hidden, rng) };
}

/**
 * Logits over the K symbols at the last position of every row: inputs (B, T) ids, all rows
 * the same length (one distance per batch). Differentiable; wrap in noGrad to evaluate.
 */
export function longRangeLogits(model: LongRangeModel, inputs: readonly (readonly number[])[]): Tensor {
  if (model.kind === 'transformer') {
    const B = inputs.length;
    const T = inputs[0]?.length ?? 0;
    const { hidden } = transformerForward(model.transformer, inputs, { logits: false }); // (B*T, d)
    const last = embedding(hidden, Array.from({ length: B }, (_, b) => b * T + T - 1)); // (B, d) query rows
    return linear(last, model.head.weight, model.head.bias); // (B, K)
  }
  const xs = embedSteps(model.embedding, inputs); // T x (B, E)
  const { state } = runSequence(model.cell, xs, { trace: false });
  return linear(state.h, model.head.weight, model.head.bias); // (B, K)
}

/**
 * Every trainable tensor under a stable dotted name: the optimiser's parameter list and the
 * names a checkpoint would save. Recurrent models use PyTorch's names (embedding.weight,
 * cell.weight_ih, ..., head.weight) so they load into nn.Embedding / nn.RNNCell / nn.Linear.
 */
export function longRangeNamedTensors(model: LongRangeModel): Map<string, Tensor> {
  const out = new Map<string, Tensor>();
  if (model.kind === 'transformer') {
    for (const [name, t] of namedTensors(model.transformer.weights)) out.set(`transformer.${name}`, t);
  } else {
    out.set('embedding.weight', model.embedding);
    for (const [name, t] of model.cell.namedParameters('cell.')) out.set(name, t);
  }
  out.set('head.weight', model.head.weight);
  out.set('head.bias', model.head.bias);
  return out;
}

/** Trainable tensors, in the order of longRangeNamedTensors. */
export function longRangeParameters(model: LongRangeModel): Tensor[] {
  return [...longRangeNamedTensors(model).values()];
}

/** Total scalar parameters of a model. */
export function countLongRange(model: LongRangeModel): number {
  return longRangeParameters(model).reduce((n, t) => n + t.size, 0);
}
