/**
 * Persistence: progress and preferences come back after a reload; anything corrupted, old or
 * foreign is replaced by the defaults; a missing or throwing localStorage is shrugged off.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_PERSISTED, loadPersisted, parsePersisted, safeLocalStorage, startPersistence, STORAGE_KEY, type StorageLike,
} from '../../src/store/persist.ts';
import { createAtlasStore } from '../../src/store/store.ts';

function memoryStorage(initial?: string): StorageLike & { data: Map<string, string>; writes: number } {
  const data = new Map<string, string>();
  if (initial !== undefined) data.set(STORAGE_KEY, initial);
  return {
    data,
    writes: 0,
    getItem: (k) => data.get(k) ?? null,
    setItem(k, v) {
      this.writes++;
      data.set(k, v);
    },
  };
}

const good = { version: 1, progress: { intro: { furthest: 2, completed: true } }, preferences: { theme: 'dark', presenter: true, showValues: false } };

describe('parsePersisted', () => {
  it('reads a whole, current entry', () => {
    expect(parsePersisted(JSON.stringify(good))).toEqual(good);
  });

  it.each([
    ['bad JSON', '{"version":1,'],
    ['not an object', '"hello"'],
    ['null', 'null'],
    ['an array', '[]'],
    ['old version', JSON.stringify({ ...good, version: 0 })],
    ['future version', JSON.stringify({ ...good, version: 2 })],
    ['version as a string', JSON.stringify({ ...good, version: '1' })],
    ['no preferences', JSON.stringify({ version: 1, progress: {} })],
    ['unknown theme', JSON.stringify({ ...good, preferences: { ...good.preferences, theme: 'neon' } })],
    ['presenter not boolean', JSON.stringify({ ...good, preferences: { ...good.preferences, presenter: 'yes' } })],
    ['negative step', JSON.stringify({ ...good, progress: { intro: { furthest: -1, completed: false } } })],
    ['fractional step', JSON.stringify({ ...good, progress: { intro: { furthest: 1.5, completed: false } } })],
    ['completed missing', JSON.stringify({ ...good, progress: { intro: { furthest: 1 } } })],
    ['unsafe lesson id', JSON.stringify({ ...good, progress: { '../x': { furthest: 1, completed: false } } })],
    ['__proto__ key', `{"version":1,"progress":{"__proto__":{"furthest":1,"completed":true}},"preferences":${JSON.stringify(good.preferences)}}`],
    ['progress as array', JSON.stringify({ ...good, progress: [] })],
  ])('rejects %s', (_, raw) => {
    expect(parsePersisted(raw)).toBeNull();
  });
});

describe('loadPersisted', () => {
  it('resets a corrupted entry to the defaults and overwrites it', () => {
    const storage = memoryStorage('{not json');
    expect(loadPersisted(storage)).toEqual(DEFAULT_PERSISTED);
    expect(JSON.parse(storage.data.get(STORAGE_KEY)!)).toEqual(DEFAULT_PERSISTED);
  });

  it('leaves an empty storage empty', () => {
    const storage = memoryStorage();
    expect(loadPersisted(storage)).toEqual(DEFAULT_PERSISTED);
    expect(storage.writes).toBe(0);
  });

  it('tolerates a storage that throws on every call, or none at all', () => {
    const throwing: StorageLike = {
      getItem: () => { throw new DOMException('denied', 'SecurityError'); },
      setItem: () => { throw new DOMException('full', 'QuotaExceededError'); },
    };
    expect(loadPersisted(throwing)).toEqual(DEFAULT_PERSISTED);
    expect(loadPersisted(null)).toEqual(DEFAULT_PERSISTED);
  });

  it('safeLocalStorage survives a window whose localStorage getter throws', () => {
    const win = Object.defineProperty({}, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
    expect(safeLocalStorage(win as Window)).toBeNull();
    expect(safeLocalStorage(undefined)).toBeNull();
  });
});

describe('startPersistence', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('loads the saved state into the store', () => {
    const store = createAtlasStore();
    startPersistence(store, { storage: memoryStorage(JSON.stringify(good)), window: null });
    expect(store.getState().progress).toEqual(good.progress);
    expect([store.getState().theme, store.getState().presenter]).toEqual(['dark', true]);
  });

  it('starts clean from a corrupted entry and keeps working', () => {
    const storage = memoryStorage(JSON.stringify({ ...good, version: 0 }));
    const store = createAtlasStore();
    startPersistence(store, { storage, window: null });
    expect(store.getState().progress).toEqual({});
    expect(store.getState().theme).toBe('system');
    store.getState().visitStep('intro', 1);
    vi.runAllTimers();
    expect(parsePersisted(storage.data.get(STORAGE_KEY)!)!.progress).toEqual({ intro: { furthest: 1, completed: false } });
  });

  it('debounces writes and ignores state it does not persist', () => {
    const storage = memoryStorage();
    const store = createAtlasStore();
    const stop = startPersistence(store, { storage, delayMs: 300, window: null });
    for (let i = 0; i < 20; i++) store.getState().visitStep('intro', i);
    store.getState().setTheme('light');
    store.getState().setText('typing is not persisted');
    expect(storage.writes).toBe(0);
    vi.advanceTimersByTime(299);
    expect(storage.writes).toBe(0);
    vi.advanceTimersByTime(1);
    expect(storage.writes).toBe(1);
    const saved = JSON.parse(storage.data.get(STORAGE_KEY)!);
    expect(saved).toEqual({ version: 1, progress: { intro: { furthest: 19, completed: false } }, preferences: { theme: 'light', presenter: false, showValues: false } });
    store.getState().setText('more typing');
    vi.runAllTimers();
    expect(storage.writes).toBe(1);
    store.getState().completeLesson('intro');
    stop(); // flushes the waiting write
    expect(storage.writes).toBe(2);
  });

  it('flushes a waiting write when the page is hidden', () => {
    const storage = memoryStorage();
    const target = new EventTarget();
    const store = createAtlasStore();
    startPersistence(store, { storage, window: target as Window });
    store.getState().togglePresenter();
    target.dispatchEvent(new Event('pagehide'));
    expect(storage.writes).toBe(1);
  });

  it('keeps the app running when writes throw (quota)', () => {
    const store = createAtlasStore();
    const full: StorageLike = { getItem: () => null, setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } };
    startPersistence(store, { storage: full, window: null });
    store.getState().visitStep('intro', 1);
    expect(() => vi.runAllTimers()).not.toThrow();
    expect(store.getState().progress.intro.furthest).toBe(1);
  });
});
