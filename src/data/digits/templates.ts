/**
 * Stroke templates: the different ways people write each digit (a 1 with or without flag
 * and base, an open or closed 4, a 7 with or without bar, ...). A template draws its
 * strokes through a `Jitter`, which moves every control point a little, so no two drawings
 * of one template are alike. Units: about 1 tall and 0.6 wide, y down; the generator then
 * slants, stretches and places the result on a canvas.
 *
 * Kept apart on purpose: a 1's flag is short and steep, a 7's bar long and flat; a 4 is
 * made of straight lines, a 9 of a round head; a 6's stem rises above its loop while a 0
 * has none.
 */
import type { Rng } from '../../runtime/index.ts';
import { arc, cubic, curve, line, onArc, path, type Point, type Stroke } from './shapes.ts';

/** Random nudges for control points and sizes, one instance per drawing. */
export class Jitter {
  constructor(private readonly rng: Rng, readonly sigma = 0.03) {}

  /** A point near (x, y); `k` scales the usual spread. */
  pt(x: number, y: number, k = 1): Point {
    return { x: x + this.rng.normal() * this.sigma * k, y: y + this.rng.normal() * this.sigma * k };
  }

  /** A number near v with standard deviation sd. */
  near(v: number, sd: number): number {
    return v + this.rng.normal() * sd;
  }

  /** Uniform in [lo, hi). */
  between(lo: number, hi: number): number {
    return lo + (hi - lo) * this.rng.next();
  }
}

export interface DigitTemplate {
  name: string; // how this way of writing is called in tests and previews
  draw(j: Jitter): Stroke[];
}

const t = (name: string, draw: (j: Jitter) => Stroke[]): DigitTemplate => ({ name, draw });

const zero = [
  t('oval', (j) => {
    // Most people start a 0 near the top and go anticlockwise, often overshooting a little.
    const start = j.near(-95, 15);
    return [arc(j.pt(0.3, 0.5), j.near(0.25, 0.04), j.near(0.5, 0.02), start, start - j.between(345, 385))];
  }),
  t('round', (j) => {
    const start = j.near(-80, 20);
    return [arc(j.pt(0.3, 0.5), j.near(0.38, 0.03), j.near(0.47, 0.02), start, start + j.between(340, 375))];
  }),
  t('pointed', (j) => {
    const top = j.pt(0.32, 0);
    const bottom = j.pt(0.3, 1);
    return [path(
      cubic(top, j.pt(0.0, 0.2), j.pt(-0.08, 1.0), bottom),
      cubic(bottom, j.pt(0.68, 1.0), j.pt(0.62, 0.2), j.pt(0.34, 0.02, 0.5)),
    )];
  }),
];

/** Where a 1's flag starts: short and steep, so it never reads as a 7's flat bar. */
function flag(j: Jitter): Point {
  return { x: j.near(0.14, 0.03), y: Math.max(0.14, j.near(0.25, 0.04)) };
}

const one = [
  t('stick', (j) => [line(j.pt(0.3, 0), j.pt(0.3, 1))]),
  t('flag', (j) => {
    const top = j.pt(0.36, 0, 0.5);
    return [path(line(flag(j), top), line(top, j.pt(0.34, 1)))];
  }),
  t('flag-base', (j) => {
    const top = j.pt(0.36, 0, 0.5);
    const y = j.near(1, 0.015);
    return [
      path(line(flag(j), top), line(top, { x: j.near(0.34, 0.02), y })),
      line({ x: j.near(0.08, 0.03), y: j.near(y, 0.01) }, { x: j.near(0.6, 0.03), y: j.near(y, 0.01) }),
    ];
  }),
];

/** The upper curve of a 2: from the left, over the top, ending right of centre, going down. */
function twoTop(j: Jitter, ry = 0.25): { stroke: Stroke; end: Point } {
  const c = j.pt(0.3, ry + 0.01, 0.5);
  const rx = j.near(0.27, 0.02);
  const to = j.near(385, 10);
  return { stroke: arc(c, rx, ry, j.near(195, 12), to), end: onArc(c, rx, ry, to) };
}

const two = [
  t('curve', (j) => {
    const { stroke, end } = twoTop(j);
    const corner = j.pt(0.02, 1);
    return [path(stroke, cubic(end, j.pt(end.x - 0.05, end.y + 0.2), j.pt(0.2, 0.8), corner), line(corner, j.pt(0.62, 1)))];
  }),
  t('loop', (j) => {
    // The diagonal runs into a small loop in the corner, then along the base.
    const { stroke, end } = twoTop(j);
    const c = j.pt(0.12, 0.88, 0.3);
    const r = j.near(0.075, 0.012);
    const entry = onArc(c, r, r, 160);
    return [path(
      stroke, cubic(end, j.pt(end.x - 0.05, end.y + 0.2), j.pt(0.25, 0.75), entry),
      arc(c, r, r, 160, 450), line(onArc(c, r, r, 450), j.pt(0.62, 0.98)),
    )];
  }),
  t('angular', (j) => {
    const c = j.pt(0.3, 0.2, 0.5);
    const rx = j.near(0.27, 0.02);
    const to = j.near(345, 10);
    const corner = j.pt(0.02, 1);
    return [path(arc(c, rx, 0.2, j.near(200, 12), to), line(onArc(c, rx, 0.2, to), corner), line(corner, j.pt(0.6, 1)))];
  }),
];

