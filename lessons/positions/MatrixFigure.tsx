/**
 * A large matrix as a figure: the picture (matrix-image.ts), a sentence that says what it
 * shows (read out politely), a table of a corner of the values for screen readers and exact
 * reading, and the PNG/SVG export buttons. The big-matrix counterpart of HeatmapFigure,
 * whose one rect per cell would be too slow for 51,200 cells.
 */
import { useMemo, useRef } from 'react';
import { AttentionTable } from '../../src/components/viz/AttentionTable.tsx';
import { ExportButtons } from '../../src/components/viz/ExportButtons.tsx';
import { useChart, useLatest } from '../../src/components/viz/use-chart.ts';
import '../../src/components/viz/viz.css';
import { createMatrixImage, type MatrixImageData, type MatrixImageOptions } from './matrix-image.ts';

export type MatrixFigureProps = MatrixImageData &
  Omit<MatrixImageOptions, 'onHoverCell'> & {
    /** One or two sentences describing the matrix, computed from it. */
    summary: string;
    /** How many leading rows and columns the table alternative lists (default 8). */
    tableSize?: number;
    filename: string;
    caption?: string;
    onHoverCell?: MatrixImageOptions['onHoverCell'];
  };

/** The matrix picture inside a figure with its summary, a table excerpt and export buttons. */
export function MatrixFigure(props: MatrixFigureProps) {
  const { rows, cols, values, color, title, markRow, markCol, summary, tableSize = 8, filename, caption, onHoverCell } = props;
  const { width, maxGridHeight, maxCell, square, rowAxis, colAxis, legend } = props;
  const figure = useRef<HTMLElement | null>(null);
  const callbacks = useLatest({ onHoverCell });
  const data = useMemo(() => ({ rows, cols, values, color, title, markRow, markCol }), [rows, cols, values, color, title, markRow, markCol]);
  const ref = useChart(
    (el) => createMatrixImage(el, { width, maxGridHeight, maxCell, square, rowAxis, colAxis, legend, onHoverCell: (c) => callbacks.current.onHoverCell?.(c) }),
    data,
    [width, maxGridHeight, maxCell, square, rowAxis, colAxis, legend],
  );
  const table = useMemo(() => {
    const r = Math.min(rows, tableSize);
    const c = Math.min(cols, tableSize);
    const excerpt = Array.from({ length: r }, (_, i) => Array.from(values.subarray(i * cols, i * cols + c)));
    return {
      rows: Array.from({ length: r }, (_, i) => `${rowAxis} ${i}`),
      cols: Array.from({ length: c }, (_, j) => `${colAxis} ${j}`),
      values: excerpt,
      caption: r < rows || c < cols ? `The first ${r} ${rowAxis}s × ${c} ${colAxis}s of ${rows} × ${cols}` : `All ${rows} × ${cols} values`,
    };
  }, [rows, cols, values, tableSize, rowAxis, colAxis]);
  return (
    <figure ref={figure} className="viz-heatmap-figure positions-matrix">
      <div ref={ref} className="viz-figure" />
      <p className="viz-summary" aria-live="polite">
        {summary}
      </p>
      <AttentionTable rows={table.rows} cols={table.cols} values={table.values} caption={table.caption} corner={`${rowAxis} \\ ${colAxis}`} />
      <ExportButtons target={figure} filename={filename} />
      {caption && <figcaption>{caption}</figcaption>}
    </figure>
  );
}
