/**
 * Hash routing: every view and every shareable explorer setting has a URL that works on a
 * static host and after a reload.
 *
 *   #/                           home
 *   #/lesson/<id>/<step>?...     a lesson step (1-based in the URL, 0-based in the store), with
 *                                the sentence and selection and the lesson's own inputs
 *   #/explore?model=coref&text=...&compare=...&layer=2&head=1&token=5
 *   #/models  #/models/<id>
 *
 * Layer, head and token are 1-based in the URL, like step: they are what the page shows.
 * Explore and lessons carry parameters; a parameter left out means its default, so `#/explore`
 * is the default sentence on the default model. Any other name on a lesson URL is one of
 * that lesson's inputs (lesson-inputs.ts), in its codec's string form, in name order. `compare` present turns compare mode on
 * with that text. Parsing never throws: anything it cannot read falls back to a default.
 */
import { clampInt, clipText, sanitizeId, sanitizeModel } from './ids.ts';
import { initialState } from './initial-state.ts';
import { LINK_NAME, RESERVED_NAMES, type StoredInputs } from './lesson-inputs.ts';
import { HOME, MAX_STEPS, sanitizeRoute, type Route } from './route.ts';
import { SELECTION_CAP } from './slices/selection.ts';

/** The explorer settings a link reproduces (0-based layer, head and token). */
export interface ShareParams {
  model: string;
  text: string;
  compare: string | null; // the second sentence, or null when compare mode is off
  layer: number;
  head: number;
  token: number | null;
}

export const DEFAULT_PARAMS: Readonly<ShareParams> = {
  model: initialState.modelId,
  text: initialState.text,
  compare: null,
  layer: initialState.layer,
  head: initialState.head,
  token: initialState.token,
};

/** A 1-based URL number "1".."max" as 0-based, or null for anything else ("-1", "1e3", "07x"). */
function oneBased(s: string | null | undefined, max: number): number | null {
  if (s == null || !/^[0-9]{1,6}$/.test(s)) return null;
  const n = Number(s);
  return n >= 1 && n <= max ? n - 1 : null;
}

function parseParams(query: string): ShareParams {
  // URLSearchParams decodes leniently: a broken %-escape becomes U+FFFD instead of throwing.
  const q = new URLSearchParams(query);
  const compare = q.get('compare');
  return {
    model: sanitizeModel(q.get('model')) ?? DEFAULT_PARAMS.model,
    text: q.has('text') ? clipText(q.get('text')) : DEFAULT_PARAMS.text,
    compare: compare === null ? null : clipText(compare),
    layer: oneBased(q.get('layer'), SELECTION_CAP.layers) ?? DEFAULT_PARAMS.layer,
    head: oneBased(q.get('head'), SELECTION_CAP.heads) ?? DEFAULT_PARAMS.head,
    token: oneBased(q.get('token'), SELECTION_CAP.tokens) ?? DEFAULT_PARAMS.token,
  };
}

function parseRoute(path: string): Route {
  const parts = path.split('/');
  if (parts[parts.length - 1] === '') parts.pop(); // tolerate a trailing slash
  const [name, id, step, ...rest] = parts;
  if (rest.length > 0) return HOME;
  if (name === undefined) return HOME;
  if (name === 'explore' && id === undefined) return { name: 'explore' };
  if (name === 'models' && step === undefined) {
    const modelId = id === undefined ? null : sanitizeId(id);
    return modelId ? { name: 'models', modelId } : { name: 'models' };
  }
  if (name === 'lesson') {
    const lessonId = sanitizeId(id);
    if (!lessonId) return HOME;
    return { name: 'lesson', lessonId, step: oneBased(step, MAX_STEPS) ?? 0 };
  }
  return HOME;
}

