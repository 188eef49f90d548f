/**
 * The "head view" of BertViz (Vig, 2019): the sentence twice, side by side, with a line from
 * each token on the left to each token on the right as strong as the attention between them.
 * Several heads overlay in Okabe–Ito colours. Hovering or focusing a token isolates its lines.
 */
import { categorical } from './colors.ts';
import type { Chart, G } from './frame.ts';
import { asButton, createSvg, fontSizeOf, renderOrRestore, sizeSvg, smallFont, textWidth, truncate, watchLayout, widthOf } from './frame.ts';
import { exact, quote } from './format.ts';
import { topK } from './summary.ts';
import type { Grid, MatrixInput } from './values.ts';
import { toGrid } from './values.ts';

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

interface Line {
  h: number;
  i: number;
  j: number;
  w: number;
}

const FADED = 0.06;

/** Creates a head view inside `container`. See AttentionLinesOptions and AttentionLinesData. */
export function createAttentionLines(container: HTMLElement, options: AttentionLinesOptions = {}): Chart<AttentionLinesData> {
  const svg = createSvg(container, 'attention-lines', 'Attention lines');
  const titleText = svg.append('text').attr('class', 'viz-title');
  const legendG = svg.append('g').attr('class', 'viz-head-legend') as G;
  const readout = svg.append('text').attr('class', 'viz-readout');
  const linesG = svg.append('g').attr('class', 'viz-lines').attr('pointer-events', 'none') as G;
  const tokensG = svg.append('g').attr('class', 'viz-tokens') as G;

  let data: AttentionLinesData | undefined;
  let grids: Grid[] = [];
  let selected: TokenRef | null = null;
  let hovered: TokenRef | null = null;
  let fit = (t: string) => t;
  const hint = 'Hover, focus or click a token to isolate its lines.';

  const same = (a: TokenRef | null, b: TokenRef | null) => a !== null && b !== null && a.side === b.side && a.index === b.index;

  /** Re-applies emphasis only (opacity, pressed state, read-out): cheap, runs on every hover. */
  function emphasise(): void {
    if (!data) return;
    const active = hovered ?? selected;
    const touches = (l: Line) => !active || (active.side === 'from' ? l.i === active.index : l.j === active.index);
    linesG
      .selectAll<SVGLineElement, Line>('line')
      .attr('stroke-opacity', (l) => Math.min(1, l.w) * (touches(l) ? 1 : FADED))
      .classed('is-faded', (l) => !touches(l));
    tokensG
      .selectAll<SVGGElement, TokenRef>('g.viz-token')
      .classed('is-active', (t) => same(t, active))
      .attr('aria-pressed', (t) => String(same(t, selected)));
    readout.text(fit(active ? describe(active) : hint));
  }

  /** The read-out for a token: its strongest partner in each head. */
  function describe(t: TokenRef): string {
    const d = data as AttentionLinesData;
    const to = d.to ?? d.from;
    const own = t.side === 'from' ? d.from : to;
    const other = t.side === 'from' ? to : d.from;
    const parts = grids.map((g, h) => {
      const vec = t.side === 'from' ? g.row(t.index) : Array.from({ length: g.rows }, (_, i) => g.at(i, t.index));
      const [best] = topK(vec, 1);
      const name = d.heads[h].label ?? `Head ${h}`;
      return best ? `${grids.length > 1 ? `${name}: ` : ''}${quote(other[best.index])} ${exact(best.value)}` : '';
    });
    const arrow = t.side === 'from' ? 'attends most to' : 'is attended most by';
    return `${quote(own[t.index])} ${arrow} ${parts.join(' · ')}`;
  }

  function render(): void {
    if (!data) return;
    const from = data.from;
    const to = data.to ?? data.from;
    grids = data.heads.map((h) => toGrid(h.weights, from.length, to.length, 'attention-lines'));
    const font = fontSizeOf(container);
    const small = smallFont(font);
    const width0 = widthOf(container, options.width);
    const rowH = Math.max(font * 1.8, 26);
    const labelOf = (t: string) => truncate(t, width0 * 0.28, font);
    const fromHeading = options.fromHeading ?? 'from (query)';
    const toHeading = options.toHeading ?? 'to (key)';
    const headingW = Math.max(textWidth(fromHeading, small), textWidth(toHeading, small));
    const labelW = Math.max(...[...from, ...to].map((t) => textWidth(labelOf(t), font)), headingW, 40) + 20;
    const width = Math.max(width0, 2 * labelW + 160);
    fit = (t) => truncate(t, width, font);

    // Head legend: swatch + name, wrapping onto new rows so items never overlap.
    const items = data.heads.map((h, k) => ({ k, name: h.label ?? `Head ${k}`, color: h.color ?? categorical(k) }));
    const showLegend = items.length > 1 || data.heads.some((h) => h.label);
    const titleH = data.title ? font * 1.7 : 0;
    let x = 0;
    let row = 0;
    const placed = items.map((it) => {
      const w = 28 + textWidth(it.name, small) + 18;
      if (x > 0 && x + w > width) [x, row] = [0, row + 1];
      const at = { ...it, x, y: row * small * 1.7 };
      x += w;
      return at;
    });
    const legendH = showLegend ? (row + 1) * small * 1.7 + 4 : 0;
    const top = titleH + legendH + font * 1.7 + font * 1.6;
    const leftX = labelW;
    const rightX = width - labelW;
    const y = (k: number) => top + k * rowH + rowH / 2;
    sizeSvg(svg, width, top + Math.max(from.length, to.length) * rowH + 8);
    svg.attr('aria-label', data.title ?? `Attention lines from ${from.length} tokens to ${to.length} tokens, ${items.length} head(s)`);

    titleText.attr('x', 0).attr('y', font * 1.2).attr('font-size', font * 1.1).text(data.title ?? '');
    legendG.attr('transform', `translate(0,${titleH})`);
    const item = legendG
      .selectAll<SVGGElement, (typeof placed)[number]>('g.viz-legend-item')
      .data(showLegend ? placed : [], (d) => String(d.k))
      .join((enter) => {
        const g = enter.append('g').attr('class', 'viz-legend-item');
        g.append('line').attr('stroke-width', 4);
        g.append('text').attr('class', 'viz-label').attr('dy', '0.35em');
        return g;
      })
      .attr('transform', (d) => `translate(${d.x},${d.y + small * 0.8})`);
    item.select('line').attr('x1', 0).attr('x2', 22).attr('stroke', (d) => d.color);
    item.select('text').attr('x', 28).attr('font-size', small).text((d) => d.name);

    readout.attr('x', 0).attr('y', titleH + legendH + font * 1.2).attr('font-size', font);
    const headings = [
      { x: leftX - 8, anchor: 'end', text: fromHeading },
      { x: rightX + 8, anchor: 'start', text: toHeading },
    ];
    svg
      .selectAll('text.viz-heading')
      .data(headings)
      .join('text')
      .attr('class', 'viz-heading viz-muted')
      .attr('x', (d) => d.x)
      .attr('y', top - font * 0.5)
      .attr('text-anchor', (d) => d.anchor)
      .attr('font-size', small)
      .text((d) => d.text);

    const maxStroke = options.maxStroke ?? 6;
    const lines: Line[] = [];
    grids.forEach((g, h) => {
      for (let i = 0; i < g.rows; i++) for (let j = 0; j < g.cols; j++) {
        const w = g.at(i, j);
        if (w >= (options.minWeight ?? 0.01)) lines.push({ h, i, j, w });
      }
    });
    linesG
      .selectAll<SVGLineElement, Line>('line')
      .data(lines, (l) => `${l.h}:${l.i}:${l.j}`)
      .join('line')
      .attr('x1', leftX)
      .attr('y1', (l) => y(l.i))
      .attr('x2', rightX)
      .attr('y2', (l) => y(l.j))
      .attr('stroke', (l) => items[l.h].color)
      .attr('stroke-width', (l) => 1 + (maxStroke - 1) * Math.min(1, l.w))
      .attr('stroke-linecap', 'round')
      .attr('data-weight', (l) => l.w);

    const refs: TokenRef[] = [...from.map((_, index) => ({ side: 'from' as const, index })), ...to.map((_, index) => ({ side: 'to' as const, index }))];
    const token = tokensG
      .selectAll<SVGGElement, TokenRef>('g.viz-token')
      .data(refs, (t) => `${t.side}:${t.index}`)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'viz-token');
        g.append('rect').attr('class', 'viz-token-bg').attr('rx', 4);
        g.append('text').attr('class', 'viz-label').attr('dy', '0.35em');
        asButton(g, (_ev, t) => {
          selected = same(selected, t) ? null : t;
          emphasise();
          options.onSelectToken?.(selected);
        });
        g.on('mouseenter focus', (_ev, t) => {
          hovered = t;
          emphasise();
        }).on('mouseleave blur', () => {
          hovered = null;
          emphasise();
        });
        return g;
      })
      .attr('transform', (t) => `translate(${t.side === 'from' ? leftX - 8 : rightX + 8},${y(t.index)})`)
      .attr('aria-label', (t) => `${quote((t.side === 'from' ? from : to)[t.index])} (${t.side}): isolate its lines`);
    token
      .select('rect')
      .attr('x', (t) => (t.side === 'from' ? -(labelW - 12) : -4))
      .attr('y', -rowH / 2 + 2)
      .attr('width', labelW - 8)
      .attr('height', rowH - 4);
    token
      .select('text')
      .attr('text-anchor', (t) => (t.side === 'from' ? 'end' : 'start'))
      .attr('font-size', font)
      .text((t) => labelOf((t.side === 'from' ? from : to)[t.index]));
    emphasise();
  }

  const unwatch = watchLayout(container, render);
  return {
    update(next) {
      if (next.selected !== undefined) selected = next.selected;
      const side = (t: TokenRef) => (t.side === 'from' ? next.from : (next.to ?? next.from));
      if (selected && selected.index >= side(selected).length) selected = null;
      hovered = null;
      renderOrRestore(next, () => data, (d) => (data = d), render);
    },
    destroy() {
      unwatch();
      tokensG.selectAll('g.viz-token').on('click', null).on('keydown', null).on('mouseenter focus', null).on('mouseleave blur', null);
      svg.remove();
    },
  };
}

/** The token list a TokenRef points into (exported for callers building captions). */
export function tokenOf(data: AttentionLinesData, ref: TokenRef): string {
  return ref.side === 'from' ? data.from[ref.index] : (data.to ?? data.from)[ref.index];
}
