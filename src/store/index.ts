/**
 * The store's public face: the hook, a factory for fresh stores, selectors, routing and the
 * two side channels (URL sync, persistence) the app starts once at boot.
 */
export { useAtlas, createAtlasStore, type AtlasStore } from './store.ts';
export type { Atlas, AtlasActions, AtlasState } from './state.ts';
export { initialState, DEFAULT_MODEL, DEFAULT_TEXT, DEFAULT_COMPARE_TEXT } from './initial-state.ts';
export * from './selectors.ts';
export type { Route, RouteName } from './route.ts';
export { sanitizeRoute, sameRoute, MAX_STEPS } from './route.ts';
export { parseHash, buildHash, sanitizeParams, DEFAULT_PARAMS, type ShareParams } from './url.ts';
export { startUrlSync, applyHash, hashOf, shareParamsOf, type UrlHost, type UrlSyncOptions } from './url-sync.ts';
export { startPersistence, loadPersisted, parsePersisted, savePersisted, safeLocalStorage, STORAGE_KEY, type Persisted, type StorageLike } from './persist.ts';
export {
  headWeights, resultLabels, resultFromTrace, PRONOUNS,
  type AttentionResult, type ResultToken, type NamedHead, type CorefMeta, type Prediction, type Fill, type UnseenWord,
} from './attention-result.ts';
export { runText, AttentionInputError, type TextRun } from './run-text.ts';
export { MAX_TEXT, isSafeId, sanitizeId, sanitizeModel, clipText } from './ids.ts';
export type { LessonProgress } from './slices/progress.ts';
export type { Theme } from './slices/preferences.ts';
export { THEMES } from './slices/preferences.ts';
export type { RunStatus } from './slices/run.ts';
export type { SelectionLimits } from './slices/selection.ts';
export { SELECTION_CAP } from './slices/selection.ts';
export {
  defineLessonInputs, readLessonInput, writeLessonInput, storedInput, storeKey, decodeStored, storedForm,
  type LessonInputs, type InputSpecs, type InputValue, type InputUpdate, type StoredInputs,
} from './lesson-inputs.ts';
export {
  textInput, intInput, indexInput, decimalInput, switchInput, choiceInput, indexListInput, optionalInput, modelRefInput,
  type InputCodec, type TextCodec,
} from './input-codecs.ts';
export { linkedInputs, MAX_LINKED_INPUTS } from './url.ts';
