/**
 * One lesson input as React state that lives in the store: `const [seed, setSeed] =
 * useLessonInput(INPUTS, 'seed')`. Every figure of the lesson that asks for the same input
 * sees the same value, and what differs from the default goes in the page's link.
 */
import { useCallback, useEffect } from 'react';
import {
  decodeStored,
  storedForm,
  storedInput,
  storeKey,
  useAtlas,
  writeLessonInput,
  type AtlasState,
  type InputSpecs,
  type InputUpdate,
  type InputValue,
  type LessonInputs,
} from '../../store/index.ts';

export function useLessonInput<S extends InputSpecs, K extends keyof S & string>(
  inputs: LessonInputs<S>,
  name: K,
): [InputValue<S, K>, (update: InputUpdate<InputValue<S, K>>) => void] {
  const stored = useAtlas(useCallback((s: AtlasState) => storedInput(s, inputs, name), [inputs, name]));
  const codec = inputs.specs[name];
  const value = decodeStored(codec, stored) as InputValue<S, K>;
  // A link may hold a value in a loose form ("05"), an invalid one, or the default spelled out:
  // once a figure knows the input's codec, the store (and so the URL) gets its canonical form.
  // Inputs links do not carry are only ever written canonical, by the setter.
  useEffect(() => {
    if (stored === undefined || !codec.linked) return;
    const canonical = storedForm(codec, decodeStored(codec, stored));
    if (canonical !== stored) useAtlas.getState().setLessonInput(inputs.lessonId, storeKey(name, codec), canonical ?? null);
  }, [stored, codec, inputs, name]);
  const set = useCallback((update: InputUpdate<InputValue<S, K>>) => writeLessonInput(useAtlas, inputs, name, update), [inputs, name]);
  return [value, set];
}
