/**
 * The "head view" of BertViz (Vig, 2019): the sentence twice, side by side, with a line from
 * each token on the left to each token on the right as strong as the attention between them.
 * Several heads overlay in Okabe–Ito colours. Hovering or focusing a token isolates its lines.
 * The layout is computed apart, without a DOM, in attention-lines-layout.ts.
 */
import type * as d3 from 'd3';
import type { AttentionLine, AttentionLinesLayout, HeadLegendItem, PlacedToken } from './attention-lines-layout.ts';
import { layoutAttentionLines } from './attention-lines-layout.ts';
import { defineChart } from './chart.ts';
import type { Chart, G, Svg } from './frame.ts';
import { asButton, sizeSvg, truncate } from './frame.ts';
import { exact, quote } from './format.ts';
import { topK } from './summary.ts';
import type { Grid, MatrixInput } from './values.ts';

export type TokenSide = 'from' | 'to';
export interface TokenRef {
  side: TokenSide;
  index: number;
}

export interface AttentionLinesOptions {
  /** Layout width in px; default the container's width. */
  width?: number;
  /** Lines below this weight are not drawn (default 0.01): they would be invisible anyway. */
  minWeight?: number;
  /** Width in px of a line of weight 1 (default 6); weight 0 is 1 px. */
  maxStroke?: number;
  /** Column headings (default 'from (query)' and 'to (key)'). */
  fromHeading?: string;
  toHeading?: string;
  /** Called when a token is clicked or activated by keyboard (null when it is released). */
  onSelectToken?(token: TokenRef | null): void;
}

export interface AttentionHeadLines {
  /** from x to weights: row i is where left token i attends. */
  weights: MatrixInput;
  /** Legend label (default "Head h"). */
  label?: string;
  /** Line colour (default the h-th Okabe–Ito colour). */
  color?: string;
}

export interface AttentionLinesData {
  /** Tokens on the left (attending). */
  from: string[];
  /** Tokens on the right (attended); default the same as `from` (self-attention). */
  to?: string[];
  heads: AttentionHeadLines[];
  /** A token held selected (isolated) until released; undefined keeps the clicked one. */
  selected?: TokenRef | null;
  title?: string;
}

const FADED = 0.06;

/** The read-out for a token: its strongest partner in each head. */
function describe(data: AttentionLinesData, grids: Grid[], t: TokenRef): string {
  const to = data.to ?? data.from;
  const own = t.side === 'from' ? data.from : to;
  const other = t.side === 'from' ? to : data.from;
  const parts = grids.map((g, h) => {
    const vec = t.side === 'from' ? g.row(t.index) : Array.from({ length: g.rows }, (_, i) => g.at(i, t.index));
    const [best] = topK(vec, 1);
    const name = data.heads[h].label ?? `Head ${h}`;
    return best ? `${grids.length > 1 ? `${name}: ` : ''}${quote(other[best.index])} ${exact(best.value)}` : '';
  });
  const arrow = t.side === 'from' ? 'attends most to' : 'is attended most by';
  return `${quote(own[t.index])} ${arrow} ${parts.join(' · ')}`;
}

const same = (a: TokenRef | null, b: TokenRef | null) => a !== null && b !== null && a.side === b.side && a.index === b.index;

interface Parts {
  titleText: d3.Selection<SVGTextElement, unknown, null, undefined>;
  legendG: G;
  readout: d3.Selection<SVGTextElement, unknown, null, undefined>;
  linesG: G;
  tokensG: G;
}

/** What a token's listeners call: bound once, when the token's element is created. */
interface TokenHandlers {
  toggle(t: TokenRef): void;
  hover(t: TokenRef | null): void;
}

/** Creates a head view inside `container`. See AttentionLinesOptions and AttentionLinesData. */
export function createAttentionLines(container: HTMLElement, options: AttentionLinesOptions = {}): Chart<AttentionLinesData> {
  return defineChart<AttentionLinesData>(container, {
    kind: 'attention-lines',
    label: 'Attention lines',
    width: options.width,
    setup(svg, chart) {
      const parts: Parts = {
        titleText: svg.append('text').attr('class', 'viz-title'),
        legendG: svg.append('g').attr('class', 'viz-head-legend') as G,
        readout: svg.append('text').attr('class', 'viz-readout'),
        linesG: svg.append('g').attr('class', 'viz-lines').attr('pointer-events', 'none') as G,
        tokensG: svg.append('g').attr('class', 'viz-tokens') as G,
      };
      let layout: AttentionLinesLayout | undefined;
      let selected: TokenRef | null = null;
      let hovered: TokenRef | null = null;
      const hint = 'Hover, focus or click a token to isolate its lines.';

      /** Re-applies emphasis only (opacity, pressed state, read-out): cheap, runs on every hover. */
      const emphasise = () => {
        const data = chart.current();
        if (!data || !layout) return;
        const active = hovered ?? selected;
        const text = active ? describe(data, layout.grids, active) : hint;
        emphasiseLines(parts, active, selected, truncate(text, layout.width, layout.font));
      };
      const handlers: TokenHandlers = {
        toggle(t) {
          selected = same(selected, t) ? null : t;
          emphasise();
          options.onSelectToken?.(selected);
        },
        hover(t) {
          hovered = t;
          emphasise();
        },
      };

      return {
        accept(next) {
          if (next.selected !== undefined) selected = next.selected;
          const side = (t: TokenRef) => (t.side === 'from' ? next.from : (next.to ?? next.from));
          if (selected && selected.index >= side(selected).length) selected = null;
          hovered = null;
        },
        draw(data, frame) {
          layout = layoutAttentionLines(data, frame, options);
          drawAttentionLines(svg, parts, layout, handlers);
          emphasise();
        },
        teardown() {
          parts.tokensG.selectAll('g.viz-token').on('click', null).on('keydown', null).on('mouseenter focus', null).on('mouseleave blur', null);
        },
      };
    },
  });
}

