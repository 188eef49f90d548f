/**
 * The "model view" of BertViz: every head of every layer as a small heatmap thumbnail, so a
 * learner can scan a whole model for heads with a shape (diagonal, previous-token, coreference)
 * and click one to study it.
 */
import * as d3 from 'd3';
import { sequentialInterpolator } from './colors.ts';
import type { SequentialScheme } from './colors.ts';
import { drawBuckets } from './bucket-paths.ts';
import type { Chart, G } from './frame.ts';
import { asButton, createSvg, fontSizeOf, renderOrRestore, sizeSvg, smallFont, textWidth, truncate, watchLayout, widthOf } from './frame.ts';
import type { Grid, MatrixInput } from './values.ts';
import { squareSide, toGrid } from './values.ts';

export interface HeadRef {
  layer: number;
  head: number;
}

export interface ModelViewOptions {
  /** Layout width in px; default the container's width. */
  width?: number;
  /** Fixed thumbnail side in px; default: fit the width, between 28 and 120. */
  thumbSize?: number;
  /** Colour levels per thumbnail (default 32). */
  levels?: number;
  scheme?: SequentialScheme;
  /**
   * 'each' (default) scales every thumbnail to its own largest weight, so the pattern of a
   * diffuse head is visible too; 'fixed' maps weights 0..1 directly, for comparing strengths.
   */
  normalize?: 'each' | 'fixed';
  /** Called when a thumbnail is clicked or activated by keyboard. */
  onSelect?(layer: number, head: number): void;
}

export interface ModelViewBadge extends HeadRef {
  /** Short text under the thumbnail, e.g. "coref" or "prev". */
  text: string;
}

export interface ModelViewData {
  /** Attention weights, [layer][head], each T x T. */
  heads: MatrixInput[][];
  /** The sentence (only its length is used, for flat buffers and captions). */
  tokens?: string[];
  selected?: HeadRef | null;
  badges?: ModelViewBadge[];
  title?: string;
}

interface Thumb extends HeadRef {
  grid: Grid;
  badge?: string;
}

const GAP = 8;

