/**
 * Progress and preferences survive a reload in localStorage under 'attention-atlas' as
 * { version: 1, progress, preferences }. What is read back is checked field by field: a
 * corrupted or foreign entry (bad JSON, wrong types, another version) is replaced by the
 * defaults, never thrown and never shown half-read. A missing or throwing localStorage
 * (private mode, a full quota, a sandboxed iframe) only means nothing is remembered.
 */
import { intInRange, isSafeId } from './ids.ts';
import { initialState } from './initial-state.ts';
import { MAX_STEPS } from './route.ts';
import { isTheme, type PreferencesState } from './slices/preferences.ts';
import type { LessonProgress, ProgressState } from './slices/progress.ts';
import type { AtlasState } from './state.ts';
import type { AtlasStore } from './store.ts';

export const STORAGE_KEY = 'attention-atlas';
export const STORAGE_VERSION = 1;
/** More lessons than the course will ever have: a bigger progress map is not ours. */
const MAX_LESSONS = 500;

export type Preferences = PreferencesState;

export interface Persisted {
  version: typeof STORAGE_VERSION;
  progress: ProgressState['progress'];
  preferences: Preferences;
}

/** The part of Storage used here. */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function readLesson(v: unknown): LessonProgress | null {
  if (!isRecord(v) || typeof v.completed !== 'boolean') return null;
  const furthest = intInRange(v.furthest, 0, MAX_STEPS - 1, -1);
  return furthest < 0 ? null : { furthest, completed: v.completed };
}

function readProgress(v: unknown): Persisted['progress'] | null {
  if (!isRecord(v)) return null;
  const entries = Object.entries(v);
  if (entries.length > MAX_LESSONS) return null;
  const out: Persisted['progress'] = {};
  for (const [id, raw] of entries) {
    const lesson = readLesson(raw);
    if (!isSafeId(id) || !lesson) return null;
    out[id] = lesson;
  }
  return out;
}

function readPreferences(v: unknown): Preferences | null {
  if (!isRecord(v) || !isTheme(v.theme) || typeof v.presenter !== 'boolean' || typeof v.showValues !== 'boolean') return null;
  return { theme: v.theme, presenter: v.presenter, showValues: v.showValues };
}

/** The stored entry if it is whole and of this version, else null. Never throws. */
export function parsePersisted(raw: string | null): Persisted | null {
  if (raw === null) return null;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isRecord(data) || data.version !== STORAGE_VERSION) return null;
  const progress = readProgress(data.progress);
  const preferences = readPreferences(data.preferences);
  return progress && preferences ? { version: STORAGE_VERSION, progress, preferences } : null;
}

/** What the store persists, taken from its state. */
export function persistedOf(s: AtlasState): Persisted {
  return { version: STORAGE_VERSION, progress: s.progress, preferences: { theme: s.theme, presenter: s.presenter, showValues: s.showValues } };
}

export const DEFAULT_PERSISTED: Readonly<Persisted> = persistedOf(initialState);

/** window.localStorage, or null where even touching it throws (some privacy modes do). */
export function safeLocalStorage(win: { localStorage: Storage } | undefined = globalThis.window): StorageLike | null {
  try {
    return win?.localStorage ?? null;
  } catch {
    return null;
  }
}

function read(storage: StorageLike | null): string | null {
  try {
    return storage ? storage.getItem(STORAGE_KEY) : null;
  } catch {
    return null;
  }
}

/** Writes the entry; a full or forbidden storage is ignored. */
export function savePersisted(storage: StorageLike | null, data: Persisted): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(data));
  } catch {
    // Quota exceeded or storage disabled: the course works, it just forgets.
  }
}

/**
 * Reads the stored entry. A corrupted one is overwritten with the defaults at once, so the
 * next visit does not meet it again.
 */
export function loadPersisted(storage: StorageLike | null): Persisted {
  const raw = read(storage);
  const data = parsePersisted(raw);
  if (data) return data;
  if (raw !== null) savePersisted(storage, DEFAULT_PERSISTED);
  return DEFAULT_PERSISTED;
}

export interface PersistOptions {
  storage?: StorageLike | null; // default: the window's localStorage
  delayMs?: number; // debounce of writes (default 300 ms)
  /** Where to flush a waiting write when the page is hidden (default: the global window). */
  window?: Pick<Window, 'addEventListener' | 'removeEventListener'> | null;
}

/**
 * Loads progress and preferences into the store, then writes them back (debounced) whenever
 * they change.
 * @returns stops persisting, after writing any change still waiting
 */
export function startPersistence(store: AtlasStore, opts: PersistOptions = {}): () => void {
  const storage = opts.storage === undefined ? safeLocalStorage() : opts.storage;
  const delay = opts.delayMs ?? 300;
  const loaded = loadPersisted(storage);
  store.setState({ progress: loaded.progress, ...loaded.preferences });

  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (timer === null) return;
    clearTimeout(timer);
    timer = null;
    savePersisted(storage, persistedOf(store.getState()));
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.progress === prev.progress && s.theme === prev.theme && s.presenter === prev.presenter && s.showValues === prev.showValues) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(flush, delay);
  });
  // A tab closed within the debounce would otherwise lose the last step reached.
  const win = opts.window === undefined ? globalThis.window : opts.window;
  const onHide = () => flush();
  win?.addEventListener('pagehide', onHide);
  return () => {
    unsubscribe();
    win?.removeEventListener('pagehide', onHide);
    flush();
  };
}
