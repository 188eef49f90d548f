/**
 * A line plot of named series (loss curves, accuracy by distance), with axes, a legend, an
 * optional log y-axis and reference line (chance level), and the nearest point read out on
 * hover. Series differ in colour and dash pattern, so they survive grayscale projectors.
 * The layout (scales, ticks, legend rows) is computed apart, without a DOM, in line-plot-layout.ts.
 */
import * as d3 from 'd3';
import { defineChart } from './chart.ts';
import { categorical } from './colors.ts';
import type { Chart, G, Svg } from './frame.ts';
import { drawAxisTitles, sizeSvg, truncate } from './frame.ts';
import { exact } from './format.ts';
import type { LinePlotLayout, PlacedSeries, PlotPoint, SeriesLegendItem } from './line-plot-layout.ts';
import { layoutLinePlot } from './line-plot-layout.ts';

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

interface Parts {
  titleText: d3.Selection<SVGTextElement, unknown, null, undefined>;
  legendG: G;
  readout: d3.Selection<SVGTextElement, unknown, null, undefined>;
  plot: G;
  xAxisG: G;
  yAxisG: G;
  refG: G;
  seriesG: G;
  focus: d3.Selection<SVGCircleElement, unknown, null, undefined>;
  overlay: d3.Selection<SVGRectElement, unknown, null, undefined>;
  axisLabels: G;
}

const HINT = 'Hover the plot to read the nearest point.';

/** Creates a line plot inside `container`. See LinePlotOptions and LinePlotData. */
export function createLinePlot(container: HTMLElement, options: LinePlotOptions = {}): Chart<LinePlotData> {
  return defineChart<LinePlotData>(container, {
    kind: 'line-plot',
    label: 'Line plot',
    width: options.width,
    setup(svg, chart) {
      const titleText = svg.append('text').attr('class', 'viz-title');
      const legendG = svg.append('g').attr('class', 'viz-series-legend') as G;
      const readout = svg.append('text').attr('class', 'viz-readout');
      const plot = svg.append('g').attr('class', 'viz-plot') as G;
      const parts: Parts = {
        titleText,
        legendG,
        readout,
        plot,
        xAxisG: plot.append('g').attr('class', 'viz-axis viz-axis-x') as G,
        yAxisG: plot.append('g').attr('class', 'viz-axis viz-axis-y') as G,
        refG: plot.append('g').attr('class', 'viz-reference') as G,
        seriesG: plot.append('g').attr('class', 'viz-series') as G,
        focus: plot.append('circle').attr('class', 'viz-focus-point').attr('r', 6).attr('fill', 'none').attr('stroke-width', 3).attr('display', 'none'),
        overlay: plot.append('rect').attr('class', 'viz-overlay').attr('fill', 'transparent'),
        axisLabels: svg.append('g').attr('class', 'viz-axis-labels') as G,
      };
      const { focus, overlay } = parts;
      let layout: LinePlotLayout | undefined;
      const fit = (t: string) => (layout ? truncate(t, layout.width, layout.font) : t);

      overlay
        .on('mousemove', (event: MouseEvent) => {
          const data = chart.current();
          if (!data || !layout || layout.points.length === 0) return;
          const { x, y } = layout;
          const [px, py] = d3.pointer(event, plot.node());
          const best = d3.least(layout.points, (p) => (x(p.x) - px) ** 2 + (y(p.y) - py) ** 2) as PlotPoint;
          const name = data.series[best.s].name;
          focus.attr('display', null).attr('cx', x(best.x)).attr('cy', y(best.y)).attr('stroke', data.series[best.s].color ?? categorical(best.s));
          readout.text(fit(`${name}: x = ${exact(best.x)}, y = ${exact(best.y)}`)).classed('is-active', true);
          options.onHoverPoint?.({ series: name, x: best.x, y: best.y });
        })
        .on('mouseleave', () => {
          focus.attr('display', 'none');
          readout.text(fit(HINT)).classed('is-active', false);
          options.onHoverPoint?.(null);
        });

      return {
        draw(data, frame) {
          layout = layoutLinePlot(data, frame, options);
          drawLinePlot(svg, parts, layout, fit(HINT));
        },
        teardown() {
          overlay.on('mousemove', null).on('mouseleave', null);
        },
      };
    },
  });
}

