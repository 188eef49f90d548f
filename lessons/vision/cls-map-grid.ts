/**
 * Every head's CLS attention over the patches, laid over the digit, as one svg: a row per
 * layer, a column per head. One chart instead of one per head, because these maps redraw
 * while the student draws and each chart of the kit costs a style recalculation per redraw.
 * Each map is coloured relative to its own largest weight, written under it, so diffuse and
 * sharp heads both show their shape. Framework-free: create(el, options) -> { update, destroy }.
 */
import * as d3 from 'd3';
import { bucketPathData } from '../../src/viz/bucket-paths.ts';
import { sequentialInterpolator } from '../../src/viz/colors.ts';
import type { Frame } from '../../src/viz/chart.ts';
import { defineChart } from '../../src/viz/chart.ts';
import type { Chart, G } from '../../src/viz/frame.ts';
import { sizeSvg, smallFont, truncate } from '../../src/viz/frame.ts';
import { exact } from '../../src/viz/format.ts';
import { drawLegend, legendWidth } from '../../src/viz/legend.ts';

export interface ClsMapGridOptions {
  width?: number;
  /** Largest side of one map in px (default 200). */
  maxMap?: number;
}

export interface ClsMapGridData {
  /** Row-major pixels in [0, 1], side x side. */
  image: Float32Array;
  side: number;
  patch: number;
  /** [layer][head] CLS weights over the patches, reading order. */
  maps: Float32Array[][];
  /** [layer][head] the weight CLS keeps on itself. */
  self: number[][];
}

/** One patch of one head's map. */
export interface ClsCell {
  l: number;
  h: number;
  n: number; // patch index
  v: number;
  t: number; // v relative to the map's largest weight
  x: number;
  y: number;
  fill: string;
}

/** One head's map: its patches and the footnote with its largest weight and weight on CLS. */
export interface ClsMap {
  h: number;
  x: number;
  cells: ClsCell[];
  foot: string;
}

/** Where everything of the grid goes: computed from data and size alone, without a DOM. */
export interface ClsMapGridLayout {
  width: number;
  font: number;
  small: number;
  svgWidth: number;
  svgHeight: number;
  /** Side of one map, of one patch, and the height of a layer's row, in px. */
  mapSide: number;
  patchSide: number;
  rowH: number;
  /** Top of the first row of maps; left edge of the first column. */
  top: number;
  labelW: number;
  headLabels: { h: number; x: number }[];
  /** [layer] the row's maps. */
  layers: ClsMap[][];
  /** The digit, one path per gray level, drawn under every map. */
  ink: [number, string][];
  legendX: number;
  legendHeight: number;
}

const LEGEND_CAPTION = 'of the map’s largest';
const OPACITY = 0.6;
const INK_LEVELS = 32;
const color = sequentialInterpolator('viridis');

/** Lays the grid out: map size fitted to the width, each map coloured by its own largest weight. */
export function layoutClsMapGrid(data: ClsMapGridData, frame: Frame, options: ClsMapGridOptions = {}): ClsMapGridLayout {
  const { image, side, patch, maps, self } = data;
  const grid = side / patch;
  const { font, width } = frame;
  const small = smallFont(font);
  const H = Math.max(1, ...maps.map((l) => l.length));
  const legendW = legendWidth({ domain: [0, 1], font, caption: LEGEND_CAPTION }) + 16;
  const gap = font;
  const labelW = font * 4.2;
  const mapSide = Math.max(60, Math.min(options.maxMap ?? 200, (width - labelW - legendW - gap * (H - 1)) / H));
  const px = mapSide / side;
  const headH = font * 1.6;
  const footH = small * 1.5;
  const rowH = mapSide + footH + gap;
  const top = font * 1.9 + headH;
  const mapX = (h: number) => labelW + h * (mapSide + gap);

  const layers = maps.map((layer, l) =>
    layer.map((row, h) => {
      const max = Math.max(...row);
      const cells = Array.from(row, (v, n) => {
        const t = max > 0 ? v / max : 0;
        return { l, h, n, v, t, x: (n % grid) * patch * px, y: Math.floor(n / grid) * patch * px, fill: color(t) };
      });
      return { h, x: mapX(h), cells, foot: `max ${max.toFixed(2)} · on CLS ${self[l][h].toFixed(2)}` };
    }),
  );
  const ink = bucketPathData({ rows: side, cols: side, at: (i, j) => image[i * side + j], cellWidth: px, cellHeight: px, levels: INK_LEVELS, color: () => '', backgroundLevel: 0 });
  return {
    width,
    font,
    small,
    svgWidth: Math.max(width, labelW + H * (mapSide + gap) + legendW),
    svgHeight: top + maps.length * rowH,
    mapSide,
    patchSide: patch * px,
    rowH,
    top,
    labelW,
    headLabels: d3.range(H).map((h) => ({ h, x: mapX(h) + mapSide / 2 })),
    layers,
    ink: [...ink].sort((a, b) => a[0] - b[0]),
    legendX: labelW + H * (mapSide + gap),
    legendHeight: Math.max(mapSide, font * 6),
  };
}

interface Parts {
  readout: d3.Selection<SVGTextElement, unknown, null, undefined>;
  body: G;
  legendG: G;
}

