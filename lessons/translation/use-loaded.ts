/**
 * Loads something once per page (a shipped model, say) and shares it between every figure
 * that asks, like useBundle does for the Hugging Face models: one promise per key, forgotten
 * when it fails so that revisiting the step retries.
 */
import { useEffect, useState } from 'react';

export type Loaded<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; message: string };

const cache = new Map<string, Promise<unknown>>();

/** The promise for `key`, started by `load` on first use. */
export function loadOnce<T>(key: string, load: () => Promise<T>): Promise<T> {
  let p = cache.get(key) as Promise<T> | undefined;
  if (!p) {
    p = load();
    p.catch(() => cache.delete(key));
    cache.set(key, p);
  }
  return p;
}

/** The state of loadOnce(key, load) as React state; `what` names the thing in the error message. */
export function useLoaded<T>(key: string, load: () => Promise<T>, what: string): Loaded<T> {
  const [s, setS] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    setS({ state: 'loading' });
    loadOnce(key, load).then(
      (value) => live && setS({ state: 'ready', value }),
      (e: Error) => live && setS({ state: 'error', message: `Could not load ${what}: ${e.message}` }),
    );
    return () => {
      live = false;
    };
    // `load` is a fixed function per key; the key alone decides what is loaded.
  }, [key]);
  return s;
}
