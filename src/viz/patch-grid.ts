/**
 * How a Vision Transformer sees an image: the grayscale pixels, cut into p x p patches (the
 * "tokens"), optionally tinted by a per-patch value such as the [CLS] token's attention.
 */
import * as d3 from 'd3';
import { drawBuckets } from './bucket-paths.ts';
import type { SequentialScheme } from './colors.ts';
import { sequentialInterpolator, sequentialScale } from './colors.ts';
import type { Frame } from './chart.ts';
import { defineChart } from './chart.ts';
import type { Chart, G, Svg } from './frame.ts';
import { sizeSvg, truncate } from './frame.ts';
import { exact } from './format.ts';
import type { LegendSpec } from './legend.ts';
import { drawLegend, legendWidth } from './legend.ts';
import { toVector } from './values.ts';
import type { VectorInput } from './values.ts';

export interface PatchGridOptions {
  /** Layout width in px; default the container's width. */
  width?: number;
  /** Largest side of the image in px (default 420). */
  maxSize?: number;
  /** Colour of the overlay (default 'viridis'). */
  scheme?: SequentialScheme;
  /** Opacity of the overlay over the pixels (default 0.6: the digit stays visible). */
  overlayOpacity?: number;
  /** Draw ink dark on light instead of light on dark (default false, like MNIST). */
  invert?: boolean;
  onHoverPatch?(patch: { index: number; row: number; col: number; value?: number } | null): void;
}

export interface PatchGridData {
  /** Row-major pixels in [0, 1], imageHeight x imageWidth. */
  image: VectorInput;
  imageHeight: number;
  imageWidth: number;
  /** Patch side in pixels (must divide height and width). */
  patch: number;
  /** One value per patch, row-major (e.g. [CLS] attention to each patch). */
  overlay?: VectorInput;
  /** What the overlay is, for the legend and read-out (default "attention"). */
  overlayLabel?: string;
  title?: string;
}

/** One patch as drawn: its index in reading order, grid position, overlay value and colour. */
export interface Patch {
  index: number;
  row: number;
  col: number;
  value?: number;
  /** The overlay colour and its opacity: 'transparent' and 0 without an overlay. */
  fill: string;
  opacity: number;
}

/** Where everything of a patch grid goes: computed from data and size alone, without a DOM. */
export interface PatchGridLayout {
  width: number;
  font: number;
  svgWidth: number;
  svgHeight: number;
  ariaLabel: string;
  title: string;
  titleH: number;
  /** Top of the image, and the side of one image pixel and of one patch in px. */
  top: number;
  px: number;
  patchSide: number;
  /** The image, one value in [0, 1] per pixel (already inverted if asked). */
  pixels: { rows: number; cols: number; at(i: number, j: number): number };
  /** The gray level drawn as one background rect: the paper (black, or white when inverted). */
  paperLevel: number;
  patches: Patch[];
  legendX: number;
  legend: LegendSpec | null;
}

// 64 gray levels: indistinguishable from continuous, and a 28 x 28 image stays ~70 paths.
const GRAYS = 64;

/** Lays a patch grid out: checks the shapes, scales the image to the width, colours the overlay. Pure. */
export function layoutPatchGrid(data: PatchGridData, frame: Frame, options: PatchGridOptions = {}): PatchGridLayout {
  const { imageHeight: H, imageWidth: W, patch: p } = data;
  const image = toVector(data.image, 'patch-grid');
  if (image.length !== H * W) throw new Error(`patch-grid: ${image.length} pixels do not fill (${H}, ${W})`);
  if (!(p > 0) || H % p !== 0 || W % p !== 0) throw new Error(`patch-grid: patch ${p} does not divide (${H}, ${W})`);
  const rows = H / p;
  const cols = W / p;
  const overlay = data.overlay ? toVector(data.overlay, 'patch-grid') : undefined;
  if (overlay && overlay.length !== rows * cols) {
    throw new Error(`patch-grid: ${overlay.length} overlay values for ${rows} x ${cols} = ${rows * cols} patches`);
  }
  const { font, width } = frame;
  const label = data.overlayLabel ?? 'attention';
  const domain: [number, number] = overlay ? [Math.min(0, ...overlay), Math.max(...overlay)] : [0, 1];
  const legendW = overlay ? legendWidth({ domain, font, caption: label }) + 16 : 0;
  const side = Math.max(56, Math.min(options.maxSize ?? 420, width - legendW));
  const px = side / Math.max(H, W);
  const titleH = data.title ? font * 1.7 : 0;
  const color = sequentialScale(domain, options.scheme);
  return {
    width,
    font,
    svgWidth: Math.max(width, W * px + legendW),
    svgHeight: titleH + font * 1.8 + Math.max(H * px, font * 6) + 4,
    ariaLabel: `${data.title ?? 'Image'}: ${H} x ${W} pixels in ${rows * cols} patches of ${p} x ${p}`,
    title: data.title ?? '',
    titleH,
    top: titleH + font * 1.8,
    px,
    patchSide: p * px,
    pixels: { rows: H, cols: W, at: (i, j) => (options.invert ? 1 - image[i * W + j] : image[i * W + j]) },
    paperLevel: options.invert ? GRAYS - 1 : 0,
    patches: d3.range(rows * cols).map((index) => {
      const value = overlay?.[index];
      const row = Math.floor(index / cols);
      if (value === undefined) return { index, row, col: index % cols, value, fill: 'transparent', opacity: 0 };
      return { index, row, col: index % cols, value, fill: color(value), opacity: options.overlayOpacity ?? 0.6 };
    }),
    legendX: W * px + 16,
    legend: overlay ? { interpolator: sequentialInterpolator(options.scheme), domain, height: Math.max(H * px, font * 5), font, caption: label } : null,
  };
}

