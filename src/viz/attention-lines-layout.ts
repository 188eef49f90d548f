/**
 * Where everything of the head view goes for given data and size: the two label columns, the
 * head legend, one line per weight. Pure: no DOM, so it can be tested on its own;
 * attention-lines.ts joins the result into the svg and applies the emphasis.
 */
import type { Frame } from './chart.ts';
import { categorical } from './colors.ts';
import { smallFont, textWidth, truncate } from './frame.ts';
import { quote } from './format.ts';
import type { AttentionLinesData, AttentionLinesOptions, TokenRef, TokenSide } from './attention-lines.ts';
import type { Grid } from './values.ts';
import { toGrid } from './values.ts';

/** One line as drawn: head h, from left token i to right token j, weight w. */
export interface AttentionLine {
  h: number;
  i: number;
  j: number;
  w: number;
  y1: number;
  y2: number;
  color: string;
  strokeWidth: number;
}

/** A token as drawn: which side and position, where, and its (possibly shortened) text. */
export interface PlacedToken extends TokenRef {
  x: number;
  y: number;
  text: string;
  ariaLabel: string;
}

/** A head's entry in the legend, placed on its row. */
export interface HeadLegendItem {
  k: number;
  name: string;
  color: string;
  x: number;
  y: number;
}

/** Where everything of a head view goes: computed from data and size alone, without a DOM. */
export interface AttentionLinesLayout {
  /** Width laid out in (at least room for two label columns and the lines between them). */
  width: number;
  height: number;
  font: number;
  small: number;
  ariaLabel: string;
  title: string;
  titleH: number;
  /** Legend items, empty for a single unlabelled head, and the height the legend takes. */
  legend: HeadLegendItem[];
  legendH: number;
  headings: { x: number; anchor: string; text: string }[];
  /** Baseline of the headings: half a line above the first token. */
  headingY: number;
  /** x of the line ends: the inner edges of the two label columns. */
  leftX: number;
  rightX: number;
  labelW: number;
  rowH: number;
  lines: AttentionLine[];
  tokens: PlacedToken[];
  /** The heads' weights, checked against the token lists (read-outs look them up). */
  grids: Grid[];
}

/** Lays a head view out: label columns, head legend, one line per weight. Pure. */
export function layoutAttentionLines(data: AttentionLinesData, frame: Frame, options: AttentionLinesOptions = {}): AttentionLinesLayout {
  const from = data.from;
  const to = data.to ?? data.from;
  const grids = data.heads.map((h) => toGrid(h.weights, from.length, to.length, 'attention-lines'));
  const { font } = frame;
  const small = smallFont(font);
  const rowH = Math.max(font * 1.8, 26);
  const labelOf = (t: string) => truncate(t, frame.width * 0.28, font);
  const fromHeading = options.fromHeading ?? 'from (query)';
  const toHeading = options.toHeading ?? 'to (key)';
  const headingW = Math.max(textWidth(fromHeading, small), textWidth(toHeading, small));
  const labelW = Math.max(...[...from, ...to].map((t) => textWidth(labelOf(t), font)), headingW, 40) + 20;
  const width = Math.max(frame.width, 2 * labelW + 160);

  const items = data.heads.map((h, k) => ({ k, name: h.label ?? `Head ${k}`, color: h.color ?? categorical(k) }));
  const showLegend = items.length > 1 || data.heads.some((h) => h.label);
  const legend = placeLegend(items, width, small);
  const legendH = showLegend ? legend.rows * small * 1.7 + 4 : 0;
  const titleH = data.title ? font * 1.7 : 0;
  const top = titleH + legendH + font * 1.7 + font * 1.6;
  const leftX = labelW;
  const rightX = width - labelW;
  const y = (k: number) => top + k * rowH + rowH / 2;

  const maxStroke = options.maxStroke ?? 6;
  const lines: AttentionLine[] = [];
  grids.forEach((g, h) => {
    for (let i = 0; i < g.rows; i++) for (let j = 0; j < g.cols; j++) {
      const w = g.at(i, j);
      if (w >= (options.minWeight ?? 0.01)) lines.push({ h, i, j, w, y1: y(i), y2: y(j), color: items[h].color, strokeWidth: 1 + (maxStroke - 1) * Math.min(1, w) });
    }
  });
  const place = (side: TokenSide, list: string[]): PlacedToken[] =>
    list.map((t, index) => ({ side, index, x: side === 'from' ? leftX - 8 : rightX + 8, y: y(index), text: labelOf(t), ariaLabel: `${quote(t)} (${side}): isolate its lines` }));

  return {
    width,
    height: top + Math.max(from.length, to.length) * rowH + 8,
    font,
    small,
    ariaLabel: data.title ?? `Attention lines from ${from.length} tokens to ${to.length} tokens, ${items.length} head(s)`,
    title: data.title ?? '',
    titleH,
    legend: showLegend ? legend.placed : [],
    legendH,
    headings: [
      { x: leftX - 8, anchor: 'end', text: fromHeading },
      { x: rightX + 8, anchor: 'start', text: toHeading },
    ],
    headingY: top - font * 0.5,
    leftX,
    rightX,
    labelW,
    rowH,
    lines,
    tokens: [...place('from', from), ...place('to', to)],
    grids,
  };
}

/** Head legend: swatch + name, wrapping onto new rows so items never overlap. */
function placeLegend(items: Omit<HeadLegendItem, 'x' | 'y'>[], width: number, small: number): { placed: HeadLegendItem[]; rows: number } {
  let x = 0;
  let row = 0;
  const placed = items.map((it) => {
    const w = 28 + textWidth(it.name, small) + 18;
    if (x > 0 && x + w > width) [x, row] = [0, row + 1];
    const at = { ...it, x, y: row * small * 1.7 };
    x += w;
    return at;
  });
  return { placed, rows: row + 1 };
}

