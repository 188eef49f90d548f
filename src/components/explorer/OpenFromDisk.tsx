/**
 * Opening a model from files on this computer: pick the files of a model folder (or drop them
 * here). They are read in the page and kept in this browser's download cache, like a download;
 * nothing is uploaded anywhere.
 */
import { useState, type DragEvent } from 'react';
import { browserFileCache } from '../../checkpoints/browser-cache.ts';
import { folderUrl, formatModelRef } from '../../checkpoints/model-ref.ts';
import { keepLocalFiles } from '../../checkpoints/remote.ts';
import './explorer.css';

/** A name for the files: their folder's, else the config's model name, made safe for a link. */
function nameOf(files: readonly File[]): string {
  const dir = (files[0] as File & { webkitRelativePath?: string }).webkitRelativePath?.split('/')[0];
  const raw = dir || files.find((f) => f.name.endsWith('.safetensors'))?.name.replace(/\.safetensors$/, '') || 'model';
  return raw.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 60) || 'model';
}

export function OpenFromDisk({ onOpen }: { onOpen: (modelRef: string) => void }) {
  const [status, setStatus] = useState<{ busy: boolean; problem: string | null }>({ busy: false, problem: null });
  const open = async (list: FileList | null) => {
    const files = list ? [...list] : [];
    if (files.length === 0) return;
    setStatus({ busy: true, problem: null });
    try {
      const ref = { kind: 'local' as const, name: nameOf(files) };
      const read = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
      await keepLocalFiles(folderUrl(ref), read, browserFileCache);
      setStatus({ busy: false, problem: null });
      onOpen(formatModelRef(ref));
    } catch (e) {
      setStatus({ busy: false, problem: e instanceof Error ? e.message : String(e) });
    }
  };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    void open(e.dataTransfer.files);
  };
  return (
    <div className="open-disk" onDragOver={(e) => e.preventDefault()} onDrop={drop}>
      <label htmlFor="open-disk">Open files from disk</label>
      <input id="open-disk" type="file" multiple accept=".json,.safetensors,.txt" onChange={(e) => void open(e.target.files)} />
      <span className="muted">or drop config.json, the .safetensors weights and the tokenizer files here. Nothing is uploaded.</span>
      {status.busy && <p className="status">Reading the files…</p>}
      {status.problem && <p className="error" role="alert">{status.problem}</p>}
    </div>
  );
}
