/**
 * Fetches a text file served with the app (relative to its base, so a sub-folder of a
 * static host works) and reports loading, the text, or an error message. A dev server
 * answers a missing file with index.html; that counts as missing too.
 */
import { useEffect, useState } from 'react';

export type Fetched = { state: 'loading' } | { state: 'ready'; text: string } | { state: 'error'; message: string };

export async function fetchText(path: string): Promise<string> {
  const res = await fetch(path);
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  if ((res.headers.get('content-type') ?? '').includes('text/html')) throw new Error(`${path} is missing`);
  return res.text();
}

export function useFetchText(path: string | null): Fetched {
  const [result, setResult] = useState<Fetched>({ state: 'loading' });
  useEffect(() => {
    if (!path) return;
    let live = true;
    setResult({ state: 'loading' });
    fetchText(path)
      .then((text) => live && setResult({ state: 'ready', text }))
      .catch((e: Error) => live && setResult({ state: 'error', message: e.message }));
    return () => {
      live = false;
    };
  }, [path]);
  return result;
}
