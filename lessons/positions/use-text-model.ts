/**
 * The text model the lesson's experiments run on: the first of a preference list that loads.
 * The course's BERT-style `coref` encoder is preferred (bidirectional, so removing its
 * positions makes it blind to order exactly); while it is not shipped, `tiny-gpt` stands in.
 */
import { useEffect, useState } from 'react';
import { bundlePromise } from '../../src/components/lesson/use-bundle.ts';
import type { TextBundle } from '../../src/components/lesson/use-trace.ts';

/** Models tried in order. */
export const TEXT_MODELS = ['coref', 'tiny-gpt'] as const;

export type TextModelState =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'ready'; bundle: TextBundle; skipped: string[] };

/** The first text model of `ids` with a tokenizer and a learned position table that loads. */
export async function firstTextModel(ids: readonly string[]): Promise<{ bundle: TextBundle; skipped: string[] }> {
  const skipped: string[] = [];
  for (const id of ids) {
    try {
      const b = await bundlePromise(id);
      if (b.kind === 'text' && b.tokenizer && b.model.weights.positionEmbedding) return { bundle: b, skipped };
    } catch {
      // Not shipped (yet): try the next one.
    }
    skipped.push(id);
  }
  throw new Error(`none of the models ${ids.join(', ')} could be loaded`);
}

export function useTextModel(ids: readonly string[] = TEXT_MODELS): TextModelState {
  const [s, setS] = useState<TextModelState>({ state: 'loading' });
  const key = ids.join(',');
  useEffect(() => {
    let live = true;
    firstTextModel(key.split(',')).then(
      (r) => live && setS({ state: 'ready', ...r }),
      (e: Error) => live && setS({ state: 'error', message: `Could not load a text model: ${e.message}` }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return s;
}
