/** React wrapper of createModelView (every layer x head as a thumbnail). */
import { useMemo } from 'react';
import type { ModelViewData, ModelViewOptions } from '../../viz/model-view.ts';
import { createModelView } from '../../viz/model-view.ts';
import { useChart, useLatest } from './use-chart.ts';
import './viz.css';

export type ModelViewProps = ModelViewData & ModelViewOptions & { className?: string };

/** A grid of head thumbnails; clicking one calls onSelect(layer, head). */
export function ModelView(props: ModelViewProps) {
  const { heads, tokens, selected, badges, title, onSelect, className, ...settings } = props;
  const callbacks = useLatest({ onSelect });
  const data = useMemo(() => ({ heads, tokens, selected, badges, title }), [heads, tokens, selected, badges, title]);
  const { width, thumbSize, levels, scheme, normalize } = settings;
  const ref = useChart(
    (el) => createModelView(el, { ...settings, onSelect: (layer, head) => callbacks.current.onSelect?.(layer, head) }),
    data,
    [width, thumbSize, levels, scheme, normalize],
  );
  return <div ref={ref} className={['viz-figure', className].filter(Boolean).join(' ')} />;
}
