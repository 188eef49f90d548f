// @vitest-environment jsdom
/**
 * URL sync against jsdom's real location and history: the hash is read on start and on
 * hashchange; typing rewrites the current entry (replaceState, debounced); a new route
 * pushes a new one; hostile hashes are rewritten to their canonical form.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAtlasStore, type AtlasStore } from '../../src/store/store.ts';
import { startUrlSync } from '../../src/store/url-sync.ts';

let store: AtlasStore;
let stop: () => void = () => {};
let push: ReturnType<typeof vi.spyOn>;
let replace: ReturnType<typeof vi.spyOn>;

function start(hash: string, delay = 200) {
  stop(); // a second start in one test replaces the first sync
  vi.restoreAllMocks();
  window.history.replaceState(null, '', hash || window.location.pathname);
  push = vi.spyOn(window.history, 'pushState');
  replace = vi.spyOn(window.history, 'replaceState');
  store = createAtlasStore();
  stop = startUrlSync(store, window, { replaceDelayMs: delay });
}

function goTo(hash: string) {
  const oldURL = window.location.href;
  window.history.pushState(null, '', hash); // what a click on a link does, then the event
  window.dispatchEvent(new HashChangeEvent('hashchange', { oldURL, newURL: window.location.href }));
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  stop();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('startUrlSync', () => {
  it('reads route and explorer settings from the hash on start', () => {
    start('#/explore?model=tiny-gpt&text=The+cat+sat.&compare=The+dog+sat.&layer=2&head=3&token=4');
    const s = store.getState();
    expect(s.route).toEqual({ name: 'explore' });
    expect([s.modelId, s.text, s.compare, s.compareText]).toEqual(['tiny-gpt', 'The cat sat.', true, 'The dog sat.']);
    expect([s.layer, s.head, s.token]).toEqual([1, 2, 3]);
    expect(push).not.toHaveBeenCalled();
  });

  it('rewrites a hostile hash to its canonical form without a new history entry', () => {
    start('#/lesson/../../etc/passwd');
    expect(store.getState().route).toEqual({ name: 'home' });
    expect(window.location.hash).toBe('#/');
    start('#/explore?layer=-4&text=' + 'a'.repeat(10_000));
    expect(window.location.hash).toBe(`#/explore?text=${'a'.repeat(500)}`);
    expect(push).not.toHaveBeenCalled();
  });

  it('typing rewrites the current entry once, after the pause, never pushing', () => {
    start('#/explore');
    const entries = window.history.length;
    for (const t of ['T', 'Th', 'The', 'The d', 'The do', 'The dog']) store.getState().setText(t);
    expect(replace).not.toHaveBeenCalled();
    vi.advanceTimersByTime(200);
    expect(replace).toHaveBeenCalledTimes(1);
    expect(window.location.hash).toBe('#/explore?text=The+dog');
    expect(push).not.toHaveBeenCalled();
    expect(window.history.length).toBe(entries);
  });

  it('layer, head and token go to the URL; preferences and pins do not', () => {
    start('#/explore', 0);
    store.getState().stepLayer(1);
    store.getState().selectHead(2);
    store.getState().selectToken(0);
    expect(window.location.hash).toBe('#/explore?layer=2&head=3&token=1');
    replace.mockClear();
    store.getState().togglePresenter();
    store.getState().pinRow(1);
    store.getState().setRunStatus('running');
    expect(replace).not.toHaveBeenCalled();
  });

  it('a new route pushes a history entry, writing the pending edit to the old one first', () => {
    start('#/explore');
    store.getState().setText('Half typed');
    store.getState().navigate({ name: 'lesson', lessonId: 'intro', step: 0 });
    expect(replace).toHaveBeenCalledWith(null, '', '#/explore?text=Half+typed');
    // Lessons share the sentence, so a lesson's link carries it too.
    expect(push).toHaveBeenCalledWith(null, '', '#/lesson/intro/1?text=Half+typed');
    expect(window.location.hash).toBe('#/lesson/intro/1?text=Half+typed');
    store.getState().navigate({ name: 'lesson', lessonId: 'intro', step: 1 });
    expect(push).toHaveBeenCalledTimes(2);
    expect(window.location.hash).toBe('#/lesson/intro/2?text=Half+typed');
  });

  it('a lesson link sets the sentence and selection it names, and keeps them when it names none', () => {
    start('#/');
    goTo('#/lesson/intro/2?text=The+cat+sat.&head=2');
    expect([store.getState().text, store.getState().head]).toEqual(['The cat sat.', 1]);
    goTo('#/lesson/intro/3');
    expect(store.getState().route).toEqual({ name: 'lesson', lessonId: 'intro', step: 2 });
    expect([store.getState().text, store.getState().head]).toEqual(['The cat sat.', 1]);
  });

  it('a lesson link carries the model lessons 3 and 4 read, and a link naming one opens it', () => {
    start('#/');
    goTo('#/lesson/self-attention/2?model=hf%3Agoogle-bert%2Fbert-base-uncased');
    expect(store.getState().modelId).toBe('hf:google-bert/bert-base-uncased');
    goTo('#/lesson/self-attention/3');
    expect(store.getState().modelId).toBe('hf:google-bert/bert-base-uncased'); // Next keeps it
    vi.advanceTimersByTime(1000);
    expect(window.location.hash).toContain('model=hf%3Agoogle-bert%2Fbert-base-uncased');
    goTo('#/lesson/self-attention/3?model=..%2Fetc');
    expect(store.getState().modelId).toBe('coref'); // not a model: the default
  });

  it('hashchange (a link, the back button) moves the store, and is not echoed as a push', () => {
    start('#/');
    goTo('#/explore?text=Hello&layer=3');
    expect(store.getState().route).toEqual({ name: 'explore' });
    expect([store.getState().text, store.getState().layer]).toEqual(['Hello', 2]);
    goTo('#/lesson/intro/3');
    expect(store.getState().route).toEqual({ name: 'lesson', lessonId: 'intro', step: 2 });
    expect(store.getState().progress.intro.furthest).toBe(2);
    expect(store.getState().text).toBe('Hello'); // other views leave the explorer alone
    expect(push).toHaveBeenCalledTimes(2); // only goTo's own pushes
  });

  it('a hashchange cancels a replace still waiting (the new URL wins)', () => {
    start('#/explore');
    store.getState().setText('stale');
    goTo('#/explore?text=fresh');
    vi.runAllTimers();
    expect(window.location.hash).toBe('#/explore?text=fresh');
    expect(store.getState().text).toBe('fresh');
  });

  it('clamps URL numbers to the model shown', () => {
    start('#/explore?layer=9&head=9', 0);
    expect(store.getState().layer).toBe(8);
    store.getState().setLimits(4, 4);
    expect(window.location.hash).toBe('#/explore?layer=4&head=4');
    goTo('#/explore?layer=30');
    expect(store.getState().layer).toBe(3);
    expect(window.location.hash).toBe('#/explore?layer=4');
  });

  it('survives a throwing replaceState (browsers throttle it)', () => {
    start('#/explore', 0);
    replace.mockImplementation(() => { throw new DOMException('too many calls', 'SecurityError'); });
    expect(() => store.getState().setText('x')).not.toThrow();
  });

  it('stops listening when unsubscribed', () => {
    start('#/');
    stop();
    goTo('#/models');
    expect(store.getState().route).toEqual({ name: 'home' });
    store.getState().navigate({ name: 'explore' });
    expect(window.location.hash).toBe('#/models');
  });
});
