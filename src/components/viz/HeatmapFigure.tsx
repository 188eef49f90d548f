/**
 * A complete attention figure: the heatmap, a one-sentence summary of the pinned row (read
 * out politely to screen readers), the table alternative and export buttons.
 */
import { useMemo, useRef, useState } from 'react';
import { describeRow } from '../../viz/summary.ts';
import { toGrid } from '../../viz/values.ts';
import { AttentionTable } from './AttentionTable.tsx';
import { ExportButtons } from './ExportButtons.tsx';
import type { HeatmapProps } from './Heatmap.tsx';
import { Heatmap } from './Heatmap.tsx';
import './viz.css';

export type HeatmapFigureProps = HeatmapProps & {
  /** Figure caption, also the table's caption (default: the title). */
  caption?: string;
  /** Base name of exported files (default: the title, else "attention"). */
  filename?: string;
  /** Leave [CLS], [SEP] and the like out of the summary (default false). */
  skipSpecial?: boolean;
  /** How many attended tokens the summary names (default 2). */
  summaryK?: number;
};

/**
 * The heatmap with its words and numbers. Pinning is controlled when `pinnedRow` is given,
 * else kept here; either way onPinRow is called.
 */
export function HeatmapFigure(props: HeatmapFigureProps) {
  const { caption, filename, skipSpecial, summaryK, className, ...heatmap } = props;
  const { rows, cols, values, title } = heatmap;
  const figure = useRef<HTMLElement | null>(null);
  const [localPin, setLocalPin] = useState<number | null>(null);
  const pinned = heatmap.pinnedRow !== undefined ? heatmap.pinnedRow : localPin;
  const grid = useMemo(() => toGrid(values, rows.length, cols.length, 'HeatmapFigure'), [values, rows.length, cols.length]);
  const label = caption ?? title ?? 'Attention weights';

  const summary =
    pinned === null || pinned >= rows.length
      ? 'Click a row label (or a cell) to pin it; its summary appears here.'
      : describeRow(rows, grid.row(pinned), pinned, { targets: cols, skipSpecial, k: summaryK });

  return (
    <figure ref={figure} className={['viz-heatmap-figure', className].filter(Boolean).join(' ')}>
      <Heatmap
        {...heatmap}
        pinnedRow={pinned}
        onPinRow={(row) => {
          setLocalPin(row);
          heatmap.onPinRow?.(row);
        }}
      />
      <p className="viz-summary" aria-live="polite">
        {summary}
      </p>
      <AttentionTable rows={rows} cols={cols} values={values} caption={label} highlightRow={pinned} corner={`${heatmap.rowAxis ?? 'query'} \\ ${heatmap.colAxis ?? 'key'}`} />
      <ExportButtons target={figure} filename={filename ?? title ?? 'attention'} />
      {caption && <figcaption>{caption}</figcaption>}
    </figure>
  );
}
