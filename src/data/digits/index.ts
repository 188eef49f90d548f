/**
 * Handwritten-style digits for the `vit-digits` model, and the rasteriser that turns a
 * student's mouse strokes into the same 28x28 MNIST-like framing the model trained on.
 * Training images and drawings go through one function, `normalizeDrawing`, so what the
 * model sees at train time and at draw time is made alike.
 */
export { generateDigit, generateDigits, CANVAS, type DigitSample, type DigitOptions } from './generator.ts';
export { normalizeDrawing, centreOfMass, FRAME, BOX, THICKNESS_RANGE, type NormalizeOptions } from './raster.ts';
export { DIGIT_TEMPLATES, Jitter, type DigitTemplate } from './templates.ts';
export { arc, cubic, curve, line, onArc, path, type Point, type Stroke } from './shapes.ts';
export { toAscii, toAsciiRow } from './ascii.ts';
