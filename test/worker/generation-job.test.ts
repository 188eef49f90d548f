// @vitest-environment node
/**
 * Lesson 6's generation job through the real worker handler, on checkpoints trained
 * elsewhere and read in place from ../shared/reference-models (the stories260K Llama with its
 * llama2.c tokenizer, the gpt-nano-sort GPT-2): the logits it sends equal the runtime's own
 * forward pass bit for bit and match the published next tokens, logits and greedy continuations; a seeded
 * run draws the same tokens from worker logits as from page logits, and as generate() does.
 * Then the refusals: an encoder, an empty or too long prompt, typed text for a model without
 * a tokenizer, ids outside the vocabulary, a model that is not there.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createModelClient, type ModelClient } from '../../src/app/worker/client.ts';
import { loadBundle, type ModelBundle } from '../../src/checkpoints/bundle.ts';
import { generate, lastLogits, topK } from '../../src/models/generate.ts';
import { Rng } from '../../src/runtime/index.ts';
import { nextToken, type NextToken, type NextTokenArgs, type NextTokenReady } from '../../lessons/transformer/model/next-token.ts';
import { chooseNext } from '../../lessons/transformer/model/sampling.ts';
import { sharedPath } from '../helpers/shared.ts';
import { folderOf, InProcessWorker, referenceRef } from './generation-worker.ts';

const LLAMA = referenceRef('stories260K');
const SORT = referenceRef('gpt-nano-sort');

interface LlamaExpected {
  prompt: string;
  ids: number[];
  greedy: number[];
  last_top5: number[];
}
interface LlamaLogits {
  tokens: number[];
  last_logits_top5: number[];
  last_logits_top5_values: number[];
}
interface SortExpected {
  input: number[];
  greedy: number[];
  logits_last: number[];
}

const json = <T,>(...path: string[]) => JSON.parse(readFileSync(sharedPath('reference-models', ...path), 'utf8')) as T;

let client: ModelClient;
let llama: ModelBundle & { kind: 'text' };
let sort: ModelBundle & { kind: 'text' };
beforeAll(async () => {
  client = createModelClient(() => new InProcessWorker(), { modelsUrl: '/unused/' });
  const text = async (id: string) => {
    const b = await loadBundle(id, folderOf(id));
    if (b.kind !== 'text') throw new Error(`${id} should be a text model`);
    return b;
  };
  llama = await text(LLAMA);
  sort = await text(SORT);
});

const ready = (r: NextToken): NextTokenReady => {
  if (!r.ok) throw new Error(`expected logits, got the problem: ${r.problem}`);
  return r;
};
const inWorker = async (modelId: string, args: NextTokenArgs) => ready(await client.run('next-token', modelId, args));

describe('the next-token job on stories260K (Llama), computed in the worker', () => {
  const expected = json<LlamaExpected[]>('stories260K', 'expected_public.json');

  for (const [i, e] of expected.entries()) {
    it(`prompt ${i}: its tokenizer's ids, logits equal to lastLogits, the published top 5`, async () => {
      const r = await inWorker(LLAMA, { prompt: e.prompt, generated: [], top: 5 });
      expect(r.prompt.ids).toEqual(e.ids);
      expect(r.logits).toBeInstanceOf(Float32Array);
      expect(r.logits).toEqual(lastLogits(llama.model, e.ids)); // bit for bit: the worker ran the runtime's forward pass
      expect(r.top.map((t) => t.id)).toEqual(e.last_top5);
      expect(r.model).toMatchObject({ name: 'http://reference.test/stories260K/', architecture: 'LlamaForCausalLM', maxPositions: 512, vocabSize: 512, nLayers: 5, stop: 2 });
      expect(r.prompt.labels.slice(1).join('')).toBe(e.prompt); // after BOS, each token shows the text it stands for
      expect(r.ms).toBeGreaterThanOrEqual(0);
    });

    it(`prompt ${i}: T = 0 one request per token writes the 40 published greedy tokens, shown as text`, async () => {
      const got: number[] = [];
      let r = await inWorker(LLAMA, { prompt: e.prompt, generated: [], top: 10 });
      for (let k = 0; k < e.greedy.length; k++) {
        got.push(chooseNext(r.logits, 0, 1, k).id);
        r = await inWorker(LLAMA, { prompt: e.prompt, generated: got, top: 10 });
      }
      expect(got).toEqual(e.greedy);
      const tok = llama.tokenizer!;
      expect(r.generated.join('')).toBe(tok.decode([...e.ids, ...got]).slice(tok.decode(e.ids).length));
    });
  }

  it('the reference logits of a 34-token prompt given as ids: top 5 ids and values', async () => {
    const ref = json<LlamaLogits>('stories260K', 'reference_logits.json');
    const r = await inWorker(LLAMA, { prompt: ref.tokens, generated: [], top: 5 });
    expect(r.top.map((t) => t.id)).toEqual(ref.last_logits_top5);
    ref.last_logits_top5_values.forEach((v, j) => expect(r.logits[ref.last_logits_top5[j]]).toBeCloseTo(v, 3));
  });

  it('a seeded run draws the same tokens from worker logits as from page logits, and as generate()', async () => {
    const prompt = 'The cat sat on the mat because it was tired.';
    const [T, seed, n] = [0.9, 7, 12];
    const worker: number[] = [];
    const page: number[] = [];
    for (let k = 0; k < n; k++) {
      const w = await inWorker(LLAMA, { prompt, generated: worker, top: 10 });
      const p = ready(nextToken(llama, { prompt, generated: page, top: 10 }));
      expect(w.logits).toEqual(p.logits);
      worker.push(chooseNext(w.logits, T, seed, k).id);
      page.push(chooseNext(p.logits, T, seed, k).id);
    }
    expect(worker).toEqual(page);
    const ids = llama.tokenizer!.encode(prompt).map((t) => t.id);
    expect(worker).toEqual(generate(llama.model, ids, { maxNew: n, temperature: T, rng: new Rng(seed) }));
  });
});

describe('the next-token job on gpt-nano-sort (GPT-2, learned positions, no tokenizer)', () => {
  const expected = json<SortExpected[]>('gpt-nano-sort', 'expected_public.json');

  for (const [i, e] of expected.entries()) {
    it(`input ${i}: the six sorted digits greedily, the last step's published logits`, async () => {
      const first = await inWorker(SORT, { prompt: e.input, generated: [], top: 3 });
      expect(first.logits).toEqual(lastLogits(sort.model, e.input));
      expect(first.model).toMatchObject({ architecture: 'GPT2LMHeadModel', maxPositions: 11, vocabSize: 3, stop: null });
      expect(first.prompt.labels).toEqual(e.input.map(String)); // no tokenizer: ids are the labels
      const got: number[] = [];
      let step = first;
      for (let k = 0; k < e.greedy.length; k++) {
        step = await inWorker(SORT, { prompt: e.input, generated: got, top: 3 });
        got.push(topK(step.logits, 1)[0]);
      }
      expect(got).toEqual(e.greedy);
      // The sixth digit is read off all 11 positions: the logits recorded beside the checkpoint.
      e.logits_last.forEach((v, j) => expect(Math.abs(step.logits[j] - v)).toBeLessThan(1e-4));
    });
  }
});

describe('what the job refuses, with a sentence for the page', () => {
  const problem = async (modelId: string, args: NextTokenArgs) => {
    const r = await client.run('next-token', modelId, args);
    if (r.ok) throw new Error('expected a refusal');
    return r.problem;
  };

  it('an encoder (BERT): it has no next token to predict', async () => {
    expect(await problem('coref', { prompt: 'The cat sat on the', generated: [], top: 10 })).toMatch(/coref \(BertForMaskedLM\) is an encoder.*causal language model/);
  });

  it('an empty prompt, and one longer than the model reads', async () => {
    expect(await problem(LLAMA, { prompt: '   ', generated: [], top: 10 })).toBe('Type a prompt to continue.');
    expect(await problem(LLAMA, { prompt: 'cat '.repeat(600), generated: [], top: 10 })).toMatch(/reads at most 512 tokens; this prompt makes \d+\. Shorten it\./);
    expect(await problem(SORT, { prompt: [0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1], generated: [], top: 3 })).toMatch(/reads at most 11 tokens; this prompt makes 11/);
    expect(await problem(SORT, { prompt: [0, 1, 2, 0, 1, 2], generated: [0, 0, 1, 1, 2, 2], top: 3 })).toMatch(/12 tokens, more than .* 11 positions/);
  });

  it('typed text for a model without a tokenizer', async () => {
    expect(await problem(SORT, { prompt: '2 0 1', generated: [], top: 3 })).toMatch(/has no tokenizer, so it cannot read typed text/);
  });

  it('fails, with a message, on ids outside the vocabulary and on a model that is not there', async () => {
    await expect(client.run('next-token', SORT, { prompt: [0, 1], generated: [3], top: 3 })).rejects.toThrow(/generated tokens must be token ids from 0 to 2/);
    await expect(client.run('next-token', 'no-such-model', { prompt: 'x', generated: [], top: 3 })).rejects.toThrow(/There is no model called "no-such-model"/);
    // The worker is still there for the next request.
    expect((await inWorker(SORT, { prompt: [0, 1], generated: [], top: 3 })).top).toHaveLength(3);
  });
});
