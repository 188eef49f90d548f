/**
 * The palettes of the visual kit, in one place, so every figure of the course speaks the same
 * colour language: sequential ramps for weights, diverging ramps for signed matrices, and the
 * Okabe–Ito categorical palette for heads and series. All of them stay distinguishable under
 * the common colour-vision deficiencies.
 */
import * as d3 from 'd3';

/** Perceptually ordered ramps whose lightness rises monotonically (readable in grayscale). */
export type SequentialScheme = 'viridis' | 'cividis' | 'magma' | 'inferno';

/** Two-hued ramps, symmetric around a light middle, for values centred on 0. */
export type DivergingScheme = 'RdBu' | 'PuOr';

const SEQUENTIAL: Record<SequentialScheme, (t: number) => string> = {
  viridis: d3.interpolateViridis,
  cividis: d3.interpolateCividis,
  magma: d3.interpolateMagma,
  inferno: d3.interpolateInferno,
};

// d3's RdBu runs red -> blue and PuOr orange -> purple; we flip RdBu so that negative is blue and
// positive is red, matching NEGATIVE and POSITIVE below (the bars and the matrices agree).
const DIVERGING: Record<DivergingScheme, (t: number) => string> = {
  RdBu: (t) => d3.interpolateRdBu(1 - t),
  PuOr: d3.interpolatePuOr,
};

/**
 * Okabe & Ito (2008), "Color Universal Design". Ordered so the first colours are the most
 * distinct on both light and dark backgrounds; yellow comes last (weak on white) and black is
 * left out (invisible in the dark theme).
 */
export const OKABE_ITO = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#F0E442'] as const;

/** Colour of positive entries in bars (Okabe–Ito vermillion, the red end of the flipped RdBu). */
export const POSITIVE = '#D55E00';
/** Colour of negative entries in bars (Okabe–Ito blue). */
export const NEGATIVE = '#0072B2';

/** Dash patterns that pair with OKABE_ITO so series stay apart even in grayscale print. */
export const DASHES = ['', '8 4', '2 4', '10 4 2 4', '4 4', '12 3 3 3 3 3', '1 3'] as const;

/** The i-th categorical colour (heads, series), cycling when there are more than seven. */
export function categorical(i: number): string {
  return OKABE_ITO[((i % OKABE_ITO.length) + OKABE_ITO.length) % OKABE_ITO.length];
}

/** The i-th dash pattern, aligned with categorical(i). */
export function dash(i: number): string {
  return DASHES[i % DASHES.length];
}

/** The interpolator t in [0, 1] -> css colour of a sequential scheme. */
export function sequentialInterpolator(scheme: SequentialScheme = 'viridis'): (t: number) => string {
  return SEQUENTIAL[scheme];
}

/** The interpolator t in [0, 1] -> css colour of a diverging scheme (0 = most negative). */
export function divergingInterpolator(scheme: DivergingScheme = 'RdBu'): (t: number) => string {
  return DIVERGING[scheme];
}

/**
 * A value -> colour scale over [lo, hi] for a sequential scheme. A flat domain is widened so
 * that a constant matrix still draws (in the middle colour) instead of dividing by zero.
 */
export function sequentialScale(domain: readonly [number, number], scheme: SequentialScheme = 'viridis'): (v: number) => string {
  let [lo, hi] = domain;
  if (!(hi > lo)) [lo, hi] = [lo - 0.5, lo + 0.5];
  return d3.scaleSequential(SEQUENTIAL[scheme]).domain([lo, hi]).clamp(true);
}

/** A value -> colour scale symmetric around 0 over [-maxAbs, maxAbs]. */
export function divergingScale(maxAbs: number, scheme: DivergingScheme = 'RdBu'): (v: number) => string {
  const m = maxAbs > 0 ? maxAbs : 1;
  return d3.scaleDiverging(DIVERGING[scheme]).domain([-m, 0, m]).clamp(true);
}

/** WCAG relative luminance of a css colour, in [0, 1]. */
export function luminance(color: string): number {
  const { r, g, b } = d3.rgb(color);
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** Near-black or white, whichever contrasts more with the given fill (for labels in cells). */
export function readableTextOn(fill: string): string {
  const l = luminance(fill);
  // Contrast ratios against #111 (luminance ~0.0056) and white (1), per WCAG 2.x.
  const withDark = (l + 0.05) / (0.0056 + 0.05);
  const withLight = 1.05 / (l + 0.05);
  return withDark >= withLight ? '#111111' : '#ffffff';
}
