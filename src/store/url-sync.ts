/**
 * Keeps the URL and the store in step. The hash is read into the store on start and on every
 * hashchange (a link, the back button, a pasted URL); shareable state (route, model, text,
 * compare, layer, head, token, and the shown lesson's linked inputs) is written back. A new route is a new history entry
 * (pushState); anything else, typing included, rewrites the current entry (replaceState,
 * debounced so Safari's limit on replaceState calls is never reached).
 */
import { sameRoute } from './route.ts';
import { clampSelection } from './slices/selection.ts';
import type { Atlas, AtlasState } from './state.ts';
import type { AtlasStore } from './store.ts';
import { ownInputs } from './lesson-inputs.ts';
import { buildHash, linkedInputs, namedParams, parseHash, type ShareParams } from './url.ts';

/** The parts of window the sync uses (a real window, or a fake in tests). */
export type UrlHost = Pick<Window, 'location' | 'history' | 'addEventListener' | 'removeEventListener'>;

export interface UrlSyncOptions {
  /** Wait this long after the last change before replaceState; 0 writes at once. */
  replaceDelayMs?: number;
}

/** The explorer settings a link carries, read from the state. */
export function shareParamsOf(s: AtlasState): ShareParams {
  return { model: s.modelId, text: s.text, compare: s.compare ? s.compareText : null, layer: s.layer, head: s.head, token: s.token };
}

/** The canonical hash of the state: on a lesson, with that lesson's inputs. */
export const hashOf = (s: AtlasState): string =>
  buildHash(s.route, shareParamsOf(s), s.route.name === 'lesson' ? ownInputs(s.lessonInputs, s.route.lessonId) : {});

const SHARED: ReadonlyArray<keyof AtlasState> = ['route', 'modelId', 'text', 'compare', 'compareText', 'layer', 'head', 'token', 'lessonInputs'];

/** Puts what a hash says into the store; explorer settings only when the hash is an explore URL. */
export function applyHash(store: AtlasStore, hash: string): void {
  const { route, params } = parseHash(hash);
  const s: Atlas = store.getState();
  s.navigate(route);
  if (route.name === 'lesson') {
    // A lesson link sets only what it names: a plain step link keeps the student's sentence.
    const named = namedParams(hash);
    const pick = { layer: named.has('layer') ? params.layer : s.layer, head: named.has('head') ? params.head : s.head, token: named.has('token') ? params.token : s.token, pinned: s.pinned };
    store.setState({ ...(named.has('model') ? { modelId: params.model } : {}), ...(named.has('text') ? { text: params.text } : {}), ...clampSelection(pick, s.limits) });
    // Its inputs likewise: a link naming none (Next, Previous) keeps them all; one naming any
    // (copied, or a history entry) is the whole state, so the inputs it leaves out are at their defaults.
    const inputs = linkedInputs(hash);
    if (Object.keys(inputs).length > 0) s.applyLinkedInputs(route.lessonId, inputs);
    return;
  }
  if (route.name !== 'explore') return; // other views keep the explorer as it was
  const selection = clampSelection({ layer: params.layer, head: params.head, token: params.token, pinned: s.pinned }, s.limits);
  store.setState({
    modelId: params.model,
    text: params.text,
    compare: params.compare !== null,
    ...(params.compare !== null ? { compareText: params.compare } : {}),
    ...selection,
  });
}

/**
 * Starts syncing `store` with `win`'s URL: reads the hash now, listens for hashchange and
 * popstate, writes the hash on shareable changes.
 * @returns stops syncing (after writing any pending change)
 */
export function startUrlSync(store: AtlasStore, win: UrlHost, opts: UrlSyncOptions = {}): () => void {
  const delay = opts.replaceDelayMs ?? 250;
  let applying = false; // writing URL state into the store: do not echo it back as a navigation
  let pending: string | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const replaceNow = (hash: string) => {
    if (hash === win.location.hash) return;
    try {
      win.history.replaceState(win.history.state, '', hash);
    } catch {
      // Browsers throttle replaceState (SecurityError); the next change writes again.
    }
  };
  const cancelReplace = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    pending = null;
  };
  const flushReplace = () => {
    const hash = pending;
    cancelReplace();
    if (hash !== null) replaceNow(hash);
  };
  const scheduleReplace = (hash: string) => {
    if (delay <= 0) return replaceNow(hash);
    pending = hash;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(flushReplace, delay);
  };
  const push = (hash: string) => {
    flushReplace(); // the entry being left keeps its latest settings for the back button
    if (hash === win.location.hash) return;
    try {
      win.history.pushState(null, '', hash);
    } catch {
      win.location.hash = hash; // fires hashchange, which finds the store already there
    }
  };

  const fromUrl = () => {
    cancelReplace(); // the URL the visitor just reached wins over a write still waiting
    applying = true;
    try {
      applyHash(store, win.location.hash);
    } finally {
      applying = false;
    }
    replaceNow(hashOf(store.getState())); // canonical form: hostile or clamped values rewritten
  };

  const unsubscribe = store.subscribe((s, prev) => {
    if (applying || SHARED.every((k) => s[k] === prev[k])) return;
    const hash = hashOf(s);
    if (sameRoute(s.route, prev.route)) scheduleReplace(hash);
    else push(hash);
  });
  win.addEventListener('hashchange', fromUrl);
  win.addEventListener('popstate', fromUrl);
  fromUrl();

  return () => {
    unsubscribe();
    win.removeEventListener('hashchange', fromUrl);
    win.removeEventListener('popstate', fromUrl);
    flushReplace();
  };
}
