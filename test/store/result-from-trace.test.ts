// @vitest-environment node
/**
 * The one function from a trace to what the Explorer shows (src/store/attention-result.ts),
 * which the worker and the lessons both use: the matrix drawn under "layer l, head h" must be
 * exactly that head's softmax weights in the model's own trace, for every l and h. Swapping
 * the [layer][head] packing, or the offset in headWeights, fails here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundle, type ModelBundle } from '../../src/checkpoints/bundle.ts';
import { transformerForward } from '../../src/models/transformer.ts';
import { noGrad } from '../../src/runtime/index.ts';
import { headWeights, resultLabels } from '../../src/store/attention-result.ts';
import { runText } from '../../src/store/run-text.ts';
import { repoRoot } from '../helpers/shared.ts';

type TextBundle = Extract<ModelBundle, { kind: 'text' }>;

async function load(id: string): Promise<TextBundle> {
  const dir = join(repoRoot, 'public/models', id);
  const b = await loadBundle(id, async (n) => (existsSync(join(dir, n)) ? new Uint8Array(readFileSync(join(dir, n))) : null));
  if (b.kind !== 'text' || !b.tokenizer) throw new Error(`${id} should be a text model with a tokenizer`);
  return b;
}

let gpt: TextBundle;
let mlm: TextBundle;
beforeAll(async () => {
  [gpt, mlm] = await Promise.all([load('tiny-gpt'), load('coref-mlm')]);
});

describe('resultFromTrace through runText', () => {
  const text = "The animal didn't cross the street because it was too tired.";

  for (const id of ['tiny-gpt', 'coref-mlm'] as const) {
    it(`${id}: every head drawn under its own label is that head's weights in an independent forward pass`, () => {
      const bundle = id === 'tiny-gpt' ? gpt : mlm;
      const r = runText(bundle, text).result;
      const ids = bundle.tokenizer!.encode(text).map((t) => t.id);
      const trace = noGrad(() => transformerForward(bundle.model, [ids], { trace: true, logits: false }).trace!);
      // Heads differ from each other, so a mix-up cannot pass by accident.
      expect(Array.from(headWeights(r, 0, 0))).not.toEqual(Array.from(headWeights(r, 0, 1)));
      for (let l = 0; l < r.nLayers; l++) {
        for (let h = 0; h < r.nHeads; h++) {
          expect(Array.from(headWeights(r, l, h)), `layer ${l}, head ${h}`).toEqual(Array.from(trace.layers[l].heads[h].weights.data));
        }
      }
    });
  }

  it('marks words the vocabulary has no whole entry for, the same way in tokens and labels', () => {
    const r = runText(mlm, 'The quantum cat 🙂 sat.').result;
    expect(r.unseenWords.map((w) => [w.text, w.unknown])).toEqual([['quantum', false], ['🙂', true]]);
    expect(r.unseenWords[0].pieces).toBeGreaterThan(1);
    const labels = resultLabels(r);
    const pieces = r.tokens.flatMap((t, i) => (t.unseen ? [labels[i]] : []));
    expect(pieces.every((l) => l.endsWith('?'))).toBe(true);
    expect(pieces.join('').replace(/\?/g, '')).toBe('quantum🙂');
    expect(labels[r.tokens.findIndex((t) => t.text === 'cat')]).toBe('cat');
  });

  it('fills a typed [MASK] with the LM head of an encoder, and only there', () => {
    const r = runText(mlm, 'I deposited money in the [MASK].').result;
    const at = r.tokens.findIndex((t) => t.text === '[MASK]');
    expect(at).toBeGreaterThan(0);
    expect(r.predictions.map((p) => [p.position, p.why])).toEqual([[at, 'mask']]);
    const fills = r.predictions[0].fills;
    expect(fills).toHaveLength(5);
    expect(fills[0].text).toBe('bank');
    expect(fills.every((f, i) => i === 0 || f.p <= fills[i - 1].p)).toBe(true);
    expect(r.maskable).toBe(true);
    // coref-mlm was not trained to name antecedents: no prediction at the pronoun.
    expect(runText(mlm, text).result.predictions).toEqual([]);
    // A decoder has no blank to fill.
    expect(runText(gpt, 'I deposited money in the [MASK].').result.maskable).toBe(false);
  });
});
