/**
 * Every shipped model's card, re-measured: for each recipe whose folder is in public/models,
 * `recipe.evaluateShipped` on the committed files must give card.json's `evaluation`, compared
 * as `npm run eval -- <id>` compares it (src/train/card-check.ts). A card that claims what its
 * model does not do fails CI. Recipes measured against ../shared (coref) read it through
 * sharedPath, which fails loudly when it is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileSource } from '../../src/checkpoints/bundle.ts';
import { cardDifferences } from '../../src/train/card-check.ts';
import { findRecipe, recipeIds } from '../../src/train/recipes/index.ts';
import { repoRoot, sharedPath } from '../helpers/shared.ts';

const modelsDir = join(repoRoot, 'public/models');
const shipped = recipeIds().filter((id) => existsSync(join(modelsDir, id, 'card.json')));
const shared = (path: string) => readFileSync(sharedPath(path), 'utf8');

function files(id: string): FileSource {
  const dir = join(modelsDir, id);
  return async (name) => (existsSync(join(dir, name)) ? new Uint8Array(readFileSync(join(dir, name))) : null);
}

describe('cardDifferences, the comparison npm run eval makes', () => {
  it('matches numbers to 6 significant digits, and after the JSON round trip the card took', () => {
    expect(cardDifferences({ a: 0.1234567, b: [1, 2], c: 'x', d: Number.NaN, e: undefined }, { a: 0.12345671, b: [1, 2], c: 'x', d: null })).toEqual([]);
    expect(cardDifferences({ a: 1e6 }, { a: 1e6 + 0.5 })).toEqual([]);
  });

  it('names each difference by its path', () => {
    expect(cardDifferences({ heldOut: { accuracy: 0.97 }, rows: [1, 2], name: 'a', extra: 1 }, { heldOut: { accuracy: 0.98 }, rows: [1], name: 'b', missing: 2 })).toEqual([
      'extra: measured but not on the card',
      'missing: on the card but not measured',
      'heldOut.accuracy: measured 0.97, card 0.98',
      'name: measured "a", card "b"',
      'rows: measured 2 entries, card 1',
    ]);
    expect(cardDifferences({ r: [[1, 2]] }, { r: [[1, 3]] })).toEqual(['r[0][1]: measured 2, card 3']);
  });
});

describe('every shipped model measures what its card says', () => {
  it('every card with an evaluation belongs to a recipe that can re-measure it', () => {
    const carded = readdirSync(modelsDir).filter((id) => existsSync(join(modelsDir, id, 'card.json')));
    const unmeasured = carded.filter((id) => JSON.parse(readFileSync(join(modelsDir, id, 'card.json'), 'utf8')).evaluation !== undefined && !findRecipe(id));
    expect(unmeasured, 'a card whose evaluation no recipe can re-measure').toEqual([]);
    expect(shipped.length).toBeGreaterThan(0);
  });

  for (const id of shipped) {
    // Each takes 4-18 s alone; the margin covers a busy machine.
    it(`${id}: npm run eval finds the card's numbers`, async () => {
      const card = JSON.parse(readFileSync(join(modelsDir, id, 'card.json'), 'utf8'));
      const evaluation = await findRecipe(id)!.evaluateShipped(files(id), shared);
      expect(cardDifferences(evaluation, card.evaluation), `${id}: re-measured vs card.json (npm run eval -- ${id})`).toEqual([]);
    }, 300_000);
  }
});
