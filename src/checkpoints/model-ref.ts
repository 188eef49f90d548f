/**
 * Which model a link names: a built-in id (`coref`), a Hugging Face hub repository
 * (`hf:<owner>/<name>[@<revision>]`) or any folder URL (`url:https://host/path/`). A link is
 * untrusted input: anything but these shapes, a URL that is not http(s), or one carrying a
 * user name or password, is refused with a sentence saying why.
 */
import { isSafeId } from './safe-id.ts';

export type ModelRef =
  | { kind: 'builtin'; id: string }
  | { kind: 'hub'; repo: string; revision: string }
  | { kind: 'url'; url: string }
  | { kind: 'local'; name: string }; // files the user opened from disk, kept only in this browser

/** A model reference that cannot be used: its message is meant for the page. */
export class ModelRefError extends Error {
  override name = 'ModelRefError';
}

/** The hub's address; tests point it at a local server. */
export const HUB = 'https://huggingface.co';

const MAX_REF = 512;
const REPO = /^[A-Za-z0-9][A-Za-z0-9._-]{0,95}\/[A-Za-z0-9][A-Za-z0-9._-]{0,95}$/;
const REVISION = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,127}$/;
const LOCAL = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Where files opened from disk are kept in the download cache: a host that can never be reached. */
export const LOCAL_FOLDERS = 'https://local-files.invalid/';

/** Parses a model reference from a link or a text field. @throws ModelRefError */
export function parseModelRef(text: string): ModelRef {
  const s = text.trim();
  if (s.length === 0) throw new ModelRefError('No model named: type a model id, hf:<owner>/<name> or url:<folder URL>.');
  if (s.length > MAX_REF) throw new ModelRefError(`A model reference is at most ${MAX_REF} characters.`);
  if (s.startsWith('hf:')) return hubRef(s.slice(3));
  if (s.startsWith('url:')) return { kind: 'url', url: folderOf(s.slice(4)) };
  if (s.startsWith('local:')) return localRef(s.slice(6));
  if (isSafeId(s)) return { kind: 'builtin', id: s };
  throw new ModelRefError(`“${text.trim().slice(0, 60)}” is not a model: use a built-in id, hf:<owner>/<name> or url:<folder URL>.`);
}

/** parseModelRef, or null for anything that is not a model reference. */
export function tryParseModelRef(text: string): ModelRef | null {
  try {
    return parseModelRef(text);
  } catch {
    return null;
  }
}

function hubRef(rest: string): ModelRef {
  const at = rest.indexOf('@');
  const repo = at < 0 ? rest : rest.slice(0, at);
  const revision = at < 0 ? 'main' : rest.slice(at + 1);
  if (!REPO.test(repo) || repo.includes('..')) throw new ModelRefError(`“${repo.slice(0, 60)}” is not a hub repository name (owner/name).`);
  if (!REVISION.test(revision) || revision.includes('..')) throw new ModelRefError(`“${revision.slice(0, 60)}” is not a revision (a branch, tag or commit).`);
  return { kind: 'hub', repo, revision };
}

function localRef(name: string): ModelRef {
  if (!LOCAL.test(name)) throw new ModelRefError(`“${name.slice(0, 60)}” is not a name for files opened from disk (letters, digits, . _ -).`);
  return { kind: 'local', name };
}

/** A folder URL, checked and ending in '/'. */
function folderOf(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ModelRefError(`“${raw.slice(0, 60)}” is not a URL.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ModelRefError(`Only http and https folders can be opened, not ${url.protocol}`);
  if (url.username || url.password) throw new ModelRefError('A model URL must not carry a user name or password.');
  url.hash = '';
  url.search = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

/** The URL of the folder whose files are `<folder><file name>`. */
export function folderUrl(ref: Exclude<ModelRef, { kind: 'builtin' }>, hub = HUB): string {
  if (ref.kind === 'url') return ref.url;
  if (ref.kind === 'local') return `${LOCAL_FOLDERS}${ref.name}/`;
  return `${hub.replace(/\/$/, '')}/${ref.repo}/resolve/${encodeURIComponent(ref.revision).replace(/%2F/g, '/')}/`;
}

/** The reference as a link writes it (parseModelRef's inverse). */
export function formatModelRef(ref: ModelRef): string {
  if (ref.kind === 'builtin') return ref.id;
  if (ref.kind === 'url') return `url:${ref.url}`;
  if (ref.kind === 'local') return `local:${ref.name}`;
  return ref.revision === 'main' ? `hf:${ref.repo}` : `hf:${ref.repo}@${ref.revision}`;
}

/** The reference of a folder URL that folderUrl gave (a hub repository, files from disk, or a plain folder). */
export function refOfFolder(folder: string, hub = HUB): string {
  const hubRoot = `${hub.replace(/\/$/, '')}/`;
  if (folder.startsWith(LOCAL_FOLDERS)) return `local:${folder.slice(LOCAL_FOLDERS.length).replace(/\/$/, '')}`;
  const m = folder.startsWith(hubRoot) ? /^([^/]+\/[^/]+)\/resolve\/(.+)\/$/.exec(folder.slice(hubRoot.length)) : null;
  if (m) {
    const revision = decodeURIComponent(m[2]);
    return revision === 'main' ? `hf:${m[1]}` : `hf:${m[1]}@${revision}`;
  }
  return `url:${folder}`;
}
