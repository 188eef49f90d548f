/**
 * A named matrix (Q, K, V, W_Q ...) as a compact diverging heatmap centred on 0, labelled with
 * its shape, "Q (7 × 16)", so the shapes of the attention formula can be seen side by side.
 */
import * as d3 from 'd3';
import type { DivergingScheme } from './colors.ts';
import { divergingInterpolator, divergingScale } from './colors.ts';
import type { Chart, G } from './frame.ts';
import { createSvg, fontSizeOf, renderOrRestore, sizeSvg, textWidth, truncate, watchLayout, widthOf } from './frame.ts';
import { exact, quote } from './format.ts';
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

interface Cell {
  i: number;
  j: number;
  v: number;
}

/** The label of a matrix with its shape: "Q (7 × 16)". */
export function shapeLabel(name: string, rows: number, cols: number): string {
  return `${name} (${rows} × ${cols})`;
}

/** Creates a matrix view inside `container`. See MatrixViewOptions and MatrixViewData. */
export function createMatrixView(container: HTMLElement, options: MatrixViewOptions = {}): Chart<MatrixViewData> {
  const svg = createSvg(container, 'matrix-view', 'Matrix');
  const nameText = svg.append('text').attr('class', 'viz-title');
  const readout = svg.append('text').attr('class', 'viz-readout');
  const rowG = svg.append('g').attr('class', 'viz-row-labels') as G;
  const grid = svg.append('g').attr('class', 'viz-cells') as G;
  const legendG = svg.append('g') as G;
  let data: MatrixViewData | undefined;
  let hint = '';
  let fit = (t: string) => t;

  const nameOf = (d: Cell) => {
    const rowName = data?.rowLabels?.[d.i];
    return `${data?.name ?? ''}[${rowName !== undefined ? `${quote(rowName)}` : d.i}, ${d.j}] = ${exact(d.v)}`;
  };

  function render(): void {
    if (!data) return;
    const g = toGrid(data.values, data.rows ?? data.rowLabels?.length, data.cols, 'matrix-view');
    const font = fontSizeOf(container);
    const width = widthOf(container, options.width);
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
    const gridH = g.rows * rowH;
    const legendH = Math.max(gridH, font * 5);
    sizeSvg(svg, Math.max(width, labelW + gridW + legendW), top + legendH + 6);
    const label = shapeLabel(data.name, g.rows, g.cols);
    svg.attr('aria-label', `Matrix ${label}`);
    fit = (t) => truncate(t, width, font);
    hint = 'Hover a cell to read its value.';

    nameText.attr('x', 0).attr('y', font * 1.2).attr('font-size', font * 1.1).text(label);
    readout.attr('x', 0).attr('y', font * 1.7 + font * 1.1).attr('font-size', font).text(fit(hint));

    const cells: Cell[] = [];
    for (let i = 0; i < g.rows; i++) for (let j = 0; j < g.cols; j++) cells.push({ i, j, v: g.at(i, j) });
    grid.attr('transform', `translate(${labelW},${top})`);
    grid
      .selectAll<SVGRectElement, Cell>('rect.viz-cell')
      .data(cells, (d) => `${d.i}:${d.j}`)
      .join('rect')
      .attr('class', 'viz-cell')
      .attr('x', (d) => d.j * cell)
      .attr('y', (d) => d.i * rowH)
      // A hairline gap only where cells are big enough to spare it.
      .attr('width', cell >= 8 ? cell - 1 : cell)
      .attr('height', rowH >= 8 ? rowH - 1 : rowH)
      .attr('fill', (d) => color(d.v))
      .attr('data-value', (d) => d.v);

    rowG.attr('transform', `translate(${labelW - 8},${top})`);
    const stride = Math.ceil((font * 1.15) / rowH);
    rowG
      .selectAll<SVGTextElement, number>('text')
      .data(labels ? d3.range(g.rows) : [], (i) => String(i))
      .join('text')
      .attr('class', 'viz-label')
      .attr('text-anchor', 'end')
      .attr('dy', '0.35em')
      .attr('y', (i) => i * rowH + rowH / 2)
      .attr('font-size', font)
      .attr('display', (i) => (i % stride === 0 ? null : 'none'))
      .text((i) => labels?.[i] ?? '');

    legendG.attr('transform', `translate(${labelW + gridW + 16},${top})`).attr('display', showLegend ? null : 'none');
    if (showLegend) drawLegend(legendG, { interpolator: divergingInterpolator(options.scheme), domain: [-m, m], ticks: [0], height: legendH, font });
  }

  const cellOf = (event: Event): Cell | undefined => {
    const t = event.target as Element | null;
    return t?.classList?.contains('viz-cell') ? (d3.select(t).datum() as Cell) : undefined;
  };
  grid
    .on('mouseover', (event: MouseEvent) => {
      const d = cellOf(event);
      if (!d) return;
      readout.text(fit(nameOf(d))).classed('is-active', true);
      options.onHoverCell?.({ row: d.i, col: d.j, value: d.v });
    })
    .on('mouseleave', () => {
      readout.text(fit(hint)).classed('is-active', false);
      options.onHoverCell?.(null);
    });

  const unwatch = watchLayout(container, render);
  return {
    update(next) {
      renderOrRestore(next, () => data, (d) => (data = d), render);
    },
    destroy() {
      unwatch();
      grid.on('mouseover', null).on('mouseleave', null);
      svg.remove();
    },
  };
}
