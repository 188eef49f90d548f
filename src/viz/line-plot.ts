/**
 * A line plot of named series (loss curves, accuracy by distance), with axes, a legend, an
 * optional log y-axis and reference line (chance level), and the nearest point read out on
 * hover. Series differ in colour and dash pattern, so they survive grayscale projectors.
 */
import * as d3 from 'd3';
import { categorical, dash } from './colors.ts';
import type { Chart, G } from './frame.ts';
import { createSvg, fontSizeOf, renderOrRestore, sizeSvg, smallFont, textWidth, truncate, watchLayout, widthOf } from './frame.ts';
import { exact } from './format.ts';

export interface LineSeries {
  name: string;
  points: readonly (readonly [number, number])[];
  /** Default: the series' Okabe–Ito colour. */
  color?: string;
}

export interface LinePlotOptions {
  /** Layout width in px; default the container's width. */
  width?: number;
  /** Total height in px (default 320, or 20 lines of text when the font is larger). */
  height?: number;
  /** Called with the point nearest the pointer, and null when the pointer leaves. */
  onHoverPoint?(point: { series: string; x: number; y: number } | null): void;
}

export interface LinePlotData {
  series: LineSeries[];
  xLabel?: string;
  yLabel?: string;
  /** Logarithmic y-axis (points with y <= 0 are left out). */
  logY?: boolean;
  /** Fixed y domain; default the data's extent (including the reference line). */
  yDomain?: [number, number];
  /** A horizontal reference line, e.g. { y: 0.1, label: 'chance' }. */
  reference?: { y: number; label?: string };
  title?: string;
}

interface Pt {
  s: number;
  x: number;
  y: number;
}