const HINT = 'Hover a patch to read its weight.';

/** Creates the grid of CLS maps inside `container`. */
export function createClsMapGrid(container: HTMLElement, options: ClsMapGridOptions = {}): Chart<ClsMapGridData> {
  return defineChart<ClsMapGridData>(container, {
    kind: 'cls-maps',
    label: 'CLS attention of every head',
    width: options.width,
    setup(svg, chart) {
      const parts: Parts = {
        readout: svg.append('text').attr('class', 'viz-readout'),
        body: svg.append('g') as G,
        legendG: svg.append('g') as G,
      };
      const { body, readout } = parts;
      let fit = (t: string) => t;
      body
        .on('mouseover', (event: MouseEvent) => {
          const t = event.target as Element | null;
          const data = chart.current();
          if (!t?.classList?.contains('viz-patch') || !data) return;
          const c = d3.select(t).datum() as ClsCell;
          const grid = data.side / data.patch;
          readout.text(fit(`Layer ${c.l + 1}, head ${c.h + 1}, patch ${c.n + 1} (row ${Math.floor(c.n / grid) + 1}, column ${(c.n % grid) + 1}): ${exact(c.v)}`)).classed('is-active', true);
        })
        .on('mouseleave', () => readout.text(fit(HINT)).classed('is-active', false));
      return {
        draw(data, frame) {
          const l = layoutClsMapGrid(data, frame, options);
          fit = (t) => truncate(t, l.width, l.font);
          sizeSvg(svg, l.svgWidth, l.svgHeight);
          readout.attr('x', 0).attr('y', l.font * 1.2).attr('font-size', l.font).text(fit(HINT));
          drawClsMaps(body, l);
          parts.legendG.attr('transform', `translate(${l.legendX},${l.top})`);
          drawLegend(parts.legendG, { interpolator: color, domain: [0, 1], height: l.legendHeight, font: l.font, caption: LEGEND_CAPTION });
        },
        teardown() {
          body.on('mouseover', null).on('mouseleave', null);
        },
      };
    },
  });
}

/** The head labels across, then a row per layer: its label and a map per head. */
function drawClsMaps(body: G, l: ClsMapGridLayout): void {
  const { font } = l;
  body
    .selectAll<SVGTextElement, ClsMapGridLayout['headLabels'][number]>('text.viz-head-label')
    .data(l.headLabels)
    .join('text')
    .attr('class', 'viz-head-label viz-label')
    .attr('x', (d) => d.x)
    .attr('y', l.top - font * 0.5)
    .attr('text-anchor', 'middle')
    .attr('font-size', font)
    .attr('font-weight', 700)
    .text((d) => `Head ${d.h + 1}`);

  const rows = body
    .selectAll<SVGGElement, ClsMap[]>('g.viz-layer')
    .data(l.layers)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'viz-layer');
      g.append('text').attr('class', 'viz-label viz-layer-label').attr('font-weight', 700);
      return g;
    })
    .attr('transform', (_, k) => `translate(0,${l.top + k * l.rowH})`);
  rows.select('text.viz-layer-label').attr('x', 0).attr('y', l.mapSide / 2).attr('dy', '0.35em').attr('font-size', font).text((_, k) => `Layer ${k + 1}`);
  rows.each(function (layer) {
    drawMaps(d3.select(this) as unknown as G, layer, l);
  });
}

/** One layer's maps: a dark square, the digit's ink over it, the tinted patches, the footnote. */
function drawMaps(row: G, maps: ClsMap[], l: ClsMapGridLayout): void {
  const { mapSide, patchSide, small } = l;
  const mapGroups = row
    .selectAll<SVGGElement, ClsMap>('g.viz-map')
    .data(maps)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'viz-map');
      g.append('rect').attr('class', 'viz-map-bg');
      g.append('g').attr('class', 'viz-map-ink');
      g.append('g').attr('class', 'viz-map-patches');
      g.append('text').attr('class', 'viz-label viz-map-foot');
      return g;
    })
    .attr('transform', (m) => `translate(${m.x},0)`);
  mapGroups.select('rect.viz-map-bg').attr('width', mapSide).attr('height', mapSide).attr('fill', d3.interpolateGreys(1));
  mapGroups
    .select('g.viz-map-ink')
    .selectAll<SVGPathElement, [number, string]>('path')
    .data(l.ink, (d) => String(d[0]))
    .join('path')
    .attr('d', (d) => d[1])
    .attr('fill', (d) => d3.interpolateGreys(1 - (d[0] + 0.5) / INK_LEVELS));
  mapGroups
    .select('g.viz-map-patches')
    .selectAll<SVGRectElement, ClsCell>('rect')
    .data((m) => m.cells)
    .join('rect')
    .attr('class', 'viz-patch')
    .attr('x', (c) => c.x)
    .attr('y', (c) => c.y)
    .attr('width', patchSide)
    .attr('height', patchSide)
    .attr('fill', (c) => c.fill)
    .attr('fill-opacity', OPACITY)
    .attr('stroke', '#8c8c8c')
    .attr('data-value', (c) => c.v);
  mapGroups
    .select('text.viz-map-foot')
    .attr('x', 0)
    .attr('y', mapSide + small * 1.2)
    .attr('font-size', small)
    .text((m) => m.foot);
}
