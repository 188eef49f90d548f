// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OKABE_ITO } from '../../src/viz/colors.ts';
import { createAttentionLines } from '../../src/viz/attention-lines.ts';

const tokens = ['the', 'cat', 'sat'];
const head0 = [
  [1, 0, 0],
  [0.7, 0.3, 0],
  [0.05, 0.8, 0.15],
];
const head1 = [
  [1, 0, 0],
  [0.5, 0.5, 0],
  [0.2, 0.2, 0.6],
];

let container: HTMLElement;
afterEach(() => container?.remove());
function mount() {
  container = document.createElement('div');
  document.body.append(container);
  return container;
}
const lines = () => [...container.querySelectorAll<SVGLineElement>('.viz-lines line')];
const token = (side: 'from' | 'to', k: number) => [...container.querySelectorAll('g.viz-token')].filter((g) => g.getAttribute('aria-label')?.includes(`(${side})`))[k];

describe('createAttentionLines', () => {
  it('draws a line per weight above minWeight, opacity and width following the weight', () => {
    const chart = createAttentionLines(mount(), { width: 500 });
    chart.update({ from: tokens, heads: [{ weights: head0 }] });
    const all = lines();
    expect(all).toHaveLength(6); // the three zeros are skipped
    const byWeight = all.map((l) => [Number(l.getAttribute('data-weight')), Number(l.getAttribute('stroke-opacity')), Number(l.getAttribute('stroke-width'))]);
    for (const [w, opacity] of byWeight) expect(opacity).toBeCloseTo(w, 6);
    byWeight.sort((a, b) => a[0] - b[0]);
    for (let k = 1; k < byWeight.length; k++) expect(byWeight[k][2]).toBeGreaterThanOrEqual(byWeight[k - 1][2]);
  });

  it('colours several heads with distinct Okabe–Ito colours and lists them in a legend', () => {
    const chart = createAttentionLines(mount(), { width: 500 });
    chart.update({ from: tokens, heads: [{ weights: head0 }, { weights: head1 }] });
    const colours = new Set(lines().map((l) => l.getAttribute('stroke')));
    expect(colours).toEqual(new Set([OKABE_ITO[0], OKABE_ITO[1]]));
    expect([...container.querySelectorAll('.viz-legend-item text')].map((t) => t.textContent)).toEqual(['Head 0', 'Head 1']);
  });

  it('hovering a token isolates its lines and reads out its strongest partner', () => {
    const chart = createAttentionLines(mount(), { width: 500 });
    chart.update({ from: tokens, heads: [{ weights: head0 }] });
    token('from', 2).dispatchEvent(new MouseEvent('mouseenter'));
    for (const l of lines()) {
      const fromSat = Number(l.getAttribute('y1')) === Math.max(...lines().map((m) => Number(m.getAttribute('y1'))));
      expect(l.classList.contains('is-faded')).toBe(!fromSat);
      const w = Number(l.getAttribute('data-weight'));
      expect(Number(l.getAttribute('stroke-opacity'))).toBeCloseTo(fromSat ? w : w * 0.06, 6);
    }
    expect(container.querySelector('.viz-readout')?.textContent).toBe("'sat' attends most to 'cat' 0.8");
    token('from', 2).dispatchEvent(new MouseEvent('mouseleave'));
    expect(container.querySelectorAll('.is-faded')).toHaveLength(0);

    // A token on the right isolates the lines arriving at it.
    token('to', 0).dispatchEvent(new MouseEvent('mouseenter'));
    expect(lines().filter((l) => !l.classList.contains('is-faded'))).toHaveLength(3);
  });

  it('click selects a token (sticky, aria-pressed) and calls onSelectToken; a second click releases', () => {
    const onSelectToken = vi.fn();
    const chart = createAttentionLines(mount(), { width: 500, onSelectToken });
    chart.update({ from: tokens, heads: [{ weights: head0 }] });
    token('to', 1).dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(onSelectToken).toHaveBeenLastCalledWith({ side: 'to', index: 1 });
    expect(token('to', 1).getAttribute('aria-pressed')).toBe('true');
    expect(lines().filter((l) => !l.classList.contains('is-faded'))).toHaveLength(2);
    token('to', 1).dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }));
    expect(onSelectToken).toHaveBeenLastCalledWith(null);
    chart.destroy();
    expect(container.querySelector('svg')).toBeNull();
  });

  it('supports different token lists on each side (cross-attention) and checks the shape', () => {
    const chart = createAttentionLines(mount(), { width: 500 });
    chart.update({ from: ['le', 'chat'], to: tokens, heads: [{ weights: [[0.9, 0.1, 0], [0, 0.95, 0.05]] }] });
    expect(container.querySelectorAll('g.viz-token')).toHaveLength(5);
    expect(() => chart.update({ from: ['le'], to: tokens, heads: [{ weights: head0 }] })).toThrow(/\(3, 3\) but the labels say \(1, 3\)/);
  });
});
