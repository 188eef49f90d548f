// @vitest-environment node
/**
 * The worker's model code on real shipped models (read from public/models with node:fs):
 * token count, the (layers, heads, T, T) shape, rows that sum to 1, unknown words marked,
 * and input mistakes answered with a sentence instead of a crash.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AttentionInputError, createBundleCache, runAttention } from '../../src/app/worker/run-model.ts';
import type { FileSource, ModelBundle } from '../../src/checkpoints/bundle.ts';
import { headWeights } from '../../src/store/attention-result.ts';
import { repoRoot } from '../helpers/shared.ts';

const reads: string[] = [];
function files(id: string): FileSource {
  const dir = join(repoRoot, 'public/models', id);
  return async (name) => {
    reads.push(`${id}/${name}`);
    return existsSync(join(dir, name)) ? new Uint8Array(readFileSync(join(dir, name))) : null;
  };
}

const cache = createBundleCache(files);
let gpt: ModelBundle;
beforeAll(async () => {
  gpt = await cache.get('tiny-gpt');
});

describe('runAttention on tiny-gpt', () => {
  const text = 'The cat sat on the mat because it was tired.';

  it('gives one row of weights per token for every head, each row summing to 1', () => {
    if (gpt.kind !== 'text' || !gpt.tokenizer) throw new Error('tiny-gpt should be a text model with a tokenizer');
    const r = runAttention(gpt, text);
    const T = gpt.tokenizer.encode(text).length;
    expect(r.tokens).toHaveLength(T);
    expect(T).toBe(11); // 9 words, "." and no added tokens (a causal LM without BOS)
    expect([r.nLayers, r.nHeads]).toEqual([4, 4]);
    expect(r.attention).toHaveLength(r.nLayers * r.nHeads * T * T);
    expect(r.causal).toBe(true);
    for (let l = 0; l < r.nLayers; l++) {
      for (let h = 0; h < r.nHeads; h++) {
        const w = headWeights(r, l, h);
        for (let q = 0; q < T; q++) {
          let sum = 0;
          for (let k = 0; k < T; k++) {
            sum += w[q * T + k];
            if (k > q) expect(w[q * T + k]).toBe(0); // a decoder never looks ahead
          }
          expect(sum).toBeCloseTo(1, 5);
        }
      }
    }
    expect(r.tokens[1]).toEqual({ text: 'cat', start: 4, end: 7, unknown: false, unseen: false, special: false });
    expect(r.unseenWords).toEqual([]);
    expect(r.modelId).toBe('tiny-gpt');
    expect(r.text).toBe(text);
    expect(r.ms).toBeGreaterThan(0);
  });

  it('marks an emoji and a word in an unseen alphabet as unknown, and still runs', () => {
    const r = runAttention(gpt, 'The 🦄 sat on the жук.');
    expect(r.tokens.filter((t) => t.unknown).map((t) => t.text)).toEqual(['[UNK]', '[UNK]']);
    expect(r.unseenWords.map((w) => [w.text, w.pieces, w.unknown])).toEqual([['🦄', 1, true], ['жук', 1, true]]);
    expect(r.tokens.filter((t) => t.unseen).map((t) => t.text)).toEqual(['[UNK]', '[UNK]']);
    const T = r.tokens.length;
    expect(r.attention).toHaveLength(r.nLayers * r.nHeads * T * T);
    expect(r.attention.every(Number.isFinite)).toBe(true);
  });

  it('spells out an unseen word in Latin letters instead (WordPiece falls back to letters)', () => {
    const r = runAttention(gpt, 'zyxwvut');
    expect(r.tokens.map((t) => t.text)).toEqual(['z', '##y', '##x', '##w', '##v', '##u', '##t']);
    // No unknown token, but no whole-word entry either: the word is flagged as unseen, in pieces.
    expect(r.unseenWords).toEqual([{ text: 'zyxwvut', start: 0, end: 7, pieces: 7, unknown: false }]);
    expect(r.tokens.every((t) => t.unseen)).toBe(true);
  });

  it('answers empty and whitespace-only text with a clear error', () => {
    expect(() => runAttention(gpt, '')).toThrow(AttentionInputError);
    expect(() => runAttention(gpt, '   \n\t')).toThrow(/no text to read/);
  });

  it('answers text longer than the position table with the limit in words', () => {
    const long = 'the cat sat . '.repeat(20); // 80 tokens; tiny-gpt has 48 positions
    expect(() => runAttention(gpt, long)).toThrow(/tiny-gpt reads at most 48 tokens at a time, and this text makes 80/);
  });

  it('runs the longest text the model takes', () => {
    const words = Array.from({ length: 48 }, () => 'cat').join(' ');
    expect(runAttention(gpt, words).tokens).toHaveLength(48);
  });
});

describe('models that cannot read typed text', () => {
  it('an image model says so', async () => {
    const vit = await cache.get('vit-digits');
    expect(vit.kind).toBe('vision');
    expect(() => runAttention(vit, 'hello')).toThrow(/vit-digits is an image model/);
  });

  it('a model without a tokenizer says so', async () => {
    const sort = await cache.get('sort-demo');
    expect(() => runAttention(sort, '2 0 1')).toThrow(/sort-demo has no tokenizer/);
  });
});

describe('createBundleCache', () => {
  it('loads each model once', async () => {
    const before = reads.filter((r) => r === 'tiny-gpt/config.json').length;
    const [a, b] = await Promise.all([cache.get('tiny-gpt'), cache.get('tiny-gpt')]);
    expect(a).toBe(b);
    expect(a).toBe(gpt);
    expect(reads.filter((r) => r === 'tiny-gpt/config.json').length).toBe(before);
  });

  it('refuses ids that could leave the models folder, before reading anything', async () => {
    const count = reads.length;
    await expect(cache.get('../secrets')).rejects.toThrow(/is not a model name/);
    await expect(cache.get('a/b')).rejects.toThrow(AttentionInputError);
    expect(reads.length).toBe(count);
  });

  it('names a model that is not shipped, and tries again next time', async () => {
    await expect(cache.get('no-such-model')).rejects.toThrow(/There is no model called "no-such-model"/);
    expect(cache.has('no-such-model')).toBe(false);
  });
});
