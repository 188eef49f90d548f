/**
 * The attention heatmap: queries down, keys across, one cell per weight. Hover reads a cell's
 * exact value; clicking a row (its label or any cell) pins it, outlining it and dimming the
 * rest, which is how a lesson says "look at what 'it' attends to".
 */
import * as d3 from 'd3';
import type { SequentialScheme } from './colors.ts';
import { divergingInterpolator, divergingScale, readableTextOn, sequentialInterpolator, sequentialScale, type DivergingScheme } from './colors.ts';
import type { Chart, G } from './frame.ts';
import { asButton, createSvg, fontSizeOf, MIN_FONT, renderOrRestore, sizeSvg, textWidth, truncate, watchLayout, widthOf } from './frame.ts';
import { cellLabel, exact, quote } from './format.ts';
import { drawLegend, legendWidth } from './legend.ts';
import type { MatrixInput } from './values.ts';
import { toGrid } from './values.ts';

export interface HeatmapOptions {
  /** Layout width in px; default the container's width (640 when it has no layout). */
  width?: number;
  /** Fixed cell size in px; default: as large as the width allows, up to maxCell. */
  cellSize?: number;
  /** Largest cell when fitting to the width (default 64). */
  maxCell?: number;
  /** Colour scheme (default 'viridis'). */
  scheme?: SequentialScheme;
  /** A diverging scheme instead, symmetric around 0: for differences (e.g. of two attention maps). */
  diverging?: DivergingScheme;
  /** Colour domain; default [min(0, smallest), largest] of the data. */
  domain?: [number, number];
  /** Smallest cell in px that gets its value written inside (default 28). */
  minLabelCell?: number;
  /** Show the colour legend (default true); a string also captions it. */
  legend?: boolean | string;
  /** Names of the two axes in read-outs and labels (default 'query', 'key'). */
  rowAxis?: string;
  colAxis?: string;
  /** Called when the user pins a row (its index) or unpins it (null). */
  onPinRow?(row: number | null): void;
  /** Called when the pointer enters a cell, and with null when it leaves the grid. */
  onHoverCell?(cell: { row: number; col: number; value: number } | null): void;
}

export interface HeatmapData {
  /** Labels of the rows (queries) and columns (keys); their lengths give the matrix shape. */
  rows: string[];
  cols: string[];
  /** rows x cols values: nested arrays, a flat Float32Array, or a 2-D tensor. */
  values: MatrixInput;
  title?: string;
  /** Pinned row; undefined leaves the current pin (set by clicks) as it is. */
  pinnedRow?: number | null;
  /** Columns to mark, e.g. the candidate antecedents of a pronoun. */
  highlightCols?: number[];
}

interface Cell {
  i: number;
  j: number;
  v: number;
}

const PAD = 4;
const DIM = 0.3;

