/**
 * The three long-range models as React state, fetched once per page from public/models and
 * loaded by src/train/recipes/long-range-load.ts, as their recipe loads them.
 */
import { fetchModelFiles } from '../../src/checkpoints/fetch-files.ts';
import type { LongRangeKind, LongRangeModel } from '../../src/train/recipes/long-range-models.ts';
import { useLoaded, type Loaded } from '../translation/use-loaded.ts';
import { LONG_RANGE_IDS, loadLongRangeModel } from '../../src/train/recipes/long-range-load.ts';

export type LongRangeModels = Record<LongRangeKind, LongRangeModel>;

async function loadAll(): Promise<LongRangeModels> {
  const kinds = ['rnn', 'lstm', 'transformer'] as const;
  const models = await Promise.all(kinds.map((k) => loadLongRangeModel(k, fetchModelFiles(`models/${LONG_RANGE_IDS[k]}`))));
  return { rnn: models[0], lstm: models[1], transformer: models[2] };
}

/** The RNN, the LSTM and the Transformer trained on the recall task. */
export function useLongRangeModels(): Loaded<LongRangeModels> {
  return useLoaded('long-range-all', loadAll, 'the long-range models');
}

/** Display names, in the order the figures list them. */
export const KIND_NAMES: Readonly<Record<LongRangeKind, string>> = { rnn: 'RNN (tanh)', lstm: 'LSTM', transformer: 'Transformer' };
