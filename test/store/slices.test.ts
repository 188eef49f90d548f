/** The store's slices: each action on a fresh store, with the clamping the app relies on. */
import { beforeEach, describe, expect, it } from 'vitest';
import { initialState } from '../../src/store/initial-state.ts';
import { MAX_TEXT } from '../../src/store/ids.ts';
import { selectFocusRow, selectIsBusy, selectResultIsCurrent } from '../../src/store/selectors.ts';
import { createAtlasStore, useAtlas, type AtlasStore } from '../../src/store/store.ts';
import type { AttentionResult } from '../../src/store/attention-result.ts';
import { headWeights } from '../../src/store/attention-result.ts';

let store: AtlasStore;
beforeEach(() => {
  store = createAtlasStore();
});
const s = () => store.getState();

describe('store', () => {
  it('starts from initialState, and the app hook is a store too', () => {
    for (const [k, v] of Object.entries(initialState)) expect(s()[k as keyof typeof initialState]).toEqual(v);
    expect(useAtlas.getState().modelId).toBe('coref');
    expect(s().text).toBe("The animal didn't cross the street because it was too tired.");
    expect(s().compareText).toBe("The animal didn't cross the street because it was too wide.");
  });

  it('fresh stores do not share state', () => {
    s().setText('changed');
    expect(createAtlasStore().getState().text).toBe(initialState.text);
  });
});

describe('route slice', () => {
  it('navigates, and a lesson step counts as visited', () => {
    s().navigate({ name: 'lesson', lessonId: 'intro', step: 3 });
    expect(s().route).toEqual({ name: 'lesson', lessonId: 'intro', step: 3 });
    expect(s().progress.intro).toEqual({ furthest: 3, completed: false });
    s().navigate({ name: 'lesson', lessonId: 'intro', step: 1 });
    expect(s().progress.intro.furthest).toBe(3);
  });

  it('sanitizes what it is given', () => {
    s().navigate({ name: 'lesson', lessonId: '../x', step: 1 });
    expect(s().route).toEqual({ name: 'home' });
    s().navigate({ name: 'lesson', lessonId: 'intro', step: -4 });
    expect(s().route).toEqual({ name: 'lesson', lessonId: 'intro', step: 0 });
    s().navigate({ name: 'models', modelId: 'a/b' });
    expect(s().route).toEqual({ name: 'models' });
  });
});

describe('progress slice', () => {
  it('keeps the furthest step, completes and resets', () => {
    s().visitStep('a', 2);
    s().visitStep('a', 1);
    s().completeLesson('a');
    s().visitStep('a', 5);
    s().completeLesson('b');
    expect(s().progress).toEqual({ a: { furthest: 5, completed: true }, b: { furthest: 0, completed: true } });
    s().resetProgress('a');
    expect(s().progress).toEqual({ b: { furthest: 0, completed: true } });
    s().resetProgress();
    expect(s().progress).toEqual({});
  });

  it('does not make a new object when nothing changed (no needless saves)', () => {
    s().visitStep('a', 4);
    const before = s().progress;
    s().visitStep('a', 2);
    s().visitStep('../evil', 1);
    s().visitStep('__proto__', 1);
    expect(s().progress).toBe(before);
  });
});

describe('explorer slice', () => {
  it('sets model, text and compare mode', () => {
    s().setModel('tiny-gpt');
    s().setModel('../../etc');
    expect(s().modelId).toBe('tiny-gpt');
    s().setText('x'.repeat(10_000));
    expect(s().text).toHaveLength(MAX_TEXT);
    s().setCompareText('Another one.');
    s().toggleCompare();
    expect(s().compare).toBe(true);
    s().setCompare(false);
    expect([s().compare, s().compareText]).toEqual([false, 'Another one.']);
  });
});

describe('selection slice', () => {
  it('steps layer and head, clamped to the limits the app sets', () => {
    s().setLimits(4, 2);
    s().stepLayer(-1);
    expect(s().layer).toBe(0);
    for (let i = 0; i < 10; i++) s().stepLayer(1);
    expect(s().layer).toBe(3);
    s().stepHead(1);
    s().stepHead(1);
    expect(s().head).toBe(1);
    s().stepHead(-1);
    expect(s().head).toBe(0);
    s().selectLayer(99);
    s().selectHead(-3);
    expect([s().layer, s().head]).toEqual([3, 0]);
    s().selectLayer(Number.NaN);
    expect(s().layer).toBe(0);
  });

  it('new limits clamp the current selection; a token past the end is dropped', () => {
    s().selectLayer(10);
    s().selectHead(7);
    s().selectToken(20);
    s().pinRow(3);
    expect([s().layer, s().head, s().token]).toEqual([10, 7, 20]); // no model yet: only the caps apply
    s().setLimits(4, 4, 12);
    expect([s().layer, s().head, s().token, s().pinned]).toEqual([3, 3, null, 3]);
    s().selectToken(12);
    expect(s().token).toBeNull();
    s().selectToken(11);
    expect(s().token).toBe(11);
    // A picker that knows only the model's shape keeps the sentence's token count.
    s().setLimits(4, 4);
    expect(s().limits?.nTokens).toBe(12);
    expect(s().token).toBe(11);
  });

  it('ignores nonsense limits', () => {
    s().setLimits(0, 4);
    s().setLimits(2.5, 4);
    expect(s().limits).toBeNull();
  });

  it('pins and unpins a row; the focus row prefers the pin', () => {
    s().selectToken(2);
    expect(selectFocusRow(s())).toBe(2);
    s().togglePin(5);
    expect(selectFocusRow(s())).toBe(5);
    s().togglePin(5);
    expect(s().pinned).toBeNull();
  });
});

describe('preferences slice', () => {
  it('sets theme, presenter and values', () => {
    s().setTheme('dark');
    s().setTheme('neon' as never);
    s().togglePresenter();
    s().toggleShowValues();
    expect([s().theme, s().presenter, s().showValues]).toEqual(['dark', true, true]);
  });
});

describe('run slice', () => {
  const result: AttentionResult = {
    modelId: 'coref', text: initialState.text, tokens: [
      { text: 'a', start: 0, end: 1, unknown: false, unseen: false, special: false },
      { text: 'b', start: 2, end: 3, unknown: false, unseen: false, special: false },
    ],
    nLayers: 1, nHeads: 2, causal: false, attention: Float32Array.from([1, 0, 0.5, 0.5, 0, 1, 0.25, 0.75]), unseenWords: [], predictions: [], maskable: false, ms: 1,
  };

  it('goes loading, running, ready, error and keeps the last result', () => {
    s().setRunStatus('loading');
    expect(selectIsBusy(s())).toBe(true);
    s().setRunStatus('running');
    s().setRunResult(result);
    expect([s().runStatus, s().runResult, s().runError]).toEqual(['ready', result, null]);
    expect(selectResultIsCurrent(s())).toBe(true);
    s().setText('something else');
    expect(selectResultIsCurrent(s())).toBe(false);
    s().setRunError('too long');
    expect([s().runStatus, s().runResult, s().runError]).toEqual(['error', result, 'too long']);
    s().setRunStatus('running');
    expect(s().runError).toBeNull();
  });

  it('headWeights views one head of the result', () => {
    expect(Array.from(headWeights(result, 0, 1))).toEqual([0, 1, 0.25, 0.75]);
    expect(() => headWeights(result, 1, 0)).toThrow(/outside 1 layers x 2 heads/);
  });
});