/** Creates a heatmap inside `container`. See HeatmapOptions and HeatmapData. */
export function createHeatmap(container: HTMLElement, options: HeatmapOptions = {}): Chart<HeatmapData> {
  const svg = createSvg(container, 'heatmap', 'Heatmap');
  const titleText = svg.append('text').attr('class', 'viz-title');
  const readout = svg.append('text').attr('class', 'viz-readout');
  const colG = svg.append('g').attr('class', 'viz-col-labels') as G;
  const rowG = svg.append('g').attr('class', 'viz-row-labels') as G;
  const grid = svg.append('g').attr('class', 'viz-cells') as G;
  const marks = svg.append('g').attr('class', 'viz-marks').attr('pointer-events', 'none') as G;
  const legendG = svg.append('g') as G;
  const rowAxis = options.rowAxis ?? 'query';
  const colAxis = options.colAxis ?? 'key';

  let data: HeatmapData | undefined;
  let pinned: number | null = null;
  let hint = '';
  let fitText = (t: string) => t;

  const pin = (row: number | null) => {
    pinned = row;
    render();
    options.onPinRow?.(row);
  };

  function render(): void {
    if (!data) return;
    const { rows, cols } = data;
    const g = toGrid(data.values, rows.length, cols.length, 'heatmap');
    const font = fontSizeOf(container);
    const width = widthOf(container, options.width);
    const [lo, hi] = g.extent();
    const maxAbs = Math.max(Math.abs(lo), Math.abs(hi));
    const domain = options.domain ?? (options.diverging ? ([-maxAbs, maxAbs] as [number, number]) : ([Math.min(0, lo), hi] as [number, number]));
    const color = options.diverging ? divergingScale(Math.max(Math.abs(domain[0]), Math.abs(domain[1])), options.diverging) : sequentialScale(domain, options.scheme);
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
    const gridH = rows.length * cell;
    const legendH = Math.max(gridH, font * 5);
    const overhang = flat ? 0 : colMaxW * Math.SQRT1_2;
    sizeSvg(svg, Math.max(width, left + gridW + legendW, left + gridW + overhang + PAD), top + legendH + PAD * 2);
    svg.attr('aria-label', data.title ?? `Heatmap of ${rows.length} ${rowAxis} rows by ${cols.length} ${colAxis} columns`);

    titleText.attr('x', 0).attr('y', font * 1.2).attr('font-size', font * 1.1).text(data.title ?? '');
    hint = pinned === null ? 'Hover a cell to read its value; click a row to pin it.' : `Pinned ${rowAxis} ${quote(rows[pinned] ?? '')}: click it again to unpin.`;
    fitText = (t) => truncate(t, width, font);
    readout.attr('x', 0).attr('y', titleH + font * 1.2).attr('font-size', font).text(fitText(hint));

    const highlighted = new Set(data.highlightCols ?? []);
    const cells: Cell[] = [];
    for (let i = 0; i < rows.length; i++) for (let j = 0; j < cols.length; j++) cells.push({ i, j, v: g.at(i, j) });
    const dim = (i: number) => (pinned !== null && i !== pinned ? DIM : 1);

    grid.attr('transform', `translate(${left},${top})`);
    grid
      .selectAll<SVGRectElement, Cell>('rect.viz-cell')
      .data(cells, (d) => `${d.i}:${d.j}`)
      .join((enter) => {
        const r = enter.append('rect').attr('class', 'viz-cell');
        r.append('title');
        return r;
      })
      .attr('x', (d) => d.j * cell)
      .attr('y', (d) => d.i * cell)
      .attr('width', Math.max(1, cell - 1))
      .attr('height', Math.max(1, cell - 1))
      .attr('fill', (d) => color(d.v))
      .attr('opacity', (d) => dim(d.i))
      .attr('data-value', (d) => d.v)
      .select('title')
      .text((d) => `${rowAxis} ${quote(rows[d.i])} → ${colAxis} ${quote(cols[d.j])}: ${exact(d.v)}`);

    // Values inside cells only when the longest label fits: overlapping digits help nobody.
    const cellFont = Math.min(font, Math.max(MIN_FONT - 2, cell * 0.45));
    const labelled = cell >= (options.minLabelCell ?? 28) && cells.every((d) => textWidth(cellLabel(d.v), cellFont) <= cell - 6);
    grid
      .selectAll<SVGTextElement, Cell>('text.viz-cell-label')
      .data(labelled ? cells : [], (d) => `${d.i}:${d.j}`)
      .join('text')
      .attr('class', 'viz-cell-label')
      .attr('pointer-events', 'none')
      .attr('text-anchor', 'middle')
      .attr('dy', '0.35em')
      .attr('x', (d) => d.j * cell + (cell - 1) / 2)
      .attr('y', (d) => d.i * cell + (cell - 1) / 2)
      .attr('font-size', cellFont)
      .attr('fill', (d) => readableTextOn(color(d.v)))
      .attr('opacity', (d) => dim(d.i))
      .text((d) => cellLabel(d.v));

    rowG.attr('transform', `translate(${left - 8},${top})`);
    const rowLabel = rowG
      .selectAll<SVGGElement, number>('g.viz-row-label')
      .data(d3.range(rows.length), (i) => String(i))
      .join((enter) => {
        const e = enter.append('g').attr('class', 'viz-row-label');
        e.append('rect').attr('class', 'viz-hit').attr('fill', 'transparent');
        e.append('text').attr('class', 'viz-label').attr('text-anchor', 'end').attr('dy', '0.35em');
        asButton(e, (_ev, i) => pin(pinned === i ? null : i));
        return e;
      })
      .attr('transform', (i) => `translate(0,${i * cell + (cell - 1) / 2})`)
      .attr('aria-pressed', (i) => String(i === pinned))
      .attr('aria-label', (i) => `${pinned === i ? 'Unpin' : 'Pin'} ${rowAxis} ${quote(rows[i])}`)
      .classed('is-pinned', (i) => i === pinned);
    rowLabel.select('rect').attr('x', -(rowLabelW - 8)).attr('y', -cell / 2).attr('width', rowLabelW).attr('height', cell);
    rowLabel
      .select('text')
      .attr('font-size', font)
      .attr('font-weight', (i) => (i === pinned ? 700 : null))
      .attr('opacity', (i) => dim(i))
      // Thinned labels (rows thinner than a line of text) hide their text but stay focusable,
      // so every row can be pinned from the keyboard; viz.css shows the text while focused.
      .attr('visibility', (i) => (i % rowStride === 0 || i === pinned ? null : 'hidden'))
      .text((i) => rowNames[i]);

    colG.attr('transform', `translate(${left},${top - 6})`);
    colG
      .selectAll<SVGTextElement, number>('text.viz-col-label')
      .data(d3.range(cols.length), (j) => String(j))
      .join('text')
      .attr('class', 'viz-col-label viz-label')
      .classed('is-highlighted', (j) => highlighted.has(j))
      .attr('font-size', font)
      .attr('font-weight', (j) => (highlighted.has(j) ? 700 : null))
      .attr('text-anchor', flat ? 'middle' : 'start')
      .attr('transform', (j) => `translate(${j * cell + (cell - 1) / 2},0)${flat ? '' : ' rotate(-45)'}`)
      .attr('display', (j) => (j % colStride === 0 || highlighted.has(j) ? null : 'none'))
      .text((j) => colNames[j]);

    drawMarks(marks, { left, top, cell, cols: cols.length, rows: rows.length, pinned, highlighted: [...highlighted] });
    legendG.attr('transform', `translate(${left + gridW + 16},${top})`).attr('display', showLegend ? null : 'none');
    if (showLegend) drawLegend(legendG, { interpolator: options.diverging ? divergingInterpolator(options.diverging) : sequentialInterpolator(options.scheme), domain, height: legendH, font, caption });
  }

  // One listener set on the cell group (delegation): a 40 x 40 map has 1,600 cells.
  const cellOf = (event: Event): Cell | undefined => {
    const t = event.target as Element | null;
    return t?.classList?.contains('viz-cell') ? (d3.select(t).datum() as Cell) : undefined;
  };
  grid
    .on('mouseover', (event: MouseEvent) => {
      const d = cellOf(event);
      if (!d || !data) return;
      const text = `${rowAxis} ${quote(data.rows[d.i])} → ${colAxis} ${quote(data.cols[d.j])}: ${exact(d.v)}`;
      readout.text(fitText(text)).classed('is-active', true);
      grid.selectAll<SVGRectElement, Cell>('rect.viz-cell').classed('is-hovered', (c) => c === d);
      options.onHoverCell?.({ row: d.i, col: d.j, value: d.v });
    })
    .on('mouseleave', () => {
      readout.text(fitText(hint)).classed('is-active', false);
      grid.selectAll('rect.viz-cell').classed('is-hovered', false);
      options.onHoverCell?.(null);
    })
    .on('click', (event: MouseEvent) => {
      const d = cellOf(event);
      if (d) pin(pinned === d.i ? null : d.i);
    });

  const unwatch = watchLayout(container, render);
  return {
    update(next) {
      if (next.pinnedRow !== undefined) pinned = next.pinnedRow;
      if (pinned !== null && pinned >= next.rows.length) pinned = null;
      renderOrRestore(next, () => data, (d) => (data = d), render);
    },
    destroy() {
      unwatch();
      grid.on('mouseover', null).on('mouseleave', null).on('click', null);
      svg.remove();
    },
  };
}

