/**
 * Where everything of the attention heatmap goes for given data, size and pinned row: cell
 * size, colours, which labels show, the room each part takes. Pure: no DOM, so it can be
 * tested on its own; heatmap.ts joins the result into the svg.
 */
import { divergingInterpolator, divergingScale, readableTextOn, sequentialInterpolator, sequentialScale } from './colors.ts';
import type { Frame } from './chart.ts';
import { MIN_FONT, textWidth, truncate } from './frame.ts';
import { cellLabel, exact, quote } from './format.ts';
import type { HeatmapData, HeatmapOptions } from './heatmap.ts';
import type { LegendSpec } from './legend.ts';
import { legendWidth } from './legend.ts';
import type { Grid } from './values.ts';
import { toGrid } from './values.ts';

/** One cell as drawn: its place in the matrix, value, colour and the text that names it. */
export interface HeatmapCell {
  i: number;
  j: number;
  v: number;
  fill: string;
  /** "query 'it' → key 'animal': 0.6213": the cell's <title> and its hover read-out. */
  name: string;
}

/** A value written inside its cell, in black or white, whichever reads on the cell's colour. */
export interface HeatmapCellLabel {
  i: number;
  j: number;
  text: string;
  fill: string;
}

export interface HeatmapRowLabel {
  i: number;
  text: string;
  /** False for rows thinned out to avoid overlap (the label stays a focusable button). */
  shown: boolean;
  pinned: boolean;
  opacity: number;
  /** "Pin query 'it'" or "Unpin …": what activating the label does. */
  ariaLabel: string;
}

export interface HeatmapColLabel {
  j: number;
  text: string;
  shown: boolean;
  highlighted: boolean;
}

/** Where everything of a heatmap goes: computed from data, size and pin alone, without a DOM. */
export interface HeatmapLayout {
  /** The frame it was laid out in; read-outs are truncated to its width. */
  width: number;
  font: number;
  svgWidth: number;
  svgHeight: number;
  ariaLabel: string;
  title: string;
  /** Height taken by the title (0 without one); the read-out sits below it. */
  titleH: number;
  hint: string;
  /** Top-left corner of the grid, and the side of a cell. */
  left: number;
  top: number;
  cell: number;
  cells: HeatmapCell[];
  /** Opacity of each row: 1, or dimmed when another row is pinned. */
  rowOpacity: number[];
  /** Values written inside the cells: all of them, or none when they would not fit. */
  cellLabels: HeatmapCellLabel[];
  cellFont: number;
  rowLabelW: number;
  rowLabels: HeatmapRowLabel[];
  /** Column labels lie flat when they fit their cell, else at -45deg. */
  flat: boolean;
  colLabels: HeatmapColLabel[];
  marks: MarkSpec;
  legendX: number;
  legend: LegendSpec | null;
}

/** The outlines drawn above the cells: the pinned row and the highlighted columns. */
export interface MarkSpec {
  left: number;
  top: number;
  cell: number;
  rows: number;
  cols: number;
  pinned: number | null;
  highlighted: number[];
}

const PAD = 4;
const DIM = 0.3;

