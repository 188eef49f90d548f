/**
 * The hub and folder models this browser keeps (downloaded in the Explorer), with their sizes
 * and a Delete button each: the files are in the Cache API, not in the app.
 */
import { useCallback, useEffect, useState } from 'react';
import { deleteCachedFolder, listCachedFolders, type CachedFolder } from '../../checkpoints/browser-cache.ts';
import { formatBytes } from './RemoteModel.tsx';

type Listing = { state: 'loading' } | { state: 'ready'; folders: CachedFolder[] } | { state: 'error'; message: string };

export function DownloadedModels() {
  const [list, setList] = useState<Listing>({ state: 'loading' });
  const refresh = useCallback(() => {
    listCachedFolders().then(
      (folders) => setList({ state: 'ready', folders }),
      (e: unknown) => setList({ state: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
  }, []);
  useEffect(refresh, [refresh]);
  return (
    <section aria-label="Downloaded models">
      <h2>Downloaded models</h2>
      {list.state === 'loading' && <p className="status">Looking in this browser's storage…</p>}
      {list.state === 'error' && <p className="muted">{list.message}</p>}
      {list.state === 'ready' && list.folders.length === 0 && <p className="muted">None yet: open one in the Explorer with “Open another model”.</p>}
      {list.state === 'ready' && list.folders.length > 0 && (
        <ul className="downloaded-models">
          {list.folders.map((f) => (
            <li key={f.folder}>
              <code>{f.folder}</code> · {formatBytes(f.bytes)}{' '}
              <button type="button" onClick={() => void deleteCachedFolder(f.folder).then(refresh)}>Delete</button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
