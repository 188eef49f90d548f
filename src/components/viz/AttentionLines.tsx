/** React wrapper of createAttentionLines (the BertViz head view). */
import { useMemo } from 'react';
import type { AttentionLinesData, AttentionLinesOptions } from '../../viz/attention-lines.ts';
import { createAttentionLines } from '../../viz/attention-lines.ts';
import { useChart, useLatest } from './use-chart.ts';
import './viz.css';

export type AttentionLinesProps = AttentionLinesData & AttentionLinesOptions & { className?: string };

/** Lines from each token to each token, one colour per head; hover isolates a token's lines. */
export function AttentionLines(props: AttentionLinesProps) {
  const { from, to, heads, selected, title, onSelectToken, className, ...settings } = props;
  const callbacks = useLatest({ onSelectToken });
  const data = useMemo(() => ({ from, to, heads, selected, title }), [from, to, heads, selected, title]);
  const { width, minWeight, maxStroke, fromHeading, toHeading } = settings;
  const ref = useChart(
    (el) => createAttentionLines(el, { ...settings, onSelectToken: (t) => callbacks.current.onSelectToken?.(t) }),
    data,
    [width, minWeight, maxStroke, fromHeading, toHeading],
  );
  return <div ref={ref} className={['viz-figure', className].filter(Boolean).join(' ')} />;
}
