/** Explorer slice: the model and sentence(s) the explorer runs, and compare mode. */
import { clipText, sanitizeModel } from '../ids.ts';
import type { ActionsCreator } from '../state.ts';

export interface ExplorerState {
  modelId: string;
  text: string;
  compareText: string; // the second sentence of compare mode (kept while compare is off)
  compare: boolean;
}

export interface ExplorerActions {
  /** Picks a model; an id outside [a-z0-9-] is ignored. */
  setModel(modelId: string): void;
  /** Sets the sentence, clipped to MAX_TEXT code points. */
  setText(text: string): void;
  setCompareText(text: string): void;
  setCompare(on: boolean): void;
  toggleCompare(): void;
}

export const createExplorerActions: ActionsCreator<ExplorerActions> = (set, get) => ({
  setModel: (modelId) => {
    const id = sanitizeModel(modelId);
    if (id && id !== get().modelId) set({ modelId: id });
  },
  setText: (text) => set({ text: clipText(text) }),
  setCompareText: (text) => set({ compareText: clipText(text) }),
  setCompare: (on) => set({ compare: on === true }),
  toggleCompare: () => set({ compare: !get().compare }),
});
