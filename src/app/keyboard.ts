/**
 * The classroom keyboard map: P presenter mode, left/right lesson steps, up/down layer,
 * [ and ] head. Keys typed into a text field stay with the field, and modified keys
 * (Ctrl+Left, Alt+Left: the browser's own) are left alone.
 */
import { useEffect } from 'react';
import { LESSON_STEP_COUNTS } from '../../lessons/registry.ts';
import type { AtlasStore } from '../store/index.ts';

export const KEYMAP: readonly { keys: string; does: string }[] = [
  { keys: 'P', does: 'presenter mode on or off' },
  { keys: '← →', does: 'previous or next step of a lesson' },
  { keys: '↑ ↓', does: 'previous or next layer' },
  { keys: '[ ]', does: 'previous or next head' },
];

function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
}

/** Returns true when the key was one of ours (the caller then prevents its default). */
export function handleKey(store: AtlasStore, e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey || typingInto(e.target)) return false;
  const s = store.getState();
  const route = s.route;
  switch (e.key) {
    case 'p':
    case 'P':
      s.togglePresenter();
      return true;
    case 'ArrowLeft':
    case 'ArrowRight':
    {
      if (route.name !== 'lesson') return false;
      const last = Math.max(0, (LESSON_STEP_COUNTS[route.lessonId] ?? 1) - 1);
      const step = Math.min(last, Math.max(0, route.step + (e.key === 'ArrowRight' ? 1 : -1)));
      if (step !== route.step) s.navigate({ ...route, step });
      return true;
    }
    case 'ArrowUp':
    case 'ArrowDown':
      if (route.name === 'home' || route.name === 'models') return false;
      s.stepLayer(e.key === 'ArrowDown' ? 1 : -1);
      return true;
    case '[':
    case ']':
      s.stepHead(e.key === ']' ? 1 : -1);
      return true;
    case 'Escape':
      if (!s.presenter) return false;
      s.setPresenter(false);
      return true;
    default:
      return false;
  }
}

export function useKeyboard(store: AtlasStore): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (handleKey(store, e)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
