/** A ratio for prose: two decimals when readable, else a power of ten (6.3 × 10⁻¹⁰). */
export function formatRatio(x: number | undefined): string {
  if (x === undefined || !Number.isFinite(x)) return '…';
  if (x >= 0.01) return x.toFixed(2);
  const e = Math.floor(Math.log10(x));
  const sup = String(e).replace('-', '⁻').replace(/\d/g, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]);
  return `${(x / 10 ** e).toFixed(1)} × 10${sup}`;
}
