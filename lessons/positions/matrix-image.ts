/**
 * A large matrix (up to 100 positions x 512 dimensions = 51,200 values) as one picture: the
 * values are painted into a small canvas, one pixel per cell, and shown as an <image> inside
 * the kit's svg, scaled up without smoothing. One element instead of 51,200 rects keeps a
 * slider drag smooth, and the svg still exports with the kit's PNG/SVG buttons. Axes, a
 * hover read-out, an optional marked row and column, and the colour legend are svg as usual.
 * Framework-free, like the factories of src/viz: create(el, options) -> { update, destroy }.
 */
import * as d3 from 'd3';
import { divergingInterpolator, sequentialInterpolator, type SequentialScheme } from '../../src/viz/colors.ts';
import type { Frame } from '../../src/viz/chart.ts';
import { defineChart } from '../../src/viz/chart.ts';
import type { Chart, G, Svg } from '../../src/viz/frame.ts';
import { drawAxisTitles, sizeSvg, smallFont, textWidth, truncate } from '../../src/viz/frame.ts';
import { exact } from '../../src/viz/format.ts';
import type { LegendSpec } from '../../src/viz/legend.ts';
import { drawLegend, legendWidth } from '../../src/viz/legend.ts';

export type MatrixColor =
  | { kind: 'diverging'; maxAbs: number } // blue for negative, red for positive, white at 0
  | { kind: 'sequential'; domain: [number, number]; scheme?: SequentialScheme };

export interface MatrixImageOptions {
  /** Layout width in px; default the container's width. */
  width?: number;
  /** Tallest the grid may be, in px (default 360). */
  maxGridHeight?: number;
  /** Largest cell side in px (default 28). */
  maxCell?: number;
  /** Square cells (for position x position matrices); default false. */
  square?: boolean;
  /** Names of the axes, in labels and read-outs ("position", "dimension"). */
  rowAxis: string;
  colAxis: string;
  /** Caption of the colour legend. */
  legend?: string;
  onHoverCell?(cell: { row: number; col: number; value: number } | null): void;
}

export interface MatrixImageData {
  rows: number;
  cols: number;
  /** rows x cols values, row-major. */
  values: Float32Array;
  color: MatrixColor;
  title?: string;
  /** A row and a column to outline (the anchor position, the chosen dimension). */
  markRow?: number | null;
  markCol?: number | null;
}

const LEVELS = 256;

const tables = new WeakMap<MatrixColor, Uint8ClampedArray>();

/** The colour of each of LEVELS steps of t in [0, 1], as RGB bytes (cached per colour object). */
function colorTable(color: MatrixColor): Uint8ClampedArray {
  const hit = tables.get(color);
  if (hit) return hit;
  const f = color.kind === 'diverging' ? divergingInterpolator('RdBu') : sequentialInterpolator(color.scheme);
  const out = new Uint8ClampedArray(LEVELS * 3);
  for (let k = 0; k < LEVELS; k++) {
    const c = d3.rgb(f((k + 0.5) / LEVELS));
    out.set([c.r, c.g, c.b], k * 3);
  }
  tables.set(color, out);
  return out;
}

/** Maps a value to t in [0, 1] along the colour scale (clamped). */
export function colorPosition(color: MatrixColor, v: number): number {
  let t: number;
  if (color.kind === 'diverging') t = color.maxAbs > 0 ? (v / color.maxAbs + 1) / 2 : 0.5;
  else {
    const [lo, hi] = color.domain;
    t = hi > lo ? (v - lo) / (hi - lo) : 0.5;
  }
  return Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0.5;
}

/** The matrix as a PNG data URL with one pixel per cell, or null where there is no canvas (jsdom). */
function paint(data: MatrixImageData): string | null {
  const canvas = document.createElement('canvas');
  canvas.width = data.cols;
  canvas.height = data.rows;
  const ctx = canvas.getContext?.('2d');
  if (!ctx) return null;
  const table = colorTable(data.color);
  const image = ctx.createImageData(data.cols, data.rows);
  const px = image.data;
  for (let k = 0; k < data.rows * data.cols; k++) {
    const level = Math.min(LEVELS - 1, Math.floor(colorPosition(data.color, data.values[k]) * LEVELS));
    px[k * 4] = table[level * 3];
    px[k * 4 + 1] = table[level * 3 + 1];
    px[k * 4 + 2] = table[level * 3 + 2];
    px[k * 4 + 3] = 255;
  }
  ctx.putImageData(image, 0, 0);
  return canvas.toDataURL('image/png');
}

/** Whole-number ticks from 0 to n - 1, about `count` of them. */
function indexTicks(n: number, count: number): number[] {
  return d3.ticks(0, Math.max(0, n - 1), Math.max(2, count)).filter((t) => Number.isInteger(t));
}

