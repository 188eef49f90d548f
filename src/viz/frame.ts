/**
 * What every factory of the kit shares: the one <svg> it owns inside its container, its width
 * and font size (read from the page's CSS variables so presenter mode can enlarge them), the
 * re-render on resize or theme/presenter switch, and text measurement without layout.
 * defineChart (chart.ts) puts these together into every figure's lifecycle.
 */
import * as d3 from 'd3';

/** The handle every factory returns: re-render with new data, or tear everything down. */
export interface Chart<D> {
  /** Re-renders with the given data (d3 joins: elements are kept, added or removed). */
  update(data: D): void;
  /** Removes the svg, every listener and observer. The container is left as it was found. */
  destroy(): void;
}

export type Svg = d3.Selection<SVGSVGElement, unknown, null, undefined>;
export type G = d3.Selection<SVGGElement, unknown, null, undefined>;

/** Width used when the container has no layout yet (jsdom, a hidden tab). */
export const FALLBACK_WIDTH = 640;
/** Base font size when --viz-font-size is not set. */
export const FALLBACK_FONT = 16;
/** Smallest text the kit draws: readable from the back of a lecture room. */
export const MIN_FONT = 14;

/** Appends the factory's svg to the container, with the kit's class and an accessible name. */
export function createSvg(container: HTMLElement, kind: string, label: string): Svg {
  return d3
    .select(container)
    .append('svg')
    .attr('class', `viz viz-${kind}`)
    .attr('role', 'group')
    .attr('aria-label', label);
}

/** Sets the svg's size in px (also as a viewBox, so an exported copy keeps its proportions). */
export function sizeSvg(svg: Svg, width: number, height: number): void {
  const w = Math.ceil(width);
  const h = Math.ceil(height);
  svg.attr('width', w).attr('height', h).attr('viewBox', `0 0 ${w} ${h}`);
}

/*
 * Reading clientWidth or a computed style right after another figure wrote to the DOM forces
 * the browser to lay the page out again, once per figure per update: with a dozen figures
 * that was most of a keystroke's time. So widths come from the ResizeObserver (watchLayout)
 * and font sizes are read once per container until <html> switches theme or presenter mode.
 */
const widths = new WeakMap<HTMLElement, number>();
const fonts = new WeakMap<HTMLElement, { version: number; px: number }>();
let styleVersion = 0;
let watchingRoot = false;