/** Joins a layout into the head view's elements (emphasis is applied afterwards). */
function drawAttentionLines(svg: Svg, parts: Parts, l: AttentionLinesLayout, handlers: TokenHandlers): void {
  const { font, small } = l;
  sizeSvg(svg, l.width, l.height);
  svg.attr('aria-label', l.ariaLabel);
  parts.titleText.attr('x', 0).attr('y', font * 1.2).attr('font-size', font * 1.1).text(l.title);
  parts.legendG.attr('transform', `translate(0,${l.titleH})`);
  const item = parts.legendG
    .selectAll<SVGGElement, HeadLegendItem>('g.viz-legend-item')
    .data(l.legend, (d) => String(d.k))
    .join((enter) => {
      const g = enter.append('g').attr('class', 'viz-legend-item');
      g.append('line').attr('stroke-width', 4);
      g.append('text').attr('class', 'viz-label').attr('dy', '0.35em');
      return g;
    })
    .attr('transform', (d) => `translate(${d.x},${d.y + small * 0.8})`);
  item.select('line').attr('x1', 0).attr('x2', 22).attr('stroke', (d) => d.color);
  item.select('text').attr('x', 28).attr('font-size', small).text((d) => d.name);

  parts.readout.attr('x', 0).attr('y', l.titleH + l.legendH + font * 1.2).attr('font-size', font);
  svg
    .selectAll('text.viz-heading')
    .data(l.headings)
    .join('text')
    .attr('class', 'viz-heading viz-muted')
    .attr('x', (d) => d.x)
    .attr('y', l.headingY)
    .attr('text-anchor', (d) => d.anchor)
    .attr('font-size', small)
    .text((d) => d.text);

  parts.linesG
    .selectAll<SVGLineElement, AttentionLine>('line')
    .data(l.lines, (d) => `${d.h}:${d.i}:${d.j}`)
    .join('line')
    .attr('x1', l.leftX)
    .attr('y1', (d) => d.y1)
    .attr('x2', l.rightX)
    .attr('y2', (d) => d.y2)
    .attr('stroke', (d) => d.color)
    .attr('stroke-width', (d) => d.strokeWidth)
    .attr('stroke-linecap', 'round')
    .attr('data-weight', (d) => d.w);
  drawTokens(parts.tokensG, l, handlers);
}

/** The tokens of both columns: buttons that isolate their lines on hover, focus or click. */
function drawTokens(tokensG: G, l: AttentionLinesLayout, handlers: TokenHandlers): void {
  const ref = (t: TokenRef): TokenRef => ({ side: t.side, index: t.index });
  const token = tokensG
    .selectAll<SVGGElement, PlacedToken>('g.viz-token')
    .data(l.tokens, (t) => `${t.side}:${t.index}`)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'viz-token');
      g.append('rect').attr('class', 'viz-token-bg').attr('rx', 4);
      g.append('text').attr('class', 'viz-label').attr('dy', '0.35em');
      asButton(g, (_ev, t) => handlers.toggle(ref(t)));
      g.on('mouseenter focus', (_ev, t) => handlers.hover(ref(t))).on('mouseleave blur', () => handlers.hover(null));
      return g;
    })
    .attr('transform', (t) => `translate(${t.x},${t.y})`)
    .attr('aria-label', (t) => t.ariaLabel);
  token
    .select('rect')
    .attr('x', (t) => (t.side === 'from' ? -(l.labelW - 12) : -4))
    .attr('y', -l.rowH / 2 + 2)
    .attr('width', l.labelW - 8)
    .attr('height', l.rowH - 4);
  token
    .select('text')
    .attr('text-anchor', (t) => (t.side === 'from' ? 'end' : 'start'))
    .attr('font-size', l.font)
    .text((t) => t.text);
}

/** Fades the lines that do not touch the active token and marks the active and pressed tokens. */
function emphasiseLines(parts: Parts, active: TokenRef | null, selected: TokenRef | null, readout: string): void {
  const touches = (d: AttentionLine) => !active || (active.side === 'from' ? d.i === active.index : d.j === active.index);
  parts.linesG
    .selectAll<SVGLineElement, AttentionLine>('line')
    .attr('stroke-opacity', (d) => Math.min(1, d.w) * (touches(d) ? 1 : FADED))
    .classed('is-faded', (d) => !touches(d));
  parts.tokensG
    .selectAll<SVGGElement, TokenRef>('g.viz-token')
    .classed('is-active', (t) => same(t, active))
    .attr('aria-pressed', (t) => String(same(t, selected)));
  parts.readout.text(readout);
}

/** The token list a TokenRef points into (exported for callers building captions). */
export function tokenOf(data: AttentionLinesData, ref: TokenRef): string {
  return ref.side === 'from' ? data.from[ref.index] : (data.to ?? data.from)[ref.index];
}
