/**
 * One vector (an embedding, a query, a head's output) as bars around a zero line: positive
 * entries in vermillion, negative in blue, so sign and size read at a glance.
 */
import * as d3 from 'd3';
import { NEGATIVE, POSITIVE } from './colors.ts';
import type { Frame } from './chart.ts';
import { defineChart } from './chart.ts';
import type { Chart, G, Svg } from './frame.ts';
import { sizeSvg, smallFont, textWidth, truncate } from './frame.ts';
import { exact } from './format.ts';
import type { VectorInput } from './values.ts';
import { toVector } from './values.ts';

export interface VectorBarsOptions {
  /** Layout width in px; default the container's width. */
  width?: number;
  /** 'vertical' (default): one column per entry; 'horizontal': one row per entry. */
  orientation?: 'vertical' | 'horizontal';
  /** Length in px of the value axis (default 160 for vertical bars, the width otherwise). */
  length?: number;
  /** Scale limit (symmetric); default the largest |value|. Fix it to compare vectors. */
  maxAbs?: number;
}

export interface VectorBarsData {
  /** Caption, e.g. "q for 'it'"; the length is appended: "q for 'it' (16)". */
  label: string;
  values: VectorInput;
  /** Optional name of each entry (e.g. dimensions or tokens). */
  entryLabels?: string[];
}

