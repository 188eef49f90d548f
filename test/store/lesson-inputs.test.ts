/**
 * Lesson inputs: the codecs read only values an input can hold (anything else is undefined,
 * so the reader falls back to the default); declarations refuse names a link could not carry;
 * the slice stores only what differs from the default, keeps '_' inputs out of a link's reach,
 * and never makes a new object for a change that changes nothing.
 */
import { describe, expect, it } from 'vitest';
import {
  choiceInput,
  decimalInput,
  indexInput,
  indexListInput,
  intInput,
  modelRefInput,
  optionalInput,
  textInput,
  type InputCodec,
} from '../../src/store/input-codecs.ts';
import { defineLessonInputs, readLessonInput, storedForm, writeLessonInput } from '../../src/store/lesson-inputs.ts';
import { createAtlasStore } from '../../src/store/store.ts';

const HOSTILE = ['', ' ', '-1', '1e3', '0x10', 'NaN', 'Infinity', '<script>', '9'.repeat(40), '%00', 'constructor', '__proto__', '1.5.2'];

/** Every hostile string decodes to undefined (the default is used) or to a value the codec re-encodes as itself. */
function expectSafe<T>(codec: InputCodec<T>) {
  for (const s of HOSTILE) {
    const v = codec.decode(s);
    if (v !== undefined) expect(codec.decode(codec.encode(v)), s).toEqual(v);
  }
}

describe('codecs', () => {
  it('text: clipped, never refused', () => {
    const c = textInput('hello', 10);
    expect(c.decode('the cat sat on the mat')).toBe('the cat sa');
    expect(c.decode('')).toBe('');
    expect(c.decode('🙂'.repeat(20))).toBe('🙂'.repeat(10)); // code points, never half an emoji
    expect(c.decode('\uD800x')).toBe('\uFFFDx');
  });

  it('integers: plain digits inside the range and on the step, else undefined', () => {
    const c = intInput(128, 2, 512, 2);
    expect(['2', '128', '512'].map(c.decode)).toEqual([2, 128, 512]);
    expect(['0', '3', '514', '-2', '1e2', ' 4', '4 ', '4.0', '0x4', ''].map(c.decode)).toEqual(Array(10).fill(undefined));
    expectSafe(c);
  });

  it('indices: 0-based values, 1-based strings', () => {
    const c = indexInput(0, 16);
    expect(c.encode(5)).toBe('6');
    expect(c.decode('6')).toBe(5);
    expect(['0', '17', '-1', 'x'].map(c.decode)).toEqual([undefined, undefined, undefined, undefined]);
    expectSafe(c);
  });

  it('decimals: on the slider grid, written short', () => {
    const c = decimalInput(0.8, 0, 2, 0.05);
    expect(c.encode(0.8500000000000001)).toBe('0.85');
    expect(['0.85', '2', '0'].map(c.decode)).toEqual([0.85, 2, 0]);
    expect(['0.86', '2.05', '-0.1', '1e-1', '.5', 'NaN'].map(c.decode)).toEqual(Array(6).fill(undefined));
    expectSafe(c);
  });

  it('choices, lists and optional values', () => {
    const side = choiceInput(7, [1, 2, 4, 7, 14, 28]);
    expect(side.decode('14')).toBe(14);
    expect(side.decode('5')).toBeUndefined();
    const mode = choiceInput('trained', ['trained', 'removed'] as const);
    expect(mode.decode('removed')).toBe('removed');
    expect(mode.decode('constructor')).toBeUndefined();
    const picked = indexListInput([0, 1, 7], 64, 5);
    expect(picked.encode([0, 1, 7])).toBe('1.2.8');
    expect(picked.decode('1.2.8')).toEqual([0, 1, 7]);
    expect(picked.decode('')).toEqual([]);
    expect(['1.1', '1.2.3.4.5.6', '0.1', '1..2'].map(picked.decode)).toEqual(Array(4).fill(undefined));
    const word = optionalInput(indexInput(0, 40));
    expect(word.default).toBeNull();
    expect([word.decode(''), word.decode('3'), word.decode('x')]).toEqual([null, 2, undefined]);
    for (const c of [side, mode, picked, word] as InputCodec<unknown>[]) expectSafe(c);
  });
});

describe('defineLessonInputs', () => {
  it('refuses names a link could not carry, shared settings names and unsafe lesson ids', () => {
    expect(() => defineLessonInputs('t', { Seed: intInput(1, 0, 9) })).toThrow(/must match/);
    expect(() => defineLessonInputs('t', { 'a b': intInput(1, 0, 9) })).toThrow(/must match/);
    expect(() => defineLessonInputs('t', { _seed: intInput(1, 0, 9) })).toThrow(/must match/);
    expect(() => defineLessonInputs('t', { text: textInput('x') })).toThrow(/shared setting/);
    expect(() => defineLessonInputs('t', { layer: intInput(1, 0, 9) })).toThrow(/shared setting/);
    expect(() => defineLessonInputs('../x', { seed: intInput(1, 0, 9) })).toThrow(/lesson id/);
    expect(defineLessonInputs('t', { 'sin-dims': intInput(1, 0, 9) }).lessonId).toBe('t');
  });
});