/** Joins a layout into the line plot's elements. */
function drawLinePlot(svg: Svg, parts: Parts, l: LinePlotLayout, readout: string): void {
  const { font, small } = l;
  sizeSvg(svg, l.width, l.svgHeight);
  parts.titleText.attr('x', 0).attr('y', font * 1.2).attr('font-size', font * 1.1).text(l.title);
  parts.readout.attr('x', 0).attr('y', l.readoutY).attr('font-size', font).text(readout);
  parts.legendG.attr('transform', `translate(0,${l.titleH})`);
  const item = parts.legendG
    .selectAll<SVGGElement, SeriesLegendItem>('g.viz-legend-item')
    .data(l.legend, (d) => String(d.k))
    .join((enter) => {
      const g = enter.append('g').attr('class', 'viz-legend-item');
      g.append('line').attr('stroke-width', 3);
      g.append('text').attr('class', 'viz-label').attr('dy', '0.35em');
      return g;
    })
    .attr('transform', (d) => `translate(${d.x},${d.y + small * 0.8})`);
  item.select('line').attr('x1', 0).attr('x2', 32).attr('stroke', (d) => d.color).attr('stroke-dasharray', (d) => d.dash);
  item.select('text').attr('x', 40).attr('font-size', small).text((d) => d.name);

  parts.plot.attr('transform', `translate(${l.left},${l.top})`);
  drawAxes(parts, l);
  drawReference(parts.refG, l);
  drawSeries(parts.seriesG, l.series);
  parts.overlay.attr('width', l.plotW).attr('height', l.plotH).raise();
  svg.attr('aria-label', l.ariaLabel);
}

/** The two axes (d3-axis) and their labels. */
function drawAxes(parts: Parts, l: LinePlotLayout): void {
  const { font, small } = l;
  parts.xAxisG.attr('transform', `translate(0,${l.plotH})`).call(d3.axisBottom(l.x).ticks(l.xTickCount).tickFormat((v) => exact(+v)));
  parts.yAxisG.call(d3.axisLeft(l.y).tickValues(l.yTicks).tickFormat((v) => l.yFormat(+v)));
  drawAxisTitles(parts.plot, parts.axisLabels, l.axisLabels, font, small);
}

/** The dashed reference line (chance level) and its label, when it falls inside the plot. */
function drawReference(refG: G, l: LinePlotLayout): void {
  const refs = l.reference ? [l.reference] : [];
  refG.selectAll('line').data(refs).join('line').attr('x1', 0).attr('x2', l.plotW).attr('y1', (r) => r.y).attr('y2', (r) => r.y).attr('stroke', '#767676').attr('stroke-width', 2).attr('stroke-dasharray', '6 4');
  refG
    .selectAll('text')
    .data(refs)
    .join('text')
    .attr('class', 'viz-label viz-muted')
    .attr('x', l.plotW - 4)
    .attr('y', (r) => r.y - 6)
    .attr('text-anchor', 'end')
    .attr('font-size', l.small)
    .text((r) => r.text);
}

/** One path per series (keyed by name), with markers on sparse series. */
function drawSeries(seriesG: G, series: PlacedSeries[]): void {
  const groups = seriesG
    .selectAll<SVGGElement, PlacedSeries>('g.viz-line')
    .data(series, (s) => s.name)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'viz-line');
      g.append('path').attr('fill', 'none').attr('stroke-width', 2.5).attr('stroke-linejoin', 'round');
      return g;
    });
  groups.each(function (this: SVGGElement, s) {
    const g = d3.select(this);
    g.select('path').attr('d', s.d).attr('stroke', s.color).attr('stroke-dasharray', s.dash);
    g.selectAll('circle').data(s.markers).join('circle').attr('r', 3.5).attr('cx', (p) => p.cx).attr('cy', (p) => p.cy).attr('fill', s.color);
  });
}
