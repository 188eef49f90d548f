// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLinePlot } from '../../src/viz/line-plot.ts';

let container: HTMLElement;
afterEach(() => container?.remove());
function mount() {
  container = document.createElement('div');
  document.body.append(container);
  return container;
}

const rnn = { name: 'RNN', points: [[1, 1], [4, 0.73], [16, 0.55], [64, 0.5]] as [number, number][] };
const transformer = { name: 'Transformer', points: [[1, 1], [4, 1], [16, 1], [64, 1]] as [number, number][] };

describe('createLinePlot', () => {
  it('draws a path per series, a legend, axis labels and the reference line', () => {
    const chart = createLinePlot(mount(), { width: 600, height: 320 });
    chart.update({ series: [rnn, transformer], xLabel: 'distance N', yLabel: 'accuracy', reference: { y: 0.1, label: 'chance' } });
    expect(container.querySelectorAll('.viz-line path')).toHaveLength(2);
    expect([...container.querySelectorAll('.viz-legend-item text')].map((t) => t.textContent)).toEqual(['RNN', 'Transformer']);
    const dashes = [...container.querySelectorAll('.viz-line path')].map((p) => p.getAttribute('stroke-dasharray'));
    expect(dashes[0]).not.toBe(dashes[1]);
    expect([...container.querySelectorAll('.viz-axis-labels text')].map((t) => t.textContent)).toEqual(['distance N', 'accuracy']);
    expect(container.querySelector('.viz-reference text')?.textContent).toBe('chance 0.1');
    // The reference line sits below the RNN's lowest point (0.5).
    const refY = Number(container.querySelector('.viz-reference line')?.getAttribute('y1'));
    const lowest = Math.max(...[...container.querySelectorAll('.viz-line circle')].map((c) => Number(c.getAttribute('cy'))));
    expect(refY).toBeGreaterThan(lowest);
    expect(container.querySelector('svg')?.getAttribute('aria-label')).toContain('RNN ends at 0.5');
  });

  it('hover reads out the nearest point', () => {
    const onHoverPoint = vi.fn();
    const chart = createLinePlot(mount(), { width: 600, height: 320, onHoverPoint });
    chart.update({ series: [rnn, transformer] });
    // jsdom has no layout: d3.pointer falls back to client coordinates, i.e. plot coordinates.
    const target = [...container.querySelectorAll('.viz-line')][0].querySelectorAll('circle')[1];
    const [cx, cy] = [Number(target.getAttribute('cx')), Number(target.getAttribute('cy'))];
    container.querySelector('.viz-overlay')!.dispatchEvent(new MouseEvent('mousemove', { clientX: cx + 2, clientY: cy - 3, bubbles: true }));
    expect(container.querySelector('.viz-readout')?.textContent).toBe('RNN: x = 4, y = 0.73');
    expect(onHoverPoint).toHaveBeenLastCalledWith({ series: 'RNN', x: 4, y: 0.73 });
    expect(container.querySelector('.viz-focus-point')?.getAttribute('display')).toBeNull();
    container.querySelector('.viz-overlay')!.dispatchEvent(new MouseEvent('mouseleave'));
    expect(container.querySelector('.viz-focus-point')?.getAttribute('display')).toBe('none');
  });

  it('log-y drops non-positive points and labels powers of ten', () => {
    const chart = createLinePlot(mount(), { width: 600 });
    chart.update({ series: [{ name: 'loss', points: [[0, 0], [1, 2.3], [2, 0.5], [3, 0.02]] }], logY: true });
    expect(container.querySelectorAll('.viz-line circle')).toHaveLength(3);
    const labels = [...container.querySelectorAll('.viz-axis-y .tick text')].map((t) => t.textContent).filter(Boolean);
    expect(labels).toEqual(expect.arrayContaining(['0.1', '1']));
    chart.destroy();
    expect(container.querySelector('svg')).toBeNull();
  });
});
