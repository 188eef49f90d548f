// @vitest-environment jsdom
/**
 * Lesson inputs in the URL: a lesson link carries what differs from the defaults, in name
 * order, and reads back to the same values; hostile or malformed values fall back to the
 * default without a crash; overlong ones are clipped; inputs that links do not carry never
 * appear in one and cannot be set by one; Next/Previous links keep the inputs.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { intInput, textInput } from '../../src/store/input-codecs.ts';
import { defineLessonInputs, readLessonInput, writeLessonInput } from '../../src/store/lesson-inputs.ts';
import { createAtlasStore, type AtlasStore } from '../../src/store/store.ts';
import { buildHash, linkedInputs, MAX_LINKED_INPUTS } from '../../src/store/url.ts';
import { startUrlSync } from '../../src/store/url-sync.ts';

const DEMO = defineLessonInputs('demo', {
  sentence: textInput('the cat sat', 300),
  seed: intInput(1, 0, 99999),
  drawing: { ...textInput(''), linked: false },
});
const lesson = (step = 0) => ({ name: 'lesson' as const, lessonId: 'demo', step });

describe('lesson inputs in a hash', () => {
  it('are written in name order after the shared settings, without "_" keys, and read back', () => {
    const hash = buildHash(lesson(1), { layer: 2 }, { seed: '7', sentence: 'a dog ran', _drawing: 'M1,1' });
    expect(hash).toBe('#/lesson/demo/2?layer=3&seed=7&sentence=a+dog+ran');
    expect(linkedInputs(hash)).toEqual({ seed: '7', sentence: 'a dog ran' });
    expect(buildHash(lesson(1), { layer: 2 }, linkedInputs(hash))).toBe(hash);
  });

  it('round-trips any text, emoji and URL syntax included', () => {
    for (const sentence of ['a&b=c', 'él dijo "¿sí?" #1 100%', '🙂 + 🙃', '?&=#/', ' spaced  out ']) {
      const hash = buildHash(lesson(), {}, { sentence });
      expect(linkedInputs(hash)).toEqual({ sentence });
    }
  });

  it('leaves out the shared names, unsafe names and all but the first of a repeated name', () => {
    const got = linkedInputs('#/lesson/demo/1?text=x&layer=2&Seed=1&_drawing=M1&a%20b=1&seed=2&seed=3&__proto__=1&constructor=4');
    expect(got).toEqual({ seed: '2', constructor: '4' });
    expect(Object.getPrototypeOf(got)).toBe(Object.prototype);
  });

  it('only on lesson URLs, clipped, and at most MAX_LINKED_INPUTS of them', () => {
    expect(linkedInputs('#/explore?seed=2')).toEqual({});
    expect(linkedInputs('#/lesson/../x/1?seed=2')).toEqual({});
    expect(linkedInputs(`#/lesson/demo/1?sentence=${'a'.repeat(10_000)}`).sentence).toHaveLength(500);
    const many = Array.from({ length: 100 }, (_, i) => `n${i}=${i}`).join('&');
    expect(Object.keys(linkedInputs(`#/lesson/demo/1?${many}`))).toHaveLength(MAX_LINKED_INPUTS);
  });
});

describe('URL sync of lesson inputs', () => {
  let store: AtlasStore;
  let stop: () => void = () => {};

  function start(hash: string) {
    stop();
    window.history.replaceState(null, '', hash);
    store = createAtlasStore();
    stop = startUrlSync(store, window, { replaceDelayMs: 0 });
  }
  function goTo(hash: string) {
    window.history.pushState(null, '', hash);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  }
  const read = <K extends 'sentence' | 'seed' | 'drawing'>(name: K) => readLessonInput(store.getState(), DEMO, name);

  beforeEach(() => vi.useRealTimers());
  afterEach(() => stop());

  it('a copied link reproduces the inputs it names', () => {
    start('#/lesson/demo/3?seed=42&sentence=the+bird+sang');
    expect([read('seed'), read('sentence'), read('drawing')]).toEqual([42, 'the bird sang', '']);
    expect(window.location.hash).toBe('#/lesson/demo/3?seed=42&sentence=the+bird+sang');
  });

  it('a hostile or malformed value falls back to the default, without a crash', () => {
    for (const seed of ['-1', '1e9', 'NaN', '%E0%A4%A', '<img src=x onerror=alert(1)>', '0x10', '']) {
      start(`#/lesson/demo/1?seed=${seed}&sentence=ok`);
      expect(read('seed'), seed).toBe(1);
      expect(read('sentence')).toBe('ok');
    }
  });

  it('an overlong value is clipped: to the link limit, then to the input own limit', () => {
    start(`#/lesson/demo/1?sentence=${'b'.repeat(10_000)}`);
    expect(read('sentence')).toBe('b'.repeat(300));
    expect(window.location.hash.length).toBeLessThan(600);
  });

  it('what the student sets goes in the URL while it differs from the default, and only then', () => {
    start('#/lesson/demo/1');
    writeLessonInput(store, DEMO, 'seed', 5);
    expect(window.location.hash).toBe('#/lesson/demo/1?seed=5');
    writeLessonInput(store, DEMO, 'drawing', 'M1,2 3,4');
    expect(window.location.hash).toBe('#/lesson/demo/1?seed=5');
    writeLessonInput(store, DEMO, 'seed', 1);
    expect(window.location.hash).toBe('#/lesson/demo/1');
  });

  it('a link cannot set an input links do not carry', () => {
    start('#/lesson/demo/1?_drawing=M9,9&drawing=M9,9');
    expect(read('drawing')).toBe('');
  });

  it('Next and Previous links (naming no input) keep the inputs; a link naming one sets them all', () => {
    start('#/lesson/demo/1?seed=5&sentence=a+dog');
    writeLessonInput(store, DEMO, 'drawing', 'M1,2');
    goTo('#/lesson/demo/2');
    expect([read('seed'), read('sentence')]).toEqual([5, 'a dog']);
    expect(window.location.hash).toBe('#/lesson/demo/2?seed=5&sentence=a+dog');
    goTo('#/lesson/demo/2?seed=9');
    expect([read('seed'), read('sentence'), read('drawing')]).toEqual([9, 'the cat sat', 'M1,2']);
  });

  it('the back button restores the inputs of the entry it returns to', () => {
    start('#/lesson/demo/1');
    writeLessonInput(store, DEMO, 'seed', 5);
    store.getState().navigate(lesson(1)); // a new entry, carrying seed=5
    writeLessonInput(store, DEMO, 'seed', 6);
    writeLessonInput(store, DEMO, 'sentence', 'new');
    expect(window.location.hash).toBe('#/lesson/demo/2?seed=6&sentence=new');
    window.history.replaceState(null, '', '#/lesson/demo/1?seed=5'); // what history.back() shows
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect([read('seed'), read('sentence')]).toEqual([5, 'the cat sat']);
  });

  it('inputs of another lesson stay out of this lesson URL', () => {
    start('#/lesson/demo/1');
    store.getState().setLessonInput('other', 'seed', '3');
    expect(window.location.hash).toBe('#/lesson/demo/1');
    goTo('#/lesson/other/1');
    expect(window.location.hash).toBe('#/lesson/other/1?seed=3');
  });
});