/** Reads a location.hash (with or without '#'); never throws. */
export function parseHash(hash: unknown): { route: Route; params: ShareParams } {
  const raw = typeof hash === 'string' ? hash.replace(/^#/, '') : '';
  if (!raw.startsWith('/')) return { route: HOME, params: { ...DEFAULT_PARAMS } }; // '', 'javascript:...'
  const q = raw.indexOf('?');
  const path = q < 0 ? raw.slice(1) : raw.slice(1, q);
  const route = parseRoute(path);
  const params = (route.name === 'explore' || route.name === 'lesson') && q >= 0 ? parseParams(raw.slice(q + 1)) : { ...DEFAULT_PARAMS };
  return { route, params };
}

/** The settings a hash's query actually names (a lesson link without them keeps the current ones). */
export function namedParams(hash: unknown): Set<keyof ShareParams> {
  const raw = typeof hash === 'string' ? hash : '';
  const q = raw.indexOf('?');
  const out = new Set<keyof ShareParams>();
  if (q < 0) return out;
  const query = new URLSearchParams(raw.slice(q + 1));
  for (const key of Object.keys(DEFAULT_PARAMS) as (keyof ShareParams)[]) if (query.has(key)) out.add(key);
  return out;
}

/** Most lesson inputs one link may set: more is not a link this app wrote. */
export const MAX_LINKED_INPUTS = 32;

/** Lesson inputs as a link can carry them: safe names, clipped strings, at most MAX_LINKED_INPUTS, in name order. */
function linkedEntries(values: Iterable<[string, string]>): [string, string][] {
  const out = new Map<string, string>();
  for (const [name, value] of values) {
    if (out.size >= MAX_LINKED_INPUTS) break;
    if (LINK_NAME.test(name) && !RESERVED_NAMES.includes(name) && !out.has(name)) out.set(name, clipText(value));
  }
  return [...out].sort(([a], [b]) => (a < b ? -1 : 1));
}

/**
 * The lesson inputs a hash names, as strings for the store ({} for a hash that is no lesson
 * URL). Only name and length are checked here: each lesson's codec reads the value.
 */
export function linkedInputs(hash: unknown): StoredInputs {
  const raw = typeof hash === 'string' ? hash : '';
  const q = raw.indexOf('?');
  if (q < 0 || parseHash(raw).route.name !== 'lesson') return {};
  return Object.fromEntries(linkedEntries(new URLSearchParams(raw.slice(q + 1))));
}

/** Explorer settings as they would read back from a URL (ids checked, text clipped, numbers clamped). */
export function sanitizeParams(p: Partial<ShareParams> = {}): ShareParams {
  return {
    model: sanitizeModel(p.model) ?? DEFAULT_PARAMS.model,
    text: p.text === undefined ? DEFAULT_PARAMS.text : clipText(p.text),
    compare: p.compare == null ? null : clipText(p.compare),
    layer: clampInt(p.layer ?? DEFAULT_PARAMS.layer, 0, SELECTION_CAP.layers - 1),
    head: clampInt(p.head ?? DEFAULT_PARAMS.head, 0, SELECTION_CAP.heads - 1),
    token: p.token == null || Number.isNaN(p.token) ? null : clampInt(p.token, 0, SELECTION_CAP.tokens - 1),
  };
}

/**
 * The query of an explore URL: only the settings that differ from their defaults. A lesson
 * URL carries the model, the sentence and the selection (lessons 3 and 4 read the Explorer's
 * model and sentence) but no comparison.
 */
function buildQuery(params: Partial<ShareParams>, lesson = false, inputs: StoredInputs = {}): string {
  const p = sanitizeParams(params);
  const q = new URLSearchParams();
  if (p.model !== DEFAULT_PARAMS.model) q.set('model', p.model);
  if (p.text !== DEFAULT_PARAMS.text) q.set('text', p.text);
  if (!lesson && p.compare !== null) q.set('compare', p.compare);
  if (p.layer !== DEFAULT_PARAMS.layer) q.set('layer', String(p.layer + 1));
  if (p.head !== DEFAULT_PARAMS.head) q.set('head', String(p.head + 1));
  if (p.token !== null) q.set('token', String(p.token + 1));
  if (lesson) for (const [name, value] of linkedEntries(Object.entries(inputs))) q.set(name, value);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/**
 * The canonical hash ('#/...') of a route; params count for explore and (in part) lessons,
 * `inputs` (one lesson's stored inputs) for lessons: its '_' keys never go in.
 */
export function buildHash(route: Route, params: Partial<ShareParams> = {}, inputs: StoredInputs = {}): string {
  const r = sanitizeRoute(route);
  switch (r.name) {
    case 'home':
      return '#/';
    case 'lesson':
      return `#/lesson/${r.lessonId}/${r.step + 1}${buildQuery(params, true, inputs)}`;
    case 'explore':
      return `#/explore${buildQuery(params)}`;
    case 'models':
      return r.modelId ? `#/models/${r.modelId}` : '#/models';
  }
}
