/**
 * How a Vision Transformer sees an image: the grayscale pixels, cut into p x p patches (the
 * "tokens"), optionally tinted by a per-patch value such as the [CLS] token's attention.
 */
import * as d3 from 'd3';
import { drawBuckets } from './bucket-paths.ts';
import type { SequentialScheme } from './colors.ts';
import { sequentialInterpolator, sequentialScale } from './colors.ts';
import type { Chart, G } from './frame.ts';
import { createSvg, fontSizeOf, renderOrRestore, sizeSvg, truncate, watchLayout, widthOf } from './frame.ts';
import { exact } from './format.ts';
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

interface Patch {
  index: number;
  row: number;
  col: number;
  value?: number;
}

/** Creates a patch-grid view inside `container`. See PatchGridOptions and PatchGridData. */
export function createPatchGrid(container: HTMLElement, options: PatchGridOptions = {}): Chart<PatchGridData> {
  const svg = createSvg(container, 'patch-grid', 'Image patches');
  const titleText = svg.append('text').attr('class', 'viz-title');
  const readout = svg.append('text').attr('class', 'viz-readout');
  const pixels = svg.append('g').attr('class', 'viz-pixels') as G;
  const patchesG = svg.append('g').attr('class', 'viz-patches') as G;
  const legendG = svg.append('g') as G;
  let data: PatchGridData | undefined;
  let fit = (t: string) => t;
  const hint = 'Hover a patch to read its index and value.';

  const describe = (p: Patch) => {
    const what = data?.overlayLabel ?? 'attention';
    return `Patch ${p.index} (row ${p.row}, col ${p.col})${p.value === undefined ? '' : `: ${what} ${exact(p.value)}`}`;
  };

  function render(): void {
    if (!data) return;
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
    const font = fontSizeOf(container);
    const width = widthOf(container, options.width);
    const label = data.overlayLabel ?? 'attention';
    const domain: [number, number] = overlay ? [Math.min(0, ...overlay), Math.max(...overlay)] : [0, 1];
    const legendW = overlay ? legendWidth({ domain, font, caption: label }) + 16 : 0;
    const side = Math.max(56, Math.min(options.maxSize ?? 420, width - legendW));
    const px = side / Math.max(H, W);
    const titleH = data.title ? font * 1.7 : 0;
    const top = titleH + font * 1.8;
    fit = (t) => truncate(t, width, font);
    sizeSvg(svg, Math.max(width, W * px + legendW), top + Math.max(H * px, font * 6) + 4);
    svg.attr('aria-label', `${data.title ?? 'Image'}: ${H} x ${W} pixels in ${rows * cols} patches of ${p} x ${p}`);
    titleText.attr('x', 0).attr('y', font * 1.2).attr('font-size', font * 1.1).text(data.title ?? '');
    readout.attr('x', 0).attr('y', titleH + font * 1.2).attr('font-size', font).text(fit(hint));

    pixels.attr('transform', `translate(0,${top})`);
    // 64 gray levels: indistinguishable from continuous, and a 28 x 28 image stays ~70 paths.
    drawBuckets(pixels, {
      rows: H,
      cols: W,
      at: (i, j) => (options.invert ? 1 - image[i * W + j] : image[i * W + j]),
      cellWidth: px,
      cellHeight: px,
      levels: 64,
      color: (t) => d3.interpolateGreys(1 - t),
      backgroundLevel: options.invert ? 63 : 0,
    });

    const color = sequentialScale(domain, options.scheme);
    const patches: Patch[] = d3.range(rows * cols).map((index) => ({ index, row: Math.floor(index / cols), col: index % cols, value: overlay?.[index] }));
    patchesG.attr('transform', `translate(0,${top})`);
    patchesG
      .selectAll<SVGRectElement, Patch>('rect.viz-patch')
      .data(patches, (d) => String(d.index))
      .join((enter) => {
        const r = enter.append('rect').attr('class', 'viz-patch');
        r.append('title');
        return r;
      })
      .attr('x', (d) => d.col * p * px)
      .attr('y', (d) => d.row * p * px)
      .attr('width', p * px)
      .attr('height', p * px)
      .attr('fill', (d) => (d.value === undefined ? 'transparent' : color(d.value)))
      .attr('fill-opacity', (d) => (d.value === undefined ? 0 : (options.overlayOpacity ?? 0.6)))
      // The grid lines: mid-gray reads on both black background and white ink.
      .attr('stroke', '#8c8c8c')
      .attr('stroke-width', 1)
      .attr('data-value', (d) => d.value ?? null)
      .select('title')
      .text(describe);

    legendG.attr('transform', `translate(${W * px + 16},${top})`).attr('display', overlay ? null : 'none');
    if (overlay) drawLegend(legendG, { interpolator: sequentialInterpolator(options.scheme), domain, height: Math.max(H * px, font * 5), font, caption: label });
  }

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
      readout.text(fit(hint)).classed('is-active', false);
      options.onHoverPatch?.(null);
    });

  const unwatch = watchLayout(container, render);
  return {
    update(next) {
      renderOrRestore(next, () => data, (d) => (data = d), render);
    },
    destroy() {
      unwatch();
      patchesG.on('mouseover', null).on('mouseleave', null);
      svg.remove();
    },
  };
}
