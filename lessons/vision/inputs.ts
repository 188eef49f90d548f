/**
 * What the student sets in the vision lesson (src/store/lesson-inputs.ts): the digit on the
 * pad, shared by every step, and each figure's own choices.
 *
 * The pad is two inputs. `digit` is the generator's last digit (its seed, and its class when
 * one was asked for): a few characters, so a link carries it and reproduces the digit. A
 * hand `drawing` is kept in the store but not in links: at the pad's resolution it is
 * hundreds of points, several kilobytes, far past what a URL should hold, and coarsening it
 * to fit would change the strokes under the student's pen. While there is a drawing it is
 * what the pad shows; null means the generated digit is showing.
 *
 * `checkpoint` is the model the steps read: the course's vit-digits, or a ViT from the hub, a
 * folder URL or disk. With one of those, `picture` says whether it reads the pad's drawing
 * or a photo; a photo is never an input (hundreds of kilobytes): it stays in the page
 * (photo.ts), so a link carries the model and the layer, not the photo.
 */
import { CANVAS, type Point, type Stroke } from '../../src/data/digits/index.ts';
import { choiceInput, defineLessonInputs, indexInput, modelRefInput, type InputCodec } from '../../src/store/index.ts';

/** Side of the pad in stroke units (the generator's canvas). */
export const PAD = CANVAS;
/** Most points a drawing keeps: minutes of scribbling; a pen stops adding ink beyond it. */
export const MAX_POINTS = 20_000;
/** The patch sides that divide the 28-pixel frame (vit-run.ts patchSizes(FRAME); a test checks they agree). */
export const PATCH_SIDES: readonly number[] = [1, 2, 4, 7, 14, 28];
/** Patches of the shipped model: (28 / 7)². */
const PATCHES = 16;

/** A digit from the generator: its seed, and its class when the student chose one (else the seed draws it too). */
export interface GeneratedDigit {
  seed: number;
  label: number | null;
}

/** "12" (seed 12, any class) or "12-7" (seed 12, a 7). */
const digitInput: InputCodec<GeneratedDigit> = {
  default: { seed: 1, label: null },
  linked: true,
  decode: (s) => {
    const m = /^([0-9]{1,7})(?:-([0-9]))?$/.exec(s);
    return m ? { seed: Number(m[1]), label: m[2] === undefined ? null : Number(m[2]) } : undefined;
  },
  encode: (v) => (v.label === null ? String(v.seed) : `${v.seed}-${v.label}`),
};

// A tenth of a pad unit is a tenth of a CSS pixel on the pad: finer than any pointer.
const coord = (v: number) => String(Math.round(v * 10) / 10);
const POINT = /^([0-9]{1,3}(?:\.[0-9])?),([0-9]{1,3}(?:\.[0-9])?)$/;

/**
 * The hand drawing: "d:" then strokes split by ";", points by " ", "x,y" in pad units to a
 * tenth; "d:" alone is the emptied pad, and the empty string null (the generated digit).
 */
const drawingInput: InputCodec<Stroke[] | null> = {
  default: null,
  linked: false,
  decode: (s) => {
    if (s === '') return null;
    if (!s.startsWith('d:')) return undefined;
    if (s === 'd:') return [];
    const strokes: Stroke[] = [];
    let points = 0;
    for (const part of s.slice(2).split(';')) {
      const stroke: Point[] = [];
      for (const p of part.split(' ')) {
        const m = POINT.exec(p);
        if (!m) return undefined;
        const x = Number(m[1]);
        const y = Number(m[2]);
        if (x > PAD || y > PAD || ++points > MAX_POINTS) return undefined;
        stroke.push({ x, y });
      }
      strokes.push(stroke);
    }
    return strokes;
  },
  encode: (v) => (v === null ? '' : `d:${v.map((s) => s.map((p) => `${coord(p.x)},${coord(p.y)}`).join(' ')).join(';')}`),
};

export const DIGIT_CLASSES = ['any', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

export const VISION = defineLessonInputs('vision', {
  digit: digitInput,
  drawing: drawingInput,
  class: choiceInput<(typeof DIGIT_CLASSES)[number]>('any', DIGIT_CLASSES), // what "Random digit" draws next
  patch: indexInput(5, PATCHES), // the patch the flatten step follows
  'position-patch': indexInput(5, PATCHES), // the patch whose position vector is compared
  side: choiceInput(7, PATCH_SIDES), // the patch side the patches step cuts with
  checkpoint: modelRefInput('vit-digits'), // the model every step reads
  picture: choiceInput<'drawing' | 'photo'>('drawing', ['drawing', 'photo']), // what a loaded ViT reads
  'loaded-layer': indexInput(0, 64), // the layer whose heads a loaded ViT's CLS step shows (clamped to the model's)
});
