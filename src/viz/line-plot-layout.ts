/**
 * Where everything of a line plot goes for given data and size: domains, scales, ticks, the
 * legend's rows and the room for the axes. Pure: no DOM, so it can be tested on its own;
 * line-plot.ts joins the result into the svg.
 */
import * as d3 from 'd3';
import type { Frame } from './chart.ts';
import { categorical, dash } from './colors.ts';
import { smallFont, textWidth } from './frame.ts';
import { exact } from './format.ts';
import type { LinePlotData, LinePlotOptions, LineSeries } from './line-plot.ts';

/** A point of a series, with the series' index (points with y <= 0 are left out of log plots). */
export interface PlotPoint {
  s: number;
  x: number;
  y: number;
}

/** A series as drawn: its path, colour, dash and (for sparse series) markers, in plot px. */
export interface PlacedSeries {
  k: number;
  name: string;
  color: string;
  dash: string | null;
  /** The path's d attribute (null for no points). */
  d: string | null;
  markers: { cx: number; cy: number }[];
}

/** A series' entry in the legend, placed on its row. */
export interface SeriesLegendItem {
  k: number;
  name: string;
  color: string;
  dash: string | null;
  x: number;
  y: number;
}

type YScale = d3.ScaleLinear<number, number> | d3.ScaleLogarithmic<number, number>;

/** Where everything of a line plot goes: computed from data and size alone, without a DOM. */
export interface LinePlotLayout {
  width: number;
  font: number;
  small: number;
  svgHeight: number;
  ariaLabel: string;
  title: string;
  titleH: number;
  readoutY: number;
  legend: SeriesLegendItem[];
  /** The plot area: its top-left corner and size. */
  left: number;
  top: number;
  plotW: number;
  plotH: number;
  /** Scales from data to plot px, and the ticks the axes show. */
  x: d3.ScaleLinear<number, number>;
  y: YScale;
  xTickCount: number;
  yTicks: number[];
  yFormat(v: number): string;
  axisLabels: { t: string; x: number; y: number; r: number }[];
  /** The reference line, when it falls inside the plot: its y in px and its label. */
  reference: { y: number; text: string } | null;
  series: PlacedSeries[];
  points: PlotPoint[];
}

/** Lays a line plot out: domains, scales, ticks and the room for legend and axes. Pure. */
export function layoutLinePlot(data: LinePlotData, frame: Frame, options: LinePlotOptions = {}): LinePlotLayout {
  const { font, width } = frame;
  const small = smallFont(font);
  // Taller with the font (presenter mode), or the plot area would shrink as the text grows.
  const height = options.height ?? Math.max(320, font * 20);
  const colorOf = (k: number) => data.series[k].color ?? categorical(k);
  const kept = data.series.map((s) => s.points.filter(([, y]) => !data.logY || y > 0));
  const points = kept.flatMap((pts, k) => pts.map(([x, y]) => ({ s: k, x, y })));

  const legend = placeLegend(data.series, width, small);
  const titleH = data.title ? font * 1.7 : 0;
  const legendH = legend.placed.length > 0 ? legend.rows * small * 1.7 + 4 : 0;
  const readoutY = titleH + legendH + font * 1.2;

  const xs = points.map((p) => p.x);
  const [x0, x1] = xs.length ? (d3.extent(xs) as [number, number]) : [0, 1];
  const { y, yTicks, yFormat } = yAxisOf(points, data, height);
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

  const line = d3.line<readonly [number, number]>().x((p) => x(p[0])).y((p) => y(p[1]));
  const ref = data.reference;
  const last = data.series.map((s) => (s.points.length ? `${s.name} ends at ${exact(s.points[s.points.length - 1][1])}` : s.name));
  return {
    width,
    font,
    small,
    svgHeight: top + plotH + bottom,
    ariaLabel: `${data.title ?? 'Line plot'}: ${last.join('; ')}`,
    title: data.title ?? '',
    titleH,
    readoutY,
    legend: legend.placed.map((it) => ({ ...it, color: colorOf(it.k), dash: dash(it.k) || null })),
    left,
    top,
    plotW,
    plotH,
    x,
    y,
    xTickCount: Math.max(2, Math.floor(plotW / (textWidth('0.000', small) * 2))),
    yTicks,
    yFormat,
    axisLabels: [
      { t: data.xLabel, x: left + plotW / 2, y: top + plotH + small * 1.8 + font * 1.2, r: 0 },
      { t: data.yLabel, x: font * 1.0, y: top + plotH / 2, r: -90 },
    ].flatMap((d) => (d.t ? [{ ...d, t: d.t }] : [])),
    reference: ref && y(ref.y) >= 0 && y(ref.y) <= plotH ? { y: y(ref.y), text: `${ref.label ?? 'reference'} ${exact(ref.y)}` } : null,
    series: data.series.map((s, k) => ({
      k,
      name: s.name,
      color: colorOf(k),
      dash: dash(k) || null,
      d: line(kept[k]),
      // Markers only for sparse series (an evaluation per distance), not for loss curves.
      markers: kept[k].length <= 40 ? kept[k].map((p) => ({ cx: x(p[0]), cy: y(p[1]) })) : [],
    })),
    points,
  };
}

/** Legend rows wrap; each item is a line sample in the series' colour and dash. */
function placeLegend(series: LineSeries[], width: number, small: number): { placed: { k: number; name: string; x: number; y: number }[]; rows: number } {
  let lx = 0;
  let row = 0;
  const placed = series.map((s, k) => {
    const w = 40 + textWidth(s.name, small) + 20;
    if (lx > 0 && lx + w > width) [lx, row] = [0, row + 1];
    const at = { k, name: s.name, x: lx, y: row * small * 1.7 };
    lx += w;
    return at;
  });
  return { placed, rows: row + 1 };
}


/** The y scale (not yet ranged), its ticks and their format: the data's extent, or yDomain. */
function yAxisOf(points: PlotPoint[], data: LinePlotData, height: number): { y: YScale; yTicks: number[]; yFormat(v: number): string } {
  const ys = [...points.map((p) => p.y), ...(data.reference ? [data.reference.y] : [])];
  let [y0, y1] = data.yDomain ?? (ys.length ? (d3.extent(ys) as [number, number]) : [0, 1]);
  if (y0 === y1) [y0, y1] = data.logY ? [y0 / 2, y1 * 2] : [y0 - 1, y1 + 1];
  const y: YScale = data.logY ? d3.scaleLog().domain([y0, y1]).nice() : d3.scaleLinear().domain([y0, y1]).nice();
  const yTicks = y.ticks(Math.max(2, Math.floor(height / 60)));
  const yFormat = data.logY ? (v: number) => (Number.isInteger(Math.log10(v)) ? exact(v) : '') : exact;
  return { y, yTicks, yFormat };
}
