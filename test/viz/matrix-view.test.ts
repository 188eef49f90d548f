// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { createMatrixView, shapeLabel } from '../../src/viz/matrix-view.ts';
import { createVectorBars } from '../../src/viz/vector-bars.ts';
import { divergingInterpolator, luminance, NEGATIVE, POSITIVE } from '../../src/viz/colors.ts';
import { exact } from '../../src/viz/format.ts';

let container: HTMLElement;
afterEach(() => container?.remove());
function mount() {
  container = document.createElement('div');
  document.body.append(container);
  return container;
}

describe('createMatrixView', () => {
  const tokens = ['the', 'animal', 'was', 'tired', 'because', 'it', 'was'];
  const Q = new Float32Array(7 * 16).map((_, k) => Math.sin(k));

  it('labels the matrix with its name and shape', () => {
    expect(shapeLabel('Q', 7, 16)).toBe('Q (7 × 16)');
    const chart = createMatrixView(mount(), { width: 700 });
    chart.update({ name: 'Q', values: Q, rowLabels: tokens, cols: 16 });
    expect(container.querySelector('.viz-title')?.textContent).toBe('Q (7 × 16)');
    expect(container.querySelectorAll('rect.viz-cell')).toHaveLength(112);
    expect([...container.querySelectorAll('.viz-row-labels text')].map((t) => t.textContent)).toEqual(tokens);
  });

  it('colours symmetrically around 0: v and -v sit at mirrored ends, 0 is the light middle', () => {
    const chart = createMatrixView(mount(), { width: 400 });
    chart.update({ name: 'W_Q', values: [[-2, 0, 2], [1, -1, 0.5]] });
    const fill = (k: number) => container.querySelectorAll('rect.viz-cell')[k].getAttribute('fill');
    expect(fill(0)).not.toBe(fill(2));
    expect(fill(1)).toBe(divergingInterpolator('RdBu')(0.5));
    expect(Math.abs(luminance(fill(0)!) - luminance(fill(2)!))).toBeLessThan(0.05);
    expect(luminance(fill(3)!)).toBeGreaterThan(luminance(fill(2)!)); // 1 is paler than 2
    expect(container.querySelector('.viz-title')?.textContent).toBe('W_Q (2 × 3)');
  });

  it('reads out the hovered entry with its row token', () => {
    const chart = createMatrixView(mount(), { width: 700 });
    chart.update({ name: 'Q', values: Q, rowLabels: tokens, cols: 16 });
    container.querySelectorAll('rect.viz-cell')[5 * 16 + 3].dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    expect(container.querySelector('.viz-readout')?.textContent).toBe(`Q['it', 3] = ${exact(Math.fround(Math.sin(83)))}`);
  });
});

describe('createVectorBars', () => {
  it('draws one bar per entry, coloured by sign, vertical and horizontal', () => {
    for (const orientation of ['vertical', 'horizontal'] as const) {
      const chart = createVectorBars(mount(), { width: 400, orientation });
      chart.update({ label: "q for 'it'", values: [0.5, -1, 0, 2] });
      const bars = [...container.querySelectorAll('rect.viz-bar')];
      expect(bars).toHaveLength(4);
      expect(bars.map((b) => b.getAttribute('fill'))).toEqual([POSITIVE, NEGATIVE, POSITIVE, POSITIVE]);
      const size = (b: Element) => Number(b.getAttribute(orientation === 'vertical' ? 'height' : 'width'));
      expect(size(bars[3])).toBeCloseTo(4 * size(bars[0]), 6);
      expect(size(bars[1])).toBeCloseTo(2 * size(bars[0]), 6);
      expect(container.querySelector('.viz-title')?.textContent).toBe("q for 'it' (4)");
      chart.destroy();
      container.remove();
    }
  });
});
