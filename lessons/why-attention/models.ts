/**
 * The three long-range models as React state, each read from public/models by
 * src/train/recipes/long-range-load.ts (as their recipe reads them) through the page's model
 * cache, and given to the figures as one set: ready when all three are, an error (with a
 * retry of the ones that failed) when any fails.
 */
import { useMemo } from 'react';
import type { ModelLoader } from '../../src/checkpoints/model-cache.ts';
import { useModel, type ModelState } from '../../src/components/use-model.ts';
import { LONG_RANGE_IDS, loadLongRangeModel } from '../../src/train/recipes/long-range-load.ts';
import type { LongRangeKind, LongRangeModel } from '../../src/train/recipes/long-range-models.ts';

export type LongRangeModels = Record<LongRangeKind, LongRangeModel>;

const loaderFor = (kind: LongRangeKind): ModelLoader<LongRangeModel> => (_id, read) => loadLongRangeModel(kind, read);

// Made once: the model cache keys each load on its loader.
const LOADERS: Readonly<Record<LongRangeKind, ModelLoader<LongRangeModel>>> = {
  rnn: loaderFor('rnn'),
  lstm: loaderFor('lstm'),
  transformer: loaderFor('transformer'),
};

const WHAT = 'the long-range models';

type Failed = Extract<ModelState<LongRangeModel>, { state: 'error' }>;

/** The RNN, the LSTM and the Transformer trained on the recall task. */
export function useLongRangeModels(): ModelState<LongRangeModels> {
  const rnn = useModel(LONG_RANGE_IDS.rnn, LOADERS.rnn, WHAT);
  const lstm = useModel(LONG_RANGE_IDS.lstm, LOADERS.lstm, WHAT);
  const transformer = useModel(LONG_RANGE_IDS.transformer, LOADERS.transformer, WHAT);
  return useMemo((): ModelState<LongRangeModels> => {
    const failed = [rnn, lstm, transformer].filter((s): s is Failed => s.state === 'error');
    if (failed.length > 0) return { state: 'error', message: failed[0].message, retry: () => failed.forEach((s) => s.retry()) };
    if (rnn.state !== 'ready' || lstm.state !== 'ready' || transformer.state !== 'ready') return { state: 'loading' };
    return { state: 'ready', model: { rnn: rnn.model, lstm: lstm.model, transformer: transformer.model } };
  }, [rnn, lstm, transformer]);
}

/** Display names, in the order the figures list them. */
export const KIND_NAMES: Readonly<Record<LongRangeKind, string>> = { rnn: 'RNN (tanh)', lstm: 'LSTM', transformer: 'Transformer' };
