/**
 * Lesson inputs slice: what the student set in each lesson, by lesson id and input name, as
 * stored strings (lesson-inputs.ts says how lessons declare, read and write them). An input
 * at its default has no entry; keys starting with '_' are kept out of links.
 */
import { isSafeId } from '../ids.ts';
import { ownInputs, STORE_KEY, type StoredInputs } from '../lesson-inputs.ts';
import type { ActionsCreator } from '../state.ts';

export interface LessonInputsState {
  lessonInputs: Readonly<Record<string, StoredInputs>>;
}

export interface LessonInputsActions {
  /** Stores one input's string; null puts it back to its default. Unsafe ids or keys are ignored. */
  setLessonInput(lessonId: string, key: string, stored: string | null): void;
  /**
   * What a link says about one lesson: its linked inputs become exactly these (the ones it
   * does not name go back to their defaults); inputs links never carry ('_' keys) stay.
   */
  applyLinkedInputs(lessonId: string, linked: StoredInputs): void;
  /** Forgets one lesson's inputs, or every lesson's when no id is given. */
  resetLessonInputs(lessonId?: string): void;
}

/** The object without `key` (or the same object when it has no such key). */
function without(values: StoredInputs, key: string): StoredInputs {
  if (!Object.hasOwn(values, key)) return values;
  const rest = { ...values };
  delete rest[key];
  return rest;
}

export const createLessonInputsActions: ActionsCreator<LessonInputsActions> = (set, get) => {
  /** Replaces one lesson's values; an empty set of values drops the lesson's entry. */
  const put = (lessonId: string, values: StoredInputs) => {
    const all = { ...get().lessonInputs };
    if (Object.keys(values).length === 0) delete all[lessonId];
    else all[lessonId] = values;
    set({ lessonInputs: all });
  };
  return {
    setLessonInput: (lessonId, key, stored) => {
      if (!isSafeId(lessonId) || !STORE_KEY.test(key) || (stored !== null && typeof stored !== 'string')) return;
      const old = ownInputs(get().lessonInputs, lessonId);
      // No new object when nothing changes: the URL sync and every reader compare by reference.
      if (stored === null ? !Object.hasOwn(old, key) : Object.hasOwn(old, key) && old[key] === stored) return;
      put(lessonId, stored === null ? without(old, key) : { ...old, [key]: stored });
    },
    applyLinkedInputs: (lessonId, linked) => {
      if (!isSafeId(lessonId)) return;
      const old = ownInputs(get().lessonInputs, lessonId);
      const next: Record<string, string> = {};
      for (const [k, v] of Object.entries(old)) if (k.startsWith('_')) next[k] = v;
      for (const [k, v] of Object.entries(linked)) if (!k.startsWith('_') && STORE_KEY.test(k) && typeof v === 'string') next[k] = v;
      const same = Object.keys(next).length === Object.keys(old).length && Object.entries(next).every(([k, v]) => old[k] === v);
      if (!same) put(lessonId, next);
    },
    resetLessonInputs: (lessonId) => {
      if (lessonId === undefined) return set({ lessonInputs: {} });
      if (Object.hasOwn(get().lessonInputs, lessonId)) put(lessonId, {});
    },
  };
};
