// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ARCHITECTURE_BLOCKS, createArchitectureDiagram } from '../../src/viz/architecture-diagram.ts';
import { layoutArchitecture } from '../../src/viz/architecture-layout.ts';

let container: HTMLElement;
afterEach(() => container?.remove());
function mount() {
  container = document.createElement('div');
  document.body.append(container);
  return container;
}
const block = (id: string) => container.querySelector(`g.viz-block[data-block="${id}"]`)!;

describe('createArchitectureDiagram', () => {
  it('draws every block as a focusable, labelled button', () => {
    const chart = createArchitectureDiagram(mount(), { width: 800 });
    chart.update({});
    const blocks = [...container.querySelectorAll('g.viz-block')];
    expect(blocks.map((b) => b.getAttribute('data-block'))).toEqual([...ARCHITECTURE_BLOCKS]);
    for (const b of blocks) {
      expect(b.getAttribute('role')).toBe('button');
      expect(b.getAttribute('tabindex')).toBe('0');
      expect(b.getAttribute('aria-label')).toBeTruthy();
    }
    expect(block('decoder-masked-self-attention').textContent).toBe('Masked Multi-HeadSelf-Attention');
  });

  it('click, Enter and Space call onSelect and highlight the block', () => {
    const onSelect = vi.fn();
    const chart = createArchitectureDiagram(mount(), { width: 800, onSelect });
    chart.update({});
    block('decoder-cross-attention').dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(onSelect).toHaveBeenLastCalledWith('decoder-cross-attention');
    expect(block('decoder-cross-attention').getAttribute('aria-pressed')).toBe('true');
    expect(block('decoder-cross-attention').classList.contains('is-selected')).toBe(true);
    block('softmax').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(onSelect).toHaveBeenLastCalledWith('softmax');
    const space = new KeyboardEvent('keydown', { key: ' ', bubbles: true, cancelable: true });
    block('linear').dispatchEvent(space);
    expect(onSelect).toHaveBeenLastCalledWith('linear');
    expect(space.defaultPrevented).toBe(true);
    expect(container.querySelectorAll('.is-selected')).toHaveLength(1);
  });

  it('selected and dimmed blocks come from the data', () => {
    const chart = createArchitectureDiagram(mount(), { width: 800 });
    chart.update({ selected: 'encoder-feed-forward', dimmed: ['linear', 'softmax'] });
    expect(block('encoder-feed-forward').getAttribute('aria-pressed')).toBe('true');
    expect(block('softmax').getAttribute('opacity')).toBe('0.35');
    chart.destroy();
    expect(container.querySelector('svg')).toBeNull();
  });

  it('lays boxes out without overlaps and wide enough for their text, at any font size', () => {
    for (const font of [16, 24, 32]) {
      const { blocks, width } = layoutArchitecture(font, 0);
      for (const a of blocks) {
        expect(a.x + a.w).toBeLessThanOrEqual(width);
        for (const b of blocks) {
          if (a === b) continue;
          const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
          expect(apart, `${a.id} overlaps ${b.id} at ${font}px`).toBe(true);
        }
      }
    }
  });
});
