/**
 * Resolves `--model` for the CLI: a built-in model id (a folder under public/models) or the
 * path of a checkpoint folder, and loads it through the platform-neutral bundle loader.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBundle, type ModelBundle } from '../checkpoints/bundle.ts';
import { UsageError } from './args.ts';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const builtInModelsDir = join(repoRoot, 'public', 'models');

/** Files larger than this are refused before reading (the runtime holds weights in memory). */
const MAX_FILE_BYTES = 1 << 30;

export function builtInModelIds(): string[] {
  if (!existsSync(builtInModelsDir)) return [];
  return readdirSync(builtInModelsDir).filter((name) => existsSync(join(builtInModelsDir, name, 'config.json'))).sort();
}

/** Loads a model by built-in id or folder path. */
export async function loadModelArg(arg: string): Promise<ModelBundle> {
  const builtIn = /^[a-z0-9][a-z0-9-]*$/.test(arg) ? join(builtInModelsDir, arg) : null;
  let dir: string;
  if (builtIn && existsSync(join(builtIn, 'config.json'))) dir = builtIn;
  else if (existsSync(arg) && statSync(arg).isDirectory()) dir = resolve(arg);
  else {
    const ids = builtInModelIds();
    throw new UsageError(`unknown model "${arg}": not a built-in model (${ids.length ? ids.join(', ') : 'none installed'}) nor a checkpoint folder`);
  }
  const id = dir === builtIn ? arg : dir;
  return loadBundle(id, async (name) => {
    const path = join(dir, name);
    if (!existsSync(path)) return null;
    const size = statSync(path).size;
    if (size > MAX_FILE_BYTES) throw new UsageError(`${path} is ${(size / 2 ** 20).toFixed(0)} MiB, more than this runtime loads`);
    return new Uint8Array(readFileSync(path));
  });
}

/** Reads ../shared/<path> for recipes that measure against it; loud when ../shared is absent. */
export function readShared(path: string): string {
  const base = process.env.ATLAS_SHARED_DIR ?? resolve(repoRoot, '../shared');
  const full = join(base, path);
  if (!existsSync(full)) throw new UsageError(`MISSING ../shared: ${full} does not exist; this model's card is measured against it`);
  return readFileSync(full, 'utf8');
}
