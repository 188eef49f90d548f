/**
 * What a student sets in a lesson (a sentence, a slider, a seed, a chosen option, a drawing)
 * has one home: the store's lessonInputs, by lesson id and input name, each value in the
 * string form its codec gives it (input-codecs.ts). A lesson declares its inputs once, with
 * defaults and codecs:
 *
 *   export const INPUTS = defineLessonInputs('translation', { sentence: textInput('the cat sees the red car', 300) });
 *   const [sentence, setSentence] = useLessonInput(INPUTS, 'sentence');   // src/components/lesson
 *
 * The store itself knows no codec: a link read before the lesson's code has loaded keeps its
 * strings as they came (clipped), and every read decodes them, falling back to the default.
 * An input at its default is not stored at all, so a link carries only what differs.
 *
 * Inputs that links never carry (a drawing: hundreds of points) are stored under '_' + name.
 * A link cannot name such a key (LINK_NAME starts with a letter) and the URL writer skips it,
 * so a link neither shows nor sets them, without the URL code knowing any lesson.
 */
import { isSafeId } from './ids.ts';
import type { InputCodec } from './input-codecs.ts';
import type { Atlas, AtlasState } from './state.ts';

/** What a link may name as a lesson input: short, lower-case, URL-safe without escaping. */
export const LINK_NAME = /^[a-z][a-z0-9-]{0,23}$/;
/** Store keys: a link name, or '_' and a name for inputs links do not carry. */
export const STORE_KEY = /^_?[a-z][a-z0-9-]{0,23}$/;
/** The query names the store's own shared settings use (url.ts): no lesson input may take them. */
export const RESERVED_NAMES: readonly string[] = ['text', 'layer', 'head', 'token', 'model', 'compare'];

/** One lesson's stored values, by store key. */
export type StoredInputs = Readonly<Record<string, string>>;

/** One lesson's stored values ("constructor" and other inherited names are no lesson's). */
export function ownInputs(all: Readonly<Record<string, StoredInputs>>, lessonId: string): StoredInputs {
  return Object.hasOwn(all, lessonId) ? all[lessonId] : {};
}

// Codecs are invariant in T (decode returns it, encode takes it); methods make them assignable here.
export type InputSpecs = Record<string, InputCodec<unknown>>;

/** One lesson's inputs: made once by defineLessonInputs, passed to useLessonInput. */
export interface LessonInputs<S extends InputSpecs> {
  readonly lessonId: string;
  readonly specs: S;
}

/** The value type of input `K`. */
export type InputValue<S extends InputSpecs, K extends keyof S> = S[K] extends InputCodec<infer T> ? T : never;

/** A new value, or a function of the current one (like React's setState). */
export type InputUpdate<T> = T | ((current: T) => T);

/**
 * Declares a lesson's inputs. Throws on a lesson id or input name a link could not carry, or
 * one that the shared settings use: a programming error, caught when the module loads.
 */
export function defineLessonInputs<S extends InputSpecs>(lessonId: string, specs: S): LessonInputs<S> {
  if (!isSafeId(lessonId)) throw new Error(`defineLessonInputs: "${lessonId}" is not a lesson id`);
  for (const name of Object.keys(specs)) {
    if (!LINK_NAME.test(name)) throw new Error(`defineLessonInputs(${lessonId}): input name "${name}" must match ${LINK_NAME}`);
    if (RESERVED_NAMES.includes(name)) throw new Error(`defineLessonInputs(${lessonId}): "${name}" is a shared setting's name`);
  }
  return Object.freeze({ lessonId, specs });
}

/** Where input `name` lives in the lesson's stored values. */
export function storeKey(name: string, codec: InputCodec<unknown>): string {
  return codec.linked ? name : `_${name}`;
}

// The last string each codec decoded and what it gave: every figure reading one input gets the
// same object back (a drawing is decoded once per change, not once per figure).
const lastDecoded = new WeakMap<InputCodec<unknown>, { stored: string | undefined; value: unknown }>();

/** The value a stored string stands for: its decoding, or the default when absent or invalid. */
export function decodeStored<T>(codec: InputCodec<T>, stored: string | undefined): T {
  const last = lastDecoded.get(codec as InputCodec<unknown>);
  if (last && last.stored === stored) return last.value as T;
  const decoded = stored === undefined ? undefined : codec.decode(stored);
  const value = decoded === undefined ? codec.default : decoded;
  lastDecoded.set(codec as InputCodec<unknown>, { stored, value });
  return value;
}

/**
 * What the store should hold for `value`: its canonical string, null when that is the default
 * (nothing stored), undefined when the value is not one the input can hold (ignore the set).
 */
export function storedForm<T>(codec: InputCodec<T>, value: T): string | null | undefined {
  const decoded = codec.decode(codec.encode(value));
  if (decoded === undefined) return undefined;
  const canonical = codec.encode(decoded);
  return canonical === codec.encode(codec.default) ? null : canonical;
}

/** The stored string of one input (undefined: at its default). */
export function storedInput<S extends InputSpecs>(s: Pick<AtlasState, 'lessonInputs'>, inputs: LessonInputs<S>, name: keyof S & string): string | undefined {
  const values = ownInputs(s.lessonInputs, inputs.lessonId);
  const key = storeKey(name, inputs.specs[name]);
  return Object.hasOwn(values, key) ? values[key] : undefined;
}

/** One input's current value in a state. */
export function readLessonInput<S extends InputSpecs, K extends keyof S & string>(s: Pick<AtlasState, 'lessonInputs'>, inputs: LessonInputs<S>, name: K): InputValue<S, K> {
  return decodeStored(inputs.specs[name], storedInput(s, inputs, name)) as InputValue<S, K>;
}

/**
 * Sets one input in a store (the hook's setter, and code outside React such as a drawing
 * pad's pointer handlers). A value the input cannot hold is ignored.
 */
export function writeLessonInput<S extends InputSpecs, K extends keyof S & string>(
  store: { getState(): Atlas },
  inputs: LessonInputs<S>,
  name: K,
  update: InputUpdate<InputValue<S, K>>,
): void {
  const s = store.getState();
  const codec = inputs.specs[name];
  const value = typeof update === 'function' ? (update as (c: InputValue<S, K>) => InputValue<S, K>)(readLessonInput(s, inputs, name)) : update;
  const stored = storedForm(codec, value);
  if (stored !== undefined) s.setLessonInput(inputs.lessonId, storeKey(name, codec), stored);
}
