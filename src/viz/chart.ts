/**
 * The lifecycle every figure of the kit shares, written once: the svg it owns, the redraw when
 * the layout changes, an update that keeps the last good picture when new data cannot be drawn,
 * and the teardown. A figure supplies only what is its own: its elements, its listeners and
 * its draw (a pure layout step, then d3 joins).
 */
import type { Chart, Svg } from './frame.ts';
import { createSvg, fontSizeOf, watchLayout, widthOf } from './frame.ts';

/** The room a figure is laid out in: width and base font size in px, read once per draw. */
export interface Frame {
  width: number;
  font: number;
}

/** A figure's own part of the lifecycle, returned by its setup. */
export interface ChartView<D> {
  /** Lays `data` out in `frame` and joins it into the elements. Throws on data it cannot draw. */
  draw(data: D, frame: Frame): void;
  /** Takes state the new data carries (a pinned row, a selection) before it is drawn. */
  accept?(next: D): void;
  /** Removes the listeners setup added; the svg itself is removed by defineChart. */
  teardown?(): void;
}

/** What setup may do with the running chart. */
export interface ChartHandle<D> {
  /** Draws the current data again, e.g. after a click changed the figure's own state. */
  redraw(): void;
  /** The data drawn last (undefined before the first update). */
  current(): D | undefined;
}

export interface ChartSpec<D> {
  /** The svg's class suffix (viz-<kind>) and accessible name until data gives a better one. */
  kind: string;
  label: string;
  /** Explicit layout width in px; default the container's width. */
  width?: number;
  /** Appends the figure's elements to the svg and wires their listeners. */
  setup(svg: Svg, chart: ChartHandle<D>): ChartView<D>;
}

/**
 * Creates a figure inside `container`: appends its svg, calls spec.setup once, redraws on
 * resize and on theme or presenter switches, and returns the kit's { update, destroy }.
 * If drawing new data throws, the previous data is put back (the picture on screen stays and
 * later redraws keep working) and the error goes to the caller.
 */
export function defineChart<D>(container: HTMLElement, spec: ChartSpec<D>): Chart<D> {
  const svg = createSvg(container, spec.kind, spec.label);
  let data: D | undefined;
  const redraw = () => {
    if (data !== undefined) view.draw(data, { width: widthOf(container, spec.width), font: fontSizeOf(container) });
  };
  const view = spec.setup(svg, { redraw, current: () => data });
  const unwatch = watchLayout(container, redraw);
  return {
    update(next) {
      view.accept?.(next);
      const previous = data;
      data = next;
      try {
        redraw();
      } catch (error) {
        data = previous;
        throw error;
      }
    },
    destroy() {
      unwatch();
      view.teardown?.();
      svg.remove();
    },
  };
}
