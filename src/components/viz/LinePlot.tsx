/** React wrapper of createLinePlot: named series, axes, legend, optional log-y and reference. */
import { useMemo } from 'react';
import type { LinePlotData, LinePlotOptions } from '../../viz/line-plot.ts';
import { createLinePlot } from '../../viz/line-plot.ts';
import { useChart, useLatest } from './use-chart.ts';
import './viz.css';

export type LinePlotProps = LinePlotData & LinePlotOptions & { className?: string };

/** A line plot (loss curves, accuracy by distance); hover reads the nearest point. */
export function LinePlot(props: LinePlotProps) {
  const { series, xLabel, yLabel, logY, yDomain, reference, title, onHoverPoint, className, ...settings } = props;
  const callbacks = useLatest({ onHoverPoint });
  const data = useMemo(
    () => ({ series, xLabel, yLabel, logY, yDomain, reference, title }),
    [series, xLabel, yLabel, logY, yDomain, reference, title],
  );
  const { width, height } = settings;
  const ref = useChart(
    (el) => createLinePlot(el, { ...settings, onHoverPoint: (p) => callbacks.current.onHoverPoint?.(p) }),
    data,
    [width, height],
  );
  return <div ref={ref} className={['viz-figure', className].filter(Boolean).join(' ')} />;
}
