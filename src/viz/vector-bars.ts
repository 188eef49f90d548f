/**
 * One vector (an embedding, a query, a head's output) as bars around a zero line: positive
 * entries in vermillion, negative in blue, so sign and size read at a glance.
 */
import * as d3 from 'd3';
import { NEGATIVE, POSITIVE } from './colors.ts';
import type { Chart, G } from './frame.ts';
import { createSvg, fontSizeOf, renderOrRestore, sizeSvg, smallFont, textWidth, truncate, watchLayout, widthOf } from './frame.ts';
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

interface Bar {
  k: number;
  v: number;
}

/** Creates a bar view of one vector inside `container`. */
export function createVectorBars(container: HTMLElement, options: VectorBarsOptions = {}): Chart<VectorBarsData> {
  const svg = createSvg(container, 'vector-bars', 'Vector');
  const caption = svg.append('text').attr('class', 'viz-title');
  const readout = svg.append('text').attr('class', 'viz-readout');
  const plot = svg.append('g').attr('class', 'viz-bars') as G;
  const zero = svg.append('line').attr('class', 'viz-zero').attr('stroke', 'currentColor');
  const ticksG = svg.append('g').attr('class', 'viz-ticks') as G;
  const labelsG = svg.append('g').attr('class', 'viz-entry-labels') as G;
  let data: VectorBarsData | undefined;
  let fit = (t: string) => t;
  const hint = 'Hover a bar to read its value.';

  function render(): void {
    if (!data) return;
    const values = toVector(data.values, 'vector-bars');
    const n = values.length;
    const font = fontSizeOf(container);
    const small = smallFont(font);
    const width = widthOf(container, options.width);
    const vertical = (options.orientation ?? 'vertical') === 'vertical';
    // A round limit (1.5 rather than 1.498) makes the tick labels readable at a glance.
    const m = options.maxAbs ?? (d3.nice(0, Math.max(0, ...values.map(Math.abs)), 4)[1] || 1);
    const names = data.entryLabels?.map((l) => truncate(l, width * 0.25, small));
    const tickW = Math.max(...[-m, m].map((v) => textWidth(exact(v), small))) + 12;
    const top = font * 1.7 + font * 1.6 + (vertical ? small * 0.6 : 0);
    fit = (t) => truncate(t, width, font);

    caption.attr('x', 0).attr('y', font * 1.2).attr('font-size', font * 1.1).text(`${data.label} (${n})`);
    readout.attr('x', 0).attr('y', font * 1.7 + font * 1.1).attr('font-size', font).text(fit(hint));
    svg.attr('aria-label', `${data.label}: vector of ${n} values between ${exact(Math.min(...values))} and ${exact(Math.max(...values))}`);

    const bars: Bar[] = values.map((v, k) => ({ k, v }));
    let size: [number, number];
    if (vertical) {
      const length = options.length ?? 160;
      const band = Math.max(3, Math.min(32, Math.floor((width - tickW) / Math.max(1, n))));
      const y = d3.scaleLinear().domain([-m, m]).range([top + length, top]);
      const x = (k: number) => tickW + k * band;
      plot
        .selectAll<SVGRectElement, Bar>('rect')
        .data(bars, (b) => String(b.k))
        .join('rect')
        .attr('x', (b) => x(b.k))
        .attr('width', band > 6 ? band - 1 : band)
        .attr('y', (b) => Math.min(y(b.v), y(0)))
        .attr('height', (b) => Math.abs(y(b.v) - y(0)));
      zero.attr('x1', tickW).attr('x2', tickW + n * band).attr('y1', y(0)).attr('y2', y(0));
      drawTicks(ticksG, [-m, 0, m].map((v) => ({ v, x: tickW - 6, y: y(v), anchor: 'end' })), small);
      // Entry labels under the bars only if they fit their band (rotating them would collide).
      const fits = names !== undefined && names.every((l) => textWidth(l, small) <= band - 2);
      drawEntryLabels(labelsG, fits ? names.map((t, k) => ({ t, x: x(k) + band / 2, y: top + length + small * 1.3, anchor: 'middle' })) : [], small);
      size = [Math.max(width, tickW + n * band), top + length + (fits ? small * 1.8 : small * 0.7)];
    } else {
      const nameW = names ? Math.max(0, ...names.map((l) => textWidth(l, small))) + 10 : 0;
      const band = Math.max(Math.ceil(small * 1.3), 10);
      const length = options.length ?? Math.max(120, width - nameW - 8);
      const x = d3.scaleLinear().domain([-m, m]).range([nameW, nameW + length]);
      const y = (k: number) => top + small * 1.4 + k * band;
      plot
        .selectAll<SVGRectElement, Bar>('rect')
        .data(bars, (b) => String(b.k))
        .join('rect')
        .attr('y', (b) => y(b.k))
        .attr('height', band - 1)
        .attr('x', (b) => Math.min(x(b.v), x(0)))
        .attr('width', (b) => Math.abs(x(b.v) - x(0)));
      zero.attr('x1', x(0)).attr('x2', x(0)).attr('y1', y(0)).attr('y2', y(n));
      drawTicks(ticksG, [-m, 0, m].map((v, i) => ({ v, x: x(v), y: top + small * 0.9, anchor: ['start', 'middle', 'end'][i] })), small);
      drawEntryLabels(labelsG, (names ?? []).map((t, k) => ({ t, x: nameW - 8, y: y(k) + band / 2, anchor: 'end' })), small);
      size = [Math.max(width, nameW + length + 8), y(n) + 6];
    }
    plot
      .selectAll<SVGRectElement, Bar>('rect')
      .attr('class', (b) => `viz-bar ${b.v < 0 ? 'is-negative' : 'is-positive'}`)
      .attr('fill', (b) => (b.v < 0 ? NEGATIVE : POSITIVE))
      .attr('data-value', (b) => b.v);
    sizeSvg(svg, size[0], size[1]);
  }

  plot
    .on('mouseover', (event: MouseEvent) => {
      const t = event.target as Element | null;
      if (!t?.classList?.contains('viz-bar') || !data) return;
      const b = d3.select(t).datum() as Bar;
      const name = data.entryLabels?.[b.k] ?? String(b.k);
      readout.text(fit(`${data.label}[${name}] = ${exact(b.v)}`)).classed('is-active', true);
    })
    .on('mouseleave', () => readout.text(fit(hint)).classed('is-active', false));

  const unwatch = watchLayout(container, render);
  return {
    update(next) {
      renderOrRestore(next, () => data, (d) => (data = d), render);
    },
    destroy() {
      unwatch();
      plot.on('mouseover', null).on('mouseleave', null);
      svg.remove();
    },
  };
}

interface Tick {
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

function drawEntryLabels(g: G, labels: { t: string; x: number; y: number; anchor: string }[], font: number): void {
  g.selectAll<SVGTextElement, (typeof labels)[number]>('text')
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
