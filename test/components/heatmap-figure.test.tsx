// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AttentionTable } from '../../src/components/viz/AttentionTable.tsx';
import { ExportButtons } from '../../src/components/viz/ExportButtons.tsx';
import { HeatmapFigure } from '../../src/components/viz/HeatmapFigure.tsx';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const tokens = ['[CLS]', 'animal', 'street', 'it', '[SEP]'];
const weights = [
  [0.6, 0.1, 0.1, 0.1, 0.1],
  [0.2, 0.5, 0.1, 0.1, 0.1],
  [0.2, 0.1, 0.5, 0.1, 0.1],
  [0.2, 0.62, 0.11, 0.04, 0.03],
  [0.2, 0.2, 0.2, 0.2, 0.2],
];

describe('AttentionTable', () => {
  it('has a caption, scoped headers and every value to two decimals', () => {
    render(<AttentionTable rows={tokens} cols={tokens} values={new Float32Array(weights.flat())} caption="Layer 0, head 1" mode="visible" />);
    const table = screen.getByRole('table', { name: 'Layer 0, head 1' });
    const headers = within(table).getAllByRole('columnheader');
    expect(headers.map((h) => h.textContent)).toEqual(['query \\ key', ...tokens]);
    expect(headers.every((h) => h.getAttribute('scope') === 'col')).toBe(true);
    const rowHeaders = within(table).getAllByRole('rowheader');
    expect(rowHeaders.map((h) => h.textContent)).toEqual(tokens);
    expect(rowHeaders.every((h) => h.getAttribute('scope') === 'row')).toBe(true);
    const itRow = within(table).getAllByRole('row')[4];
    expect(within(itRow).getAllByRole('cell').map((c) => c.textContent)).toEqual(['0.20', '0.62', '0.11', '0.04', '0.03']);
  });

  it('sits behind a "Show as table" disclosure by default, built when opened', () => {
    const { container } = render(<AttentionTable rows={['a']} cols={['a']} values={[[1]]} caption="c" />);
    expect(container.querySelector('details > summary')).toHaveTextContent('Show as table');
    expect(container.querySelector('details table')).toBeNull();
    const details = container.querySelector('details')!;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    expect(container.querySelector('details table td')).toHaveTextContent('1.00');
  });
});

describe('HeatmapFigure', () => {
  it('pinning a row writes its summary (polite live region) and marks the table row', () => {
    const onPinRow = vi.fn();
    const { container } = render(<HeatmapFigure rows={tokens} cols={tokens} values={weights} title="Layer 0, head 1" width={500} skipSpecial onPinRow={onPinRow} />);
    const summary = container.querySelector('p.viz-summary')!;
    const details = container.querySelector('details')!;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    expect(summary).toHaveAttribute('aria-live', 'polite');
    expect(summary).toHaveTextContent('Click a row label');
    fireEvent.click(container.querySelectorAll('g.viz-row-label')[3]);
    expect(onPinRow).toHaveBeenCalledWith(3);
    expect(summary).toHaveTextContent("'it' attends most to 'animal' (0.62), then 'street' (0.11).");
    expect(container.querySelector('tr[aria-current="true"] th')).toHaveTextContent('it');
    expect(container.querySelectorAll('g.viz-row-label')[3]).toHaveAttribute('aria-pressed', 'true');
    // A second click unpins.
    fireEvent.click(container.querySelectorAll('g.viz-row-label')[3]);
    expect(summary).toHaveTextContent('Click a row label');
  });

  it('a controlled pinnedRow drives the summary', () => {
    const { container } = render(<HeatmapFigure rows={tokens} cols={tokens} values={weights} pinnedRow={1} width={500} />);
    expect(container.querySelector('p.viz-summary')).toHaveTextContent("'animal' attends most to 'animal' (0.50), then '[CLS]' (0.20).");
  });

  it('export buttons: SVG downloads a file named after the title; PNG reports the missing canvas', async () => {
    const blobs: Blob[] = [];
    Object.assign(URL, { createObjectURL: (b: Blob) => (blobs.push(b), 'blob:x'), revokeObjectURL: () => {} });
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    render(<HeatmapFigure rows={tokens} cols={tokens} values={weights} title="Layer 0, head 1" width={500} />);
    fireEvent.click(screen.getByRole('button', { name: 'Download “Layer 0, head 1” as SVG' }));
    expect(names).toEqual(['layer-0-head-1.svg']);
    expect(await blobs[0].text()).toContain('viz-cell');
    fireEvent.click(screen.getByRole('button', { name: 'Download “Layer 0, head 1” as PNG' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('no 2-D canvas');
  });
});

describe('ExportButtons', () => {
  it('says so when there is nothing to export', () => {
    function Empty() {
      const ref = useRef<HTMLDivElement>(null);
      return (
        <div ref={ref}>
          <ExportButtons target={ref} filename="empty" />
        </div>
      );
    }
    render(<Empty />);
    fireEvent.click(screen.getByRole('button', { name: 'Download “empty” as SVG' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Nothing to export yet.');
  });
});
