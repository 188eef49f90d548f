/**
 * npm run eval -- <model id> [--update-card]
 * Re-measures a shipped model from its files in public/models/<id>/ and compares every
 * number with its card (src/train/card-check.ts). Prints {"id", "evaluation", "card",
 * "matchesCard", "differences"}; exit code 1 when the card claims something the model does
 * not do. --update-card rewrites card.json and card.md with the new measurements (for when
 * the evaluation itself changed, not the weights), keeping what the card says of the
 * training run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cardDifferences } from '../train/card-check.ts';
import { findRecipe, recipeIds } from '../train/recipes/index.ts';
import { runCli, UsageError } from './args.ts';
import { writeCard } from './cards.ts';
import { builtInModelsDir, readShared } from './model-files.ts';

await runCli('eval', async () => {
  const id = process.argv[2];
  const recipe = id ? findRecipe(id) : undefined;
  if (!recipe) throw new UsageError(`unknown model "${id ?? ''}" (evaluable: ${recipeIds().join(', ')})`);
  const dir = join(builtInModelsDir, id);
  if (!existsSync(join(dir, 'card.json'))) throw new UsageError(`${dir} has no card.json: train it first with npm run train -- ${id}`);
  const card = JSON.parse(readFileSync(join(dir, 'card.json'), 'utf8'));
  const update = process.argv.includes('--update-card');
  const evaluation = await recipe.evaluateShipped(async (name) => {
    const path = join(dir, name);
    // The card being replaced may be in an older layout: the weights alone are measured.
    if (update && name === 'card.json') return null;
    return existsSync(path) ? new Uint8Array(readFileSync(path)) : null;
  }, readShared);
  if (update) {
    writeCard(dir, recipe, card.parameters, card.training, evaluation);
    process.stderr.write(`eval: rewrote ${dir}/card.json and card.md\n`);
    return;
  }
  const differences = cardDifferences(evaluation, card.evaluation);
  const matchesCard = differences.length === 0;
  process.stdout.write(`${JSON.stringify({ id, evaluation, card: card.evaluation, matchesCard, differences })}\n`);
  if (!matchesCard) process.exitCode = 1;
});
