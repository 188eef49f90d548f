/**
 * The lesson's sentence, read and translated: the hook every figure of the lesson starts
 * from. Bad input and load failures come back as messages to show, never as exceptions.
 */
import { useMemo } from 'react';
import type { TranslateRnn } from '../../src/checkpoints/atlas-translation.ts';
import { useLessonInput } from '../../src/components/lesson/use-lesson-input.ts';
import { TRANSLATION } from './inputs.ts';
import { readEnglish, type EnglishReading } from './read-english.ts';
import { translateIds, type TranslationView } from './translate-view.ts';
import { useTranslator } from './translator.ts';

export type Reading = Extract<EnglishReading, { ok: true }>;

export type TranslationState =
  | { state: 'loading' }
  | { state: 'error'; message: string; retry?: () => void } // retry: the translator failed to load
  | { state: 'ready'; m: TranslateRnn; text: string; reading: EnglishReading; view: TranslationView | null };

/** Translates `text` (or the lesson's sentence) with the shipped translator. */
export function useTranslation(text?: string): TranslationState {
  const [shared] = useLessonInput(TRANSLATION, 'sentence');
  const sentence = text ?? shared;
  const loaded = useTranslator();
  return useMemo((): TranslationState => {
    if (loaded.state !== 'ready') return loaded;
    const m = loaded.model;
    const reading = readEnglish(m.vocabs.en, sentence);
    if (!reading.ok) return { state: 'ready', m, text: sentence, reading, view: null };
    try {
      return { state: 'ready', m, text: sentence, reading, view: translateIds(m, reading.ids) };
    } catch (e) {
      return { state: 'error', message: `The translator failed on this sentence: ${(e as Error).message}` };
    }
  }, [loaded, sentence]);
}