/** Where everything of the picture goes: computed from data and size alone, without a DOM. */
export interface MatrixImageLayout {
  width: number;
  font: number;
  small: number;
  svgWidth: number;
  svgHeight: number;
  ariaLabel: string;
  title: string;
  titleH: number;
  rows: number;
  cols: number;
  /** Top-left corner of the picture, the size of one cell and of the whole picture, in px. */
  left: number;
  top: number;
  cellW: number;
  cellH: number;
  gridW: number;
  gridH: number;
  /** Row and column indices that get a tick. */
  xTicks: number[];
  yTicks: number[];
  axisLabels: { t: string; x: number; y: number; r: number }[];
  /** Outlines of the marked row and column, in picture px. */
  boxes: { x: number; y: number; w: number; h: number }[];
  legendX: number;
  legend: LegendSpec;
}

/** Lays the picture out: cell size fitted to the width and height limits, ticks, marks. Pure. */
export function layoutMatrixImage(data: MatrixImageData, frame: Frame, options: MatrixImageOptions): MatrixImageLayout {
  const { rows, cols, values } = data;
  if (values.length !== rows * cols) throw new Error(`matrix-image: ${values.length} values do not fill ${rows} x ${cols}`);
  const { font, width } = frame;
  const small = smallFont(font);
  const domain: [number, number] = data.color.kind === 'diverging' ? [-data.color.maxAbs, data.color.maxAbs] : data.color.domain;
  const legendW = legendWidth({ domain, font, caption: options.legend }) + 16;
  const tickW = textWidth(String(Math.max(0, rows - 1)), small) + 10;
  const left = font * 1.6 + tickW;
  const maxCell = options.maxCell ?? 28;
  // Taller with the font (presenter mode), as the kit's plots do.
  const maxH = (options.maxGridHeight ?? 360) * Math.max(1, font / 16);
  let cellW = Math.min(maxCell, Math.max(1, (width - left - legendW - 8) / Math.max(1, cols)));
  let cellH = Math.min(maxCell, maxH / Math.max(1, rows));
  if (options.square) cellW = cellH = Math.min(cellW, cellH);
  const gridW = cellW * cols;
  const gridH = cellH * rows;
  const titleH = data.title ? font * 1.7 : 0;
  const top = titleH + font * 1.9;
  const bottom = small * 1.8 + font * 1.7;
  const legendH = Math.max(gridH, font * 6);

  // Marked row and column: a dark outline with a light core shows on red, blue and white.
  const boxes: MatrixImageLayout['boxes'] = [];
  if (data.markRow != null && data.markRow >= 0 && data.markRow < rows) boxes.push({ x: 0, y: data.markRow * cellH, w: gridW, h: cellH });
  if (data.markCol != null && data.markCol >= 0 && data.markCol < cols) boxes.push({ x: data.markCol * cellW, y: 0, w: cellW, h: gridH });
  const interpolator = data.color.kind === 'diverging' ? divergingInterpolator('RdBu') : sequentialInterpolator(data.color.scheme);
  return {
    width,
    font,
    small,
    svgWidth: Math.max(width, left + gridW + legendW),
    svgHeight: top + Math.max(gridH + bottom, legendH) + 4,
    ariaLabel: `${data.title ?? 'Matrix'}: ${rows} ${options.rowAxis}s by ${cols} ${options.colAxis}s`,
    title: data.title ?? '',
    titleH,
    rows,
    cols,
    left,
    top,
    cellW,
    cellH,
    gridW,
    gridH,
    xTicks: indexTicks(cols, Math.floor(gridW / (textWidth('0000', small) * 1.6))),
    yTicks: indexTicks(rows, Math.floor(gridH / (small * 1.8))),
    axisLabels: [
      { t: options.colAxis, x: left + gridW / 2, y: top + gridH + small * 1.8 + font * 1.2, r: 0 },
      { t: options.rowAxis, x: font * 1.0, y: top + gridH / 2, r: -90 },
    ],
    boxes,
    legendX: left + gridW + 16,
    legend: { interpolator, domain, height: legendH, font, caption: options.legend, ticks: data.color.kind === 'diverging' ? [0] : undefined },
  };
}

interface Parts {
  titleText: d3.Selection<SVGTextElement, unknown, null, undefined>;
  readout: d3.Selection<SVGTextElement, unknown, null, undefined>;
  plot: G;
  picture: d3.Selection<SVGImageElement, unknown, null, undefined>;
  marks: G;
  hover: d3.Selection<SVGRectElement, unknown, null, undefined>;
  overlay: d3.Selection<SVGRectElement, unknown, null, undefined>;
  xAxisG: G;
  yAxisG: G;
  axisLabels: G;
  legendG: G;
}

const HINT = `Hover the picture to read a value.`;