/** The lower bowl of a 3 or 5, from `from` degrees clockwise round to the lower left. */
function bowl(j: Jitter, c: Point, from: number, ry = 0.27): Stroke {
  return arc(c, j.near(0.29, 0.02), ry, from, j.near(505, 12));
}

const three = [
  t('round', (j) => {
    const u = j.pt(0.28, 0.25, 0.5);
    return [path(
      arc(u, j.near(0.24, 0.02), 0.24, j.near(200, 15), j.near(460, 8)),
      bowl(j, j.pt(0.3, 0.73, 0.5), j.near(240, 8)),
    )];
  }),
  t('flat-top', (j) => {
    const a = j.pt(0.05, 0);
    const b = j.pt(0.58, 0);
    const c = j.pt(0.3, 0.7, 0.5);
    return [path(line(a, b), line(b, onArc(c, 0.29, 0.29, 250)), bowl(j, c, 250, 0.29))];
  }),
  t('pointed-middle', (j) => {
    const u = j.pt(0.28, 0.24, 0.5);
    const mid = j.pt(0.14, 0.48, 0.5);
    const c = j.pt(0.3, 0.74, 0.5);
    return [path(
      arc(u, j.near(0.24, 0.02), 0.23, j.near(200, 15), j.near(400, 8)), line(onArc(u, 0.24, 0.23, 400), mid),
      line(mid, onArc(c, 0.29, 0.26, 295)), bowl(j, c, 295, 0.26),
    )];
  }),
];

const four = [
  t('closed', (j) => {
    const top = j.pt(0.44, 0);
    const y = j.near(0.66, 0.04);
    const left = j.pt(0.0, y, 0.5);
    return [path(line(top, left), line(left, j.pt(0.62, y, 0.5))), line(j.pt(top.x, 0.03, 0.5), j.pt(0.44, 1))];
  }),
  t('open', (j) => {
    const y = j.near(0.6, 0.05);
    const corner = j.pt(0.03, y, 0.5);
    return [path(line(j.pt(0.08, 0), corner), line(corner, j.pt(0.62, y, 0.5))), line(j.pt(0.45, 0.04), j.pt(0.45, 1))];
  }),
  t('one-stroke', (j) => {
    const top = j.pt(0.45, 0);
    const y = j.near(0.66, 0.04);
    const left = j.pt(0.0, y, 0.5);
    return [path(line(j.pt(0.45, 1), top), line(top, left), line(left, j.pt(0.62, y, 0.5)))];
  }),
];

const five = [
  t('two-stroke', (j) => {
    const a = j.pt(0.1, 0, 0.5);
    const b = j.pt(0.07, 0.44);
    return [path(line(a, b), bowl(j, j.pt(0.3, 0.69, 0.5), j.near(220, 8), 0.28)), line(a, j.pt(0.6, 0))];
  }),
  t('one-stroke', (j) => {
    const a = j.pt(0.12, 0, 0.5);
    const b = j.pt(0.08, 0.44);
    return [path(line(j.pt(0.6, 0), a), line(a, b), bowl(j, j.pt(0.3, 0.69, 0.5), j.near(220, 8), 0.28))];
  }),
  t('angular', (j) => {
    const a = j.pt(0.1, 0, 0.5);
    const b = j.pt(0.05, 0.42);
    const c = j.pt(0.56, 0.75);
    return [
      path(line(a, b), cubic(b, j.pt(0.3, 0.3), j.pt(0.66, 0.4), c), cubic(c, j.pt(0.5, 1.02), j.pt(0.15, 1.05), j.pt(0.0, 0.88))),
      line(a, j.pt(0.58, 0.02)),
    ];
  }),
];

/** A 6's loop entered from the upper left, drawn anticlockwise like most people draw it. */
function sixLoop(j: Jitter, c: Point, r: number, from: number): Stroke {
  return arc(c, j.near(r, 0.02), r, from, from - j.between(330, 370));
}

