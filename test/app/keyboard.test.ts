// @vitest-environment jsdom
/**
 * The classroom keyboard map acts on the store: P toggles presenter mode, arrows step a
 * lesson (clamped to its steps) and the layer, brackets the head; keys typed into a field
 * and modified keys are left alone.
 */
import { describe, expect, it } from 'vitest';
import { handleKey } from '../../src/app/keyboard.ts';
import { createAtlasStore } from '../../src/store/index.ts';

const key = (k: string, target: EventTarget | null = document.body, mods: Partial<KeyboardEvent> = {}) =>
  ({ key: k, ctrlKey: false, metaKey: false, altKey: false, target, ...mods }) as KeyboardEvent;

describe('keyboard map', () => {
  it('toggles presenter mode with P and leaves it with Escape', () => {
    const store = createAtlasStore();
    expect(handleKey(store, key('p'))).toBe(true);
    expect(store.getState().presenter).toBe(true);
    expect(handleKey(store, key('Escape'))).toBe(true);
    expect(store.getState().presenter).toBe(false);
    expect(handleKey(store, key('Escape'))).toBe(false); // not ours when not presenting
  });

  it('steps layer and head within the limits the model set', () => {
    const store = createAtlasStore({ route: { name: 'explore' } });
    store.getState().setLimits(4, 4);
    for (let i = 0; i < 6; i++) handleKey(store, key('ArrowDown'));
    expect(store.getState().layer).toBe(3);
    handleKey(store, key('ArrowUp'));
    expect(store.getState().layer).toBe(2);
    handleKey(store, key(']'));
    handleKey(store, key(']'));
    handleKey(store, key('['));
    expect(store.getState().head).toBe(1);
  });

  it('moves between lesson steps with left and right, never before the first', () => {
    const store = createAtlasStore({ route: { name: 'lesson', lessonId: 'self-attention', step: 0 } });
    expect(handleKey(store, key('ArrowLeft'))).toBe(true);
    expect(store.getState().route).toEqual({ name: 'lesson', lessonId: 'self-attention', step: 0 });
  });

  it('leaves keys typed into a text field and modified keys to the browser', () => {
    const store = createAtlasStore({ route: { name: 'explore' } });
    const input = document.createElement('input');
    expect(handleKey(store, key('p', input))).toBe(false);
    expect(handleKey(store, key('[', input))).toBe(false);
    expect(handleKey(store, key('p', document.body, { ctrlKey: true }))).toBe(false);
    expect(store.getState().presenter).toBe(false);
  });
});
