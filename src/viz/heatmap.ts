/**
 * The attention heatmap: queries down, keys across, one cell per weight. Hover reads a cell's
 * exact value; clicking a row (its label or any cell) pins it, outlining it and dimming the
 * rest, which is how a lesson says "look at what 'it' attends to". The layout (sizes, colours,
 * labels) is computed apart, without a DOM, in heatmap-layout.ts; this file joins it into the svg.
 */
import * as d3 from 'd3';
import { defineChart } from './chart.ts';
import type { DivergingScheme, SequentialScheme } from './colors.ts';
import type { Chart, G, Svg } from './frame.ts';
import { asButton, sizeSvg, truncate } from './frame.ts';
import type { HeatmapCell, HeatmapCellLabel, HeatmapColLabel, HeatmapLayout, HeatmapRowLabel, MarkSpec } from './heatmap-layout.ts';
import { layoutHeatmap } from './heatmap-layout.ts';
import { drawLegend } from './legend.ts';
import type { MatrixInput } from './values.ts';

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

/** The heatmap's elements, appended once in the order they stack. */
interface Parts {
  titleText: d3.Selection<SVGTextElement, unknown, null, undefined>;
  readout: d3.Selection<SVGTextElement, unknown, null, undefined>;
  colG: G;
  rowG: G;
  grid: G;
  marks: G;
  legendG: G;
}

/** Creates a heatmap inside `container`. See HeatmapOptions and HeatmapData. */
export function createHeatmap(container: HTMLElement, options: HeatmapOptions = {}): Chart<HeatmapData> {
  return defineChart<HeatmapData>(container, {
    kind: 'heatmap',
    label: 'Heatmap',
    width: options.width,
    setup(svg, chart) {
      const parts: Parts = {
        titleText: svg.append('text').attr('class', 'viz-title'),
        readout: svg.append('text').attr('class', 'viz-readout'),
        colG: svg.append('g').attr('class', 'viz-col-labels') as G,
        rowG: svg.append('g').attr('class', 'viz-row-labels') as G,
        grid: svg.append('g').attr('class', 'viz-cells') as G,
        marks: svg.append('g').attr('class', 'viz-marks').attr('pointer-events', 'none') as G,
        legendG: svg.append('g') as G,
      };
      const { grid, readout } = parts;
      let pinned: number | null = null;
      let layout: HeatmapLayout | undefined;
      const fit = (t: string) => (layout ? truncate(t, layout.width, layout.font) : t);
      const togglePin = (row: number) => {
        pinned = pinned === row ? null : row;
        chart.redraw();
        options.onPinRow?.(pinned);
      };

      // One listener set on the cell group (delegation): a 40 x 40 map has 1,600 cells.
      const cellOf = (event: Event): HeatmapCell | undefined => {
        const t = event.target as Element | null;
        return t?.classList?.contains('viz-cell') ? (d3.select(t).datum() as HeatmapCell) : undefined;
      };
      grid
        .on('mouseover', (event: MouseEvent) => {
          const d = cellOf(event);
          if (!d || !chart.current()) return;
          readout.text(fit(d.name)).classed('is-active', true);
          grid.selectAll<SVGRectElement, HeatmapCell>('rect.viz-cell').classed('is-hovered', (c) => c === d);
          options.onHoverCell?.({ row: d.i, col: d.j, value: d.v });
        })
        .on('mouseleave', () => {
          readout.text(fit(layout?.hint ?? '')).classed('is-active', false);
          grid.selectAll('rect.viz-cell').classed('is-hovered', false);
          options.onHoverCell?.(null);
        })
        .on('click', (event: MouseEvent) => {
          const d = cellOf(event);
          if (d) togglePin(d.i);
        });

      return {
        accept(next) {
          if (next.pinnedRow !== undefined) pinned = next.pinnedRow;
          if (pinned !== null && pinned >= next.rows.length) pinned = null;
        },
        draw(data, frame) {
          layout = layoutHeatmap(data, frame, options, pinned);
          drawHeatmap(svg, parts, layout, togglePin);
        },
        teardown() {
          grid.on('mouseover', null).on('mouseleave', null).on('click', null);
        },
      };
    },
  });
}

/** Joins a layout into the heatmap's elements. `togglePin` is bound once, to new row labels. */
function drawHeatmap(svg: Svg, parts: Parts, l: HeatmapLayout, togglePin: (row: number) => void): void {
  const { font } = l;
  sizeSvg(svg, l.svgWidth, l.svgHeight);
  svg.attr('aria-label', l.ariaLabel);
  parts.titleText.attr('x', 0).attr('y', font * 1.2).attr('font-size', font * 1.1).text(l.title);
  parts.readout.attr('x', 0).attr('y', l.titleH + font * 1.2).attr('font-size', font).text(truncate(l.hint, l.width, font));
  drawCells(parts.grid, l);
  drawRowLabels(parts.rowG, l, togglePin);
  drawColLabels(parts.colG, l);
  drawMarks(parts.marks, l.marks);
  parts.legendG.attr('transform', `translate(${l.legendX},${l.top})`).attr('display', l.legend ? null : 'none');
  if (l.legend) drawLegend(parts.legendG, l.legend);
}

