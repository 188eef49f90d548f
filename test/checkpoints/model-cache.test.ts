// @vitest-environment node
/**
 * The one model cache: a model is loaded once however many ask at the same time, a failed
 * load is forgotten so the next ask tries again, ids that could leave the models folder are
 * refused before anything is read, and each loader is a key of its own.
 */
import { describe, expect, it } from 'vitest';
import type { FileSource } from '../../src/checkpoints/bundle.ts';
import { createModelCache, ModelIdError, type ModelLoader } from '../../src/checkpoints/model-cache.ts';

/** A file source that has nothing, recording which ids were opened. */
function emptyFolders() {
  const opened: string[] = [];
  const sourceFor = (id: string): FileSource => {
    opened.push(id);
    return async () => null;
  };
  return { opened, sourceFor };
}

/** A loader whose calls are counted and whose outcome each test decides. */
function countingLoader(outcome: (call: number) => Promise<string>) {
  const calls: string[] = [];
  const load: ModelLoader<string> = (id) => {
    calls.push(id);
    return outcome(calls.length);
  };
  return { calls, load };
}

describe('createModelCache', () => {
  it('loads a model once for two asks at the same time, and shares it after', async () => {
    const { opened, sourceFor } = emptyFolders();
    const cache = createModelCache(sourceFor);
    const { calls, load } = countingLoader(async () => 'model');
    const [a, b] = await Promise.all([cache.get('tiny-gpt', load), cache.get('tiny-gpt', load)]);
    expect(a).toBe('model');
    expect(b).toBe(a);
    expect(await cache.get('tiny-gpt', load)).toBe(a);
    expect(calls).toEqual(['tiny-gpt']);
    expect(opened).toEqual(['tiny-gpt']);
    expect(cache.has('tiny-gpt', load)).toBe(true);
  });

  it('forgets a failed load, so the next ask loads again and can succeed', async () => {
    const cache = createModelCache(emptyFolders().sourceFor);
    const { calls, load } = countingLoader(async (n) => {
      if (n === 1) throw new Error('network down');
      return 'model';
    });
    const first = cache.get('tiny-gpt', load);
    const second = cache.get('tiny-gpt', load); // asked before the failure: shares it
    await expect(first).rejects.toThrow('network down');
    await expect(second).rejects.toThrow('network down');
    expect(cache.has('tiny-gpt', load)).toBe(false);
    expect(await cache.get('tiny-gpt', load)).toBe('model');
    expect(calls).toHaveLength(2);
  });

  it('retries from inside the error handler of the failed load', async () => {
    const cache = createModelCache(emptyFolders().sourceFor);
    const { load } = countingLoader(async (n) => {
      if (n === 1) throw new Error('once');
      return 'model';
    });
    const retried = await cache.get('tiny-gpt', load).catch(() => cache.get('tiny-gpt', load));
    expect(retried).toBe('model');
  });

  it('turns a loader that throws at once into a rejected load', async () => {
    const cache = createModelCache(emptyFolders().sourceFor);
    const load: ModelLoader<string> = () => {
      throw new Error('bad loader');
    };
    await expect(cache.get('tiny-gpt', load)).rejects.toThrow('bad loader');
    expect(cache.has('tiny-gpt', load)).toBe(false);
  });

  it('refuses ids that could leave the models folder, before opening anything', async () => {
    const { opened, sourceFor } = emptyFolders();
    const cache = createModelCache(sourceFor);
    const { calls, load } = countingLoader(async () => 'model');
    for (const bad of ['../secrets', 'a/b', '', 'Tiny-GPT', 'x'.repeat(65)]) {
      await expect(cache.get(bad, load)).rejects.toThrow(ModelIdError);
    }
    await expect(cache.get('../secrets')).rejects.toThrow('"../secrets" is not a model name.');
    expect(opened).toEqual([]);
    expect(calls).toEqual([]);
  });

  it('keys each load on its loader: one folder read two ways is loaded twice, once each', async () => {
    const cache = createModelCache(emptyFolders().sourceFor);
    const a = countingLoader(async () => 'as a');
    const b = countingLoader(async () => 'as b');
    expect(await cache.get('translate-rnn', a.load)).toBe('as a');
    expect(await cache.get('translate-rnn', b.load)).toBe('as b');
    expect(await cache.get('translate-rnn', a.load)).toBe('as a');
    expect([a.calls.length, b.calls.length]).toEqual([1, 1]);
    expect(cache.has('translate-rnn')).toBe(false); // not by loadBundle
  });

  it('reads a folder with loadBundle when no loader is given', async () => {
    const cache = createModelCache(emptyFolders().sourceFor);
    await expect(cache.get('no-such-model')).rejects.toThrow(/no config\.json/);
    expect(cache.has('no-such-model')).toBe(false);
  });
});

describe('evict', () => {
  it('forgets the models it is told to, so the next ask loads them again', async () => {
    let loads = 0;
    const cache = createModelCache(() => async () => null);
    const load = async (id: string) => ({ id, n: ++loads });
    await cache.get('hf:a/b', load);
    await cache.get('tiny-gpt', load);
    cache.evict((id) => id === 'tiny-gpt');
    expect(cache.has('hf:a/b', load)).toBe(false);
    expect(cache.has('tiny-gpt', load)).toBe(true);
    expect((await cache.get('hf:a/b', load)).n).toBe(3);
  });
});
