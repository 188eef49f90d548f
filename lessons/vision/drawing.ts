/**
 * The digit on the lesson's drawing pad, read from the lesson's inputs (inputs.ts) and shared
 * by every step. Strokes are in the pad's own 280 x 280 units, as the digit generator's are,
 * and the model's 28 x 28 input is always normalizeDrawing(strokes, { thickness }), for a
 * drawing and for a generated digit alike.
 */
import { generateDigit, normalizeDrawing, type Point, type Stroke } from '../../src/data/digits/index.ts';
import { Rng } from '../../src/runtime/index.ts';
import { readLessonInput, writeLessonInput, type Atlas } from '../../src/store/index.ts';
import { MAX_POINTS, PAD, VISION, type GeneratedDigit } from './inputs.ts';

export { PAD } from './inputs.ts';

/** Pen width, in output pixels, for the student's drawings: the rasteriser's default, mid-range of training. */
export const DRAWN_THICKNESS = 2.2;

export type DigitSource = { kind: 'drawn' } | { kind: 'generated'; seed: number; label: number; template: string };

/** What the pad shows and what the model reads. */
export interface PadView {
  strokes: Stroke[];
  thickness: number;
  source: DigitSource;
  image: Float32Array;
}

/** A generated digit's view; the label comes from the seed when not given. */
export function generatedState(seed: number, label?: number): PadView {
  const rng = new Rng(seed);
  const digit = label ?? rng.int(10);
  const sample = generateDigit(rng, digit);
  return {
    strokes: sample.strokes,
    thickness: sample.thickness,
    source: { kind: 'generated', seed, label: digit, template: sample.template },
    image: normalizeDrawing(sample.strokes, { thickness: sample.thickness }),
  };
}

// Rasterised once per drawing and per digit, however many figures show them.
const drawnViews = new WeakMap<Stroke[], PadView>();
let lastGenerated: { key: string; view: PadView } | null = null;

/** The pad's view: the drawing while there is one, else the generated digit. */
export function padView(digit: GeneratedDigit, drawing: Stroke[] | null): PadView {
  if (drawing) {
    let view = drawnViews.get(drawing);
    if (!view) {
      view = { strokes: drawing, thickness: DRAWN_THICKNESS, source: { kind: 'drawn' }, image: normalizeDrawing(drawing, { thickness: DRAWN_THICKNESS }) };
      drawnViews.set(drawing, view);
    }
    return view;
  }
  const key = `${digit.seed}-${digit.label}`;
  if (lastGenerated?.key !== key) lastGenerated = { key, view: generatedState(digit.seed, digit.label ?? undefined) };
  return lastGenerated.view;
}

/** The pad point clamped into the pad: strokes that leave the canvas end at its edge. */
function clampPoint(p: Point): Point {
  return { x: Math.min(PAD, Math.max(0, p.x)), y: Math.min(PAD, Math.max(0, p.y)) };
}

const pointCount = (strokes: Stroke[]) => strokes.reduce((n, s) => n + s.length, 0);

/**
 * What the pad's buttons and pointer do, on `store` (the app's, or a test's): each writes the
 * lesson's inputs, and every figure recomputes from them.
 */
export function padActions(store: { getState(): Atlas }) {
  const drawing = () => readLessonInput(store.getState(), VISION, 'drawing');
  const setDrawing = (strokes: Stroke[] | null) => writeLessonInput(store, VISION, 'drawing', strokes);
  return {
    /** Pen down at p: a new stroke (a drawing replaces a generated digit). */
    startStroke(p: Point) {
      const strokes = drawing() ?? [];
      if (pointCount(strokes) < MAX_POINTS) setDrawing([...strokes, [clampPoint(p)]]);
    },
    /** Pen moved: points appended to the last stroke. */
    extendStroke(points: readonly Point[]) {
      const strokes = drawing();
      if (!strokes || strokes.length === 0 || points.length === 0) return;
      const room = MAX_POINTS - pointCount(strokes);
      if (room <= 0) return;
      const last = strokes[strokes.length - 1];
      setDrawing([...strokes.slice(0, -1), [...last, ...points.slice(0, room).map(clampPoint)]]);
    },
    clear() {
      setDrawing([]);
    },
    undo() {
      setDrawing(drawing()?.slice(0, -1) ?? []);
    },
    /** Draws a digit from the generator (label random when not given) with the seed after the last one. */
    drawRandom(label?: number) {
      const { seed } = readLessonInput(store.getState(), VISION, 'digit');
      writeLessonInput(store, VISION, 'digit', { seed: seed + 1, label: label ?? null });
      setDrawing(null);
    },
  };
}
