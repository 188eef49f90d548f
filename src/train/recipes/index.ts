/** The project's own models that `npm run train` and `npm run eval` know, by id. */
import type { Recipe } from '../recipe.ts';
import { corefMlmRecipe, corefRecipe } from './coref-recipe.ts';
import { longRangeRecipes } from './long-range-recipes.ts';
import { sortDemoRecipe } from './sort-demo.ts';
import { tinyGptRecipe } from './tiny-gpt.ts';
import { translateRnnRecipe } from './translate-rnn.ts';
import { translateTransformerRecipe } from './translate-transformer.ts';
import { vitDigitsRecipe } from './vit-digits.ts';

const recipes: readonly Recipe[] = [sortDemoRecipe, corefRecipe, corefMlmRecipe, tinyGptRecipe, translateRnnRecipe, translateTransformerRecipe, ...longRangeRecipes, vitDigitsRecipe];

export function recipeIds(): string[] {
  return recipes.map((r) => r.id);
}

export function findRecipe(id: string): Recipe | undefined {
  return recipes.find((r) => r.id === id);
}
