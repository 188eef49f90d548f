/**
 * The "model view" of BertViz: every head of every layer as a small heatmap thumbnail, so a
 * learner can scan a whole model for heads with a shape (diagonal, previous-token, coreference)
 * and click one to study it.
 */
import * as d3 from 'd3';
import { sequentialInterpolator } from './colors.ts';
import type { SequentialScheme } from './colors.ts';
import { drawBuckets } from './bucket-paths.ts';
import type { Frame } from './chart.ts';
import { defineChart } from './chart.ts';
import type { Chart, G, Svg } from './frame.ts';
import { asButton, sizeSvg, smallFont, textWidth, truncate } from './frame.ts';
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

/** One head's thumbnail: where it goes, its weights and badge. */
export interface Thumb extends HeadRef {
  grid: Grid;
  badge?: string;
  /** "Layer 1, head 2 (coref)": its accessible name and <title>. */
  name: string;
  x: number;
  y: number;
  /** Multiplies the weights so the thumbnail's largest is 1 ('each'), or 1 ('fixed'). */
  scale: number;
  /** The badge shortened to the thumbnail's column, or ''. */
  badgeText: string;
}

/** An axis label: "H2" over a column of heads, "L3" beside a row of layers. */
export interface AxisLabel {
  key: string;
  x: number;
  y: number;
  anchor: string;
  layer: boolean;
}

/** Where everything of a model view goes: computed from data and size alone, without a DOM. */
export interface ModelViewLayout {
  width: number;
  font: number;
  small: number;
  svgWidth: number;
  svgHeight: number;
  ariaLabel: string;
  title: string;
  titleH: number;
  /** Side of a thumbnail, and the distance from one to the next across and down. */
  thumb: number;
  stepX: number;
  axisLabels: AxisLabel[];
  thumbs: Thumb[];
}

const GAP = 8;

/** Lays a model view out: thumbnails in a layers x heads grid, fitted to the width. Pure. */
export function layoutModelView(data: ModelViewData, frame: Frame, options: ModelViewOptions = {}): ModelViewLayout {
  const { font, width } = frame;
  const small = smallFont(font);
  const L = data.heads.length;
  const H = Math.max(0, ...data.heads.map((l) => l.length));
  const badges = new Map((data.badges ?? []).map((b) => [`${b.layer}:${b.head}`, b.text]));
  const labelW = textWidth(`L${L}`, font) + 16;
  const fitted = Math.floor((width - labelW) / Math.max(1, H)) - GAP;
  const thumb = options.thumbSize ?? Math.max(28, Math.min(120, fitted));
  const badgeH = badges.size > 0 ? small * 1.6 : 0;
  const titleH = data.title ? font * 1.7 : 0;
  const top = titleH + font * 1.7 + small * 1.6;
  const stepX = thumb + GAP;
  const stepY = thumb + GAP + badgeH;

  const thumbs: Thumb[] = data.heads.flatMap((layer, l) =>
    layer.map((m, h) => {
      const T = data.tokens?.length ?? squareSide(m, 'model-view');
      const grid = toGrid(m, T, T, 'model-view');
      const badge = badges.get(`${l}:${h}`);
      const [, hi] = grid.extent();
      return {
        layer: l,
        head: h,
        grid,
        badge,
        name: `Layer ${l + 1}, head ${h + 1}${badge ? ` (${badge})` : ''}`,
        x: labelW + h * stepX,
        y: top + l * stepY,
        scale: options.normalize === 'fixed' || hi <= 0 ? 1 : 1 / hi,
        badgeText: badge ? truncate(badge, stepX - 2, small) : '',
      };
    }),
  );
  const axisLabels = [
    ...Array.from({ length: H }, (_, h) => ({ key: `H${h + 1}`, x: labelW + h * stepX + thumb / 2, y: top - small * 0.5, anchor: 'middle', layer: false })),
    ...Array.from({ length: L }, (_, l) => ({ key: `L${l + 1}`, x: labelW - 10, y: top + l * stepY + thumb / 2, anchor: 'end', layer: true })),
  ];
  return {
    width,
    font,
    small,
    svgWidth: Math.max(width, labelW + H * stepX),
    svgHeight: top + L * stepY,
    ariaLabel: data.title ?? `Model view: ${L} layers x ${H} heads`,
    title: data.title ?? '',
    titleH,
    thumb,
    stepX,
    axisLabels,
    thumbs,
  };
}

interface Parts {
  titleText: d3.Selection<SVGTextElement, unknown, null, undefined>;
  readout: d3.Selection<SVGTextElement, unknown, null, undefined>;
  axesG: G;
  thumbsG: G;
}

/** What a thumbnail's listeners call: bound once, when its element is created. */
interface ThumbHandlers {
  select(t: Thumb): void;
  hover(t: Thumb | null): void;
  isSelected(t: HeadRef): boolean;
}

