/**
 * How a lesson input is kept: its default, and the string form it has in the store and in a
 * link. Decoding never throws and never trusts its string: anything that is not a value the
 * input can hold gives undefined, and the reader falls back to the default. Text is clipped
 * rather than refused, so a pasted essay keeps its beginning.
 *
 * Numbers a page shows counting from 1 (tokens, patches, layers) are 0-based values and
 * 1-based strings, as layer, head and token are in url.ts.
 */
import { clipText, MAX_TEXT, sanitizeModel } from './ids.ts';

export interface InputCodec<T> {
  readonly default: T;
  /** The value `s` stands for, or undefined when it stands for nothing this input can hold. */
  decode(s: string): T | undefined;
  /** The string form of a value this input can hold: decode(encode(v)) gives v back. */
  encode(v: T): string;
  /** False: kept in the store but never put in a link (see lesson-inputs.ts). */
  readonly linked: boolean;
}

/** A text input: clipped to `max` code points (the box's maxLength uses it too). */
export interface TextCodec extends InputCodec<string> {
  readonly max: number;
}

export function textInput(def: string, max = MAX_TEXT): TextCodec {
  return { default: def, max, linked: true, decode: (s) => clipText(s, max), encode: (v) => clipText(v, max) };
}

// Plain decimal digits only: no sign, exponent, hex or spaces ("1e3", "0x10", " 5" are not numbers here).
const DIGITS = /^[0-9]{1,9}$/;

/** An integer in [min, max] on a grid of `step` from min (a slider's values). */
export function intInput(def: number, min: number, max: number, step = 1): InputCodec<number> {
  return {
    default: def,
    linked: true,
    decode: (s) => {
      const n = DIGITS.test(s) ? Number(s) : NaN;
      return n >= min && n <= max && (n - min) % step === 0 ? n : undefined;
    },
    encode: (v) => String(v),
  };
}

/** A 0-based position among at most `count` (a token, a patch): 1-based as a string. */
export function indexInput(def: number, count: number): InputCodec<number> {
  return {
    default: def,
    linked: true,
    decode: (s) => {
      const n = DIGITS.test(s) ? Number(s) : NaN;
      return n >= 1 && n <= count ? n - 1 : undefined;
    },
    encode: (v) => String(v + 1),
  };
}

/** A decimal in [min, max] on a grid of `step` (a temperature slider); kept as its shortest decimal form. */
export function decimalInput(def: number, min: number, max: number, step: number): InputCodec<number> {
  const places = (String(step).split('.')[1] ?? '').length;
  const snap = (v: number) => Number((Math.round((v - min) / step) * step + min).toFixed(places));
  return {
    default: def,
    linked: true,
    decode: (s) => {
      if (!/^[0-9]{1,6}(\.[0-9]{1,6})?$/.test(s)) return undefined;
      const n = Number(s);
      return n >= min && n <= max && Math.abs(snap(n) - n) < 1e-9 ? snap(n) : undefined;
    },
    encode: (v) => String(snap(v)),
  };
}

/** A switch: "on" or "off". */
export function switchInput(def: boolean): InputCodec<boolean> {
  return {
    default: def,
    linked: true,
    decode: (s) => (s === 'on' ? true : s === 'off' ? false : undefined),
    encode: (v) => (v ? 'on' : 'off'),
  };
}

/** One of a fixed list of options (strings or numbers), kept as the option's own text. */
export function choiceInput<T extends string | number>(def: T, options: readonly T[]): InputCodec<T> {
  return {
    default: def,
    linked: true,
    decode: (s) => options.find((o) => String(o) === s),
    encode: (v) => String(v),
  };
}

/** A list of 0-based positions among `count` (tokens picked for a plot), at most `most` of them: "1.2.8". */
export function indexListInput(def: readonly number[], count: number, most: number): InputCodec<readonly number[]> {
  const item = indexInput(0, count);
  return {
    default: def,
    linked: true,
    decode: (s) => {
      if (s === '') return [];
      const parts = s.split('.');
      if (parts.length > most) return undefined;
      const out = parts.map((p) => item.decode(p));
      return out.every((i): i is number => i !== undefined) && new Set(out).size === out.length ? out : undefined;
    },
    encode: (v) => v.map((i) => item.encode(i)).join('.'),
  };
}

/**
 * `codec`'s values or null ("none chosen yet", an empty string), null by default. Not for
 * text, whose empty string is a value of its own.
 */
export function optionalInput<T>(codec: InputCodec<T>): InputCodec<T | null> {
  return {
    default: null,
    linked: codec.linked,
    decode: (s) => (s === '' ? null : codec.decode(s)),
    encode: (v) => (v === null ? '' : codec.encode(v)),
  };
}

/**
 * A model reference (a course model's id, hf:owner/name[@rev], url:…, local:…), kept in the
 * canonical form sanitizeModel gives; anything else is not a model and decodes to nothing.
 */
export function modelRefInput(def: string): InputCodec<string> {
  return {
    default: def,
    linked: true,
    decode: (s) => sanitizeModel(s) ?? undefined,
    encode: (v) => sanitizeModel(v) ?? def,
  };
}
