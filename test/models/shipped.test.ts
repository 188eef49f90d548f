/**
 * Every committed model under public/models loads as the app would load it and still does
 * what its card says, on a few real predictions, so a broken or stale checkpoint fails CI.
 * (sort-demo and vit-digits have their own tests in test/train.)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTranslationModel } from '../../src/checkpoints/atlas-translation.ts';
import { loadBundle, type FileSource } from '../../src/checkpoints/bundle.ts';
import { lastLogits, topK } from '../../src/models/generate.ts';
import { longRangeRecipes } from '../../src/train/recipes/long-range-recipes.ts';
import { heldOutSet } from '../../src/train/recipes/translate-common.ts';
import { translateRnn } from '../../src/train/recipes/translate-rnn.ts';
import { translateTransformer } from '../../src/train/recipes/translate-transformer.ts';
import { repoRoot } from '../helpers/shared.ts';

function files(id: string): FileSource {
  const dir = join(repoRoot, 'public/models', id);
  return async (name) => (existsSync(join(dir, name)) ? new Uint8Array(readFileSync(join(dir, name))) : null);
}

describe('shipped translators', () => {
  const sample = heldOutSet().slice(0, 100);

  it('translate-rnn: the headline sentence and 100 held-out sentences', async () => {
    const m = await loadTranslationModel(files('translate-rnn'));
    if (m.kind !== 'rnn') throw new Error('expected the RNN translator');
    expect(translateRnn(m, 'i love deep learning').french).toBe("j'aime l'apprentissage profond");
    const right = sample.filter((p) => translateRnn(m, p.en).french === p.fr).length;
    expect(right).toBeGreaterThanOrEqual(90);
  });

  it('translate-transformer: the headline sentence and 100 held-out sentences', async () => {
    const m = await loadTranslationModel(files('translate-transformer'));
    if (m.kind !== 'transformer') throw new Error('expected the Transformer translator');
    const t = translateTransformer(m, 'the cat sees the red car');
    expect(t.french).toBe('le chat voit la voiture rouge');
    // "rouge" (French position 5) looks at "red" (English position 4): the reordering.
    const row = Array.from(t.alignment.row(5));
    expect(row.indexOf(Math.max(...row))).toBe(4);
    const right = sample.filter((p) => translateTransformer(m, p.en).french === p.fr).length;
    expect(right).toBeGreaterThanOrEqual(90);
  });
});

describe('shipped tiny-gpt', () => {
  it('predicts the world it was trained on', async () => {
    const b = await loadBundle('tiny-gpt', files('tiny-gpt'));
    if (b.kind !== 'text' || !b.tokenizer) throw new Error('expected a text model with a tokenizer');
    const next = (prompt: string) => b.tokenizer!.idToToken(topK(lastLogits(b.model, b.tokenizer!.encode(prompt).map((t) => t.id)), 1)[0]);
    expect(next('I deposited money in the')).toBe('bank');
    expect(next('The cat sat on the')).toBe('mat');
  });
});

describe('shipped long-range models', () => {
  it('RNN forgets with distance; LSTM and Transformer do not', async () => {
    const at64: Record<string, number> = {};
    for (const r of longRangeRecipes) {
      const e = (await r.evaluateShipped(files(r.id), () => '')) as { accuracyByDistance: Array<{ distance: number; accuracy: number }> };
      const curve = new Map(e.accuracyByDistance.map((c) => [c.distance, c.accuracy]));
      expect(curve.get(1)).toBeGreaterThanOrEqual(0.95);
      at64[r.id] = curve.get(64) as number;
    }
    expect(at64['long-range-rnn']).toBeLessThan(0.8);
    expect(at64['long-range-lstm']).toBeGreaterThanOrEqual(0.95);
    expect(at64['long-range-transformer']).toBeGreaterThanOrEqual(0.95);
  });
});

