/**
 * Which model a figure reads: the course's own models, the models this browser downloaded
 * before (of the kind the figure can use), and the one a link or the user opened. Under the
 * picker, the field to open any other model and, for one not downloaded yet, the panel that
 * asks before anything is fetched. The Explorer and the lessons all choose models here.
 */
import { useEffect, useId, useState } from 'react';
import { browserFileCache, listCachedFolders } from '../checkpoints/browser-cache.ts';
import { refOfFolder } from '../checkpoints/model-ref.ts';
import { OpenModel } from './explorer/OpenModel.tsx';
import { RemoteModelPanel } from './explorer/RemoteModel.tsx';
import type { RemoteModel } from './explorer/use-remote-model.ts';
import './explorer/explorer.css';

export interface ModelOption {
  id: string;
  label: string;
}

/** A downloaded model and its config's model_type ('' when the config cannot be read). */
export interface DownloadedModel {
  ref: string;
  modelType: string;
}

/** The models downloaded in this browser; empty where there is no Cache API (jsdom, http pages). */
export function useDownloadedModels(): DownloadedModel[] {
  const [list, setList] = useState<DownloadedModel[]>([]);
  useEffect(() => {
    let live = true;
    listCachedFolders()
      .then((folders) => Promise.all(folders.map(async (f) => ({ ref: refOfFolder(f.folder), modelType: await modelTypeAt(f.folder) }))))
      .then((found) => live && setList(found), () => live && setList([]));
    return () => {
      live = false;
    };
  }, []);
  return list;
}

async function modelTypeAt(folder: string): Promise<string> {
  try {
    const bytes = await browserFileCache.get(`${folder}config.json`);
    const cfg = bytes ? (JSON.parse(new TextDecoder().decode(bytes)) as { model_type?: unknown }) : {};
    return typeof cfg.model_type === 'string' ? cfg.model_type : '';
  } catch {
    return '';
  }
}

export interface ModelChooserProps {
  label: string;
  value: string;
  onChange(modelRef: string): void;
  /** The course's models this figure can read. */
  course: readonly ModelOption[];
  /** Whether a downloaded model of this config model_type suits the figure. */
  accepts(modelType: string): boolean;
  /** Hub models to offer in the open field. */
  suggestions: readonly string[];
  /** The chosen model's download state (useRemoteModel(value)). */
  remote: RemoteModel;
}

export function ModelChooser({ label, value, onChange, course, accepts, suggestions, remote }: ModelChooserProps) {
  const selectId = useId();
  const downloaded = useDownloadedModels().filter((m) => accepts(m.modelType) && !course.some((c) => c.id === m.ref));
  const options: ModelOption[] = [...course, ...downloaded.map((m) => ({ id: m.ref, label: `${m.ref} (downloaded)` }))];
  if (!options.some((o) => o.id === value)) options.push({ id: value, label: value });
  return (
    <div className="model-chooser chrome">
      <div className="model-chooser-row">
        <label htmlFor={selectId}>{label}</label>
        <select id={selectId} value={value} onChange={(e) => onChange(e.target.value)}>
          {options.map((m) => <option key={m.id} value={m.id}>{m.label}</option>)}
        </select>
      </div>
      <OpenModel onOpen={onChange} suggestions={suggestions} />
      <RemoteModelPanel modelId={value} remote={remote} />
    </div>
  );
}
