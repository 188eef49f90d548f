/** React wrapper of createArchitectureDiagram: the clickable Transformer figure. */
import { useMemo } from 'react';
import type { ArchitectureDiagramData, ArchitectureDiagramOptions } from '../../viz/architecture-diagram.ts';
import { createArchitectureDiagram } from '../../viz/architecture-diagram.ts';
import { useChart, useLatest } from './use-chart.ts';
import './viz.css';

export type ArchitectureDiagramProps = ArchitectureDiagramData & ArchitectureDiagramOptions & { className?: string };

/** The encoder-decoder diagram; clicking or pressing Enter/Space on a block calls onSelect(id). */
export function ArchitectureDiagram(props: ArchitectureDiagramProps) {
  const { selected, dimmed, title, onSelect, className, width } = props;
  const callbacks = useLatest({ onSelect });
  const data = useMemo(() => ({ selected, dimmed, title }), [selected, dimmed, title]);
  const ref = useChart(
    (el) => createArchitectureDiagram(el, { width, onSelect: (id) => callbacks.current.onSelect?.(id) }),
    data,
    [width],
  );
  return <div ref={ref} className={['viz-figure', className].filter(Boolean).join(' ')} />;
}
