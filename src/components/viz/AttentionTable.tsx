/**
 * The accessible alternative of a heatmap: a real <table> with a caption, column and row
 * headers and every value to two decimals, for screen readers and for reading exact numbers.
 */
import { useMemo, useState } from 'react';
import type { MatrixInput } from '../../viz/values.ts';
import { toGrid } from '../../viz/values.ts';
import './viz.css';

export interface AttentionTableProps {
  /** Row (query) and column (key) labels. */
  rows: string[];
  cols: string[];
  values: MatrixInput;
  caption: string;
  /** Decimals per value (default 2). */
  digits?: number;
  /** Text of the corner header cell (default "query \ key"). */
  corner?: string;
  /** Row to mark, e.g. the pinned one. */
  highlightRow?: number | null;
  /**
   * 'details' (default): behind a "Show as table" disclosure; 'visible': always shown;
   * 'sr-only': visually hidden but read by screen readers.
   */
  mode?: 'details' | 'visible' | 'sr-only';
}

/** A table of the matrix, rows x cols, with proper scopes. */
export function AttentionTable({ rows, cols, values, caption, digits = 2, corner = 'query \\ key', highlightRow = null, mode = 'details' }: AttentionTableProps) {
  const grid = useMemo(() => toGrid(values, rows.length, cols.length, 'AttentionTable'), [values, rows.length, cols.length]);
  // Behind the disclosure, the table is built only once opened: a closed one would still be
  // hundreds of cells for the browser to restyle on every update of a live figure.
  const [open, setOpen] = useState(false);
  const table = (
    <table className="viz-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{corner}</th>
          {cols.map((c, j) => (
            <th scope="col" key={j}>
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i} className={i === highlightRow ? 'is-highlighted' : undefined} aria-current={i === highlightRow ? 'true' : undefined}>
            <th scope="row">{r}</th>
            {grid.row(i).map((v, j) => (
              <td key={j}>{v.toFixed(digits)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
  if (mode === 'visible') return <div className="viz-table-wrap">{table}</div>;
  if (mode === 'sr-only') return <div className="viz-sr-only">{table}</div>;
  return (
    <details className="viz-table-details" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Show as table</summary>
      {open && <div className="viz-table-wrap">{table}</div>}
    </details>
  );
}