interface MarkSpec {
  left: number;
  top: number;
  cell: number;
  rows: number;
  cols: number;
  pinned: number | null;
  highlighted: number[];
}

/**
 * Outlines the pinned row (solid, doubled so it shows on dark and light cells alike) and the
 * highlighted columns (dashed), drawn above the cells.
 */
function drawMarks(g: G, s: MarkSpec): void {
  g.attr('transform', `translate(${s.left},${s.top})`);
  const rowBox = s.pinned === null ? [] : [s.pinned];
  for (const [cls, width, stroke] of [
    ['viz-pin-outer', 4, '#111111'],
    ['viz-pin-inner', 1.5, '#ffffff'],
  ] as const) {
    g.selectAll(`rect.${cls}`)
      .data(rowBox)
      .join('rect')
      .attr('class', cls)
      .attr('fill', 'none')
      .attr('stroke', stroke)
      .attr('stroke-width', width)
      .attr('x', -1)
      .attr('y', (i) => i * s.cell - 1)
      .attr('width', s.cols * s.cell + 1)
      .attr('height', s.cell + 1);
  }
  g.selectAll('rect.viz-col-mark')
    .data(s.highlighted.filter((j) => j >= 0 && j < s.cols))
    .join('rect')
    .attr('class', 'viz-col-mark')
    .attr('fill', 'none')
    .attr('stroke', '#111111')
    .attr('stroke-width', 2)
    .attr('stroke-dasharray', '6 4')
    .attr('x', (j) => j * s.cell - 1)
    .attr('y', -1)
    .attr('width', s.cell + 1)
    .attr('height', s.rows * s.cell + 1);
}
