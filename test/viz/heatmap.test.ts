// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { luminance } from '../../src/viz/colors.ts';
import { createHeatmap } from '../../src/viz/heatmap.ts';

const tokens = ['the', 'animal', 'was', 'tired', 'it'];
// Row-stochastic weights with distinct values, so fills can be ordered.
const weights = [
  [0.9, 0.05, 0.02, 0.02, 0.01],
  [0.3, 0.6, 0.04, 0.03, 0.03],
  [0.1, 0.2, 0.5, 0.15, 0.05],
  [0.06, 0.14, 0.2, 0.55, 0.05],
  [0.04, 0.6213, 0.11, 0.08, 0.1487],
];

let container: HTMLElement;
afterEach(() => container?.remove());

function mount() {
  container = document.createElement('div');
  document.body.append(container);
  return container;
}

const cells = () => [...container.querySelectorAll<SVGRectElement>('rect.viz-cell')];
const readout = () => container.querySelector('.viz-readout')?.textContent ?? '';

describe('createHeatmap', () => {
  it('draws rows x cols cells whose lightness rises with the value', () => {
    const chart = createHeatmap(mount(), { width: 600 });
    chart.update({ rows: tokens, cols: tokens, values: weights });
    const all = cells();
    expect(all).toHaveLength(25);
    const pairs = all.map((c) => [Number(c.getAttribute('data-value')), luminance(c.getAttribute('fill') as string)]);
    pairs.sort((a, b) => a[0] - b[0]);
    for (let k = 1; k < pairs.length; k++) {
      // Values 0.01 apart may land on the same 8-bit colour: monotone, strict only when far apart.
      expect(pairs[k][1]).toBeGreaterThanOrEqual(pairs[k - 1][1]);
      if (pairs[k][0] - pairs[k - 1][0] > 0.05) expect(pairs[k][1]).toBeGreaterThan(pairs[k - 1][1]);
    }
    chart.destroy();
  });

  it('accepts a flat Float32Array and rejects one of the wrong length', () => {
    const chart = createHeatmap(mount(), { width: 600 });
    chart.update({ rows: tokens, cols: tokens, values: new Float32Array(weights.flat()) });
    expect(cells()).toHaveLength(25);
    expect(() => chart.update({ rows: tokens, cols: tokens, values: new Float32Array(24) })).toThrow(/24 values do not fill \(5, 5\)/);
    // The last good picture stays.
    expect(cells()).toHaveLength(25);
    chart.destroy();
  });

  it('shows the exact value of the hovered cell and clears it on leave', () => {
    const onHoverCell = vi.fn();
    const chart = createHeatmap(mount(), { width: 600, onHoverCell });
    chart.update({ rows: tokens, cols: tokens, values: weights });
    const target = cells()[4 * 5 + 1];
    target.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    expect(readout()).toContain("'it' → key 'animal': 0.6213");
    expect(onHoverCell).toHaveBeenLastCalledWith({ row: 4, col: 1, value: 0.6213 });
    expect(target.querySelector('title')?.textContent).toContain('0.6213');
    container.querySelector('.viz-cells')!.dispatchEvent(new MouseEvent('mouseleave'));
    expect(readout()).not.toContain('0.6213');
    expect(onHoverCell).toHaveBeenLastCalledWith(null);
  });

  it('pins a row on click: calls back, outlines it, dims the others; a second click unpins', () => {
    const onPinRow = vi.fn();
    const chart = createHeatmap(mount(), { width: 600, onPinRow });
    chart.update({ rows: tokens, cols: tokens, values: weights });
    cells()[4 * 5 + 2].dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(onPinRow).toHaveBeenLastCalledWith(4);
    const outline = container.querySelector('rect.viz-pin-outer')!;
    expect(outline).not.toBeNull();
    expect(Number(outline.getAttribute('y'))).toBeGreaterThan(Number(cells()[3 * 5].getAttribute('y')));
    const opacity = cells().map((c) => c.getAttribute('opacity'));
    expect(opacity.slice(20)).toEqual(['1', '1', '1', '1', '1']);
    expect(opacity.slice(0, 20).every((o) => Number(o) < 1)).toBe(true);

    const label = container.querySelectorAll('g.viz-row-label')[4];
    expect(label.getAttribute('aria-pressed')).toBe('true');
    label.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(onPinRow).toHaveBeenLastCalledWith(null);
    expect(container.querySelector('rect.viz-pin-outer')).toBeNull();
  });

  it('row labels are keyboard buttons: Enter pins', () => {
    const onPinRow = vi.fn();
    const chart = createHeatmap(mount(), { width: 600, onPinRow });
    chart.update({ rows: tokens, cols: tokens, values: weights });
    const label = container.querySelectorAll('g.viz-row-label')[1];
    expect(label.getAttribute('role')).toBe('button');
    expect(label.getAttribute('tabindex')).toBe('0');
    label.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(onPinRow).toHaveBeenLastCalledWith(1);
  });

  it('a pinnedRow in the data controls the pin without calling back', () => {
    const onPinRow = vi.fn();
    const chart = createHeatmap(mount(), { width: 600, onPinRow });
    chart.update({ rows: tokens, cols: tokens, values: weights, pinnedRow: 2 });
    expect(container.querySelectorAll('g.viz-row-label')[2].getAttribute('aria-pressed')).toBe('true');
    expect(onPinRow).not.toHaveBeenCalled();
  });

  it('writes values inside cells only when cells are large enough, with contrasting text', () => {
    const chart = createHeatmap(mount(), { width: 200 });
    chart.update({ rows: tokens, cols: tokens, values: weights });
    expect(container.querySelectorAll('text.viz-cell-label')).toHaveLength(0);
    // Rows thinner than a line of text show every other label, yet all stay keyboard buttons.
    const rowLabels = [...container.querySelectorAll('g.viz-row-label')];
    expect(rowLabels.map((g) => g.querySelector('text')!.getAttribute('visibility'))).toContain('hidden');
    expect(rowLabels.every((g) => g.getAttribute('tabindex') === '0' && !g.hasAttribute('display'))).toBe(true);
    chart.destroy();

    const big = createHeatmap(mount(), { cellSize: 40 });
    big.update({ rows: tokens, cols: tokens, values: weights });
    const labels = [...container.querySelectorAll('text.viz-cell-label')];
    expect(labels).toHaveLength(25);
    expect(labels[1 * 5 + 1].textContent).toBe('.60');
    // Dark text on the bright (high) cell, white on the dark (low) one.
    expect(labels[0].getAttribute('fill')).toBe('#111111');
    expect(labels[4].getAttribute('fill')).toBe('#ffffff');
  });

  it('re-renders with the larger font when the page switches to presenter mode', async () => {
    const chart = createHeatmap(mount(), { width: 600 });
    chart.update({ rows: tokens, cols: tokens, values: weights, title: 'Layer 0' });
    const size = () => Number(container.querySelector('.viz-row-label text')?.getAttribute('font-size'));
    expect(size()).toBe(16);
    // viz.css raises --viz-font-size under [data-presenter]; jsdom has no stylesheet, so set both.
    container.style.setProperty('--viz-font-size', '24px');
    document.documentElement.setAttribute('data-presenter', 'true');
    await new Promise((resolve) => setTimeout(resolve, 50)); // observer, then one animation frame
    expect(size()).toBe(24);
    chart.destroy();
    document.documentElement.removeAttribute('data-presenter');
  });

  it('updates in place and marks highlighted columns; destroy removes the svg', () => {
    const chart = createHeatmap(mount(), { width: 600 });
    chart.update({ rows: tokens, cols: tokens, values: weights, title: 'Layer 0, head 1' });
    const first = cells()[0];
    chart.update({ rows: tokens, cols: tokens, values: weights.map((r) => r.map((v) => 1 - v)), highlightCols: [1, 3] });
    expect(cells()[0]).toBe(first);
    expect(container.querySelectorAll('rect.viz-col-mark')).toHaveLength(2);
    expect(container.querySelectorAll('.viz-col-label.is-highlighted')).toHaveLength(2);
    expect(container.querySelector('.viz-legend')).not.toBeNull();
    chart.update({ rows: tokens.slice(0, 3), cols: tokens.slice(0, 3), values: weights.slice(0, 3).map((r) => r.slice(0, 3)) });
    expect(cells()).toHaveLength(9);
    chart.destroy();
    expect(container.querySelector('svg')).toBeNull();
  });
});
