/**
 * Number formats of the kit: a compact one that fits inside a heatmap cell and an exact one
 * for hover read-outs, so a learner can check a weight against the computation by hand.
 */
import * as d3 from 'd3';

const twoDecimals = d3.format('.2f');
const oneDecimal = d3.format('.1f');
const fourSignificant = d3.format('.4~r');
const scientific = d3.format('.3~e');

/**
 * At most four characters for a cell: ".62", "−.05", "1.0", "12". The leading zero goes
 * because attention weights live in [0, 1] and the cell is small; the read-out has the rest.
 */
export function cellLabel(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a >= 9.95) return d3.format('.0f')(v);
  if (a >= 0.995) return oneDecimal(v);
  // d3 writes a true minus sign (U+2212), which is also what a projector should show.
  const s = twoDecimals(v).replace(/^([-−]?)0\./, '$1.');
  return /^[-−]\.00$/.test(s) ? '.00' : s;
}

/** Four significant digits, switching to scientific notation for very small or large values. */
export function exact(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-4 || a >= 1e6)) return scientific(v);
  return fourSignificant(v);
}

/** A token as it appears in prose and labels: quoted, with whitespace made visible. */
export function quote(token: string): string {
  return `'${token.replace(/\s/g, '·')}'`;
}
