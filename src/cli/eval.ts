/**
 * npm run eval -- <model id>
 * Re-measures a shipped model from its files in public/models/<id>/ and compares every
 * number with its card. Prints {"id", "evaluation", "card", "matchesCard"}; exit code 1 when
 * the card claims something the model does not do.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRecipe, recipeIds } from '../train/recipes/index.ts';
import { runCli, UsageError } from './args.ts';
import { builtInModelsDir, readShared } from './model-files.ts';

/** Numbers equal to 6 significant digits (the card is JSON of the same floats). */
function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b || Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    return same(ka, kb) && ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return a === b;
}

await runCli('eval', async () => {
  const id = process.argv[2];
  const recipe = id ? findRecipe(id) : undefined;
  if (!recipe) throw new UsageError(`unknown model "${id ?? ''}" (evaluable: ${recipeIds().join(', ')})`);
  const dir = join(builtInModelsDir, id);
  if (!existsSync(join(dir, 'card.json'))) throw new UsageError(`${dir} has no card.json: train it first with npm run train -- ${id}`);
  const card = JSON.parse(readFileSync(join(dir, 'card.json'), 'utf8'));
  const evaluation = await recipe.evaluateShipped(async (name) => {
    const path = join(dir, name);
    return existsSync(path) ? new Uint8Array(readFileSync(path)) : null;
  }, readShared);
  const matchesCard = same(JSON.parse(JSON.stringify(evaluation)), card.evaluation);
  process.stdout.write(`${JSON.stringify({ id, evaluation, card: card.evaluation, matchesCard })}\n`);
  if (!matchesCard) process.exitCode = 1;
});