const LESSON = defineLessonInputs('demo', {
  sentence: textInput('the cat sat', 20),
  seed: intInput(1, 0, 999),
  drawing: { ...textInput(''), linked: false },
});

describe('the lesson inputs slice', () => {
  it('reads defaults, stores only what differs from them, and reads back what was set', () => {
    const store = createAtlasStore();
    expect(readLessonInput(store.getState(), LESSON, 'sentence')).toBe('the cat sat');
    writeLessonInput(store, LESSON, 'seed', 7);
    writeLessonInput(store, LESSON, 'sentence', 'a dog');
    expect(store.getState().lessonInputs).toEqual({ demo: { seed: '7', sentence: 'a dog' } });
    writeLessonInput(store, LESSON, 'seed', (s) => s + 1);
    expect(readLessonInput(store.getState(), LESSON, 'seed')).toBe(8);
    writeLessonInput(store, LESSON, 'seed', 1); // back to the default: nothing stored
    writeLessonInput(store, LESSON, 'sentence', 'the cat sat');
    expect(store.getState().lessonInputs).toEqual({});
  });

  it('clips text as it is set, and ignores values the input cannot hold', () => {
    const store = createAtlasStore();
    writeLessonInput(store, LESSON, 'sentence', 'x'.repeat(100));
    expect(readLessonInput(store.getState(), LESSON, 'sentence')).toBe('x'.repeat(20));
    writeLessonInput(store, LESSON, 'seed', 5000);
    writeLessonInput(store, LESSON, 'seed', -1);
    writeLessonInput(store, LESSON, 'seed', 2.5);
    expect(readLessonInput(store.getState(), LESSON, 'seed')).toBe(1);
  });

  it('keeps inputs links never carry under a "_" key', () => {
    const store = createAtlasStore();
    writeLessonInput(store, LESSON, 'drawing', 'M1,2');
    expect(store.getState().lessonInputs).toEqual({ demo: { _drawing: 'M1,2' } });
    expect(readLessonInput(store.getState(), LESSON, 'drawing')).toBe('M1,2');
  });

  it('falls back to the default for a stored string the codec refuses (a hostile link)', () => {
    const store = createAtlasStore({ lessonInputs: { demo: { seed: '1e9', sentence: 'ok' } } });
    expect(readLessonInput(store.getState(), LESSON, 'seed')).toBe(1);
    expect(readLessonInput(store.getState(), LESSON, 'sentence')).toBe('ok');
    expect(storedForm(LESSON.specs.seed, 1)).toBeNull();
  });

  it('makes no new object for a set that changes nothing, and ignores unsafe ids and keys', () => {
    const store = createAtlasStore();
    const s = store.getState();
    s.setLessonInput('demo', 'seed', '3');
    const before = store.getState().lessonInputs;
    s.setLessonInput('demo', 'seed', '3');
    s.setLessonInput('demo', 'other', null);
    s.setLessonInput('../etc', 'seed', '3');
    s.setLessonInput('demo', 'Bad Key', '3');
    s.setLessonInput('demo', '__proto__', '3');
    s.setLessonInput('constructor', 'constructor', null);
    expect(store.getState().lessonInputs).toBe(before);
    expect(store.getState().lessonInputs).toEqual({ demo: { seed: '3' } });
  });

  it('a link replaces the linked inputs of its lesson and keeps the unlinked ones', () => {
    const store = createAtlasStore();
    const s = store.getState();
    s.setLessonInput('demo', 'seed', '3');
    s.setLessonInput('demo', '_drawing', 'M1,2');
    s.setLessonInput('other', 'seed', '9');
    s.applyLinkedInputs('demo', { sentence: 'a bird', _drawing: 'M6,6' });
    expect(store.getState().lessonInputs).toEqual({ demo: { _drawing: 'M1,2', sentence: 'a bird' }, other: { seed: '9' } });
    s.resetLessonInputs('demo');
    expect(store.getState().lessonInputs).toEqual({ other: { seed: '9' } });
    s.resetLessonInputs();
    expect(store.getState().lessonInputs).toEqual({});
  });
});

describe('modelRefInput', () => {
  const codec = modelRefInput('vit-digits');
  it('keeps course ids and hub, folder and disk references in canonical form', () => {
    expect(codec.decode('vit-digits')).toBe('vit-digits');
    expect(codec.decode('hf:google/vit-base-patch16-224@main')).toBe('hf:google/vit-base-patch16-224');
    expect(codec.decode('url:https://mirror.example/vit')).toBe('url:https://mirror.example/vit/');
    expect(codec.decode('local:my-vit')).toBe('local:my-vit');
  });
  it('refuses what is not a model: paths, scripts, other schemes', () => {
    for (const bad of ['../etc', 'url:javascript:alert(1)', 'url:file:///etc/passwd', '<b>', 'hf:../x', '']) expect(codec.decode(bad)).toBeUndefined();
  });
});
