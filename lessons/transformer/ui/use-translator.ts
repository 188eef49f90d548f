/**
 * Loads the shipped translator (public/models/translate-transformer) once per page and
 * translates the current sentence with a full trace. Loading is shared between figures;
 * the translation is recomputed only when the text changes.
 */
import { useEffect, useMemo, useState } from 'react';
import { loadTranslationModel, type TranslateTransformer } from '../../../src/checkpoints/atlas-translation.ts';
import { fetchModelFiles } from '../../../src/checkpoints/fetch-files.ts';
import { translateTraced, type Outcome, type TracedTranslation } from '../model/translator.ts';

const MODEL_ID = 'translate-transformer';
let loading: Promise<TranslateTransformer> | null = null;

function translatorPromise(): Promise<TranslateTransformer> {
  if (!loading) {
    loading = loadTranslationModel(fetchModelFiles(`models/${MODEL_ID}`)).then((m) => {
      if (m.kind !== 'transformer') throw new Error(`${MODEL_ID} holds a ${m.kind} model, not a Transformer`);
      return m;
    });
    loading.catch(() => (loading = null)); // a failed load may be retried
  }
  return loading;
}

export type TranslatorState = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; model: TranslateTransformer };

export function useTranslator(): TranslatorState {
  const [s, setS] = useState<TranslatorState>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    translatorPromise().then(
      (model) => live && setS({ state: 'ready', model }),
      (e: Error) => live && setS({ state: 'error', message: `Could not load the translator: ${e.message}` }),
    );
    return () => {
      live = false;
    };
  }, []);
  return s;
}

export type TranslationState = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; model: TranslateTransformer; t: TracedTranslation };

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
