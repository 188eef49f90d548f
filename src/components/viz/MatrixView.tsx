/** React wrapper of createMatrixView: a named matrix, "Q (7 × 16)", in a diverging colour map. */
import { useMemo } from 'react';
import type { MatrixViewData, MatrixViewOptions } from '../../viz/matrix-view.ts';
import { createMatrixView } from '../../viz/matrix-view.ts';
import { useChart, useLatest } from './use-chart.ts';
import './viz.css';

export type MatrixViewProps = MatrixViewData & MatrixViewOptions & { className?: string };

/** A matrix such as Q, K, V or W_Q, coloured symmetrically around 0. */
export function MatrixView(props: MatrixViewProps) {
  const { name, values, rows, cols, rowLabels, onHoverCell, className, ...settings } = props;
  const callbacks = useLatest({ onHoverCell });
  const data = useMemo(() => ({ name, values, rows, cols, rowLabels }), [name, values, rows, cols, rowLabels]);
  const { width, cellSize, maxCell, scheme, maxAbs, legend } = settings;
  const ref = useChart(
    (el) => createMatrixView(el, { ...settings, onHoverCell: (c) => callbacks.current.onHoverCell?.(c) }),
    data,
    [width, cellSize, maxCell, scheme, maxAbs, legend],
  );
  return <div ref={ref} className={['viz-figure', className].filter(Boolean).join(' ')} />;
}
