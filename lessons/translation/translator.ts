/**
 * The shipped GRU + Bahdanau translator (public/models/translate-rnn), read by
 * loadTranslationModel through the page's model cache, for both lessons that read English
 * with it.
 */
import { loadTranslationModel, type TranslateRnn } from '../../src/checkpoints/atlas-translation.ts';
import type { FileSource } from '../../src/checkpoints/bundle.ts';
import { useModel, type ModelState } from '../../src/components/use-model.ts';

export const TRANSLATOR_ID = 'translate-rnn';

async function loadRnnTranslator(id: string, read: FileSource): Promise<TranslateRnn> {
  const m = await loadTranslationModel(read);
  if (m.kind !== 'rnn') throw new Error(`${id} holds a ${m.kind} model, not the RNN translator`);
  return m;
}

/** The translator as React state: loading, ready or a message to show (with a retry). */
export function useTranslator(): ModelState<TranslateRnn> {
  return useModel(TRANSLATOR_ID, loadRnnTranslator, `the translator “${TRANSLATOR_ID}”`);
}