function watchRootStyle(): void {
  if (watchingRoot || typeof MutationObserver === 'undefined' || typeof document === 'undefined') return;
  watchingRoot = true;
  new MutationObserver(() => {
    styleVersion += 1;
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-presenter', 'data-theme', 'class', 'style'] });
}

/** The width to lay out in: the explicit option, else the container's, else a fallback. */
export function widthOf(container: HTMLElement, explicit?: number): number {
  if (explicit !== undefined && explicit > 0) return explicit;
  const known = widths.get(container);
  if (known !== undefined) return known;
  const w = container.clientWidth;
  if (w > 0) widths.set(container, w);
  return w > 0 ? w : FALLBACK_WIDTH;
}

/** Parses a CSS length in px or rem (the two units viz.css uses), or returns undefined. */
function cssPx(raw: string): number | undefined {
  const v = parseFloat(raw);
  if (!Number.isFinite(v) || v <= 0) return undefined;
  if (raw.trim().endsWith('rem')) {
    const root = parseFloat(getComputedStyle(document.documentElement).fontSize);
    return v * (Number.isFinite(root) && root > 0 ? root : FALLBACK_FONT);
  }
  return v;
}

/**
 * The base font size in px for this container: --viz-font-size if the page sets it (presenter
 * mode raises it), else the fallback. Never below MIN_FONT.
 */
export function fontSizeOf(container: HTMLElement): number {
  watchRootStyle();
  const cached = fonts.get(container);
  if (cached && cached.version === styleVersion) return cached.px;
  const raw = getComputedStyle(container).getPropertyValue('--viz-font-size');
  const px = Math.max(MIN_FONT, cssPx(raw) ?? FALLBACK_FONT);
  fonts.set(container, { version: styleVersion, px });
  return px;
}

/** The secondary size (ticks, badges, legends): a notch smaller, never below MIN_FONT. */
export function smallFont(font: number): number {
  return Math.max(MIN_FONT, Math.round(font * 0.85));
}

/**
 * Estimated width in px of a string at a font size. Without layout (jsdom) we cannot measure,
 * so this errs wide (0.62 em a character, 0.72 for capitals, 0.35 for narrow ones):
 * overestimating costs a little room, underestimating makes labels overlap.
 */
export function textWidth(text: string, font: number): number {
  let em = 0;
  for (const ch of text) em += /[iljtfrI.,:;'|!\s]/.test(ch) ? 0.35 : /[mwMW@]/.test(ch) ? 0.9 : /[A-Z×]/.test(ch) ? 0.72 : 0.62;
  return em * font;
}

/** Shortens a label with an ellipsis until it fits maxWidth (the full text goes in <title>). */
export function truncate(text: string, maxWidth: number, font: number): string {
  if (textWidth(text, font) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length > 1 && textWidth(`${chars.join('')}…`, font) > maxWidth) chars.pop();
  return `${chars.join('')}…`;
}

let nextId = 0;
/** A document-unique id for gradients and markers, so two figures on a page never collide. */
export function uid(prefix: string): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

/**
 * Calls rerender when the container's width changes or when the page switches theme or
 * presenter mode (attributes on <html>), so sizes read from CSS variables stay in step.
 * Returns the function that stops watching. A no-op where the observers do not exist.
 */
export function watchLayout(container: HTMLElement, rerender: () => void): () => void {
  let lastWidth = container.clientWidth;
  let frame = 0;
  const schedule = () => {
    if (frame) return;
    // One re-render per animation frame: resize events arrive in bursts while dragging.
    frame = requestAnimationFrame(() => {
      frame = 0;
      // A figure removed without destroy() must not keep drawing (or throwing) off-page.
      if (container.isConnected) rerender();
    });
  };
  const resize =
    typeof ResizeObserver === 'undefined'
      ? undefined
      : new ResizeObserver(() => {
          const w = container.clientWidth;
          if (w > 0) widths.set(container, w);
          if (w !== lastWidth && w > 0) {
            lastWidth = w;
            schedule();
          }
        });
  resize?.observe(container);
  const attrs =
    typeof MutationObserver === 'undefined' ? undefined : new MutationObserver(schedule);
  attrs?.observe(document.documentElement, { attributes: true, attributeFilter: ['data-presenter', 'data-theme', 'class', 'style'] });
  return () => {
    resize?.disconnect();
    attrs?.disconnect();
    if (frame) cancelAnimationFrame(frame);
  };
}

/**
 * Makes an svg element behave as a button for the keyboard: focusable, Enter and Space
 * activate (Space would otherwise scroll the page). Pointer clicks go through `activate` too.
 */
export function asButton<E extends Element, D>(sel: d3.Selection<E, D, d3.BaseType, unknown>, activate: (event: Event, d: D) => void): void {
  sel
    .attr('role', 'button')
    .attr('tabindex', 0)
    .style('cursor', 'pointer')
    .on('click', (event: Event, d: D) => activate(event, d))
    .on('keydown', (event: Event, d: D) => {
      const key = (event as KeyboardEvent).key;
      if (key !== 'Enter' && key !== ' ') return;
      event.preventDefault();
      activate(event, d);
    });
}

/** A rotated axis title: text t centred at (x, y), turned r degrees. */
export interface AxisTitle {
  t: string;
  x: number;
  y: number;
  r: number;
}

/**
 * Sizes d3-axis text to the kit's small font (d3-axis writes font-size="10" on its group) and
 * draws the axis titles, for every figure with numeric axes.
 */
export function drawAxisTitles(plot: G, titles: G, labels: readonly AxisTitle[], font: number, small: number): void {
  plot.selectAll('.viz-axis').attr('font-size', small).attr('font-family', null);
  titles
    .selectAll('text')
    .data(labels)
    .join('text')
    .attr('class', 'viz-label')
    .attr('text-anchor', 'middle')
    .attr('font-size', font)
    .attr('transform', (d) => `translate(${d.x},${d.y}) rotate(${d.r})`)
    .text((d) => d.t);
}