/** One bar as drawn: entry k of value v, as a rect. */
export interface Bar {
  k: number;
  v: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where everything of a vector's bars goes: computed from data and size alone, without a DOM. */
export interface VectorBarsLayout {
  width: number;
  font: number;
  small: number;
  svgWidth: number;
  svgHeight: number;
  ariaLabel: string;
  /** "q for 'it' (16)" */
  caption: string;
  bars: Bar[];
  zero: { x1: number; x2: number; y1: number; y2: number };
  ticks: Tick[];
  entryLabels: EntryLabel[];
}

/** Lays a vector out as bars around a zero line, vertical or horizontal. Pure. */
export function layoutVectorBars(data: VectorBarsData, frame: Frame, options: VectorBarsOptions = {}): VectorBarsLayout {
  const values = toVector(data.values, 'vector-bars');
  const n = values.length;
  const { font, width } = frame;
  const small = smallFont(font);
  const vertical = (options.orientation ?? 'vertical') === 'vertical';
  // A round limit (1.5 rather than 1.498) makes the tick labels readable at a glance.
  const m = options.maxAbs ?? (d3.nice(0, Math.max(0, ...values.map(Math.abs)), 4)[1] || 1);
  const names = data.entryLabels?.map((l) => truncate(l, width * 0.25, small));
  const top = font * 1.7 + font * 1.6 + (vertical ? small * 0.6 : 0);
  const axis = (vertical ? verticalBars : horizontalBars)(values, names, { width, small, top, m, length: options.length });
  return {
    width,
    font,
    small,
    ...axis,
    ariaLabel: `${data.label}: vector of ${n} values between ${exact(Math.min(...values))} and ${exact(Math.max(...values))}`,
    caption: `${data.label} (${n})`,
  };
}

type Axis = Pick<VectorBarsLayout, 'bars' | 'zero' | 'ticks' | 'entryLabels' | 'svgWidth' | 'svgHeight'>;
interface AxisFrame {
  width: number;
  small: number;
  /** Top of the bars' area, and the symmetric limit of the value axis. */
  top: number;
  m: number;
  length?: number;
}

/** One column per entry, values up and down from the zero line. */
function verticalBars(values: number[], names: string[] | undefined, f: AxisFrame): Axis {
  const { small, top, m } = f;
  const n = values.length;
  const tickW = Math.max(...[-m, m].map((v) => textWidth(exact(v), small))) + 12;
  const length = f.length ?? 160;
  const band = Math.max(3, Math.min(32, Math.floor((f.width - tickW) / Math.max(1, n))));
  const y = d3.scaleLinear().domain([-m, m]).range([top + length, top]);
  const x = (k: number) => tickW + k * band;
  // Entry labels under the bars only if they fit their band (rotating them would collide).
  const fits = names !== undefined && names.every((l) => textWidth(l, small) <= band - 2);
  return {
    bars: values.map((v, k) => ({ k, v, x: x(k), width: band > 6 ? band - 1 : band, y: Math.min(y(v), y(0)), height: Math.abs(y(v) - y(0)) })),
    zero: { x1: tickW, x2: tickW + n * band, y1: y(0), y2: y(0) },
    ticks: [-m, 0, m].map((v) => ({ v, x: tickW - 6, y: y(v), anchor: 'end' })),
    entryLabels: fits ? names.map((t, k) => ({ t, x: x(k) + band / 2, y: top + length + small * 1.3, anchor: 'middle' })) : [],
    svgWidth: Math.max(f.width, tickW + n * band),
    svgHeight: top + length + (fits ? small * 1.8 : small * 0.7),
  };
}

/** One row per entry, values left and right of the zero line, names before the rows. */
function horizontalBars(values: number[], names: string[] | undefined, f: AxisFrame): Axis {
  const { small, top, m } = f;
  const n = values.length;
  const nameW = names ? Math.max(0, ...names.map((l) => textWidth(l, small))) + 10 : 0;
  const band = Math.max(Math.ceil(small * 1.3), 10);
  const length = f.length ?? Math.max(120, f.width - nameW - 8);
  const x = d3.scaleLinear().domain([-m, m]).range([nameW, nameW + length]);
  const y = (k: number) => top + small * 1.4 + k * band;
  return {
    bars: values.map((v, k) => ({ k, v, y: y(k), height: band - 1, x: Math.min(x(v), x(0)), width: Math.abs(x(v) - x(0)) })),
    zero: { x1: x(0), x2: x(0), y1: y(0), y2: y(n) },
    ticks: [-m, 0, m].map((v, i) => ({ v, x: x(v), y: top + small * 0.9, anchor: ['start', 'middle', 'end'][i] })),
    entryLabels: (names ?? []).map((t, k) => ({ t, x: nameW - 8, y: y(k) + band / 2, anchor: 'end' })),
    svgWidth: Math.max(f.width, nameW + length + 8),
    svgHeight: y(n) + 6,
  };
}

interface Parts {
  caption: d3.Selection<SVGTextElement, unknown, null, undefined>;
  readout: d3.Selection<SVGTextElement, unknown, null, undefined>;
  plot: G;
  zero: d3.Selection<SVGLineElement, unknown, null, undefined>;
  ticksG: G;
  labelsG: G;
}

const HINT = 'Hover a bar to read its value.';

/** Creates a bar view of one vector inside `container`. */
export function createVectorBars(container: HTMLElement, options: VectorBarsOptions = {}): Chart<VectorBarsData> {
  return defineChart<VectorBarsData>(container, {
    kind: 'vector-bars',
    label: 'Vector',
    width: options.width,
    setup(svg, chart) {
      const parts: Parts = {
        caption: svg.append('text').attr('class', 'viz-title'),
        readout: svg.append('text').attr('class', 'viz-readout'),
        plot: svg.append('g').attr('class', 'viz-bars') as G,
        zero: svg.append('line').attr('class', 'viz-zero').attr('stroke', 'currentColor'),
        ticksG: svg.append('g').attr('class', 'viz-ticks') as G,
        labelsG: svg.append('g').attr('class', 'viz-entry-labels') as G,
      };
      const { plot, readout } = parts;
      let fit = (t: string) => t;
      plot
        .on('mouseover', (event: MouseEvent) => {
          const t = event.target as Element | null;
          const data = chart.current();
          if (!t?.classList?.contains('viz-bar') || !data) return;
          const b = d3.select(t).datum() as Bar;
          const name = data.entryLabels?.[b.k] ?? String(b.k);
          readout.text(fit(`${data.label}[${name}] = ${exact(b.v)}`)).classed('is-active', true);
        })
        .on('mouseleave', () => readout.text(fit(HINT)).classed('is-active', false));
      return {
        draw(data, frame) {
          const l = layoutVectorBars(data, frame, options);
          fit = (t) => truncate(t, l.width, l.font);
          drawVectorBars(svg, parts, l, fit(HINT));
        },
        teardown() {
          plot.on('mouseover', null).on('mouseleave', null);
        },
      };
    },
  });
}

/** Joins a layout into the vector's elements. */
function drawVectorBars(svg: Svg, parts: Parts, l: VectorBarsLayout, readout: string): void {
  const { font, small } = l;
  parts.caption.attr('x', 0).attr('y', font * 1.2).attr('font-size', font * 1.1).text(l.caption);
  parts.readout.attr('x', 0).attr('y', font * 1.7 + font * 1.1).attr('font-size', font).text(readout);
  svg.attr('aria-label', l.ariaLabel);
  parts.plot
    .selectAll<SVGRectElement, Bar>('rect')
    .data(l.bars, (b) => String(b.k))
    .join('rect')
    .attr('x', (b) => b.x)
    .attr('width', (b) => b.width)
    .attr('y', (b) => b.y)
    .attr('height', (b) => b.height)
    .attr('class', (b) => `viz-bar ${b.v < 0 ? 'is-negative' : 'is-positive'}`)
    .attr('fill', (b) => (b.v < 0 ? NEGATIVE : POSITIVE))
    .attr('data-value', (b) => b.v);
  parts.zero.attr('x1', l.zero.x1).attr('x2', l.zero.x2).attr('y1', l.zero.y1).attr('y2', l.zero.y2);
  drawTicks(parts.ticksG, l.ticks, small);
  drawEntryLabels(parts.labelsG, l.entryLabels, small);
  sizeSvg(svg, l.svgWidth, l.svgHeight);
}

/** A value on the bars' axis: -limit, 0 and +limit. */
export interface Tick {
  v: number;
  x: number;
  y: number;
  anchor: string;
}

function drawTicks(g: G, ticks: Tick[], font: number): void {
  g.selectAll<SVGTextElement, Tick>('text')
    .data(ticks)
    .join('text')
    .attr('class', 'viz-label viz-muted')
    .attr('x', (d) => d.x)
    .attr('y', (d) => d.y)
    .attr('dy', '0.35em')
    .attr('text-anchor', (d) => d.anchor)
    .attr('font-size', font)
    .text((d) => exact(d.v));
}

/** An entry's name beside (or under) its bar. */
export interface EntryLabel {
  t: string;
  x: number;
  y: number;
  anchor: string;
}

function drawEntryLabels(g: G, labels: EntryLabel[], font: number): void {
  g.selectAll<SVGTextElement, EntryLabel>('text')
    .data(labels)
    .join('text')
    .attr('class', 'viz-label')
    .attr('x', (d) => d.x)
    .attr('y', (d) => d.y)
    .attr('dy', '0.35em')
    .attr('text-anchor', (d) => d.anchor)
    .attr('font-size', font)
    .text((d) => d.t);
}