/** Creates a model view inside `container`. See ModelViewOptions and ModelViewData. */
export function createModelView(container: HTMLElement, options: ModelViewOptions = {}): Chart<ModelViewData> {
  return defineChart<ModelViewData>(container, {
    kind: 'model-view',
    label: 'Model view',
    width: options.width,
    setup(svg, chart) {
      const parts: Parts = {
        titleText: svg.append('text').attr('class', 'viz-title'),
        readout: svg.append('text').attr('class', 'viz-readout'),
        axesG: svg.append('g').attr('class', 'viz-axes') as G,
        thumbsG: svg.append('g').attr('class', 'viz-thumbs') as G,
      };
      let selected: HeadRef | null = null;
      let fit = (t: string) => t;
      const status = () => fit(selected ? `Selected: layer ${selected.layer + 1}, head ${selected.head + 1}` : 'Click a head to study it.');
      const handlers: ThumbHandlers = {
        select(t) {
          selected = { layer: t.layer, head: t.head };
          chart.redraw();
          options.onSelect?.(t.layer, t.head);
        },
        hover(t) {
          parts.readout.text(t ? fit(`${t.name}: click to study it`) : status());
        },
        isSelected: (t) => selected !== null && selected.layer === t.layer && selected.head === t.head,
      };
      return {
        accept(next) {
          if (next.selected !== undefined) selected = next.selected;
        },
        draw(data, frame) {
          const l = layoutModelView(data, frame, options);
          fit = (t) => truncate(t, l.width, l.font);
          drawModelView(svg, parts, l, handlers, options);
          parts.readout.text(status());
        },
        teardown() {
          parts.thumbsG.selectAll('g.viz-thumb').on('click', null).on('keydown', null).on('mouseenter focus', null).on('mouseleave blur', null);
        },
      };
    },
  });
}

/** Joins a layout into the model view's elements. */
function drawModelView(svg: Svg, parts: Parts, l: ModelViewLayout, handlers: ThumbHandlers, options: ModelViewOptions): void {
  const { font, small } = l;
  sizeSvg(svg, l.svgWidth, l.svgHeight);
  svg.attr('aria-label', l.ariaLabel);
  parts.titleText.attr('x', 0).attr('y', font * 1.2).attr('font-size', font * 1.1).text(l.title);
  parts.readout.attr('x', 0).attr('y', l.titleH + font * 1.2).attr('font-size', font);
  parts.axesG
    .selectAll<SVGTextElement, AxisLabel>('text')
    .data(l.axisLabels, (d) => d.key)
    .join('text')
    .attr('class', 'viz-label')
    .attr('x', (d) => d.x)
    .attr('y', (d) => d.y)
    .attr('dy', (d) => (d.layer ? '0.35em' : null))
    .attr('text-anchor', (d) => d.anchor)
    .attr('font-size', (d) => (d.layer ? font : small))
    .text((d) => d.key);

  drawThumbs(parts.thumbsG, l, handlers, options);
}

/** The thumbnails: keyboard buttons (handlers are bound once, to new ones), the selected one outlined. */
function drawThumbs(thumbsG: G, l: ModelViewLayout, handlers: ThumbHandlers, options: ModelViewOptions): void {
  const { small, thumb } = l;
  const { isSelected } = handlers;
  const group = thumbsG
    .selectAll<SVGGElement, Thumb>('g.viz-thumb')
    .data(l.thumbs, (t) => `${t.layer}:${t.head}`)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'viz-thumb');
      g.append('g').attr('class', 'viz-thumb-cells');
      g.append('rect').attr('class', 'viz-thumb-frame').attr('fill', 'none').attr('stroke', '#767676');
      g.append('text').attr('class', 'viz-badge');
      g.append('title');
      asButton(g, (_ev, t) => handlers.select(t));
      g.on('mouseenter focus', (_ev, t) => handlers.hover(t));
      g.on('mouseleave blur', () => handlers.hover(null));
      return g;
    })
    .attr('transform', (t) => `translate(${t.x},${t.y})`)
    .attr('aria-label', (t) => t.name)
    .attr('aria-pressed', (t) => String(isSelected(t)))
    .classed('is-selected', isSelected);
  group.select('title').text((t) => t.name);

  const color = sequentialInterpolator(options.scheme);
  const levels = options.levels ?? 32;
  group.each(function (this: SVGGElement, t) {
    drawBuckets(d3.select(this).select<SVGGElement>('g.viz-thumb-cells') as unknown as G, {
      rows: t.grid.rows,
      cols: t.grid.cols,
      at: (i, j) => t.grid.at(i, j) * t.scale,
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
    .text((t) => t.badgeText);
}
