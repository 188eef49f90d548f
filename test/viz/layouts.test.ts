// The figures' layout steps are pure: data and a frame (width, font) in, positions, colours and
// labels out. This file runs without a DOM (Vitest's node environment) to keep them that way.
import { describe, expect, it } from 'vitest';
import { layoutAttentionLines } from '../../src/viz/attention-lines-layout.ts';
import { sequentialScale } from '../../src/viz/colors.ts';
import { layoutHeatmap } from '../../src/viz/heatmap-layout.ts';
import { layoutLinePlot } from '../../src/viz/line-plot-layout.ts';
import { layoutPatchGrid } from '../../src/viz/patch-grid.ts';
import { layoutVectorBars } from '../../src/viz/vector-bars.ts';

const frame = { width: 600, font: 16 };
const tokens = ['the', 'animal', 'was', 'tired', 'it'];
// (T, T) with distinct entries, so a cell landing at the wrong row or column shows.
const weights = tokens.map((_, i) => tokens.map((__, j) => (i * 5 + j + 1) / 25));

describe('layoutHeatmap', () => {
  it('gives one cell per entry, at its row and column, coloured by its value', () => {
    const l = layoutHeatmap({ rows: tokens, cols: tokens, values: weights }, frame);
    expect(l.cells).toHaveLength(25);
    const color = sequentialScale([0, 1]); // default domain: [min(0, smallest), largest] = [0, 1]
    for (const c of l.cells) {
      expect(c.v).toBe(weights[c.i][c.j]);
      expect(c.fill).toBe(color(weights[c.i][c.j]));
    }
    // Reading order, so a cell's index says where it is.
    expect(l.cells.map((c) => [c.i, c.j])).toEqual(tokens.flatMap((_, i) => tokens.map((__, j) => [i, j])));
    expect(l.cells[4 * 5 + 1].name).toBe("query 'it' → key 'animal': 0.88"); // (4 * 5 + 1 + 1) / 25
  });

  it('keeps labels in order and fits the grid, labels and legend into the width', () => {
    const l = layoutHeatmap({ rows: tokens, cols: ['a', 'b', 'c', 'd', 'e'], values: weights, title: 'Layer 0' }, frame);
    expect(l.rowLabels.map((r) => r.text)).toEqual(tokens);
    expect(l.colLabels.map((c) => c.text)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(l.legend).not.toBeNull();
    expect(l.left + 5 * l.cell).toBeLessThanOrEqual(l.legendX);
    expect(l.svgWidth).toBe(frame.width);
    expect(l.ariaLabel).toBe('Layer 0');
  });

  it('a pinned row is marked and the others dimmed; a larger font gives larger text, not more cells', () => {
    const l = layoutHeatmap({ rows: tokens, cols: tokens, values: weights }, frame, {}, 2);
    expect(l.rowOpacity).toEqual([0.3, 0.3, 1, 0.3, 0.3]);
    expect(l.rowLabels.filter((r) => r.pinned).map((r) => r.i)).toEqual([2]);
    expect(l.marks.pinned).toBe(2);
    expect(l.hint).toContain("'was'");
    const big = layoutHeatmap({ rows: tokens, cols: tokens, values: weights }, { width: 600, font: 28 });
    expect(big.cells).toHaveLength(25);
    expect(big.top).toBeGreaterThan(layoutHeatmap({ rows: tokens, cols: tokens, values: weights }, frame).top);
  });

  it('thins row labels on a long sentence but never the selected (pinned) row, and keeps its neighbours clear', () => {
    const many = Array.from({ length: 60 }, (_, i) => `w${i}`);
    const grid = many.map(() => many.map(() => 1 / 60));
    const shownOf = (pinned: number | null) => layoutHeatmap({ rows: many, cols: many, values: grid }, { width: 700, font: 16 }, {}, pinned).rowLabels.filter((r) => r.shown).map((r) => r.i);
    const plain = shownOf(null);
    const stride = plain[1] - plain[0];
    expect(stride).toBeGreaterThan(1); // thinned
    for (const pinned of [7, 31, 59]) {
      const shown = shownOf(pinned);
      expect(shown).toContain(pinned);
      for (const i of shown) if (i !== pinned) expect(Math.abs(i - pinned), `row ${i} next to ${pinned}`).toBeGreaterThanOrEqual(stride);
    }
  });

  it('writes values inside cells only when they fit, and rejects a matrix of the wrong shape', () => {
    expect(layoutHeatmap({ rows: tokens, cols: tokens, values: weights }, frame, { cellSize: 40 }).cellLabels).toHaveLength(25);
    expect(layoutHeatmap({ rows: tokens, cols: tokens, values: weights }, frame, { cellSize: 12 }).cellLabels).toHaveLength(0);
    expect(() => layoutHeatmap({ rows: tokens, cols: tokens, values: new Float32Array(24) }, frame)).toThrow(/24 values do not fill \(5, 5\)/);
  });
});

describe('layoutAttentionLines', () => {
  it('draws a line per weight above minWeight, from row i to row j, thicker when stronger', () => {
    const l = layoutAttentionLines({ from: ['a', 'b'], heads: [{ weights: [[0.9, 0.005], [0.3, 0.7]] }] }, frame);
    expect(l.lines.map((d) => [d.i, d.j, d.w])).toEqual([[0, 0, 0.9], [1, 0, 0.3], [1, 1, 0.7]]);
    const y = (k: number) => l.tokens.find((t) => t.side === 'from' && t.index === k)!.y;
    expect(l.lines[1].y1).toBe(y(1));
    expect(l.lines[1].y2).toBe(y(0));
    expect(l.lines[0].strokeWidth).toBeGreaterThan(l.lines[2].strokeWidth);
    expect(l.legend).toEqual([]); // one unlabelled head: no legend
  });
});

describe('layoutPatchGrid', () => {
  it('cuts the image into patches in reading order, each with its overlay value', () => {
    const image = new Float32Array(8 * 8);
    const l = layoutPatchGrid({ image, imageHeight: 8, imageWidth: 8, patch: 4, overlay: [0.1, 0.2, 0.3, 0.4] }, frame);
    expect(l.patches.map((p) => [p.row, p.col, p.value])).toEqual([[0, 0, 0.1], [0, 1, 0.2], [1, 0, 0.3], [1, 1, 0.4]]);
    expect(l.patchSide).toBe(4 * l.px);
    expect(() => layoutPatchGrid({ image, imageHeight: 8, imageWidth: 8, patch: 3 }, frame)).toThrow(/patch 3 does not divide \(8, 8\)/);
  });
});

describe('layoutVectorBars', () => {
  it('puts positive bars above the zero line and negative ones below it', () => {
    const l = layoutVectorBars({ label: 'q', values: [1, -0.5] }, frame);
    const [up, down] = l.bars;
    expect(up.y + up.height).toBeCloseTo(l.zero.y1);
    expect(down.y).toBeCloseTo(l.zero.y1);
    expect(up.height).toBeCloseTo(2 * down.height);
    expect(l.caption).toBe('q (2)');
  });
});

describe('layoutLinePlot', () => {
  it('maps points into the plot area and leaves y <= 0 out of a log plot', () => {
    const l = layoutLinePlot({ series: [{ name: 'loss', points: [[0, 0], [1, 10], [2, 100]] }], logY: true }, frame, { height: 320 });
    expect(l.points.map((p) => p.y)).toEqual([10, 100]);
    expect(l.y(100)).toBeLessThan(l.y(10)); // up is larger
    expect(l.x(1)).toBe(0); // the x domain starts at the first kept point
    expect(l.series[0].markers).toHaveLength(2);
    expect(l.ariaLabel).toBe('Line plot: loss ends at 100');
  });
});
