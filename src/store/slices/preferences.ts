/** Preferences slice: theme, presenter mode and whether heatmaps print their numbers. */
import type { ActionsCreator } from '../state.ts';

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export interface PreferencesState {
  theme: Theme;
  presenter: boolean; // large type and no chrome, for teaching from a projector
  showValues: boolean; // print each attention weight in its cell
}

export interface PreferencesActions {
  /** Sets the theme; anything but 'system', 'light' or 'dark' is ignored. */
  setTheme(theme: Theme): void;
  setPresenter(on: boolean): void;
  togglePresenter(): void;
  setShowValues(on: boolean): void;
  toggleShowValues(): void;
}

export const isTheme = (t: unknown): t is Theme => (THEMES as readonly unknown[]).includes(t);

export const createPreferencesActions: ActionsCreator<PreferencesActions> = (set, get) => ({
  setTheme: (theme) => {
    if (isTheme(theme)) set({ theme });
  },
  setPresenter: (on) => set({ presenter: on === true }),
  togglePresenter: () => set({ presenter: !get().presenter }),
  setShowValues: (on) => set({ showValues: on === true }),
  toggleShowValues: () => set({ showValues: !get().showValues }),
});
