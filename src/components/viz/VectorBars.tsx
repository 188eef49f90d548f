/** React wrapper of createVectorBars: one vector as signed bars. */
import { useMemo } from 'react';
import type { VectorBarsData, VectorBarsOptions } from '../../viz/vector-bars.ts';
import { createVectorBars } from '../../viz/vector-bars.ts';
import { useChart } from './use-chart.ts';
import './viz.css';

export type VectorBarsProps = VectorBarsData & VectorBarsOptions & { className?: string };

/** A vector (embedding, query, output) as bars around zero. */
export function VectorBars(props: VectorBarsProps) {
  const { label, values, entryLabels, className, ...settings } = props;
  const data = useMemo(() => ({ label, values, entryLabels }), [label, values, entryLabels]);
  const { width, orientation, length, maxAbs } = settings;
  const ref = useChart((el) => createVectorBars(el, settings), data, [width, orientation, length, maxAbs]);
  return <div ref={ref} className={['viz-figure', className].filter(Boolean).join(' ')} />;
}
