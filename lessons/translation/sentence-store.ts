/**
 * The English sentence of the translation lesson, shared by its steps: typed once, seen
 * translated, aligned and stripped of attention on every step that follows.
 */
import { create } from 'zustand';

/** Sentences that each show one way French departs from English word order. */
export const EXAMPLE_SENTENCES: readonly string[] = [
  'the cat sees the red car',
  'i love deep learning',
  'the red car is big',
  'she has a big red car',
  'i love you',
  'the cat does not drink milk',
  'the old man sees a beautiful bird in the garden',
];

interface SentenceStore {
  text: string;
  setText(text: string): void;
}

export const useSentenceStore = create<SentenceStore>()((set) => ({
  text: EXAMPLE_SENTENCES[0],
  setText: (text) => set({ text }),
}));
