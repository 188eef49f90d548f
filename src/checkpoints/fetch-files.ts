/**
 * Reads the files of a model folder served with the app (public/models/<id>/) through fetch.
 * A dev server answers unknown paths with index.html, so an HTML answer counts as absent.
 */
import type { FileSource } from './bundle.ts';

export function fetchModelFiles(baseUrl: string): FileSource {
  return async (name) => {
    const res = await fetch(`${baseUrl}/${name}`);
    if (res.status === 404) return null;
    if (!res.ok) throw new Error(`could not load ${name}: HTTP ${res.status}`);
    if ((res.headers.get('content-type') ?? '').includes('text/html')) return null;
    return new Uint8Array(await res.arrayBuffer());
  };
}