/** Creates the matrix picture inside `container`. */
export function createMatrixImage(container: HTMLElement, options: MatrixImageOptions): Chart<MatrixImageData> {
  return defineChart<MatrixImageData>(container, {
    kind: 'matrix-image',
    label: 'Matrix',
    width: options.width,
    setup(svg, chart) {
      const titleText = svg.append('text').attr('class', 'viz-title');
      const readout = svg.append('text').attr('class', 'viz-readout');
      const plot = svg.append('g') as G;
      const parts: Parts = {
        titleText,
        readout,
        plot,
        picture: plot.append('image').attr('preserveAspectRatio', 'none').attr('image-rendering', 'optimizeSpeed').style('image-rendering', 'pixelated'),
        marks: plot.append('g').attr('pointer-events', 'none') as G,
        hover: plot.append('rect').attr('class', 'viz-hover-cell').attr('fill', 'none').attr('stroke-width', 2).attr('pointer-events', 'none').attr('display', 'none'),
        overlay: plot.append('rect').attr('fill', 'transparent'),
        xAxisG: plot.append('g').attr('class', 'viz-axis') as G,
        yAxisG: plot.append('g').attr('class', 'viz-axis') as G,
        axisLabels: svg.append('g') as G,
        legendG: svg.append('g') as G,
      };
      const { hover, overlay } = parts;
      let painted: MatrixImageData | undefined;
      let layout: MatrixImageLayout | undefined;
      const fit = (t: string) => (layout ? truncate(t, layout.width, layout.font) : t);

      overlay
        .on('mousemove', (event: MouseEvent) => {
          const data = chart.current();
          if (!data || !layout) return;
          const { cellW, cellH } = layout;
          const [px, py] = d3.pointer(event, overlay.node());
          const j = Math.min(data.cols - 1, Math.max(0, Math.floor(px / cellW)));
          const i = Math.min(data.rows - 1, Math.max(0, Math.floor(py / cellH)));
          const v = data.values[i * data.cols + j];
          hover.attr('display', null).attr('x', j * cellW).attr('y', i * cellH).attr('width', Math.max(2, cellW)).attr('height', Math.max(2, cellH));
          readout.text(fit(`${options.rowAxis} ${i}, ${options.colAxis} ${j}: ${exact(v)}`)).classed('is-active', true);
          options.onHoverCell?.({ row: i, col: j, value: v });
        })
        .on('mouseleave', () => {
          hover.attr('display', 'none');
          readout.text(fit(HINT)).classed('is-active', false);
          options.onHoverCell?.(null);
        });

      return {
        draw(data, frame) {
          layout = layoutMatrixImage(data, frame, options);
          // Repaint only for new values: a resize or theme switch only rescales the picture.
          if (painted !== data) {
            parts.picture.attr('href', paint(data));
            painted = data;
          }
          drawMatrixImage(svg, parts, layout, fit(HINT));
        },
        teardown() {
          overlay.on('mousemove', null).on('mouseleave', null);
        },
      };
    },
  });
}

/** Joins a layout into the picture's elements (the pixels themselves are painted apart). */
function drawMatrixImage(svg: Svg, parts: Parts, l: MatrixImageLayout, readout: string): void {
  const { font, small, gridW, gridH } = l;
  sizeSvg(svg, l.svgWidth, l.svgHeight);
  svg.attr('aria-label', l.ariaLabel);
  parts.titleText.attr('x', 0).attr('y', font * 1.2).attr('font-size', font * 1.1).text(l.title);
  parts.readout.attr('x', 0).attr('y', l.titleH + font * 1.2).attr('font-size', font).text(readout);
  parts.plot.attr('transform', `translate(${l.left},${l.top})`);
  parts.picture.attr('width', gridW).attr('height', gridH);
  parts.overlay.attr('width', gridW).attr('height', gridH);

  const xScale = d3.scaleLinear().domain([0, l.cols]).range([0, gridW]);
  const yScale = d3.scaleLinear().domain([0, l.rows]).range([0, gridH]);
  parts.xAxisG.attr('transform', `translate(0,${gridH})`).call(d3.axisBottom(xScale).tickValues(l.xTicks.map((t) => t + 0.5)).tickFormat((v) => String(+v - 0.5)));
  parts.yAxisG.call(d3.axisLeft(yScale).tickValues(l.yTicks.map((t) => t + 0.5)).tickFormat((v) => String(+v - 0.5)));
  drawAxisTitles(parts.plot, parts.axisLabels, l.axisLabels, font, small);

  for (const [cls, sw] of [['outer', 4], ['inner', 1.5]] as const) {
    parts.marks
      .selectAll(`rect.viz-pin-${cls}`)
      .data(l.boxes)
      .join('rect')
      .attr('class', `viz-pin-${cls}`)
      .attr('fill', 'none')
      .attr('stroke-width', sw)
      .attr('x', (b) => b.x - 1)
      .attr('y', (b) => b.y - 1)
      .attr('width', (b) => b.w + 2)
      .attr('height', (b) => b.h + 2);
  }
  parts.hover.attr('stroke', 'var(--viz-focus)');
  parts.legendG.attr('transform', `translate(${l.legendX},${l.top})`);
  drawLegend(parts.legendG, l.legend);
}
