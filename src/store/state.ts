/**
 * The store's shape: the State of every slice joined, and the Actions of every slice joined,
 * kept apart so initialState (initial-state.ts) can be typed without any function in it.
 */
import type { StateCreator } from 'zustand';
import type { ExplorerActions, ExplorerState } from './slices/explorer.ts';
import type { LessonInputsActions, LessonInputsState } from './slices/lesson-inputs.ts';
import type { PreferencesActions, PreferencesState } from './slices/preferences.ts';
import type { ProgressActions, ProgressState } from './slices/progress.ts';
import type { RouteActions, RouteState } from './slices/route.ts';
import type { RunActions, RunState } from './slices/run.ts';
import type { SelectionActions, SelectionState } from './slices/selection.ts';

export type AtlasState = RouteState & ProgressState & ExplorerState & SelectionState & PreferencesState & RunState & LessonInputsState;
export type AtlasActions = RouteActions & ProgressActions & ExplorerActions & SelectionActions & PreferencesActions & RunActions & LessonInputsActions;
export type Atlas = AtlasState & AtlasActions;

/** What each slice file exports: its actions, given the whole store's set and get. */
export type ActionsCreator<A> = StateCreator<Atlas, [], [], A>;
