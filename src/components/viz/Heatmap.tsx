/** React wrapper of createHeatmap: props in, d3 inside. Pass stable arrays (memoised) as data. */
import { useMemo } from 'react';
import type { HeatmapData, HeatmapOptions } from '../../viz/heatmap.ts';
import { createHeatmap } from '../../viz/heatmap.ts';
import { useChart, useLatest } from './use-chart.ts';
import './viz.css';

export type HeatmapProps = HeatmapData & HeatmapOptions & { className?: string };

/** An attention heatmap; clicking a row calls onPinRow, hovering a cell calls onHoverCell. */
export function Heatmap(props: HeatmapProps) {
  const { rows, cols, values, title, pinnedRow, highlightCols, onPinRow, onHoverCell, className, ...settings } = props;
  const callbacks = useLatest({ onPinRow, onHoverCell });
  const data = useMemo(() => ({ rows, cols, values, title, pinnedRow, highlightCols }), [rows, cols, values, title, pinnedRow, highlightCols]);
  const { width, cellSize, maxCell, scheme, diverging, domain, minLabelCell, legend, rowAxis, colAxis } = settings;
  const ref = useChart(
    (el) =>
      createHeatmap(el, {
        ...settings,
        onPinRow: (row) => callbacks.current.onPinRow?.(row),
        onHoverCell: (cell) => callbacks.current.onHoverCell?.(cell),
      }),
    data,
    [width, cellSize, maxCell, scheme, diverging, domain?.[0], domain?.[1], minLabelCell, legend, rowAxis, colAxis],
  );
  return <div ref={ref} className={['viz-figure', className].filter(Boolean).join(' ')} />;
}
