// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, fireEvent, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ArchitectureDiagram } from '../../src/components/viz/ArchitectureDiagram.tsx';
import { AttentionLines } from '../../src/components/viz/AttentionLines.tsx';
import { Heatmap } from '../../src/components/viz/Heatmap.tsx';
import { LinePlot } from '../../src/components/viz/LinePlot.tsx';
import { MatrixView } from '../../src/components/viz/MatrixView.tsx';
import { ModelView } from '../../src/components/viz/ModelView.tsx';
import { PatchGrid } from '../../src/components/viz/PatchGrid.tsx';
import { VectorBars } from '../../src/components/viz/VectorBars.tsx';

// Every factory is wrapped so the test can count how often it is created, updated, destroyed.
const spy = vi.hoisted(() => {
  const counts = new Map<string, { create: number; update: number; destroy: number }>();
  const wrap =
    (fn: string) =>
    async (importOriginal: () => Promise<Record<string, unknown>>) => {
      const mod = await importOriginal();
      const real = mod[fn] as (el: HTMLElement, o: unknown) => { update(d: unknown): void; destroy(): void };
      const c = { create: 0, update: 0, destroy: 0 };
      counts.set(fn, c);
      return {
        ...mod,
        [fn]: (el: HTMLElement, o: unknown) => {
          c.create++;
          const chart = real(el, o);
          return {
            update: (d: unknown) => {
              c.update++;
              chart.update(d);
            },
            destroy: () => {
              c.destroy++;
              chart.destroy();
            },
          };
        },
      };
    };
  return { counts, wrap };
});
vi.mock('../../src/viz/heatmap.ts', spy.wrap('createHeatmap'));
vi.mock('../../src/viz/attention-lines.ts', spy.wrap('createAttentionLines'));
vi.mock('../../src/viz/model-view.ts', spy.wrap('createModelView'));
vi.mock('../../src/viz/matrix-view.ts', spy.wrap('createMatrixView'));
vi.mock('../../src/viz/vector-bars.ts', spy.wrap('createVectorBars'));
vi.mock('../../src/viz/line-plot.ts', spy.wrap('createLinePlot'));
vi.mock('../../src/viz/patch-grid.ts', spy.wrap('createPatchGrid'));
vi.mock('../../src/viz/architecture-diagram.ts', spy.wrap('createArchitectureDiagram'));

beforeEach(() => {
  for (const c of spy.counts.values()) Object.assign(c, { create: 0, update: 0, destroy: 0 });
});
afterEach(cleanup);

const tokens = ['the', 'cat', 'sat'];
const w1 = [[1, 0, 0], [0.5, 0.5, 0], [0.2, 0.3, 0.5]];
const w2 = [[1, 0, 0], [0.9, 0.1, 0], [0.1, 0.1, 0.8]];

/** Each wrapper with two data versions (a, b) and the factory it wraps. */
const cases: [string, string, (v: 0 | 1) => ReactElement][] = [
  ['Heatmap', 'createHeatmap', (v) => <Heatmap rows={tokens} cols={tokens} values={[w1, w2][v]} width={400} />],
  ['AttentionLines', 'createAttentionLines', (v) => <AttentionLines from={tokens} heads={[{ weights: [w1, w2][v] }]} width={400} />],
  ['ModelView', 'createModelView', (v) => <ModelView heads={[[[w1, w2][v], w2]]} width={400} />],
  ['MatrixView', 'createMatrixView', (v) => <MatrixView name="Q" values={[w1, w2][v]} width={400} />],
  ['VectorBars', 'createVectorBars', (v) => <VectorBars label="x" values={[w1[2], w2[2]][v]} width={400} />],
  ['LinePlot', 'createLinePlot', (v) => <LinePlot series={[{ name: 'loss', points: [[[0, 2], [1, 1]], [[0, 3], [1, 1]]][v] as [number, number][] }]} width={400} />],
  ['PatchGrid', 'createPatchGrid', (v) => <PatchGrid image={[new Float32Array(16), new Float32Array(16).fill(1)][v]} imageHeight={4} imageWidth={4} patch={2} width={400} />],
  ['ArchitectureDiagram', 'createArchitectureDiagram', (v) => <ArchitectureDiagram selected={(['linear', 'softmax'] as const)[v]} width={800} />],
];

describe('viz wrappers', () => {
  it.each(cases)('%s creates once, updates on new data, destroys once on unmount', (_name, factory, make) => {
    // Module-level constants: the same references on every render, as memoised props would be.
    const a = make(0);
    const b = make(1);
    const { container, rerender, unmount } = render(a);
    const c = spy.counts.get(factory)!;
    expect(container.querySelector('svg.viz')).toBeInTheDocument();
    expect(c).toEqual({ create: 1, update: 1, destroy: 0 });
    rerender(b);
    expect(c).toEqual({ create: 1, update: 2, destroy: 0 });
    rerender(b);
    expect(c.update).toBe(2);
    unmount();
    expect(c).toEqual({ create: 1, update: 2, destroy: 1 });
    expect(container.querySelector('svg')).toBeNull();
  });

  it('under StrictMode (effects run twice) exactly one svg remains', () => {
    const { container } = render(
      <StrictMode>
        <Heatmap rows={tokens} cols={tokens} values={w1} width={400} />
      </StrictMode>,
    );
    expect(container.querySelectorAll('svg')).toHaveLength(1);
    const c = spy.counts.get('createHeatmap')!;
    expect(c.create - c.destroy).toBe(1);
  });

  it('Heatmap calls the latest onPinRow without re-creating the chart', () => {
    const first = vi.fn();
    const second = vi.fn();
    const { container, rerender } = render(<Heatmap rows={tokens} cols={tokens} values={w1} width={400} onPinRow={first} />);
    rerender(<Heatmap rows={tokens} cols={tokens} values={w1} width={400} onPinRow={second} />);
    fireEvent.click(container.querySelectorAll('g.viz-row-label')[2]);
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith(2);
    expect(spy.counts.get('createHeatmap')!.create).toBe(1);
  });

  it('a creation setting (scheme) re-creates the chart, destroying the old one', () => {
    const { rerender } = render(<Heatmap rows={tokens} cols={tokens} values={w1} width={400} scheme="viridis" />);
    rerender(<Heatmap rows={tokens} cols={tokens} values={w1} width={400} scheme="cividis" />);
    expect(spy.counts.get('createHeatmap')).toMatchObject({ create: 2, destroy: 1 });
  });

  it('ArchitectureDiagram: keyboard activation reaches onSelect', () => {
    const onSelect = vi.fn();
    const { container } = render(<ArchitectureDiagram width={800} onSelect={onSelect} />);
    const block = container.querySelector('[data-block="encoder-self-attention"]')!;
    expect(block).toHaveAttribute('role', 'button');
    expect(block).toHaveAccessibleName('Encoder multi-head self-attention');
    fireEvent.keyDown(block, { key: 'Enter' });
    expect(onSelect).toHaveBeenCalledWith('encoder-self-attention');
  });
});
