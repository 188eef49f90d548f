// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPatchGrid } from '../../src/viz/patch-grid.ts';

let container: HTMLElement;
afterEach(() => container?.remove());
function mount() {
  container = document.createElement('div');
  document.body.append(container);
  return container;
}

// A 28 x 28 "digit": a bright vertical bar in columns 12..15.
const image = new Float32Array(28 * 28).map((_, k) => (k % 28 >= 12 && k % 28 < 16 ? 1 : 0));

describe('createPatchGrid', () => {
  it('draws the pixels and one rect per patch', () => {
    const chart = createPatchGrid(mount(), { width: 500 });
    chart.update({ image, imageHeight: 28, imageWidth: 28, patch: 7 });
    expect(container.querySelectorAll('rect.viz-patch')).toHaveLength(16);
    // Black background plus one path of white pixels (112 of them).
    const paths = container.querySelectorAll('.viz-pixels path.viz-bucket');
    expect(paths).toHaveLength(1);
    expect(paths[0].getAttribute('d')!.match(/M/g)).toHaveLength(112);
    expect(container.querySelector('.viz-legend')).toBeNull();
  });

  it('tints patches by the overlay and reads out index and value on hover', () => {
    const onHoverPatch = vi.fn();
    const chart = createPatchGrid(mount(), { width: 500, onHoverPatch });
    const overlay = Array.from({ length: 16 }, (_, k) => k / 15);
    chart.update({ image, imageHeight: 28, imageWidth: 28, patch: 7, overlay, overlayLabel: '[CLS] attention' });
    const patches = [...container.querySelectorAll('rect.viz-patch')];
    expect(new Set(patches.map((p) => p.getAttribute('fill'))).size).toBe(16);
    patches[5].dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    expect(container.querySelector('.viz-readout')?.textContent).toBe('Patch 5 (row 1, col 1): [CLS] attention 0.3333');
    expect(onHoverPatch).toHaveBeenLastCalledWith({ index: 5, row: 1, col: 1, value: 1 / 3 });
    expect(container.querySelector('.viz-legend')).not.toBeNull();
  });

  it('rejects a patch size that does not divide the image', () => {
    const chart = createPatchGrid(mount(), { width: 500 });
    expect(() => chart.update({ image, imageHeight: 28, imageWidth: 28, patch: 5 })).toThrow(/patch 5 does not divide \(28, 28\)/);
  });
});
