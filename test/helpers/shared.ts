/**
 * Where tests find ../shared (real checkpoints trained elsewhere, the coreference cases).
 * CI clones the repo with ../shared beside it. When it is missing, the tests that need it
 * must fail with this message, never skip or pass quietly.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Absolute path of a file or folder under ../shared; throws a loud error if it is absent. */
export function sharedPath(...parts: string[]): string {
  const base = process.env.ATLAS_SHARED_DIR ?? resolve(repoRoot, '../shared');
  const path = resolve(base, ...parts);
  if (!existsSync(path)) {
    throw new Error(
      `MISSING ../shared: ${path} does not exist. These tests check the runtime against real ` +
        `checkpoints and data kept beside the repository (../shared); they cannot pass without it.`,
    );
  }
  return path;
}

export { repoRoot };
