/**
 * A hub or folder model on the page, step by step, so that nothing is fetched from another
 * host until the user asks: a model from a link first waits for "Look it up" (one the user
 * typed counts as asked); then its headers give the exact download size and the page asks
 * "Download"; the download shows its progress and can be cancelled; the files land in the
 * download cache, from which the model worker reads them. A model downloaded before opens
 * from the cache with no request at all.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { browserFileCache } from '../../checkpoints/browser-cache.ts';
import { folderUrl, tryParseModelRef } from '../../checkpoints/model-ref.ts';
import { downloadRemote, inspectRemote, openCached, RemoteCancelled, type RemotePlan } from '../../checkpoints/remote.ts';

export type RemoteState =
  | { state: 'builtin' } // a model served with the app
  | { state: 'checking' } // looking in the download cache
  | { state: 'cached' } // all files are here: the worker can read it
  | { state: 'unasked'; host: string } // opened from a link: waiting for the user before contacting the host
  | { state: 'inspecting'; host: string }
  | { state: 'asking'; plan: RemotePlan } // the size is known: Download?
  | { state: 'downloading'; plan: RemotePlan; done: number; total: number; startedAt: number; now: number }
  | { state: 'error'; message: string };

/** Models the user typed or picked in this page: contacting their host was asked for. */
const asked = new Set<string>();

export function markAsked(modelId: string): void {
  asked.add(modelId);
}

export interface RemoteModel {
  s: RemoteState;
  lookUp(): void; // contact the host and read the headers
  download(): void;
  cancel(): void;
  retry(): void;
}

export function useRemoteModel(modelId: string): RemoteModel {
  const [s, setS] = useState<RemoteState>({ state: 'checking' });
  const [attempt, setAttempt] = useState(0);
  const abort = useRef<AbortController | null>(null);
  const ref = tryParseModelRef(modelId);
  const folder = ref && ref.kind !== 'builtin' ? folderUrl(ref) : null;

  const inspect = useCallback((signal: AbortSignal) => {
    if (!folder) return;
    setS({ state: 'inspecting', host: new URL(folder).host });
    inspectRemote(folder, fetch, signal).then(
      (plan) => !signal.aborted && setS({ state: 'asking', plan }),
      (e: unknown) => !signal.aborted && setS({ state: 'error', message: messageOf(e) }),
    );
  }, [folder]);

  useEffect(() => {
    abort.current?.abort();
    const ctl = new AbortController();
    abort.current = ctl;
    if (!folder) {
      setS({ state: 'builtin' });
      return () => ctl.abort();
    }
    setS({ state: 'checking' });
    openCached(folder, browserFileCache).then(
      (hit) => {
        if (ctl.signal.aborted) return;
        if (hit) setS({ state: 'cached' });
        else if (ref?.kind === 'local') setS({ state: 'error', message: `${modelId} was opened from files on disk, in another browser or before they were deleted here: open the same files again with “Open files from disk”.` });
        else if (asked.has(modelId)) inspect(ctl.signal);
        else setS({ state: 'unasked', host: new URL(folder).host });
      },
      (e: unknown) => !ctl.signal.aborted && setS({ state: 'error', message: messageOf(e) }),
    );
    return () => ctl.abort();
  }, [folder, modelId, attempt, inspect]);

  const lookUp = useCallback(() => {
    markAsked(modelId);
    const ctl = new AbortController();
    abort.current?.abort();
    abort.current = ctl;
    inspect(ctl.signal);
  }, [modelId, inspect]);

  const download = useCallback(() => {
    if (s.state !== 'asking') return;
    const { plan } = s;
    const ctl = new AbortController();
    abort.current?.abort();
    abort.current = ctl;
    const startedAt = performance.now();
    setS({ state: 'downloading', plan, done: 0, total: plan.totalBytes, startedAt, now: startedAt });
    downloadRemote(plan, fetch, browserFileCache, (p) => !ctl.signal.aborted && setS({ state: 'downloading', plan, done: p.done, total: p.total, startedAt, now: performance.now() }), ctl.signal, false).then(
      () => !ctl.signal.aborted && setS({ state: 'cached' }),
      (e: unknown) => {
        if (e instanceof RemoteCancelled) setS({ state: 'asking', plan });
        else if (!ctl.signal.aborted) setS({ state: 'error', message: messageOf(e) });
      },
    );
  }, [s]);

  const cancel = useCallback(() => {
    abort.current?.abort();
    if (s.state === 'downloading') setS({ state: 'asking', plan: s.plan });
  }, [s]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  // One object per state: figures that depend on it recompute only when something changed.
  return useMemo(() => ({ s, lookUp, download, cancel, retry }), [s, lookUp, download, cancel, retry]);
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