/** Creates a model view inside `container`. See ModelViewOptions and ModelViewData. */
export function createModelView(container: HTMLElement, options: ModelViewOptions = {}): Chart<ModelViewData> {
  const svg = createSvg(container, 'model-view', 'Model view');
  const titleText = svg.append('text').attr('class', 'viz-title');
  const readout = svg.append('text').attr('class', 'viz-readout');
  const axesG = svg.append('g').attr('class', 'viz-axes') as G;
  const thumbsG = svg.append('g').attr('class', 'viz-thumbs') as G;

  let data: ModelViewData | undefined;
  let selected: HeadRef | null = null;
  let fit = (t: string) => t;
  const hint = 'Click a head to study it.';
  const nameOf = (t: Thumb) => `Layer ${t.layer + 1}, head ${t.head + 1}${t.badge ? ` (${t.badge})` : ''}`;
  const isSelected = (t: HeadRef) => selected !== null && selected.layer === t.layer && selected.head === t.head;

  function render(): void {
    if (!data) return;
    const font = fontSizeOf(container);
    const small = smallFont(font);
    const width = widthOf(container, options.width);
    const L = data.heads.length;
    const H = Math.max(0, ...data.heads.map((l) => l.length));
    const badges = new Map((data.badges ?? []).map((b) => [`${b.layer}:${b.head}`, b.text]));
    const thumbs: Thumb[] = data.heads.flatMap((layer, l) =>
      layer.map((m, h) => {
        const T = data?.tokens?.length ?? squareSide(m, 'model-view');
        return { layer: l, head: h, grid: toGrid(m, T, T, 'model-view'), badge: badges.get(`${l}:${h}`) };
      }),
    );

    const labelW = textWidth(`L${L}`, font) + 16;
    const fitted = Math.floor((width - labelW) / Math.max(1, H)) - GAP;
    const thumb = options.thumbSize ?? Math.max(28, Math.min(120, fitted));
    const badgeH = badges.size > 0 ? small * 1.6 : 0;
    const titleH = data.title ? font * 1.7 : 0;
    const top = titleH + font * 1.7 + small * 1.6;
    const stepX = thumb + GAP;
    const stepY = thumb + GAP + badgeH;
    sizeSvg(svg, Math.max(width, labelW + H * stepX), top + L * stepY);
    svg.attr('aria-label', data.title ?? `Model view: ${L} layers x ${H} heads`);
    fit = (t) => truncate(t, width, font);

    titleText.attr('x', 0).attr('y', font * 1.2).attr('font-size', font * 1.1).text(data.title ?? '');
    readout.attr('x', 0).attr('y', titleH + font * 1.2).attr('font-size', font).text(fit(selected ? `Selected: layer ${selected.layer + 1}, head ${selected.head + 1}` : hint));

    const axisLabels = [
      ...Array.from({ length: H }, (_, h) => ({ key: `H${h + 1}`, x: labelW + h * stepX + thumb / 2, y: top - small * 0.5, anchor: 'middle' })),
      ...Array.from({ length: L }, (_, l) => ({ key: `L${l + 1}`, x: labelW - 10, y: top + l * stepY + thumb / 2, anchor: 'end' })),
    ];
    axesG
      .selectAll<SVGTextElement, (typeof axisLabels)[number]>('text')
      .data(axisLabels, (d) => d.key)
      .join('text')
      .attr('class', 'viz-label')
      .attr('x', (d) => d.x)
      .attr('y', (d) => d.y)
      .attr('dy', (d) => (d.key.startsWith('L') ? '0.35em' : null))
      .attr('text-anchor', (d) => d.anchor)
      .attr('font-size', (d) => (d.key.startsWith('L') ? font : small))
      .text((d) => d.key);

    const color = sequentialInterpolator(options.scheme);
    const levels = options.levels ?? 32;
    const group = thumbsG
      .selectAll<SVGGElement, Thumb>('g.viz-thumb')
      .data(thumbs, (t) => `${t.layer}:${t.head}`)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'viz-thumb');
        g.append('g').attr('class', 'viz-thumb-cells');
        g.append('rect').attr('class', 'viz-thumb-frame').attr('fill', 'none').attr('stroke', '#767676');
        g.append('text').attr('class', 'viz-badge');
        g.append('title');
        asButton(g, (_ev, t) => {
          selected = { layer: t.layer, head: t.head };
          render();
          options.onSelect?.(t.layer, t.head);
        });
        g.on('mouseenter focus', (_ev, t) => readout.text(fit(`${nameOf(t)}: click to study it`)));
        g.on('mouseleave blur', () => readout.text(fit(selected ? `Selected: layer ${selected.layer + 1}, head ${selected.head + 1}` : hint)));
        return g;
      })
      .attr('transform', (t) => `translate(${labelW + t.head * stepX},${top + t.layer * stepY})`)
      .attr('aria-label', nameOf)
      .attr('aria-pressed', (t) => String(isSelected(t)))
      .classed('is-selected', isSelected);
    group.select('title').text(nameOf);

    group.each(function (this: SVGGElement, t) {
      const g = d3.select(this).select<SVGGElement>('g.viz-thumb-cells') as unknown as G;
      const [, hi] = t.grid.extent();
      const scale = options.normalize === 'fixed' || hi <= 0 ? 1 : 1 / hi;
      drawBuckets(g, {
        rows: t.grid.rows,
        cols: t.grid.cols,
        at: (i, j) => t.grid.at(i, j) * scale,
        cellWidth: thumb / Math.max(1, t.grid.cols),
        cellHeight: thumb / Math.max(1, t.grid.rows),
        levels,
        color,
        backgroundLevel: 0,
      });
    });
    group
      .select('rect.viz-thumb-frame')
      .attr('x', (t) => (isSelected(t) ? -3 : -0.5))
      .attr('y', (t) => (isSelected(t) ? -3 : -0.5))
      .attr('width', (t) => thumb + (isSelected(t) ? 6 : 1))
      .attr('height', (t) => thumb + (isSelected(t) ? 6 : 1))
      .attr('stroke-width', (t) => (isSelected(t) ? 4 : 1))
      .attr('stroke', (t) => (isSelected(t) ? '#111111' : '#767676'));
    group
      .select('text.viz-badge')
      .attr('x', thumb / 2)
      .attr('y', thumb + GAP / 2 + small)
      .attr('text-anchor', 'middle')
      .attr('font-size', small)
      .text((t) => (t.badge ? truncate(t.badge, stepX - 2, small) : ''));
  }

  const unwatch = watchLayout(container, render);
  return {
    update(next) {
      if (next.selected !== undefined) selected = next.selected;
      renderOrRestore(next, () => data, (d) => (data = d), render);
    },
    destroy() {
      unwatch();
      thumbsG.selectAll('g.viz-thumb').on('click', null).on('keydown', null).on('mouseenter focus', null).on('mouseleave blur', null);
      svg.remove();
    },
  };
}
