/**
 * A named matrix (Q, K, V, W_Q ...) as a compact diverging heatmap centred on 0, labelled with
 * its shape, "Q (7 × 16)", so the shapes of the attention formula can be seen side by side.
 */
import * as d3 from 'd3';
import type { DivergingScheme } from './colors.ts';
import { divergingInterpolator, divergingScale } from './colors.ts';
import type { Frame } from './chart.ts';
import { defineChart } from './chart.ts';
import type { Chart, G, Svg } from './frame.ts';
import { sizeSvg, textWidth, truncate } from './frame.ts';
import { exact, quote } from './format.ts';
import type { LegendSpec } from './legend.ts';
import { drawLegend, legendWidth } from './legend.ts';
import type { MatrixInput } from './values.ts';
import { toGrid } from './values.ts';

export interface MatrixViewOptions {
  /** Layout width in px; default the container's width. */
  width?: number;
  /** Fixed cell size in px; default: fit the width, between 3 and maxCell. */
  cellSize?: number;
  /** Largest cell when fitting (default 24: a matrix is a texture, not a table). */
  maxCell?: number;
  scheme?: DivergingScheme;
  /** Colour limit (symmetric); default the largest |value|, so 0 is always the middle colour. */
  maxAbs?: number;
  /** Show the colour legend (default true). */
  legend?: boolean;
  onHoverCell?(cell: { row: number; col: number; value: number } | null): void;
}

export interface MatrixViewData {
  /** Name shown with the shape, e.g. "Q" or "W_Q". */
  name: string;
  values: MatrixInput;
  /** Shape, needed for a flat Float32Array (rows defaults to rowLabels.length). */
  rows?: number;
  cols?: number;
  /** Row labels, e.g. the tokens whose query vectors the rows are. */
  rowLabels?: string[];
}

/** One cell as drawn: its place in the matrix, value and colour. */
export interface MatrixCell {
  i: number;
  j: number;
  v: number;
  fill: string;
}

/** Where everything of a matrix view goes: computed from data and size alone, without a DOM. */
export interface MatrixViewLayout {
  width: number;
  font: number;
  svgWidth: number;
  svgHeight: number;
  /** "Q (7 × 16)" */
  label: string;
  /** Left edge and top of the grid; cell width and row height (rows are taller with labels). */
  left: number;
  top: number;
  cell: number;
  rowH: number;
  cells: MatrixCell[];
  /** Row labels, thinned to one a line of text (absent without rowLabels). */
  rowLabels: { i: number; text: string; shown: boolean }[];
  legendX: number;
  legend: LegendSpec | null;
}

/** The label of a matrix with its shape: "Q (7 × 16)". */
export function shapeLabel(name: string, rows: number, cols: number): string {
  return `${name} (${rows} × ${cols})`;
}

/** Lays a matrix view out: cell size fitted to the width, diverging colours around 0. Pure. */
export function layoutMatrixView(data: MatrixViewData, frame: Frame, options: MatrixViewOptions = {}): MatrixViewLayout {
  const { font, width } = frame;
  const g = toGrid(data.values, data.rows ?? data.rowLabels?.length, data.cols, 'matrix-view');
  const [lo, hi] = g.extent();
  const m = options.maxAbs ?? (Math.max(Math.abs(lo), Math.abs(hi)) || 1);
  const color = divergingScale(m, options.scheme);
  const showLegend = options.legend !== false;

  const labels = data.rowLabels?.map((r) => truncate(r, width * 0.25, font));
  const labelW = labels ? Math.max(0, ...labels.map((r) => textWidth(r, font))) + 12 : 0;
  const legendW = showLegend ? legendWidth({ domain: [-m, m], font }) + 16 : 0;
  const fitted = Math.floor((width - labelW - legendW - 4) / Math.max(1, g.cols));
  const cell = options.cellSize ?? Math.max(3, Math.min(options.maxCell ?? 24, fitted));
  // Row labels need room: with labels the rows are at least one line of text tall.
  const rowH = labels ? Math.max(cell, font * 1.3) : cell;
  const top = font * 1.7 + font * 1.6;
  const gridW = g.cols * cell;
  const legendH = Math.max(g.rows * rowH, font * 5);
  const stride = Math.ceil((font * 1.15) / rowH);

  const cells: MatrixCell[] = [];
  for (let i = 0; i < g.rows; i++) for (let j = 0; j < g.cols; j++) {
    const v = g.at(i, j);
    cells.push({ i, j, v, fill: color(v) });
  }
  return {
    width,
    font,
    svgWidth: Math.max(width, labelW + gridW + legendW),
    svgHeight: top + legendH + 6,
    label: shapeLabel(data.name, g.rows, g.cols),
    left: labelW,
    top,
    cell,
    rowH,
    cells,
    rowLabels: labels ? labels.map((text, i) => ({ i, text, shown: i % stride === 0 })) : [],
    legendX: labelW + gridW + 16,
    legend: showLegend ? { interpolator: divergingInterpolator(options.scheme), domain: [-m, m], ticks: [0], height: legendH, font } : null,
  };
}

