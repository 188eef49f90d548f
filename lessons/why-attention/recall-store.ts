/**
 * The recall sequence the lesson's figures share: the code to remember, which of its symbols
 * the question asks for, how far back that symbol is, and the seed of the distractors. One
 * sequence, set on one step and seen by the others.
 */
import { create } from 'zustand';

interface RecallStore {
  code: readonly number[]; // the symbols to remember, each 0..9
  slot: number; // which code symbol the query asks for (0-based)
  distance: number; // N: tokens from the asked symbol to the query
  seed: number; // draws the distractors
  setCode(code: readonly number[]): void;
  setSlot(slot: number): void;
  setDistance(distance: number): void;
  reshuffle(): void;
}

export const useRecallStore = create<RecallStore>()((set) => ({
  code: [4, 7, 1],
  slot: 0,
  distance: 24,
  seed: 1,
  setCode: (code) => set({ code }),
  setSlot: (slot) => set({ slot }),
  setDistance: (distance) => set({ distance }),
  reshuffle: () => set((s) => ({ seed: s.seed + 1 })),
}));