/** Lays a heatmap out: cell size, colours, label thinning and the room each part takes. */
export function layoutHeatmap(data: HeatmapData, frame: Frame, options: HeatmapOptions = {}, pinned: number | null = null): HeatmapLayout {
  const { rows, cols } = data;
  const { font, width } = frame;
  const g = toGrid(data.values, rows.length, cols.length, 'heatmap');
  const rowAxis = options.rowAxis ?? 'query';
  const colAxis = options.colAxis ?? 'key';
  const { domain, color, interpolator } = colorsOf(g, options);
  const caption = typeof options.legend === 'string' ? options.legend : undefined;
  const showLegend = options.legend !== false;

  // Horizontal budget: row labels | cells | legend.
  const rowNames = rows.map((r) => truncate(r, width * 0.25, font));
  const rowLabelW = Math.max(0, ...rowNames.map((r) => textWidth(r, font))) + 12;
  const legendW = showLegend ? legendWidth({ domain, font, caption }) + 16 : 0;
  const fit = Math.floor((width - rowLabelW - legendW - PAD) / Math.max(1, cols.length));
  const cell = options.cellSize ?? Math.max(4, Math.min(options.maxCell ?? 64, fit));

  // Column labels lie flat when they fit their cell, else at -45deg, thinned to avoid overlap.
  const colNames = cols.map((c) => truncate(c, font * 8, font));
  const colMaxW = Math.max(0, ...colNames.map((c) => textWidth(c, font)));
  const flat = colMaxW <= cell - 4;
  const colStride = flat ? 1 : Math.ceil((font * 1.2) / (cell * Math.SQRT1_2));
  const colLabelH = flat ? font * 1.6 : colMaxW * Math.SQRT1_2 + font;
  const rowStride = Math.ceil((font * 1.15) / cell);

  const titleH = data.title ? font * 1.7 : 0;
  const top = titleH + font * 1.7 + colLabelH;
  const left = rowLabelW;
  const gridW = cols.length * cell;
  const legendH = Math.max(rows.length * cell, font * 5);
  const overhang = flat ? 0 : colMaxW * Math.SQRT1_2;
  const cells = cellsOf(g, color, (i, j) => `${rowAxis} ${quote(rows[i])} → ${colAxis} ${quote(cols[j])}`);
  const highlighted = new Set(data.highlightCols ?? []);
  const rowOpacity = rows.map((_, i) => (pinned !== null && i !== pinned ? DIM : 1));

  return {
    width,
    font,
    svgWidth: Math.max(width, left + gridW + legendW, left + gridW + overhang + PAD),
    svgHeight: top + legendH + PAD * 2,
    ariaLabel: data.title ?? `Heatmap of ${rows.length} ${rowAxis} rows by ${cols.length} ${colAxis} columns`,
    title: data.title ?? '',
    titleH,
    hint: pinned === null ? 'Hover a cell to read its value; click a row to pin it.' : `Pinned ${rowAxis} ${quote(rows[pinned] ?? '')}: click it again to unpin.`,
    left,
    top,
    cell,
    cells,
    rowOpacity,
    ...cellLabelsOf(cells, cell, font, options.minLabelCell ?? 28),
    rowLabelW,
    rowLabels: rowNames.map((text, i) => ({
      i,
      text,
      // Thinned to every rowStride-th label, but the pinned (selected) row always keeps its own, clear of neighbours.
      shown: i === pinned || (i % rowStride === 0 && (pinned === null || Math.abs(i - pinned) >= rowStride)),
      pinned: i === pinned,
      opacity: rowOpacity[i],
      ariaLabel: `${i === pinned ? 'Unpin' : 'Pin'} ${rowAxis} ${quote(rows[i])}`,
    })),
    flat,
    colLabels: colNames.map((text, j) => ({ j, text, shown: j % colStride === 0 || highlighted.has(j), highlighted: highlighted.has(j) })),
    marks: { left, top, cell, cols: cols.length, rows: rows.length, pinned, highlighted: [...highlighted] },
    legendX: left + gridW + 16,
    legend: showLegend ? { interpolator, domain, height: legendH, font, caption } : null,
  };
}

/**
 * The colour domain, scale and legend gradient: sequential from min(0, smallest) to the
 * largest value, or diverging and symmetric around 0; options.domain overrides either.
 */
function colorsOf(g: Grid, options: HeatmapOptions): { domain: [number, number]; color: (v: number) => string; interpolator: (t: number) => string } {
  const [lo, hi] = g.extent();
  const maxAbs = Math.max(Math.abs(lo), Math.abs(hi));
  const domain = options.domain ?? (options.diverging ? ([-maxAbs, maxAbs] as [number, number]) : ([Math.min(0, lo), hi] as [number, number]));
  if (options.diverging) {
    return { domain, color: divergingScale(Math.max(Math.abs(domain[0]), Math.abs(domain[1])), options.diverging), interpolator: divergingInterpolator(options.diverging) };
  }
  return { domain, color: sequentialScale(domain, options.scheme), interpolator: sequentialInterpolator(options.scheme) };
}

/** Every cell in reading order, coloured and named ("query 'it' → key 'animal': 0.6213"). */
function cellsOf(g: Grid, color: (v: number) => string, pair: (i: number, j: number) => string): HeatmapCell[] {
  const cells: HeatmapCell[] = [];
  for (let i = 0; i < g.rows; i++) {
    for (let j = 0; j < g.cols; j++) {
      const v = g.at(i, j);
      cells.push({ i, j, v, fill: color(v), name: `${pair(i, j)}: ${exact(v)}` });
    }
  }
  return cells;
}

/** Values inside cells only when the longest label fits: overlapping digits help nobody. */
function cellLabelsOf(cells: HeatmapCell[], cell: number, font: number, minLabelCell: number): { cellLabels: HeatmapCellLabel[]; cellFont: number } {
  const cellFont = Math.min(font, Math.max(MIN_FONT - 2, cell * 0.45));
  const labelled = cell >= minLabelCell && cells.every((d) => textWidth(cellLabel(d.v), cellFont) <= cell - 6);
  return { cellLabels: labelled ? cells.map((d) => ({ i: d.i, j: d.j, text: cellLabel(d.v), fill: readableTextOn(d.fill) })) : [], cellFont };
}
