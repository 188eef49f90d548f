// @vitest-environment node
/**
 * The page's model client against a scripted fake Worker (jsdom and Node have no Worker):
 * latest request wins, older ones reject with SupersededError, a crash rejects what was
 * pending and the next request starts a fresh worker. Then the client wired to the real
 * worker handler on tiny-gpt: a burst of keystrokes computes only the last text.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createModelClient, createWorkerConnection, isSuperseded, SupersededError, type WorkerLike } from '../../src/app/worker/client.ts';
import { createModelWorker } from '../../src/app/worker/handler.ts';
import { transferablesOf, type AttentionResult, type ToWorker, type WorkerRequest, type WorkerResponse } from '../../src/app/worker/protocol.ts';
import { repoRoot } from '../helpers/shared.ts';

class FakeWorker implements WorkerLike {
  posted: ToWorker[] = [];
  terminated = false;
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  onmessageerror: WorkerLike['onmessageerror'] = null;
  postMessage(m: ToWorker) {
    this.posted.push(m);
  }
  terminate() {
    this.terminated = true;
  }
  reply(r: WorkerResponse) {
    this.onmessage?.({ data: r } as MessageEvent<WorkerResponse>);
  }
  crash(message: string) {
    this.onerror?.({ message, preventDefault() {} } as ErrorEvent);
  }
  requests() {
    return this.posted.filter((m) => m.kind !== 'init') as WorkerRequest[];
  }
}

function fakeResult(text: string): AttentionResult {
  return { modelId: 'm', text, tokens: [], nLayers: 1, nHeads: 1, causal: false, attention: new Float32Array(0), unseenWords: [], predictions: [], maskable: false, ms: 0 };
}

function setup() {
  const workers: FakeWorker[] = [];
  const client = createModelClient(() => {
    const w = new FakeWorker();
    workers.push(w);
    return w;
  }, { modelsUrl: 'https://example.test/app/models/' });
  return { client, workers, last: () => workers[workers.length - 1] };
}

describe('createModelClient with a fake worker', () => {
  it('starts the worker lazily, tells it where models are, and resolves a request', async () => {
    const { client, workers, last } = setup();
    expect(workers).toHaveLength(0);
    const p = client.request('coref', 'Hello.');
    expect(last().posted).toEqual([
      { kind: 'init', modelsUrl: 'https://example.test/app/models/' },
      { id: 1, lane: expect.stringMatching(/^lane-/) as string, kind: 'attention', modelId: 'coref', args: { text: 'Hello.' } },
    ]);
    last().reply({ id: 1, ok: true, result: fakeResult('Hello.') });
    await expect(p).resolves.toMatchObject({ text: 'Hello.' });
  });

  it('a newer request rejects the older one with SupersededError; its late answer is ignored', async () => {
    const { client, last } = setup();
    const first = client.request('coref', 'a');
    const second = client.request('coref', 'ab');
    const third = client.request('coref', 'abc');
    await expect(first).rejects.toBeInstanceOf(SupersededError);
    await expect(second).rejects.toSatisfy(isSuperseded);
    last().reply({ id: 1, ok: true, result: fakeResult('a') }); // stale: nobody waits for it
    last().reply({ id: 2, ok: false, error: 'superseded by a newer request', superseded: true });
    last().reply({ id: 3, ok: true, result: fakeResult('abc') });
    await expect(third).resolves.toMatchObject({ text: 'abc' });
    expect(last().requests()).toHaveLength(3); // the worker's queue does the coalescing
  });

  it('reports progress of the current request only', async () => {
    const { client, last } = setup();
    const stages: string[] = [];
    const p = client.request('coref', 'x', { onProgress: (s) => stages.push(s) });
    last().reply({ id: 1, progress: 'loading' });
    last().reply({ id: 7, progress: 'running' });
    last().reply({ id: 1, progress: 'running' });
    last().reply({ id: 1, ok: true, result: fakeResult('x') });
    await p;
    expect(stages).toEqual(['loading', 'running']);
  });

  it('turns an error answer into an Error with its message', async () => {
    const { client, last } = setup();
    const p = client.request('coref', '');
    last().reply({ id: 1, ok: false, error: 'There is no text to read: type a sentence first.' });
    await expect(p).rejects.toThrow('There is no text to read');
    await expect(p).rejects.not.toBeInstanceOf(SupersededError);
  });

  it('a worker superseded answer rejects with SupersededError', async () => {
    const { client, last } = setup();
    const p = client.request('coref', 'x');
    last().reply({ id: 1, ok: false, error: 'superseded by a newer request', superseded: true });
    await expect(p).rejects.toBeInstanceOf(SupersededError);
  });

  it('a crash rejects the pending request clearly and the next request restarts the worker', async () => {
    const { client, workers } = setup();
    const p = client.request('coref', 'x');
    workers[0].crash('out of memory');
    await expect(p).rejects.toThrow(/The model worker stopped \(out of memory\)/);
    expect(workers[0].terminated).toBe(true);
    const q = client.request('coref', 'y');
    expect(workers).toHaveLength(2);
    expect(workers[1].posted[0]).toMatchObject({ kind: 'init' });
    workers[1].reply({ id: 2, ok: true, result: fakeResult('y') });
    await expect(q).resolves.toMatchObject({ text: 'y' });
  });

  it('a worker that cannot even be created fails the request, not the page', async () => {
    const client = createModelClient(() => {
      throw new Error('Workers are disabled');
    });
    await expect(client.request('coref', 'x')).rejects.toThrow(/Workers are disabled/);
  });

  it('dispose stops the worker and settles what was pending as superseded', async () => {
    const { client, last } = setup();
    const p = client.request('coref', 'x');
    client.dispose();
    await expect(p).rejects.toBeInstanceOf(SupersededError);
    expect(last().terminated).toBe(true);
    await expect(client.request('coref', 'y')).rejects.toBeInstanceOf(SupersededError);
  });
});

describe('clients sharing one connection', () => {
  it('share one worker; each lane supersedes only its own requests', async () => {
    const workers: FakeWorker[] = [];
    const conn = createWorkerConnection(() => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    }, { modelsUrl: 'https://example.test/models/' });
    const explorer = createModelClient(conn);
    const lesson = createModelClient(conn);
    const a = explorer.request('coref', 'a');
    const b = lesson.request('coref', 'b');
    expect(workers).toHaveLength(1);
    const [ra, rb] = workers[0].requests();
    expect(ra.lane).not.toBe(rb.lane);
    workers[0].reply({ id: rb.id, ok: true, result: fakeResult('b') });
    workers[0].reply({ id: ra.id, ok: true, result: fakeResult('a') });
    await expect(a).resolves.toMatchObject({ text: 'a' });
    await expect(b).resolves.toMatchObject({ text: 'b' });
    lesson.dispose(); // a client on a shared connection leaves the worker running
    expect(workers[0].terminated).toBe(false);
  });
});

describe('createModelClient wired to the real worker handler on tiny-gpt', () => {
  /** A Worker whose inside is createModelWorker, with structured cloning and transfer as in a browser. */
  class InProcessWorker implements WorkerLike {
    onmessage: WorkerLike['onmessage'] = null;
    onerror: WorkerLike['onerror'] = null;
    onmessageerror: WorkerLike['onmessageerror'] = null;
    computed: string[] = [];
    private handle = createModelWorker({
      modelsUrl: '/unused/',
      files: (modelsUrl, id) => {
        expect(modelsUrl).toBe('public/models/');
        const dir = join(repoRoot, modelsUrl, id);
        return async (name) => (existsSync(join(dir, name)) ? new Uint8Array(readFileSync(join(dir, name))) : null);
      },
      post: (r) => {
        if ('ok' in r && r.ok) this.computed.push((r.result as AttentionResult).text);
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

  it('a burst of keystrokes computes and delivers only the last text', async () => {
    const worker = new InProcessWorker();
    const client = createModelClient(() => worker, { modelsUrl: 'public/models/' });
    const texts = ['The', 'The cat', 'The cat sat', 'The cat sat on the mat.'];
    const stages: string[] = [];
    const promises = texts.map((t) => client.request('tiny-gpt', t, { onProgress: (s) => stages.push(s) }));
    const outcomes = await Promise.allSettled(promises);
    expect(outcomes.slice(0, 3).every((o) => o.status === 'rejected' && isSuperseded(o.reason))).toBe(true);
    const last = outcomes[3];
    if (last.status !== 'fulfilled') throw last.reason;
    expect(last.value.text).toBe('The cat sat on the mat.');
    expect(last.value.tokens).toHaveLength(7);
    expect(last.value.attention).toBeInstanceOf(Float32Array);
    expect(last.value.attention).toHaveLength(4 * 4 * 7 * 7);
    expect(worker.computed).toEqual(['The cat sat on the mat.']);
    expect(stages).toEqual(['loading', 'running']);

    // The model stays loaded: the next request only runs.
    stages.length = 0;
    const again = await client.request('tiny-gpt', 'I deposited money in the bank.', { onProgress: (s) => stages.push(s) });
    expect(again.unseenWords).toEqual([]);
    expect(stages).toEqual(['running']);

    await expect(client.request('tiny-gpt', '   ')).rejects.toThrow('There is no text to read: type a sentence first.');
    await expect(client.request('../etc', 'x')).rejects.toThrow(/is not a model name/);
  });
});

describe('SupersededError', () => {
  it('is recognisable by class, name and guard', () => {
    const e = new SupersededError();
    expect([e instanceof Error, e.name, isSuperseded(e), isSuperseded(new Error('x'))]).toEqual([true, 'SupersededError', true, false]);
  });
});