const six = [
  t('curved', (j) => {
    const r = j.between(0.23, 0.3);
    const c = j.pt(0.3, 1 - r, 0.5);
    return [path(cubic(j.pt(0.55, 0.02), j.pt(0.25, 0.0), j.pt(0.02, 0.3), onArc(c, r, r, 180)), sixLoop(j, c, r, 180))];
  }),
  t('straight', (j) => {
    const r = j.between(0.23, 0.3);
    const c = j.pt(0.3, 1 - r, 0.5);
    return [path(line(j.pt(0.48, 0), onArc(c, r, r, 200)), sixLoop(j, c, r, 200))];
  }),
  t('small-loop', (j) => {
    const c = j.pt(0.3, 0.77, 0.5);
    return [path(cubic(j.pt(0.58, 0.12), j.pt(0.45, -0.04), j.pt(0.04, 0.05), onArc(c, 0.22, 0.22, 180)), sixLoop(j, c, 0.22, 180))];
  }),
];

// A 7's bar stays long and flat (less jitter than elsewhere): a short bar reads as a 1's flag.
const seven = [
  t('plain', (j) => {
    const corner = j.pt(0.62, 0, 0.5);
    return [path(line(j.pt(0.0, 0.02, 0.5), corner), line(corner, j.pt(0.22, 1)))];
  }),
  t('bar', (j) => {
    const corner = j.pt(0.62, 0, 0.5);
    const y = j.near(0.5, 0.04);
    return [path(line(j.pt(0.0, 0.02, 0.5), corner), line(corner, j.pt(0.24, 1))), line(j.pt(0.18, y, 0.5), j.pt(0.58, y, 0.5))];
  }),
  t('curved', (j) => {
    const corner = j.pt(0.62, 0, 0.5);
    return [path(line(j.pt(0.0, 0.03, 0.5), corner), cubic(corner, j.pt(0.42, 0.3), j.pt(0.3, 0.6), j.pt(0.3, 1)))];
  }),
  t('serif-curved', (j) => {
    const a = j.pt(0.02, 0, 0.5);
    const corner = j.pt(0.62, 0.01, 0.5);
    return [path(line(j.pt(0.0, 0.17), a), line(a, corner), cubic(corner, j.pt(0.45, 0.35), j.pt(0.3, 0.6), j.pt(0.27, 1)))];
  }),
];

/** A one-stroke 8 (Gerono's lemniscate): loops above and below a crossing at y = mid. */
function eight(j: Jitter, upper: number, lower: number, dir: 1 | -1): Stroke {
  const mid = j.near(0.45, 0.03);
  const skew = j.near(0, 0.04); // how far the upper loop sits right of the lower
  const t0 = j.between(-0.3, 0.3);
  return curve((s) => {
    const y = (1 - Math.cos(s)) / 2;
    // Stretch y so the crossing lands at `mid` while top and bottom stay at 0 and 1.
    const yy = y < 0.5 ? y * 2 * mid : mid + (y - 0.5) * 2 * (1 - mid);
    const w = y < 0.5 ? upper : lower;
    return { x: 0.3 + skew * (1 - yy) + dir * w * Math.sin(2 * s), y: yy };
  }, t0, t0 + 2 * Math.PI + j.between(0, 0.4), 160);
}

const eightTemplates = [
  t('two-loops', (j) => [
    arc(j.pt(0.3, 0.24, 0.5), j.near(0.2, 0.02), 0.24, j.near(0, 40), j.near(360, 40)),
    arc(j.pt(0.3, 0.72, 0.5), j.near(0.27, 0.02), 0.27, j.near(-90, 40), j.near(270, 40)),
  ]),
  t('figure', (j) => [eight(j, j.near(0.24, 0.02), j.near(0.29, 0.02), 1)]),
  t('narrow-top', (j) => [eight(j, j.near(0.17, 0.02), j.near(0.29, 0.02), -1)]),
];

/** A 9's head, drawn anticlockwise from its right side; returns where the tail starts. */
function nineHead(j: Jitter): { stroke: Stroke; end: Point; right: number } {
  const ry = j.between(0.22, 0.32);
  const c = j.pt(0.3, ry + 0.01, 0.5);
  const rx = j.near(ry, 0.03);
  const from = j.near(10, 10);
  const to = from - j.between(350, 370);
  return { stroke: arc(c, rx, ry, from, to), end: onArc(c, rx, ry, to), right: c.x + rx };
}

const nine = [
  t('straight-tail', (j) => {
    const { stroke, end } = nineHead(j);
    return [path(stroke, line(end, j.pt(end.x - 0.03, 1)))];
  }),
  t('curved-tail', (j) => {
    const { stroke, end } = nineHead(j);
    return [path(stroke, cubic(end, j.pt(end.x + 0.02, 0.6), j.pt(end.x, 0.95), j.pt(0.18, 0.98)))];
  }),
  t('two-stroke', (j) => {
    const { stroke, right } = nineHead(j);
    return [stroke, line(j.pt(right, 0.1), j.pt(right - 0.05, 1))];
  }),
];

/** Templates by digit: DIGIT_TEMPLATES[d] lists the ways of writing d. */
export const DIGIT_TEMPLATES: readonly (readonly DigitTemplate[])[] = [
  zero, one, two, three, four, five, six, seven, eightTemplates, nine,
];
