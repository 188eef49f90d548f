/**
 * What a recurrent model still knows about the code as it reads on: after each token, give
 * it the question right there (one more step with the query token from the state it has
 * now) and read the probability it gives the asked symbol. Everything it could answer from
 * has to be in that one state vector, so the curve shows the memory fading or holding.
 * Also each model's actual answer at the end of the sequence.
 */
import { queryId } from '../../src/data/long-range.ts';
import { embedSteps, runSequence } from '../../src/models/rnn-sequence.ts';
import { concatRows, embedding, linear, noGrad, softmax, type Tensor } from '../../src/runtime/index.ts';
import { longRangeLogits, type LongRangeModel, type RecurrentClassifier } from '../../src/train/recipes/long-range-models.ts';
import type { RecallSequence } from './recall-sequence.ts';

export interface AskedNow {
  distance: number; // how far back the asked symbol would be if the query came now
  p: number; // probability of the right symbol
}

/**
 * For every position from the end of the code to the last distractor: the probability of
 * the right answer if the query came next. The last point is the sequence's real question.
 */
export function recallIfAskedNow(model: RecurrentClassifier, seq: RecallSequence): AskedNow[] {
  const { task } = model;
  return noGrad(() => {
    const body = seq.input.slice(0, -1); // code and distractors, without the query
    const run = runSequence(model.cell, embedSteps(model.embedding, [body]), { trace: true });
    const positions = Array.from({ length: body.length - (task.codeLength - 1) }, (_, i) => task.codeLength - 1 + i);
    const h = concatRows(positions.map((t) => run.output[t])); // (P, H) state after token t
    const c = model.kind === 'lstm' ? concatRows(positions.map((t) => cellOf(run.trace?.[t]))) : null; // (P, H)
    const q = embedding(model.embedding, positions.map(() => queryId(task, seq.slot))); // (P, E)
    const asked = model.cell.step(q, { h, c }).state; // one more step: the query
    const probs = softmax(linear(asked.h, model.head.weight, model.head.bias)); // (P, K)
    const K = task.symbols;
    return positions.map((t, i) => ({ distance: t + 1 - seq.slot, p: probs.data[i * K + seq.target] }));
  });
}

function cellOf(step: { kind: string; c?: Tensor } | undefined): Tensor {
  if (!step || step.kind !== 'lstm' || !step.c) throw new Error('recallIfAskedNow: the LSTM trace has no cell state');
  return step.c;
}

/** The model's probabilities for the ten symbols at the sequence's query. */
export function answerProbabilities(model: LongRangeModel, seq: RecallSequence): Float32Array {
  return noGrad(() => softmax(longRangeLogits(model, [seq.input])).row(0));
}
