/**
 * Deterministic handwritten-style digits for the `vit-digits` model. Each digit is drawn the
 * way a student draws one with a mouse: a template's strokes (templates.ts) are jittered,
 * wobbled, trimmed or overshot, slanted, stretched, placed at a random size and spot on a
 * 280x280 canvas, sampled like mouse events at whole pixels, and then rasterised by
 * `normalizeDrawing`, the very function the drawing pad uses.
 */
import { Rng } from '../../runtime/index.ts';
import { normalizeDrawing, THICKNESS_RANGE } from './raster.ts';
import type { Point, Stroke } from './shapes.ts';
import { DIGIT_TEMPLATES, Jitter } from './templates.ts';

/** Side of the imagined drawing pad, in canvas pixels, that generated strokes live on. */
export const CANVAS = 280;

export interface DigitSample {
  image: Float32Array; // 28x28, row-major, 1 = ink
  label: number;
  strokes: Stroke[]; // on the CANVAS x CANVAS pad, as mouse events would arrive
  template: string; // which way of writing the digit (a name from DIGIT_TEMPLATES)
  thickness: number; // pen width in output pixels: normalizeDrawing(strokes, { thickness }) is image
}

export interface DigitOptions {
  template?: string; // draw with this template instead of a random one
}

/** One random drawing of `label` (0-9); the same rng state gives the same drawing. */
export function generateDigit(rng: Rng, label: number, options: DigitOptions = {}): DigitSample {
  const templates = DIGIT_TEMPLATES[label];
  if (!templates) throw new RangeError(`generateDigit: label ${label} is not a digit 0-9`);
  const template = options.template === undefined ? rng.pick(templates) : templates.find((x) => x.name === options.template);
  if (!template) throw new RangeError(`generateDigit: digit ${label} has no template "${options.template}"`);

  const jitter = new Jitter(rng, 0.02 + 0.035 * rng.next());
  const bent = bend(rng);
  let strokes = template.draw(jitter).map((s, i) => {
    // Strokes drawn one after another never line up exactly.
    const dx = i > 0 ? rng.normal() * 0.015 : 0;
    const dy = i > 0 ? rng.normal() * 0.015 : 0;
    return endings(rng, wobble(rng, s)).map((p) => bent({ x: p.x + dx, y: p.y + dy }));
  });

  // Slant (shear, up to ±11°) plus a small rotation (±6°), and a stretch of the aspect
  // ratio; all about the digit's middle.
  const shear = (rng.next() * 2 - 1) * 0.2;
  const angle = ((rng.next() * 2 - 1) * 6 * Math.PI) / 180;
  const aspect = Math.exp(rng.normal() * 0.12);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const height = 70 + 170 * rng.next(); // canvas pixels, small scribble to full pad
  const x0 = (CANVAS - height * 0.7) * rng.next() + height * 0.35;
  const y0 = (CANVAS - height) * rng.next() + height / 2;
  strokes = strokes.map((s) =>
    s.map((p) => {
      const y = p.y - 0.5;
      const x = (p.x - 0.3) * aspect - shear * y;
      return { x: x0 + (x * cos - y * sin) * height, y: y0 + (x * sin + y * cos) * height };
    }),
  );

  const spacing = 1 + 6 * rng.next();
  strokes = strokes.map((s) => mouseEvents(s, spacing));
  const [lo, hi] = THICKNESS_RANGE;
  const thickness = lo + (hi - lo) * rng.next();
  const image = normalizeDrawing(strokes, { thickness });
  return { image, label, strokes, template: template.name, thickness };
}

/**
 * `count` digits from one seed, labels balanced (each digit count/10 times, ±1) and in
 * random order.
 */
export function generateDigits(seed: number, count: number): { images: Float32Array[]; labels: number[] } {
  const rng = new Rng(seed);
  const labels = rng.shuffle(Array.from({ length: count }, (_, i) => i % 10));
  const images = labels.map((label) => generateDigit(rng, label).image);
  return { images, labels };
}

/**
 * A smooth random bend of the whole digit (in the spirit of MNIST's elastic distortions):
 * verticals sway a little left and right along their height, horizontals up and down.
 */
function bend(rng: Rng): (p: Point) => Point {
  // At most about one wave over the digit: more would turn a 1's stem into an S.
  const ax = 0.045 * rng.next();
  const ay = 0.04 * rng.next();
  const fx = 0.3 + 0.7 * rng.next();
  const fy = 0.4 + rng.next();
  const px = 2 * Math.PI * rng.next();
  const py = 2 * Math.PI * rng.next();
  return (p) => ({
    x: p.x + ax * Math.sin(2 * Math.PI * fx * p.y + px),
    y: p.y + ay * Math.sin(2 * Math.PI * fy * p.x + py),
  });
}

/** Slow hand tremor: two low-frequency sine waves along the stroke's arc length. */
function wobble(rng: Rng, s: Stroke): Stroke {
  const amp = 0.004 + 0.012 * rng.next();
  const fx = 2 + 4 * rng.next();
  const fy = 2 + 4 * rng.next();
  const px = 2 * Math.PI * rng.next();
  const py = 2 * Math.PI * rng.next();
  let len = 0;
  return s.map((p, i) => {
    if (i > 0) len += Math.hypot(p.x - s[i - 1].x, p.y - s[i - 1].y);
    return { x: p.x + amp * Math.sin(fx * 2 * Math.PI * len + px), y: p.y + amp * Math.sin(fy * 2 * Math.PI * len + py) };
  });
}

/** Now and then a stroke starts late, stops early, or runs on past its end. */
function endings(rng: Rng, s: Stroke): Stroke {
  let out = s;
  const roll = rng.next();
  if (roll < 0.15) out = trimStart(out, 0.06 * rng.next());
  else if (roll < 0.3) out = trimStart(out.slice().reverse(), 0.06 * rng.next()).reverse();
  else if (roll < 0.4) out = overshoot(out, 0.08 * rng.next());
  return out;
}

/** The stroke without its first `cut` units of length (kept whole if that is most of it). */
function trimStart(s: Stroke, cut: number): Stroke {
  let len = 0;
  for (let i = 1; i < s.length; i++) {
    len += Math.hypot(s[i].x - s[i - 1].x, s[i].y - s[i - 1].y);
    if (len >= cut) return s.length - i >= 3 ? s.slice(i - 1) : s;
  }
  return s;
}

/** The stroke carried on straight past its end, as a hand that lifts late. */
function overshoot(s: Stroke, extra: number): Stroke {
  if (s.length < 2) return s;
  const a = s[s.length - 2];
  const b = s[s.length - 1];
  const d = Math.hypot(b.x - a.x, b.y - a.y);
  if (d === 0) return s;
  return [...s, { x: b.x + ((b.x - a.x) / d) * extra, y: b.y + ((b.y - a.y) / d) * extra }];
}

/**
 * Points as mouse events arrive: at whole pixels, at least `spacing` pixels apart, so fast
 * curves turn into short straight runs as they do on the pad. Keeps first and last points.
 */
function mouseEvents(s: Stroke, spacing: number): Stroke {
  const out: Point[] = [];
  for (let i = 0; i < s.length; i++) {
    const p = { x: Math.round(s[i].x), y: Math.round(s[i].y) };
    const last = out[out.length - 1];
    if (!last || i === s.length - 1 || Math.hypot(p.x - last.x, p.y - last.y) >= spacing) out.push(p);
  }
  return out;
}
