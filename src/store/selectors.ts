/**
 * Selectors, defined once at module scope so React sees the same function on every render
 * (`useAtlas(selectLayer)`). Each returns a value already in the state or a primitive: a
 * selector that built a new object on every call would re-render forever under zustand 5.
 */
import type { Atlas, AtlasState } from './state.ts';
import type { LessonProgress } from './slices/progress.ts';

// route
export const selectRoute = (s: AtlasState) => s.route;
export const selectRouteName = (s: AtlasState) => s.route.name;

// progress
export const selectProgress = (s: AtlasState) => s.progress;
/** One lesson's progress (not a hook selector: it takes the lesson id). */
export const lessonProgress = (s: AtlasState, lessonId: string): LessonProgress | undefined => s.progress[lessonId];
export const selectCompletedCount = (s: AtlasState) => Object.values(s.progress).filter((p) => p.completed).length;

// explorer
export const selectModelId = (s: AtlasState) => s.modelId;
export const selectText = (s: AtlasState) => s.text;
export const selectCompareText = (s: AtlasState) => s.compareText;
export const selectCompare = (s: AtlasState) => s.compare;

// selection
export const selectLayer = (s: AtlasState) => s.layer;
export const selectHead = (s: AtlasState) => s.head;
export const selectToken = (s: AtlasState) => s.token;
export const selectPinned = (s: AtlasState) => s.pinned;
/** The query row to show: the pinned one, else the highlighted token. */
export const selectFocusRow = (s: AtlasState) => s.pinned ?? s.token;
export const selectLimits = (s: AtlasState) => s.limits;

// preferences
export const selectTheme = (s: AtlasState) => s.theme;
export const selectPresenter = (s: AtlasState) => s.presenter;
export const selectShowValues = (s: AtlasState) => s.showValues;

// run
export const selectRunStatus = (s: AtlasState) => s.runStatus;
export const selectRunResult = (s: AtlasState) => s.runResult;
export const selectRunError = (s: AtlasState) => s.runError;
export const selectIsBusy = (s: AtlasState) => s.runStatus === 'loading' || s.runStatus === 'running';
/** True when the shown result was computed from the current model and text (not a leftover). */
export const selectResultIsCurrent = (s: AtlasState) =>
  s.runResult !== null && s.runResult.modelId === s.modelId && s.runResult.text === s.text;

// lesson inputs (one input's value: readLessonInput in lesson-inputs.ts, or the useLessonInput hook)
export const selectLessonInputs = (s: AtlasState) => s.lessonInputs;

// actions (stable references: selecting one never re-renders)
export const selectNavigate = (s: Atlas) => s.navigate;
export const selectVisitStep = (s: Atlas) => s.visitStep;
export const selectCompleteLesson = (s: Atlas) => s.completeLesson;
export const selectResetProgress = (s: Atlas) => s.resetProgress;
export const selectSetModel = (s: Atlas) => s.setModel;
export const selectSetText = (s: Atlas) => s.setText;
export const selectSetCompareText = (s: Atlas) => s.setCompareText;
export const selectSetCompare = (s: Atlas) => s.setCompare;
export const selectToggleCompare = (s: Atlas) => s.toggleCompare;
export const selectSelectLayer = (s: Atlas) => s.selectLayer;
export const selectSelectHead = (s: Atlas) => s.selectHead;
export const selectSelectToken = (s: Atlas) => s.selectToken;
export const selectPinRow = (s: Atlas) => s.pinRow;
export const selectTogglePin = (s: Atlas) => s.togglePin;
export const selectStepLayer = (s: Atlas) => s.stepLayer;
export const selectStepHead = (s: Atlas) => s.stepHead;
export const selectSetLimits = (s: Atlas) => s.setLimits;
export const selectSetTheme = (s: Atlas) => s.setTheme;
export const selectTogglePresenter = (s: Atlas) => s.togglePresenter;
export const selectToggleShowValues = (s: Atlas) => s.toggleShowValues;
export const selectSetRunStatus = (s: Atlas) => s.setRunStatus;
export const selectSetRunResult = (s: Atlas) => s.setRunResult;
export const selectSetRunError = (s: Atlas) => s.setRunError;
export const selectSetLessonInput = (s: Atlas) => s.setLessonInput;
export const selectResetLessonInputs = (s: Atlas) => s.resetLessonInputs;