/** Creates a line plot inside `container`. See LinePlotOptions and LinePlotData. */
export function createLinePlot(container: HTMLElement, options: LinePlotOptions = {}): Chart<LinePlotData> {
  const svg = createSvg(container, 'line-plot', 'Line plot');
  const titleText = svg.append('text').attr('class', 'viz-title');
  const legendG = svg.append('g').attr('class', 'viz-series-legend') as G;
  const readout = svg.append('text').attr('class', 'viz-readout');
  const plot = svg.append('g').attr('class', 'viz-plot') as G;
  const xAxisG = plot.append('g').attr('class', 'viz-axis viz-axis-x') as G;
  const yAxisG = plot.append('g').attr('class', 'viz-axis viz-axis-y') as G;
  const refG = plot.append('g').attr('class', 'viz-reference') as G;
  const seriesG = plot.append('g').attr('class', 'viz-series') as G;
  const focus = plot.append('circle').attr('class', 'viz-focus-point').attr('r', 6).attr('fill', 'none').attr('stroke-width', 3).attr('display', 'none');
  const overlay = plot.append('rect').attr('class', 'viz-overlay').attr('fill', 'transparent');
  const axisLabels = svg.append('g').attr('class', 'viz-axis-labels') as G;

  let data: LinePlotData | undefined;
  let points: Pt[] = [];
  let sx: (v: number) => number = (v) => v;
  let sy: (v: number) => number = (v) => v;
  let fit = (t: string) => t;
  const hint = 'Hover the plot to read the nearest point.';

  function render(): void {
    if (!data) return;
    const font = fontSizeOf(container);
    const small = smallFont(font);
    const width = widthOf(container, options.width);
    // Taller with the font (presenter mode), or the plot area would shrink as the text grows.
    const height = options.height ?? Math.max(320, font * 20);
    const colorOf = (s: number) => data?.series[s].color ?? categorical(s);
    fit = (t) => truncate(t, width, font);
    points = data.series.flatMap((s, k) => s.points.filter(([, y]) => !data?.logY || y > 0).map(([x, y]) => ({ s: k, x, y })));

    // Legend rows wrap; each item is a line sample in the series' colour and dash.
    const titleH = data.title ? font * 1.7 : 0;
    let lx = 0;
    let row = 0;
    const items = data.series.map((s, k) => {
      const w = 40 + textWidth(s.name, small) + 20;
      if (lx > 0 && lx + w > width) [lx, row] = [0, row + 1];
      const at = { k, name: s.name, x: lx, y: row * small * 1.7 };
      lx += w;
      return at;
    });
    const legendH = items.length > 0 ? (row + 1) * small * 1.7 + 4 : 0;
    const readoutY = titleH + legendH + font * 1.2;

    const ys = [...points.map((p) => p.y), ...(data.reference ? [data.reference.y] : [])];
    const xs = points.map((p) => p.x);
    const [x0, x1] = xs.length ? (d3.extent(xs) as [number, number]) : [0, 1];
    let [y0, y1] = data.yDomain ?? (ys.length ? (d3.extent(ys) as [number, number]) : [0, 1]);
    if (y0 === y1) [y0, y1] = data.logY ? [y0 / 2, y1 * 2] : [y0 - 1, y1 + 1];
    const y = data.logY ? d3.scaleLog().domain([y0, y1]).nice() : d3.scaleLinear().domain([y0, y1]).nice();
    const yTicks = y.ticks(Math.max(2, Math.floor(height / 60)));
    const yFormat = data.logY ? (v: number) => (Number.isInteger(Math.log10(v)) ? exact(v) : '') : exact;
    const yTickW = Math.max(...yTicks.map((t) => textWidth(yFormat(t), small))) + 10;
    const left = (data.yLabel ? font * 1.6 : 0) + yTickW;
    // Room under the read-out for the top tick label, which is centred on the plot's edge.
    const top = readoutY + font * 0.6 + small * 0.8;
    const bottom = small * 1.8 + (data.xLabel ? font * 1.7 : 0);
    const x = d3.scaleLinear().domain(x0 === x1 ? [x0 - 1, x1 + 1] : [x0, x1]).nice();
    // The last x tick label is centred on the plot's right edge: leave it half its width.
    const right = Math.max(16, textWidth(exact(x.domain()[1]), small) / 2 + 6);
    const plotW = Math.max(80, width - left - right);
    const plotH = Math.max(120, height - top - bottom);
    x.range([0, plotW]);
    y.range([plotH, 0]);
    [sx, sy] = [(v) => x(v), (v) => y(v)];
    sizeSvg(svg, width, top + plotH + bottom);

    titleText.attr('x', 0).attr('y', font * 1.2).attr('font-size', font * 1.1).text(data.title ?? '');
    readout.attr('x', 0).attr('y', readoutY).attr('font-size', font).text(fit(hint));
    legendG.attr('transform', `translate(0,${titleH})`);
    const item = legendG
      .selectAll<SVGGElement, (typeof items)[number]>('g.viz-legend-item')
      .data(items, (d) => String(d.k))
      .join((enter) => {
        const g = enter.append('g').attr('class', 'viz-legend-item');
        g.append('line').attr('stroke-width', 3);
        g.append('text').attr('class', 'viz-label').attr('dy', '0.35em');
        return g;
      })
      .attr('transform', (d) => `translate(${d.x},${d.y + small * 0.8})`);
    item.select('line').attr('x1', 0).attr('x2', 32).attr('stroke', (d) => colorOf(d.k)).attr('stroke-dasharray', (d) => dash(d.k) || null);
    item.select('text').attr('x', 40).attr('font-size', small).text((d) => d.name);

    plot.attr('transform', `translate(${left},${top})`);
    const xTicks = Math.max(2, Math.floor(plotW / (textWidth('0.000', small) * 2)));
    xAxisG.attr('transform', `translate(0,${plotH})`).call(d3.axisBottom(x).ticks(xTicks).tickFormat((v) => exact(+v)));
    yAxisG.call(d3.axisLeft(y).tickValues(yTicks).tickFormat((v) => yFormat(+v)));
    // d3-axis writes font-size="10" on its group; the kit's sizes win.
    plot.selectAll('.viz-axis').attr('font-size', small).attr('font-family', null);
    axisLabels
      .selectAll('text')
      .data([
        { t: data.xLabel, x: left + plotW / 2, y: top + plotH + small * 1.8 + font * 1.2, r: 0 },
        { t: data.yLabel, x: font * 1.0, y: top + plotH / 2, r: -90 },
      ].filter((d) => d.t))
      .join('text')
      .attr('class', 'viz-label')
      .attr('text-anchor', 'middle')
      .attr('font-size', font)
      .attr('transform', (d) => `translate(${d.x},${d.y}) rotate(${d.r})`)
      .text((d) => d.t ?? '');

    const ref = data.reference;
    const refs = ref && y(ref.y) >= 0 && y(ref.y) <= plotH ? [ref] : [];
    refG.selectAll('line').data(refs).join('line').attr('x1', 0).attr('x2', plotW).attr('y1', (r) => y(r.y)).attr('y2', (r) => y(r.y)).attr('stroke', '#767676').attr('stroke-width', 2).attr('stroke-dasharray', '6 4');
    refG
      .selectAll('text')
      .data(refs)
      .join('text')
      .attr('class', 'viz-label viz-muted')
      .attr('x', plotW - 4)
      .attr('y', (r) => y(r.y) - 6)
      .attr('text-anchor', 'end')
      .attr('font-size', small)
      .text((r) => `${r.label ?? 'reference'} ${exact(r.y)}`);

    const line = d3.line<readonly [number, number]>().x((p) => x(p[0])).y((p) => y(p[1]));
    const series = seriesG
      .selectAll<SVGGElement, LineSeries>('g.viz-line')
      .data(data.series, (s) => s.name)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'viz-line');
        g.append('path').attr('fill', 'none').attr('stroke-width', 2.5).attr('stroke-linejoin', 'round');
        return g;
      });
    series.each(function (this: SVGGElement, s, k) {
      const kept = s.points.filter(([, v]) => !data?.logY || v > 0);
      const g = d3.select(this);
      g.select('path').attr('d', line(kept)).attr('stroke', colorOf(k)).attr('stroke-dasharray', dash(k) || null);
      // Markers only for sparse series (an evaluation per distance), not for loss curves.
      g.selectAll('circle')
        .data(kept.length <= 40 ? kept : [])
        .join('circle')
        .attr('r', 3.5)
        .attr('cx', (p) => x(p[0]))
        .attr('cy', (p) => y(p[1]))
        .attr('fill', colorOf(k));
    });
    overlay.attr('width', plotW).attr('height', plotH).raise();
    const last = data.series.map((s) => (s.points.length ? `${s.name} ends at ${exact(s.points[s.points.length - 1][1])}` : s.name));
    svg.attr('aria-label', `${data.title ?? 'Line plot'}: ${last.join('; ')}`);
  }

  overlay
    .on('mousemove', (event: MouseEvent) => {
      if (!data || points.length === 0) return;
      const [px, py] = d3.pointer(event, plot.node());
      const best = d3.least(points, (p) => (sx(p.x) - px) ** 2 + (sy(p.y) - py) ** 2) as Pt;
      const name = data.series[best.s].name;
      focus.attr('display', null).attr('cx', sx(best.x)).attr('cy', sy(best.y)).attr('stroke', data.series[best.s].color ?? categorical(best.s));
      readout.text(fit(`${name}: x = ${exact(best.x)}, y = ${exact(best.y)}`)).classed('is-active', true);
      options.onHoverPoint?.({ series: name, x: best.x, y: best.y });
    })
    .on('mouseleave', () => {
      focus.attr('display', 'none');
      readout.text(fit(hint)).classed('is-active', false);
      options.onHoverPoint?.(null);
    });

  const unwatch = watchLayout(container, render);
  return {
    update(next) {
      renderOrRestore(next, () => data, (d) => (data = d), render);
    },
    destroy() {
      unwatch();
      overlay.on('mousemove', null).on('mouseleave', null);
      svg.remove();
    },
  };
}
