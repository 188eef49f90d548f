/**
 * The model worker in process, for the generation tests: createModelWorker (the real
 * handler) behind the WorkerLike interface, with structured cloning and transfer as in a
 * browser. It reads the course's models from public/models and a folder model
 * `url:http://reference.test/<name>/` from ../shared/reference-models/<name>, in place.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileSource } from '../../src/checkpoints/bundle.ts';
import type { WorkerLike } from '../../src/app/worker/client.ts';
import { createModelWorker } from '../../src/app/worker/handler.ts';
import { transferablesOf, type ToWorker, type WorkerResponse } from '../../src/app/worker/protocol.ts';
import { repoRoot, sharedPath } from '../helpers/shared.ts';

/** The reference checkpoint `name` as a folder-URL model reference. */
export const referenceRef = (name: 'stories260K' | 'gpt-nano-sort') => `url:http://reference.test/${name}/`;

/** A folder read from disk; a missing file reads as null. */
export function folder(dir: string): FileSource {
  return async (name) => (existsSync(join(dir, name)) ? new Uint8Array(readFileSync(join(dir, name))) : null);
}

/** The folder a model reference names here. */
export function folderOf(modelId: string): FileSource {
  const m = /^url:http:\/\/reference\.test\/([A-Za-z0-9-]+)\/$/.exec(modelId);
  return folder(m ? sharedPath('reference-models', m[1]) : join(repoRoot, 'public/models', modelId));
}

export class InProcessWorker implements WorkerLike {
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  onmessageerror: WorkerLike['onmessageerror'] = null;
  /** Job kinds the handler answered, in order. */
  answered: string[] = [];
  private handle = createModelWorker({
    modelsUrl: '/unused/',
    files: (_modelsUrl, id) => folderOf(id),
    post: (r) => {
      if ('ok' in r) this.answered.push(r.ok ? 'ok' : r.error);
      const copy = structuredClone(r, { transfer: transferablesOf(r) });
      setTimeout(() => this.onmessage?.({ data: copy } as MessageEvent<WorkerResponse>), 0);
    },
  });
  postMessage(m: ToWorker) {
    const copy = structuredClone(m);
    setTimeout(() => this.handle(copy), 0);
  }
  terminate() {}
}
