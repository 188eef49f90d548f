/**
 * Hash routing: the URL forms of every view, the round trip buildHash(parseHash(h)) for any
 * h that buildHash made, and hostile hashes that must fall back instead of throwing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_TEXT } from '../../src/store/ids.ts';
import { DEFAULT_COMPARE_TEXT, DEFAULT_TEXT } from '../../src/store/initial-state.ts';
import type { Route } from '../../src/store/route.ts';
import { buildHash, DEFAULT_PARAMS, parseHash, type ShareParams } from '../../src/store/url.ts';

describe('parseHash and buildHash: the URL forms', () => {
  it('reads every route', () => {
    expect(parseHash('#/').route).toEqual({ name: 'home' });
    expect(parseHash('').route).toEqual({ name: 'home' });
    expect(parseHash('#/lesson/self-attention/3').route).toEqual({ name: 'lesson', lessonId: 'self-attention', step: 2 });
    expect(parseHash('#/lesson/intro').route).toEqual({ name: 'lesson', lessonId: 'intro', step: 0 });
    expect(parseHash('#/explore').route).toEqual({ name: 'explore' });
    expect(parseHash('#/models').route).toEqual({ name: 'models' });
    expect(parseHash('#/models/tiny-gpt').route).toEqual({ name: 'models', modelId: 'tiny-gpt' });
    expect(parseHash('#/models/').route).toEqual({ name: 'models' });
  });

  it('reads explore parameters, 1-based in the URL and 0-based in the store', () => {
    const { route, params } = parseHash('#/explore?model=tiny-gpt&text=The+cat+sat.&compare=The%20dog%20sat.&layer=2&head=1&token=5');
    expect(route).toEqual({ name: 'explore' });
    expect(params).toEqual({ model: 'tiny-gpt', text: 'The cat sat.', compare: 'The dog sat.', layer: 1, head: 0, token: 4 });
  });

  it('leaves defaults out of the URL and reads them back from their absence', () => {
    expect(buildHash({ name: 'explore' }, DEFAULT_PARAMS)).toBe('#/explore');
    expect(parseHash('#/explore').params).toEqual(DEFAULT_PARAMS);
    expect(DEFAULT_PARAMS.text).toBe(DEFAULT_TEXT);
    const hash = buildHash({ name: 'explore' }, { ...DEFAULT_PARAMS, compare: DEFAULT_COMPARE_TEXT, layer: 3 });
    expect(hash).toMatch(/^#\/explore\?compare=.*&layer=4$/);
    expect(parseHash(hash).params).toEqual({ ...DEFAULT_PARAMS, compare: DEFAULT_COMPARE_TEXT, layer: 3 });
  });

  it('writes each route in its canonical form', () => {
    expect(buildHash({ name: 'home' })).toBe('#/');
    expect(buildHash({ name: 'lesson', lessonId: 'intro', step: 0 })).toBe('#/lesson/intro/1');
    expect(buildHash({ name: 'models' })).toBe('#/models');
    expect(buildHash({ name: 'models', modelId: 'coref' })).toBe('#/models/coref');
    // Parameters belong to explore only.
    expect(buildHash({ name: 'models' }, { layer: 3 })).toBe('#/models');
  });
});

// Strings a visitor, a bad link or an attacker might put anywhere.
const nasty = fc.constantFrom('', '..', '../..', 'a/b', '%2e%2e', 'javascript:alert(1)', 'Intro', 'x'.repeat(100), '__proto__', 'é', '\uD83D', '😀', '%', '&=?#+');
const anyString = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom('a', ' ', '%', '&', '=', '+', '#', '?', '/', '\uD83D', '\uDE00', '😀', 'é', '\n') }), nasty);
const id = fc.oneof(fc.stringMatching(/^[a-z0-9-]{1,12}$/), anyString);
const num = fc.oneof(fc.integer({ min: -5, max: 80 }), fc.integer(), fc.double(), fc.constantFrom(Number.NaN, Infinity, -0));

const routeArb: fc.Arbitrary<Route> = fc.oneof(
  fc.constant({ name: 'home' as const }),
  fc.record({ name: fc.constant('lesson' as const), lessonId: id, step: num }),
  fc.constant({ name: 'explore' as const }),
  fc.record({ name: fc.constant('models' as const), modelId: fc.option(id, { nil: undefined }) }),
);
const paramsArb: fc.Arbitrary<Partial<ShareParams>> = fc.record(
  {
    model: id,
    text: fc.oneof(anyString, fc.string({ unit: 'binary', minLength: MAX_TEXT - 5, maxLength: MAX_TEXT + 20 })),
    compare: fc.option(anyString, { nil: null }),
    layer: num,
    head: num,
    token: fc.option(num, { nil: null }),
  },
  { requiredKeys: [] },
);

describe('round trip', () => {
  it('buildHash(parseHash(buildHash(x))) === buildHash(x) for any route and parameters', () => {
    fc.assert(
      fc.property(routeArb, paramsArb, (route, params) => {
        const hash = buildHash(route, params);
        const back = parseHash(hash);
        expect(buildHash(back.route, back.params)).toBe(hash);
      }),
      { numRuns: 2000 },
    );
  });

  it('valid routes and parameters come back exactly', () => {
    const safeId = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
    const valid = fc.record({
      model: safeId,
      text: fc.string({ unit: 'grapheme', maxLength: 80 }),
      compare: fc.option(fc.string({ maxLength: 40 }), { nil: null }),
      layer: fc.integer({ min: 0, max: 63 }),
      head: fc.integer({ min: 0, max: 63 }),
      token: fc.option(fc.integer({ min: 0, max: 511 }), { nil: null }),
    });
    fc.assert(
      fc.property(valid, (params) => {
        expect(parseHash(buildHash({ name: 'explore' }, params))).toEqual({ route: { name: 'explore' }, params });
      }),
    );
    fc.assert(
      fc.property(safeId, fc.integer({ min: 0, max: 998 }), (lessonId, step) => {
        expect(parseHash(buildHash({ name: 'lesson', lessonId, step })).route).toEqual({ name: 'lesson', lessonId, step });
      }),
    );
  });

  it('any string parses without throwing, to a hash that is already canonical', () => {
    const hashArb = fc.oneof(anyString, anyString.map((s) => `#/${s}`), anyString.map((s) => `#/explore?${s}`), anyString.map((s) => `#/lesson/${s}`));
    fc.assert(
      fc.property(hashArb, (h) => {
        const once = parseHash(h);
        const canonical = buildHash(once.route, once.params);
        const twice = parseHash(canonical);
        expect(buildHash(twice.route, twice.params)).toBe(canonical);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('hostile hashes fall back instead of throwing', () => {
  it.each([
    ['#/nowhere', { name: 'home' }],
    ['#javascript:alert(1)', { name: 'home' }],
    ['javascript:alert(document.cookie)', { name: 'home' }],
    ['#/lesson/../etc/passwd', { name: 'home' }],
    ['#/lesson/..', { name: 'home' }],
    ['#/lesson/a%2Fb/1', { name: 'home' }],
    ['#/lesson/<script>/1', { name: 'home' }],
    ['#/lesson/intro/1/extra', { name: 'home' }],
    ['#/lesson/intro/-3', { name: 'lesson', lessonId: 'intro', step: 0 }],
    ['#/lesson/intro/0', { name: 'lesson', lessonId: 'intro', step: 0 }],
    ['#/lesson/intro/abc', { name: 'lesson', lessonId: 'intro', step: 0 }],
    ['#/lesson/intro/1e3', { name: 'lesson', lessonId: 'intro', step: 0 }],
    ['#/lesson/intro/99999999999999999999', { name: 'lesson', lessonId: 'intro', step: 0 }],
    ['#/lesson/INTRO/2', { name: 'lesson', lessonId: 'intro', step: 1 }],
    ['#/models/..%2F..', { name: 'models' }],
    ['#/models/a/b', { name: 'home' }],
    [42 as unknown as string, { name: 'home' }],
    [null as unknown as string, { name: 'home' }],
  ])('%s', (hash, route) => {
    expect(parseHash(hash).route).toEqual(route);
  });

  it('bad numbers, ids and escapes in explore parameters become defaults', () => {
    const { params } = parseHash('#/explore?model=../secret&layer=-1&head=1e9&token=NaN&text=%E0%A4%A&compare=%ZZ');
    expect(params.model).toBe(DEFAULT_PARAMS.model);
    expect(params.layer).toBe(0);
    expect(params.head).toBe(0);
    expect(params.token).toBeNull();
    expect(typeof params.text).toBe('string'); // a broken escape decodes to U+FFFD, never throws
    expect(params.compare).toBe('%ZZ');
  });

  it('a 10,000-character text is clipped to MAX_TEXT code points', () => {
    const long = '😀'.repeat(10_000);
    const { params } = parseHash(`#/explore?text=${encodeURIComponent(long)}`);
    expect(Array.from(params.text)).toHaveLength(MAX_TEXT);
    expect(params.text).toBe('😀'.repeat(MAX_TEXT)); // no emoji cut in half
    expect(parseHash(`#/explore?text=${'a'.repeat(10_000)}`).params.text).toHaveLength(MAX_TEXT);
  });
});
