/**
 * Draws a dense grid of values (a 40 x 40 head thumbnail, a 28 x 28 image) as one <path> per
 * colour level instead of one <rect> per cell. A 12 x 12 model view of 40-token heads is 230,000
 * cells; as paths it is a few thousand elements, fast to draw and small to export, and at
 * thumbnail size 32 levels are indistinguishable from a continuous ramp.
 */
import type { G } from './frame.ts';

export interface BucketSpec {
  rows: number;
  cols: number;
  /** Value of cell (i, j), already normalised to [0, 1]. */
  at(i: number, j: number): number;
  cellWidth: number;
  cellHeight: number;
  /** Number of colour levels. */
  levels: number;
  /** Colour of level t in [0, 1] (the centre of the level). */
  color(t: number): string;
  /**
   * Level drawn as a background rect rather than as cells (the most common one: near-zero
   * attention), or -1 to draw every level.
   */
  backgroundLevel?: number;
}

/** The path data of every level: level index -> "M x y h w v h h -w Z ..." */
export function bucketPathData(spec: BucketSpec): Map<number, string> {
  const parts = new Map<number, string[]>();
  const bg = spec.backgroundLevel ?? -1;
  const w = spec.cellWidth;
  const h = spec.cellHeight;
  // Two decimals: sub-pixel placement matters at 2 px cells, more digits only bloat exports.
  const r2 = (v: number) => Math.round(v * 100) / 100;
  for (let i = 0; i < spec.rows; i++) {
    for (let j = 0; j < spec.cols; j++) {
      const t = Math.min(1, Math.max(0, spec.at(i, j)));
      const level = Number.isFinite(t) ? Math.min(spec.levels - 1, Math.floor(t * spec.levels)) : 0;
      if (level === bg) continue;
      let list = parts.get(level);
      if (!list) parts.set(level, (list = []));
      // Slight overlap (+0.5 px) hides the hairline seams anti-aliasing leaves between cells.
      list.push(`M${r2(j * w)} ${r2(i * h)}h${r2(w + 0.5)}v${r2(h + 0.5)}h${r2(-w - 0.5)}Z`);
    }
  }
  return new Map([...parts].map(([k, v]) => [k, v.join('')]));
}

/**
 * Draws the grid into `g` (joins keyed by level), with a background rect for backgroundLevel.
 * Cells carry no pointer events of their own: callers hit-test by position.
 */
export function drawBuckets(g: G, spec: BucketSpec): void {
  const data = [...bucketPathData(spec)].sort((a, b) => a[0] - b[0]);
  const bg = spec.backgroundLevel ?? -1;
  const centre = (level: number) => (level + 0.5) / spec.levels;
  g.selectAll('rect.viz-bucket-bg')
    .data(bg >= 0 ? [bg] : [])
    .join('rect')
    .attr('class', 'viz-bucket-bg')
    .attr('width', spec.cols * spec.cellWidth)
    .attr('height', spec.rows * spec.cellHeight)
    .attr('fill', (level) => spec.color(centre(level)))
    .lower();
  g.selectAll<SVGPathElement, [number, string]>('path.viz-bucket')
    .data(data, (d) => String(d[0]))
    .join('path')
    .attr('class', 'viz-bucket')
    .attr('d', (d) => d[1])
    .attr('fill', (d) => spec.color(centre(d[0])))
    .attr('pointer-events', 'none');
}
