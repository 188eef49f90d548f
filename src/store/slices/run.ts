/**
 * Run slice: where the explorer's model run stands. The app owns the model client and reports
 * here; the store only holds the outcome (its type is structural, see attention-result.ts).
 */
import type { AttentionResult } from '../attention-result.ts';
import type { ActionsCreator } from '../state.ts';

export type RunStatus = 'idle' | 'loading' | 'running' | 'ready' | 'error';

export interface RunState {
  runStatus: RunStatus;
  runResult: AttentionResult | null; // the last good result, kept while the next one runs
  runError: string | null;
}

export interface RunActions {
  /** 'loading' (fetching the model), 'running' (forward pass) or 'idle'; clears the error. */
  setRunStatus(status: 'idle' | 'loading' | 'running'): void;
  /** A finished run: status 'ready'. */
  setRunResult(result: AttentionResult): void;
  /** A failed run: status 'error'; the previous result stays for context. */
  setRunError(message: string): void;
}

export const createRunActions: ActionsCreator<RunActions> = (set) => ({
  setRunStatus: (status) => set({ runStatus: status, runError: null }),
  setRunResult: (result) => set({ runStatus: 'ready', runResult: result, runError: null }),
  setRunError: (message) => set({ runStatus: 'error', runError: String(message) }),
});
