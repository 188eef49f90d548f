/**
 * The vertical colour legend shared by the heatmap, matrix view and patch grid: a gradient bar
 * with ticks, so every colour on screen can be read back as a number.
 */
import * as d3 from 'd3';
import type { G } from './frame.ts';
import { smallFont, textWidth, uid } from './frame.ts';
import { exact } from './format.ts';

export interface LegendSpec {
  /** Colour of t in [0, 1] along the bar (0 at the bottom). */
  interpolator: (t: number) => string;
  /** The values at the bottom and top of the bar. */
  domain: readonly [number, number];
  /** Total height in px, caption and tick labels included (the bar gets the rest). */
  height: number;
  /** Base font size in px. */
  font: number;
  /** Extra tick values (e.g. 0 for a diverging legend). */
  ticks?: number[];
  /** Caption above the bar, e.g. "weight". */
  caption?: string;
}

const BAR = 14;
const GAP = 6;

/** Width in px a legend will need, so callers can reserve room before drawing. */
export function legendWidth(spec: Pick<LegendSpec, 'domain' | 'font' | 'caption'>): number {
  const f = smallFont(spec.font);
  const labels = [spec.domain[0], spec.domain[1], (spec.domain[0] + spec.domain[1]) / 2].map((v) => textWidth(exact(v), f));
  const caption = spec.caption ? textWidth(spec.caption, f) : 0;
  return Math.max(BAR + GAP + Math.max(...labels), caption) + 8;
}

/**
 * Vertical extent of the bar inside the legend's height: below the caption, and half a line
 * in from both ends so the end tick labels (centred on the ends) stay inside.
 */
function barExtent(spec: Pick<LegendSpec, 'font' | 'caption' | 'height'>): [number, number] {
  const f = smallFont(spec.font);
  const top = (spec.caption ? f * 1.7 : 0) + f * 0.6;
  return [top, Math.max(top + f * 2, spec.height - f * 0.6)];
}

/**
 * Draws (or redraws, via joins) the legend inside `g`, whose origin is its top-left corner.
 * Uses a document-unique gradient id.
 */
export function drawLegend(g: G, spec: LegendSpec): void {
  const f = smallFont(spec.font);
  const [top, bottom] = barExtent(spec);
  const [lo, hi] = spec.domain;
  const id = (g.attr('data-gradient') as string | null) ?? uid('viz-gradient');
  g.attr('data-gradient', id).attr('class', 'viz-legend').attr('aria-hidden', 'true');

  const stops = d3.range(0, 1.0001, 0.1);
  const gradient = g
    .selectAll('linearGradient')
    .data([0])
    .join('linearGradient')
    .attr('id', id)
    .attr('x1', 0)
    .attr('y1', 1)
    .attr('x2', 0)
    .attr('y2', 0);
  gradient
    .selectAll('stop')
    .data(stops)
    .join('stop')
    .attr('offset', (t) => `${Math.round(t * 100)}%`)
    .attr('stop-color', (t) => spec.interpolator(t));

  g.selectAll('text.viz-legend-caption')
    .data(spec.caption ? [spec.caption] : [])
    .join('text')
    .attr('class', 'viz-legend-caption viz-muted')
    .attr('x', 0)
    .attr('y', f)
    .attr('font-size', f)
    .text((d) => d);

  g.selectAll('rect.viz-legend-bar')
    .data([0])
    .join('rect')
    .attr('class', 'viz-legend-bar')
    .attr('x', 0)
    .attr('y', top)
    .attr('width', BAR)
    .attr('height', bottom - top)
    .attr('fill', `url(#${id})`);

  const y = d3.scaleLinear().domain([lo, hi]).range([bottom, top]);
  // Few ticks: the bar is often short, and the ends matter most (they are the colour domain).
  const ticks = Array.from(new Set([lo, ...(spec.ticks ?? []), hi]));
  const tick = g
    .selectAll<SVGGElement, number>('g.viz-legend-tick')
    .data(ticks, (d) => String(d))
    .join((enter) => {
      const t = enter.append('g').attr('class', 'viz-legend-tick');
      t.append('line');
      t.append('text');
      return t;
    })
    .attr('transform', (d) => `translate(0,${y(d)})`);
  tick.select('line').attr('x1', BAR).attr('x2', BAR + 4).attr('stroke', 'currentColor');
  tick
    .select('text')
    .attr('x', BAR + GAP)
    .attr('dy', '0.35em')
    .attr('font-size', f)
    .attr('class', 'viz-label')
    .text((d) => exact(d));
}