interface Parts {
  nameText: d3.Selection<SVGTextElement, unknown, null, undefined>;
  readout: d3.Selection<SVGTextElement, unknown, null, undefined>;
  rowG: G;
  grid: G;
  legendG: G;
}

const HINT = 'Hover a cell to read its value.';

/** Creates a matrix view inside `container`. See MatrixViewOptions and MatrixViewData. */
export function createMatrixView(container: HTMLElement, options: MatrixViewOptions = {}): Chart<MatrixViewData> {
  return defineChart<MatrixViewData>(container, {
    kind: 'matrix-view',
    label: 'Matrix',
    width: options.width,
    setup(svg, chart) {
      const parts: Parts = {
        nameText: svg.append('text').attr('class', 'viz-title'),
        readout: svg.append('text').attr('class', 'viz-readout'),
        rowG: svg.append('g').attr('class', 'viz-row-labels') as G,
        grid: svg.append('g').attr('class', 'viz-cells') as G,
        legendG: svg.append('g') as G,
      };
      const { grid, readout } = parts;
      let fit = (t: string) => t;
      const nameOf = (d: MatrixCell) => {
        const data = chart.current();
        const rowName = data?.rowLabels?.[d.i];
        return `${data?.name ?? ''}[${rowName !== undefined ? `${quote(rowName)}` : d.i}, ${d.j}] = ${exact(d.v)}`;
      };
      const cellOf = (event: Event): MatrixCell | undefined => {
        const t = event.target as Element | null;
        return t?.classList?.contains('viz-cell') ? (d3.select(t).datum() as MatrixCell) : undefined;
      };
      grid
        .on('mouseover', (event: MouseEvent) => {
          const d = cellOf(event);
          if (!d) return;
          readout.text(fit(nameOf(d))).classed('is-active', true);
          options.onHoverCell?.({ row: d.i, col: d.j, value: d.v });
        })
        .on('mouseleave', () => {
          readout.text(fit(HINT)).classed('is-active', false);
          options.onHoverCell?.(null);
        });
      return {
        draw(data, frame) {
          const l = layoutMatrixView(data, frame, options);
          fit = (t) => truncate(t, l.width, l.font);
          drawMatrixView(svg, parts, l, fit(HINT));
        },
        teardown() {
          grid.on('mouseover', null).on('mouseleave', null);
        },
      };
    },
  });
}

/** Joins a layout into the matrix view's elements. */
function drawMatrixView(svg: Svg, parts: Parts, l: MatrixViewLayout, readout: string): void {
  const { font, cell, rowH } = l;
  sizeSvg(svg, l.svgWidth, l.svgHeight);
  svg.attr('aria-label', `Matrix ${l.label}`);
  parts.nameText.attr('x', 0).attr('y', font * 1.2).attr('font-size', font * 1.1).text(l.label);
  parts.readout.attr('x', 0).attr('y', font * 1.7 + font * 1.1).attr('font-size', font).text(readout);

  parts.grid.attr('transform', `translate(${l.left},${l.top})`);
  parts.grid
    .selectAll<SVGRectElement, MatrixCell>('rect.viz-cell')
    .data(l.cells, (d) => `${d.i}:${d.j}`)
    .join('rect')
    .attr('class', 'viz-cell')
    .attr('x', (d) => d.j * cell)
    .attr('y', (d) => d.i * rowH)
    // A hairline gap only where cells are big enough to spare it.
    .attr('width', cell >= 8 ? cell - 1 : cell)
    .attr('height', rowH >= 8 ? rowH - 1 : rowH)
    .attr('fill', (d) => d.fill)
    .attr('data-value', (d) => d.v);

  parts.rowG.attr('transform', `translate(${l.left - 8},${l.top})`);
  parts.rowG
    .selectAll<SVGTextElement, MatrixViewLayout['rowLabels'][number]>('text')
    .data(l.rowLabels, (r) => String(r.i))
    .join('text')
    .attr('class', 'viz-label')
    .attr('text-anchor', 'end')
    .attr('dy', '0.35em')
    .attr('y', (r) => r.i * rowH + rowH / 2)
    .attr('font-size', font)
    .attr('display', (r) => (r.shown ? null : 'none'))
    .text((r) => r.text);

  parts.legendG.attr('transform', `translate(${l.legendX},${l.top})`).attr('display', l.legend ? null : 'none');
  if (l.legend) drawLegend(parts.legendG, l.legend);
}
