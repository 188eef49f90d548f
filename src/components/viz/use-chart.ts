/**
 * The one bridge between React and the d3 factories of src/viz: React owns the <div>, the
 * factory owns the svg inside it. The chart is created once (again only when a creation
 * setting changes), updated when its data changes, and destroyed on unmount.
 */
import type { DependencyList, RefObject } from 'react';
import { useEffect, useRef } from 'react';
import type { Chart } from '../../viz/frame.ts';

/**
 * Mounts `create(div)` on the returned ref's element. `data` should be memoised by the caller
 * (useMemo): a new object means "update". `createDeps` lists the settings baked in at creation
 * (scheme, sizes); callbacks belong in useLatest refs, not here, so they never recreate the chart.
 */
export function useChart<D>(create: (el: HTMLElement) => Chart<D>, data: D, createDeps: DependencyList): RefObject<HTMLDivElement | null> {
  const ref = useRef<HTMLDivElement | null>(null);
  const chart = useRef<Chart<D> | null>(null);
  const drawn = useRef<D | undefined>(undefined);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const c = create(el);
    chart.current = c;
    // The effect closes over this render's data, so a re-created chart starts current.
    c.update(data);
    drawn.current = data;
    return () => {
      c.destroy();
      chart.current = null;
      drawn.current = undefined;
    };
    // Deliberately only createDeps: data changes go through update() in the effect below.
  }, createDeps);

  useEffect(() => {
    // Skip the first run after creation: the creation effect has already drawn this data.
    if (!chart.current || drawn.current === data) return;
    chart.current.update(data);
    drawn.current = data;
  }, [data]);

  return ref;
}

/** A ref that always holds the latest value: callbacks reach the chart without re-creating it. */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useEffect(() => {
    ref.current = value;
  });
  return ref;
}