interface Parts {
  titleText: d3.Selection<SVGTextElement, unknown, null, undefined>;
  readout: d3.Selection<SVGTextElement, unknown, null, undefined>;
  pixels: G;
  patchesG: G;
  legendG: G;
}

const HINT = 'Hover a patch to read its index and value.';

/** Creates a patch-grid view inside `container`. See PatchGridOptions and PatchGridData. */
export function createPatchGrid(container: HTMLElement, options: PatchGridOptions = {}): Chart<PatchGridData> {
  return defineChart<PatchGridData>(container, {
    kind: 'patch-grid',
    label: 'Image patches',
    width: options.width,
    setup(svg, chart) {
      const parts: Parts = {
        titleText: svg.append('text').attr('class', 'viz-title'),
        readout: svg.append('text').attr('class', 'viz-readout'),
        pixels: svg.append('g').attr('class', 'viz-pixels') as G,
        patchesG: svg.append('g').attr('class', 'viz-patches') as G,
        legendG: svg.append('g') as G,
      };
      const { patchesG, readout } = parts;
      let fit = (t: string) => t;
      const describe = (p: Patch) => {
        const what = chart.current()?.overlayLabel ?? 'attention';
        return `Patch ${p.index} (row ${p.row}, col ${p.col})${p.value === undefined ? '' : `: ${what} ${exact(p.value)}`}`;
      };

      patchesG
        .on('mouseover', (event: MouseEvent) => {
          const t = event.target as Element | null;
          if (!t?.classList?.contains('viz-patch')) return;
          const d = d3.select(t).datum() as Patch;
          patchesG.selectAll<SVGRectElement, Patch>('rect.viz-patch').classed('is-hovered', (q) => q === d);
          readout.text(fit(describe(d))).classed('is-active', true);
          options.onHoverPatch?.({ index: d.index, row: d.row, col: d.col, value: d.value });
        })
        .on('mouseleave', () => {
          patchesG.selectAll('rect.viz-patch').classed('is-hovered', false);
          readout.text(fit(HINT)).classed('is-active', false);
          options.onHoverPatch?.(null);
        });

      return {
        draw(data, frame) {
          const l = layoutPatchGrid(data, frame, options);
          fit = (t) => truncate(t, l.width, l.font);
          drawPatchGrid(svg, parts, l, fit(HINT), describe);
        },
        teardown() {
          patchesG.on('mouseover', null).on('mouseleave', null);
        },
      };
    },
  });
}

/** Joins a layout into the patch grid's elements. */
function drawPatchGrid(svg: Svg, parts: Parts, l: PatchGridLayout, readout: string, describe: (p: Patch) => string): void {
  const { font, px, patchSide } = l;
  sizeSvg(svg, l.svgWidth, l.svgHeight);
  svg.attr('aria-label', l.ariaLabel);
  parts.titleText.attr('x', 0).attr('y', font * 1.2).attr('font-size', font * 1.1).text(l.title);
  parts.readout.attr('x', 0).attr('y', l.titleH + font * 1.2).attr('font-size', font).text(readout);

  parts.pixels.attr('transform', `translate(0,${l.top})`);
  drawBuckets(parts.pixels, {
    ...l.pixels,
    cellWidth: px,
    cellHeight: px,
    levels: GRAYS,
    color: (t) => d3.interpolateGreys(1 - t),
    backgroundLevel: l.paperLevel,
  });

  parts.patchesG.attr('transform', `translate(0,${l.top})`);
  parts.patchesG
    .selectAll<SVGRectElement, Patch>('rect.viz-patch')
    .data(l.patches, (d) => String(d.index))
    .join((enter) => {
      const r = enter.append('rect').attr('class', 'viz-patch');
      r.append('title');
      return r;
    })
    .attr('x', (d) => d.col * patchSide)
    .attr('y', (d) => d.row * patchSide)
    .attr('width', patchSide)
    .attr('height', patchSide)
    .attr('fill', (d) => d.fill)
    .attr('fill-opacity', (d) => d.opacity)
    // The grid lines: mid-gray reads on both black background and white ink.
    .attr('stroke', '#8c8c8c')
    .attr('stroke-width', 1)
    .attr('data-value', (d) => d.value ?? null)
    .select('title')
    .text(describe);

  parts.legendG.attr('transform', `translate(${l.legendX},${l.top})`).attr('display', l.legend ? null : 'none');
  if (l.legend) drawLegend(parts.legendG, l.legend);
}
