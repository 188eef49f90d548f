/**
 * The rule for ids that end up in a path (a model folder under public/models, a lesson
 * route, a storage key): lower-case letters, digits and '-', so an id can never climb out
 * of its folder. Here, on the checkpoints floor, because the model cache checks every id
 * before it fetches; the store's guards (src/store/ids.ts) use the same rule.
 */

/** Longest id accepted (lesson, model). */
export const MAX_ID = 64;

const ID = /^[a-z0-9-]+$/;

/** True for ids made of [a-z0-9-] only, so an id can never climb out of a folder ("..", "/"). */
export function isSafeId(id: unknown): id is string {
  return typeof id === 'string' && id.length > 0 && id.length <= MAX_ID && ID.test(id);
}
