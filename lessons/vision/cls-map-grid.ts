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
import type { Chart, G } from '../../src/viz/frame.ts';
import { createSvg, fontSizeOf, renderOrRestore, sizeSvg, smallFont, truncate, watchLayout, widthOf } from '../../src/viz/frame.ts';
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

interface Cell {
  l: number;
  h: number;
  n: number; // patch index
  v: number;
  t: number; // v relative to the map's largest weight
}

const LEGEND_CAPTION = 'of the map’s largest';
const OPACITY = 0.6;

/** Creates the grid of CLS maps inside `container`. */
export function createClsMapGrid(container: HTMLElement, options: ClsMapGridOptions = {}): Chart<ClsMapGridData> {
  const svg = createSvg(container, 'cls-maps', 'CLS attention of every head');
  const readout = svg.append('text').attr('class', 'viz-readout');
  const body = svg.append('g') as G;
  const legendG = svg.append('g') as G;
  const color = sequentialInterpolator('viridis');
  let data: ClsMapGridData | undefined;
  let fit = (t: string) => t;
  const hint = 'Hover a patch to read its weight.';

  function render(): void {
    if (!data) return;
    const { image, side, patch, maps, self } = data;
    const grid = side / patch;
    const font = fontSizeOf(container);
    const small = smallFont(font);
    const width = widthOf(container, options.width);
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
    fit = (t) => truncate(t, width, font);
    sizeSvg(svg, Math.max(width, labelW + H * (mapSide + gap) + legendW), top + maps.length * rowH);
    readout.attr('x', 0).attr('y', font * 1.2).attr('font-size', font).text(fit(hint));

    // The digit, drawn once as path data and reused under every map.
    const ink = bucketPathData({ rows: side, cols: side, at: (i, j) => image[i * side + j], cellWidth: px, cellHeight: px, levels: 32, color: () => '', backgroundLevel: 0 });
    const inkPaths = [...ink].sort((a, b) => a[0] - b[0]);

    body.selectAll('text.viz-head-label')
      .data(d3.range(H))
      .join('text')
      .attr('class', 'viz-head-label viz-label')
      .attr('x', (h) => labelW + h * (mapSide + gap) + mapSide / 2)
      .attr('y', top - font * 0.5)
      .attr('text-anchor', 'middle')
      .attr('font-size', font)
      .attr('font-weight', 700)
      .text((h) => `Head ${h + 1}`);

    const rows = body
      .selectAll<SVGGElement, Float32Array[]>('g.viz-layer')
      .data(maps)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'viz-layer');
        g.append('text').attr('class', 'viz-label viz-layer-label').attr('font-weight', 700);
        return g;
      })
      .attr('transform', (_, l) => `translate(0,${top + l * rowH})`);
    rows.select('text.viz-layer-label').attr('x', 0).attr('y', mapSide / 2).attr('dy', '0.35em').attr('font-size', font).text((_, l) => `Layer ${l + 1}`);

    rows.each(function (layer, l) {
      const mapGroups = d3
        .select(this)
        .selectAll<SVGGElement, Float32Array>('g.viz-map')
        .data(layer)
        .join((enter) => {
          const g = enter.append('g').attr('class', 'viz-map');
          g.append('rect').attr('class', 'viz-map-bg');
          g.append('g').attr('class', 'viz-map-ink');
          g.append('g').attr('class', 'viz-map-patches');
          g.append('text').attr('class', 'viz-label viz-map-foot');
          return g;
        })
        .attr('transform', (_, h) => `translate(${labelW + h * (mapSide + gap)},0)`);
      mapGroups.select('rect.viz-map-bg').attr('width', mapSide).attr('height', mapSide).attr('fill', d3.interpolateGreys(1));
      mapGroups
        .select('g.viz-map-ink')
        .selectAll<SVGPathElement, [number, string]>('path')
        .data(inkPaths, (d) => String(d[0]))
        .join('path')
        .attr('d', (d) => d[1])
        .attr('fill', (d) => d3.interpolateGreys(1 - (d[0] + 0.5) / 32));
      mapGroups.each(function (row, h) {
        const max = Math.max(...row);
        const cells: Cell[] = Array.from(row, (v, n) => ({ l, h, n, v, t: max > 0 ? v / max : 0 }));
        d3.select(this)
          .select('g.viz-map-patches')
          .selectAll<SVGRectElement, Cell>('rect')
          .data(cells)
          .join('rect')
          .attr('class', 'viz-patch')
          .attr('x', (c) => (c.n % grid) * patch * px)
          .attr('y', (c) => Math.floor(c.n / grid) * patch * px)
          .attr('width', patch * px)
          .attr('height', patch * px)
          .attr('fill', (c) => color(c.t))
          .attr('fill-opacity', OPACITY)
          .attr('stroke', '#8c8c8c')
          .attr('data-value', (c) => c.v);
        d3.select(this)
          .select('text.viz-map-foot')
          .attr('x', 0)
          .attr('y', mapSide + small * 1.2)
          .attr('font-size', small)
          .text(`max ${max.toFixed(2)} · on CLS ${self[l][h].toFixed(2)}`);
      });
    });

    legendG.attr('transform', `translate(${labelW + H * (mapSide + gap)},${top})`);
    drawLegend(legendG, { interpolator: color, domain: [0, 1], height: Math.max(mapSide, font * 6), font, caption: LEGEND_CAPTION });
  }

  body
    .on('mouseover', (event: MouseEvent) => {
      const t = event.target as Element | null;
      if (!t?.classList?.contains('viz-patch') || !data) return;
      const c = d3.select(t).datum() as Cell;
      const grid = data.side / data.patch;
      readout.text(fit(`Layer ${c.l + 1}, head ${c.h + 1}, patch ${c.n + 1} (row ${Math.floor(c.n / grid) + 1}, column ${(c.n % grid) + 1}): ${exact(c.v)}`)).classed('is-active', true);
    })
    .on('mouseleave', () => readout.text(fit(hint)).classed('is-active', false));

  const unwatch = watchLayout(container, render);
  return {
    update(next) {
      renderOrRestore(next, () => data, (d) => (data = d), render);
    },
    destroy() {
      unwatch();
      body.on('mouseover', null).on('mouseleave', null);
      svg.remove();
    },
  };
}
