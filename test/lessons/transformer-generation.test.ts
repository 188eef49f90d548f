// @vitest-environment node
/**
 * nextToken, the generation step's one computation, on the page's side: tiny-gpt reads and
 * labels a prompt exactly as the step did before a model could be chosen (its vocabulary's
 * strings, "?" for unseen words, the same top tokens and logits as lastLogits); a byte-level
 * BPE model's tokens show the text they stand for (" the", never "Ġthe"), in the prompt, the
 * generated tokens and the candidates; and what it refuses.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundle, type FileSource, type ModelBundle } from '../../src/checkpoints/bundle.ts';
import { lastLogits, topK } from '../../src/models/generate.ts';
import { BYTE_TO_CHAR, ByteLevelBpeTokenizer, tokenLabels } from '../../src/tokenizers/index.ts';
import { modelName, nextToken, type NextToken, type NextTokenReady } from '../../lessons/transformer/model/next-token.ts';
import { repoRoot } from '../helpers/shared.ts';

type TextBundle = ModelBundle & { kind: 'text' };

function files(id: string): FileSource {
  const dir = join(repoRoot, 'public/models', id);
  return async (name) => (existsSync(join(dir, name)) ? new Uint8Array(readFileSync(join(dir, name))) : null);
}

let gpt: TextBundle;
beforeAll(async () => {
  const b = await loadBundle('tiny-gpt', files('tiny-gpt'));
  if (b.kind !== 'text') throw new Error('tiny-gpt should be a text model');
  gpt = b;
});

const ready = (r: NextToken): NextTokenReady => {
  if (!r.ok) throw new Error(r.problem);
  return r;
};

describe('tiny-gpt, on the page as before', () => {
  it('reads the prompt with its tokenizer and labels it as the step always did', () => {
    const prompt = 'The cat sat on the';
    const r = ready(nextToken(gpt, { prompt, generated: [], top: 10 }));
    const tokens = gpt.tokenizer!.encode(prompt);
    expect(r.prompt.ids).toEqual(tokens.map((t) => t.id));
    expect(r.prompt.labels).toEqual(tokenLabels(prompt, tokens, gpt.tokenizer!.specialIds));
    expect(r.logits).toEqual(lastLogits(gpt.model, r.prompt.ids));
    expect(r.top.map((t) => t.id)).toEqual(topK(r.logits, 10));
    expect(r.top[0].text).toBe('mat'); // the card's top next word, as its vocabulary spells it
    expect(r.model).toMatchObject({ name: 'tiny-gpt', architecture: 'GPT2LMHeadModel', maxPositions: 48, stop: gpt.tokenizer!.specialIds.sep });
  });

  it('marks a word it never saw whole with “?” and names it', () => {
    const r = ready(nextToken(gpt, { prompt: 'The quantum cat', generated: [], top: 10 }));
    expect(r.prompt.unseen.map((w) => w.text)).toEqual(['quantum']);
    expect(r.prompt.labels.some((l) => l.endsWith('?'))).toBe(true);
  });

  it('shows generated tokens as its vocabulary does, pieces and all', () => {
    const prompt = 'The cat sat on the';
    const mat = gpt.tokenizer!.tokenToId('mat')!;
    const r = ready(nextToken(gpt, { prompt, generated: [mat], top: 10 }));
    expect(r.generated).toEqual(['mat']);
    expect(r.logits).toEqual(lastLogits(gpt.model, [...r.prompt.ids, mat]));
  });
});

describe('a byte-level BPE model: tokens shown as the text they stand for', () => {
  // A GPT-2-style tokenizer small enough to read: the 256 byte characters, then "Ġt", "he", "Ġthe" and the end token.
  const vocab = new Map<string, number>(BYTE_TO_CHAR.map((c, i) => [c, i]));
  for (const t of ['Ġt', 'he', 'Ġthe', '<|endoftext|>']) vocab.set(t, vocab.size);
  const tok = new ByteLevelBpeTokenizer({ vocab, merges: [['Ġ', 't'], ['h', 'e'], ['Ġt', 'he']], addedTokens: [{ id: 259, content: '<|endoftext|>', special: true }] });
  const bpe = (): TextBundle => ({ ...gpt, id: 'hf:someone/byte-gpt', tokenizer: tok }); // tiny-gpt's weights (591 ids) read these 260

  it('labels the prompt, the generated tokens and the candidates without Ġ', () => {
    const the = tok.tokenToId('Ġthe')!;
    const r = ready(nextToken(bpe(), { prompt: 'Eat the cake', generated: [the, tok.tokenToId('Ġt')!, 10], top: 10 }));
    expect(tok.idToToken(the)).toBe('Ġthe');
    expect(r.prompt.labels.join('')).toBe('Eat the cake');
    expect(r.prompt.labels).toContain(' the');
    expect(r.generated).toEqual([' the', ' t', '\n']);
    expect(r.top.every((t) => !t.text.includes('Ġ'))).toBe(true);
    expect(r.model).toMatchObject({ name: 'someone/byte-gpt', stop: 259 });
  });

  it('shows a byte that is only part of a character, or a control byte, as its bytes', () => {
    const byte = (b: number) => tok.tokenToId(BYTE_TO_CHAR[b])!;
    const emoji = [0xf0, 0x9f, 0x99, 0x82].map(byte); // 🙂 in UTF-8, one byte per token
    const r = ready(nextToken(bpe(), { prompt: 'the', generated: [...emoji, byte(0x01)], top: 3 }));
    expect(r.generated).toEqual(['<0xF0>', '<0x9F>', '<0x99>', '🙂', '<0x01>']);
  });

  it('names the end token by its vocabulary string, an id past the tokenizer by its number', () => {
    const r = ready(nextToken(bpe(), { prompt: 'the', generated: [259, 300], top: 3 }));
    expect(r.generated).toEqual(['<|endoftext|>', '#300']); // 300: a row of the model's head past the tokenizer's 260 tokens
  });
});

describe('what nextToken refuses', () => {
  it('an empty prompt, one that fills the window, and text past it', () => {
    expect(nextToken(gpt, { prompt: '', generated: [], top: 10 })).toEqual({ ok: false, problem: 'Type a prompt to continue.' });
    const long = nextToken(gpt, { prompt: 'the cat '.repeat(30), generated: [], top: 10 });
    expect(long).toEqual({ ok: false, problem: 'tiny-gpt reads at most 48 tokens; this prompt makes 60. Shorten it.' });
    const past = nextToken(gpt, { prompt: 'the cat', generated: Array.from({ length: 47 }, () => 5), top: 10 });
    expect(past).toEqual({ ok: false, problem: "The text has 49 tokens, more than tiny-gpt's 48 positions." });
  });

  it('ids outside the vocabulary throw: no figure sends them', () => {
    expect(() => nextToken(gpt, { prompt: 'the', generated: [591], top: 10 })).toThrow(/from 0 to 590/);
    expect(() => nextToken(gpt, { prompt: 'the', generated: [1.5], top: 10 })).toThrow(RangeError);
  });

  it('names models as the page shows them', () => {
    expect(modelName('tiny-gpt')).toBe('tiny-gpt');
    expect(modelName('hf:openai-community/gpt2')).toBe('openai-community/gpt2');
    expect(modelName('url:http://127.0.0.1:4183/gpt2/')).toBe('http://127.0.0.1:4183/gpt2/');
  });
});
