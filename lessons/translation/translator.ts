/**
 * The shipped GRU + Bahdanau translator (public/models/translate-rnn), loaded once per page
 * through loadTranslationModel, for both lessons that read English with it.
 */
import { loadTranslationModel, type TranslateRnn } from '../../src/checkpoints/atlas-translation.ts';
import { fetchModelFiles } from '../../src/checkpoints/fetch-files.ts';
import { useLoaded, type Loaded } from './use-loaded.ts';

export const TRANSLATOR_ID = 'translate-rnn';

async function loadTranslator(): Promise<TranslateRnn> {
  const m = await loadTranslationModel(fetchModelFiles(`models/${TRANSLATOR_ID}`));
  if (m.kind !== 'rnn') throw new Error(`${TRANSLATOR_ID} holds a ${m.kind} model, not the RNN translator`);
  return m;
}

/** The translator as React state: loading, ready or a message to show. */
export function useTranslator(): Loaded<TranslateRnn> {
  return useLoaded(TRANSLATOR_ID, loadTranslator, `the translator “${TRANSLATOR_ID}”`);
}
