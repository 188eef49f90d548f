/**
 * Where a model's files come from, by its reference: a built-in id from the folder the app
 * serves (public/models/<id>/), a hub repository or folder URL from the download cache (the
 * page downloads it only after the user agreed; see remote.ts).
 */
import type { FileSource } from './bundle.ts';
import { fetchModelFiles } from './fetch-files.ts';
import { folderUrl, parseModelRef, ModelRefError } from './model-ref.ts';
import { cachedSource, type FileCache } from './remote.ts';

/** A model that must be downloaded before it can be read. */
export class NotDownloadedError extends ModelRefError {
  override name = 'NotDownloadedError';
}

export function sourceOf(id: string, builtins: string, cache: FileCache): FileSource {
  const ref = parseModelRef(id);
  if (ref.kind === 'builtin') return fetchModelFiles(`${builtins}${ref.id}`);
  return cachedSource(folderUrl(ref), cache, () => new NotDownloadedError(`${id} is not downloaded yet: press Download to fetch it first.`));
}
