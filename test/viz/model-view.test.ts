// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createModelView } from '../../src/viz/model-view.ts';

let container: HTMLElement;
afterEach(() => container?.remove());
function mount() {
  container = document.createElement('div');
  document.body.append(container);
  return container;
}

/** A causal "previous token" head for T tokens, flat. */
function prevHead(T: number): Float32Array {
  const m = new Float32Array(T * T);
  for (let i = 0; i < T; i++) m[i * T + Math.max(0, i - 1)] = 1;
  return m;
}
const identity = (T: number) => Array.from({ length: T }, (_, i) => Array.from({ length: T }, (_, j) => (i === j ? 1 : 0)));

describe('createModelView', () => {
  const heads = [
    [identity(4), prevHead(4), identity(4)],
    [prevHead(4), identity(4), prevHead(4)],
  ];

  it('draws one thumbnail per layer x head, with L/H labels', () => {
    const chart = createModelView(mount(), { width: 600 });
    chart.update({ heads });
    expect(container.querySelectorAll('g.viz-thumb')).toHaveLength(6);
    const labels = [...container.querySelectorAll('.viz-axes text')].map((t) => t.textContent);
    expect(labels).toEqual(['H1', 'H2', 'H3', 'L1', 'L2']);
    // Each identity thumbnail: background (level 0) plus one path for the top level.
    const first = container.querySelector('g.viz-thumb')!;
    expect(first.querySelectorAll('path.viz-bucket')).toHaveLength(1);
    expect(first.querySelector('path.viz-bucket')!.getAttribute('d')!.match(/M/g)).toHaveLength(4);
  });

  it('click and keyboard select (layer, head), outline the selection and call onSelect', () => {
    const onSelect = vi.fn();
    const chart = createModelView(mount(), { width: 600, onSelect });
    chart.update({ heads, badges: [{ layer: 1, head: 2, text: 'prev' }] });
    const thumbs = () => [...container.querySelectorAll('g.viz-thumb')];
    thumbs()[5].dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(onSelect).toHaveBeenLastCalledWith(1, 2);
    expect(thumbs()[5].getAttribute('aria-pressed')).toBe('true');
    expect(thumbs()[5].getAttribute('aria-label')).toBe('Layer 2, head 3 (prev)');
    expect(thumbs()[5].querySelector('.viz-badge')?.textContent).toBe('prev');
    expect(thumbs()[5].querySelector('.viz-thumb-frame')?.getAttribute('stroke-width')).toBe('4');
    expect(thumbs()[0].querySelector('.viz-thumb-frame')?.getAttribute('stroke-width')).toBe('1');
    thumbs()[1].dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(onSelect).toHaveBeenLastCalledWith(0, 1);
    expect(container.querySelectorAll('[aria-pressed="true"]')).toHaveLength(1);
  });

  it('a selection in the data is shown without calling back', () => {
    const onSelect = vi.fn();
    const chart = createModelView(mount(), { width: 600, onSelect });
    chart.update({ heads, selected: { layer: 0, head: 2 } });
    expect(container.querySelectorAll('g.viz-thumb')[2].getAttribute('aria-pressed')).toBe('true');
    expect(onSelect).not.toHaveBeenCalled();
    chart.destroy();
    expect(container.innerHTML).toBe('');
  });
});
