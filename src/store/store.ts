/**
 * The one store of the app, built from the slices. `useAtlas` is the React hook (and, being a
 * zustand store, also has getState/setState/subscribe); `createAtlasStore` makes a fresh,
 * independent store for tests and for anything that must not share the app's state.
 */
import { create, type StateCreator } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { initialState } from './initial-state.ts';
import { createExplorerActions } from './slices/explorer.ts';
import { createLessonInputsActions } from './slices/lesson-inputs.ts';
import { createPreferencesActions } from './slices/preferences.ts';
import { createProgressActions } from './slices/progress.ts';
import { createRouteActions } from './slices/route.ts';
import { createRunActions } from './slices/run.ts';
import { createSelectionActions } from './slices/selection.ts';
import type { Atlas, AtlasState } from './state.ts';

export type AtlasStore = StoreApi<Atlas>;

const atlas: StateCreator<Atlas> = (...a) => ({
  ...initialState,
  ...createRouteActions(...a),
  ...createProgressActions(...a),
  ...createExplorerActions(...a),
  ...createSelectionActions(...a),
  ...createPreferencesActions(...a),
  ...createRunActions(...a),
  ...createLessonInputsActions(...a),
});

/** A new store, optionally starting from some state other than initialState. */
export function createAtlasStore(start: Partial<AtlasState> = {}): AtlasStore {
  return createStore<Atlas>()((...a) => ({ ...atlas(...a), ...start }));
}

/** The app's store as a hook: `const layer = useAtlas(selectLayer)`. */
export const useAtlas = create<Atlas>()(atlas);
