// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineChart, type Frame } from '../../src/viz/chart.ts';

let container: HTMLElement;
afterEach(() => container?.remove());
function mount() {
  container = document.createElement('div');
  document.body.append(container);
  return container;
}

/** A figure that draws its data's number as text, and refuses negative numbers. */
function counter(width?: number) {
  const drawn: [number, Frame][] = [];
  const accepted: number[] = [];
  const teardown = vi.fn();
  const chart = defineChart<{ n: number }>(mount(), {
    kind: 'counter',
    label: 'Counter',
    width,
    setup(svg) {
      const text = svg.append('text');
      return {
        accept: (next) => accepted.push(next.n),
        draw(data, frame) {
          if (data.n < 0) throw new Error(`counter: ${data.n} is negative`);
          drawn.push([data.n, frame]);
          text.text(String(data.n));
        },
        teardown,
      };
    },
  });
  return { chart, drawn, accepted, teardown };
}

describe('defineChart', () => {
  it('appends one labelled svg and draws each update in the frame', () => {
    const { chart, drawn, accepted } = counter(300);
    const svg = container.querySelector('svg')!;
    expect(svg.getAttribute('class')).toBe('viz viz-counter');
    expect(svg.getAttribute('role')).toBe('group');
    expect(svg.getAttribute('aria-label')).toBe('Counter');
    chart.update({ n: 1 });
    expect(drawn).toEqual([[1, { width: 300, font: 16 }]]);
    expect(accepted).toEqual([1]);
    expect(svg.textContent).toBe('1');
  });

  it('keeps the last good picture when new data cannot be drawn, and rethrows', async () => {
    const { chart, drawn } = counter();
    chart.update({ n: 1 });
    expect(() => chart.update({ n: -1 })).toThrow(/-1 is negative/);
    expect(container.textContent).toBe('1');
    // A later redraw (here: the page switches to presenter mode) draws the last good data.
    document.documentElement.setAttribute('data-presenter', 'true');
    await new Promise((resolve) => setTimeout(resolve, 50));
    document.documentElement.removeAttribute('data-presenter');
    expect(drawn.map(([n]) => n)).toEqual([1, 1]);
    chart.destroy();
  });

  it('destroy calls the teardown, removes the svg and stops redrawing', async () => {
    const { chart, drawn, teardown } = counter();
    chart.update({ n: 2 });
    chart.destroy();
    expect(teardown).toHaveBeenCalledOnce();
    expect(container.querySelector('svg')).toBeNull();
    document.documentElement.setAttribute('data-theme', 'dark');
    await new Promise((resolve) => setTimeout(resolve, 50));
    document.documentElement.removeAttribute('data-theme');
    expect(drawn).toHaveLength(1);
  });
});
