/**
 * The shipped translator (public/models/translate-transformer) from the page's model cache,
 * and the current sentence translated with a full trace. Loading is shared between figures;
 * the translation is recomputed only when the text changes.
 */
import { useMemo } from 'react';
import { loadTranslationModel, type TranslateTransformer } from '../../../src/checkpoints/atlas-translation.ts';
import type { FileSource } from '../../../src/checkpoints/bundle.ts';
import { useModel, type ModelState } from '../../../src/components/use-model.ts';
import { translateTraced, type Outcome, type TracedTranslation } from '../model/translator.ts';

const MODEL_ID = 'translate-transformer';

async function loadTransformer(id: string, read: FileSource): Promise<TranslateTransformer> {
  const m = await loadTranslationModel(read);
  if (m.kind !== 'transformer') throw new Error(`${id} holds a ${m.kind} model, not a Transformer`);
  return m;
}

export type TranslatorState = ModelState<TranslateTransformer>;

export function useTranslator(): TranslatorState {
  return useModel(MODEL_ID, loadTransformer, 'the translator');
}

export type TranslationState =
  | { state: 'loading' }
  | { state: 'error'; message: string; retry?: () => void } // retry: the model failed to load
  | { state: 'ready'; model: TranslateTransformer; t: TracedTranslation };

/** The traced translation of `text`, or a message to show in place of the figure. */
export function useTranslation(text: string): TranslationState {
  const tr = useTranslator();
  return useMemo((): TranslationState => {
    if (tr.state !== 'ready') return tr;
    let r: Outcome<TracedTranslation>;
    try {
      r = translateTraced(tr.model, text);
    } catch (e) {
      return { state: 'error', message: `The translator could not read this text: ${(e as Error).message}` };
    }
    return r.ok ? { state: 'ready', model: tr.model, t: r.value } : { state: 'error', message: r.message };
  }, [tr, text]);
}