/** The cells (keyed by position, so an update recolours them in place) and their values. */
function drawCells(grid: G, l: HeatmapLayout): void {
  const { cell, rowOpacity } = l;
  grid.attr('transform', `translate(${l.left},${l.top})`);
  grid
    .selectAll<SVGRectElement, HeatmapCell>('rect.viz-cell')
    .data(l.cells, (d) => `${d.i}:${d.j}`)
    .join((enter) => {
      const r = enter.append('rect').attr('class', 'viz-cell');
      r.append('title');
      return r;
    })
    .attr('x', (d) => d.j * cell)
    .attr('y', (d) => d.i * cell)
    .attr('width', Math.max(1, cell - 1))
    .attr('height', Math.max(1, cell - 1))
    .attr('fill', (d) => d.fill)
    .attr('opacity', (d) => rowOpacity[d.i])
    .attr('data-value', (d) => d.v)
    .select('title')
    .text((d) => d.name);

  grid
    .selectAll<SVGTextElement, HeatmapCellLabel>('text.viz-cell-label')
    .data(l.cellLabels, (d) => `${d.i}:${d.j}`)
    .join('text')
    .attr('class', 'viz-cell-label')
    .attr('pointer-events', 'none')
    .attr('text-anchor', 'middle')
    .attr('dy', '0.35em')
    .attr('x', (d) => d.j * cell + (cell - 1) / 2)
    .attr('y', (d) => d.i * cell + (cell - 1) / 2)
    .attr('font-size', l.cellFont)
    .attr('fill', (d) => d.fill)
    .attr('opacity', (d) => rowOpacity[d.i])
    .text((d) => d.text);
}

/** Row labels: keyboard buttons that pin their row, thinned out when rows are thin. */
function drawRowLabels(rowG: G, l: HeatmapLayout, togglePin: (row: number) => void): void {
  const { cell, font } = l;
  rowG.attr('transform', `translate(${l.left - 8},${l.top})`);
  const rowLabel = rowG
    .selectAll<SVGGElement, HeatmapRowLabel>('g.viz-row-label')
    .data(l.rowLabels, (r) => String(r.i))
    .join((enter) => {
      const e = enter.append('g').attr('class', 'viz-row-label');
      e.append('rect').attr('class', 'viz-hit').attr('fill', 'transparent');
      e.append('text').attr('class', 'viz-label').attr('text-anchor', 'end').attr('dy', '0.35em');
      asButton(e, (_ev, r) => togglePin(r.i));
      return e;
    })
    .attr('transform', (r) => `translate(0,${r.i * cell + (cell - 1) / 2})`)
    .attr('aria-pressed', (r) => String(r.pinned))
    .attr('aria-label', (r) => r.ariaLabel)
    .classed('is-pinned', (r) => r.pinned);
  rowLabel.select('rect').attr('x', -(l.rowLabelW - 8)).attr('y', -cell / 2).attr('width', l.rowLabelW).attr('height', cell);
  rowLabel
    .select('text')
    .attr('font-size', font)
    .attr('font-weight', (r) => (r.pinned ? 700 : null))
    .attr('opacity', (r) => r.opacity)
    // Thinned labels (rows thinner than a line of text) hide their text but stay focusable,
    // so every row can be pinned from the keyboard; viz.css shows the text while focused.
    .attr('visibility', (r) => (r.shown ? null : 'hidden'))
    .text((r) => r.text);
}

/** Column labels, flat or at -45deg, with highlighted columns in bold. */
function drawColLabels(colG: G, l: HeatmapLayout): void {
  const { cell, font, flat } = l;
  colG.attr('transform', `translate(${l.left},${l.top - 6})`);
  colG
    .selectAll<SVGTextElement, HeatmapColLabel>('text.viz-col-label')
    .data(l.colLabels, (c) => String(c.j))
    .join('text')
    .attr('class', 'viz-col-label viz-label')
    .classed('is-highlighted', (c) => c.highlighted)
    .attr('font-size', font)
    .attr('font-weight', (c) => (c.highlighted ? 700 : null))
    .attr('text-anchor', flat ? 'middle' : 'start')
    .attr('transform', (c) => `translate(${c.j * cell + (cell - 1) / 2},0)${flat ? '' : ' rotate(-45)'}`)
    .attr('display', (c) => (c.shown ? null : 'none'))
    .text((c) => c.text);
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
