/** How the lesson writes a probability: one decimal, never rounding a near-certainty up to 100%. */
export function percent(p: number): string {
  if (!Number.isFinite(p)) return String(p);
  if (p >= 0.9995 && p < 1) return '>99.9%';
  if (p > 0 && p < 0.0005) return '<0.1%';
  return `${(100 * p).toFixed(1)}%`;
}
