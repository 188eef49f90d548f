// @vitest-environment node
/**
 * Lessons 3 and 4 on a model loaded in the worker: a BERT-layout checkpoint with its own
 * vocab.txt, written at test time, read by the real worker handler. What the worker sends
 * (after structured cloning) must be the runtime's own numbers: the head the lesson
 * recomputes step by step equals the forward pass's weights for that layer and head, the
 * concatenation through W_O equals the layer's attention output, and the page computing the
 * same job on the same bundle gets the same numbers bit for bit.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModelClient, type WorkerLike } from '../../src/app/worker/client.ts';
import { createModelWorker } from '../../src/app/worker/handler.ts';
import { createJobMemo } from '../../src/app/worker/job-context.ts';
import { JOBS } from '../../src/app/worker/jobs.ts';
import { transferablesOf, type ToWorker, type WorkerResponse } from '../../src/app/worker/protocol.ts';
import { loadBundle, type ModelBundle } from '../../src/checkpoints/bundle.ts';
import { toBert } from '../../src/checkpoints/hf-export.ts';
import { serializeSafetensors } from '../../src/checkpoints/safetensors.ts';
import { headWeights } from '../../src/store/attention-result.ts';
import { folderSource, smallEncoder, tempFolder, writeFolder } from '../checkpoints/hf-folder.ts';

const VOCAB = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]', 'the', 'river', 'bank', 'money', 'in', 'sat', 'by', 'he', 'i', 'deposited', '.', 'a', 'cat'];
const TEXT = 'The cat sat by the river bank.';

const tmp = tempFolder();
afterAll(tmp.cleanup);
const dir = `${tmp.dir}/bert`;
let bundle: ModelBundle;

/** A Worker whose inside is the real handler, with structured cloning and transfer as in a browser. */
class InProcessWorker implements WorkerLike {
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  onmessageerror: WorkerLike['onmessageerror'] = null;
  private handle = createModelWorker({
    modelsUrl: '/unused/',
    files: () => folderSource(dir),
    post: (r) => {
      const copy = structuredClone(r, { transfer: transferablesOf(r) });
      setTimeout(() => this.onmessage?.({ data: copy } as MessageEvent<WorkerResponse>), 0);
    },
  });
  postMessage(m: ToWorker) {
    const copy = structuredClone(m);
    setTimeout(() => this.handle(copy), 0);
  }
  terminate() {}
}

beforeAll(async () => {
  mkdirSync(dir);
  const hf = toBert(smallEncoder(5, { vocabSize: VOCAB.length, maxPositions: 32 }));
  writeFolder(dir, {
    'config.json': hf.config,
    'model.safetensors': serializeSafetensors(hf.tensors),
    'vocab.txt': `${VOCAB.join('\n')}\n`,
    'tokenizer_config.json': { do_lower_case: true },
  });
  bundle = await loadBundle('test-bert', folderSource(dir));
});

const client = () => createModelClient(() => new InProcessWorker());

describe("lesson 3's job in the worker", () => {
  it('recomputes the chosen head exactly as the forward pass weighted it, and as the page would', async () => {
    const got = await client().run('self-attention', 'test-bert', { text: TEXT, layer: 1, head: 2 });
    expect([got.layer, got.head]).toEqual([1, 2]);
    const T = got.view.tokens.length;
    expect(got.view.labels[0]).toBe('[CLS]');
    expect(got.steps.weights.shape).toEqual([T, T]);
    const forward = headWeights(got.view.result, 1, 2);
    got.steps.weights.data.forEach((w, i) => expect(w).toBeCloseTo(forward[i], 6));
    const onPage = JOBS['self-attention'](createJobMemo()('self-attention', bundle), { text: TEXT, layer: 1, head: 2 });
    expect(Array.from(got.steps.weights.data)).toEqual(Array.from(onPage.steps.weights.data));
    expect(Array.from(got.steps.q.data)).toEqual(Array.from(onPage.steps.q.data));
  });

  it('clamps a layer or head the model does not have (a link made for a bigger model)', async () => {
    const got = await client().run('self-attention', 'test-bert', { text: TEXT, layer: 11, head: 9 });
    expect([got.layer, got.head]).toEqual([1, 3]);
  });

  it('answers an empty sentence with a sentence, not a crash', async () => {
    await expect(client().run('self-attention', 'test-bert', { text: '  ', layer: 0, head: 0 })).rejects.toThrow('There is no text to read');
  });
});

describe("lesson 4's jobs in the worker", () => {
  it('concatenates every head through W_O into the attention output the forward pass produced', async () => {
    const got = await client().run('multi-head', 'test-bert', { text: TEXT, layer: 0 });
    const own = got.view.trace.layers[0].attention.data;
    expect(got.concat.projected.data.length).toBe(own.length);
    got.concat.projected.data.forEach((v, i) => expect(v).toBeCloseTo(own[i], 5));
    expect(got.roles).toHaveLength(2); // one row of role shares per layer, one entry per head
    expect(got.roles[0]).toHaveLength(4);
  });

  it('measures "bank" at every depth for the pair, and says when a sentence has no "bank"', async () => {
    const c = client();
    const got = await c.run('bank', 'test-bert', { first: 'I deposited money in the bank.', second: 'He sat by the river bank.' });
    if (!('cos' in got.pair)) throw new Error(got.pair.error);
    expect(got.pair.cos).toHaveLength(3); // embeddings and 2 layers
    expect(got.drift.within).toHaveLength(3);
    const none = await c.run('bank', 'test-bert', { first: 'A cat sat.', second: 'He sat by the river bank.' });
    expect(none.pair).toEqual({ error: 'Both sentences need the word “bank”.' });
  });
});
