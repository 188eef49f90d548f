/**
 * The translators' model folders (src/checkpoints/atlas-translation.ts): what is saved loads
 * back into a model that translates the same way, and malformed folders are rejected with a
 * CheckpointError that says what is wrong.
 */
import { describe, expect, it } from 'vitest';
import {
  loadTranslationModel, translationModelFiles, translationParameters, WordVocab, createTranslateTransformer,
} from '../../src/checkpoints/atlas-translation.ts';
import { CheckpointError } from '../../src/checkpoints/errors.ts';
import { serializeSafetensors } from '../../src/checkpoints/safetensors.ts';
import { Tensor } from '../../src/runtime/index.ts';
import { createRnnTranslator, translateRnn, translateRnnSettings } from '../../src/train/recipes/translate-rnn.ts';
import {
  createTransformerTranslator, transformerPairConfig, translateTransformer, translateTransformerSettings,
} from '../../src/train/recipes/translate-transformer.ts';
import { translationVocabs } from '../../src/train/recipes/translate-common.ts';

const tinyRnn = () => createRnnTranslator({ ...translateRnnSettings, model: { dEmb: 8, dEnc: 8, dDec: 12, dAttn: 8 } });
const tinyTransformer = () =>
  createTransformerTranslator({ ...translateTransformerSettings, model: { dModel: 16, nHeads: 2, nLayers: 2, dFF: 32, maxPositions: 32 } });

type Files = Record<string, Uint8Array | string>;

function source(files: Files) {
  return async (name: string) => {
    const f = files[name];
    return f === undefined ? null : typeof f === 'string' ? new TextEncoder().encode(f) : f;
  };
}

async function rejects(files: Files, message: RegExp): Promise<void> {
  const error = await loadTranslationModel(source(files)).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(CheckpointError);
  expect((error as Error).message).toMatch(message);
}

function withConfig(files: Files, edit: (c: Record<string, any>) => void): Files {
  const c = JSON.parse(files['config.json'] as string);
  edit(c);
  return { ...files, 'config.json': JSON.stringify(c) };
}

const sentence = 'The cat sees the red car!';

describe('translation model files', () => {
  it('an RNN translator loads back and translates exactly as before', async () => {
    const m = tinyRnn();
    const before = translateRnn(m, sentence);
    const loaded = await loadTranslationModel(source(translationModelFiles(m)));
    expect(loaded.kind).toBe('rnn');
    if (loaded.kind !== 'rnn') return;
    const after = translateRnn(loaded, sentence);
    expect(after.tokens).toEqual(before.tokens);
    expect([...after.alignment.data]).toEqual([...before.alignment.data]);
    expect(loaded.vocabs.fr.words).toEqual(m.vocabs.fr.words);
  });

  it('a Transformer translator loads back and translates exactly as before', async () => {
    const m = tinyTransformer();
    const before = translateTransformer(m, sentence);
    const loaded = await loadTranslationModel(source(translationModelFiles(m)));
    expect(loaded.kind).toBe('transformer');
    if (loaded.kind !== 'transformer') return;
    const after = translateTransformer(loaded, sentence);
    expect(after.tokens).toEqual(before.tokens);
    expect([...after.alignment.data]).toEqual([...before.alignment.data]);
    expect(loaded.config).toEqual(m.config);
  });

  describe('rejects malformed folders', () => {
    const good = translationModelFiles(tinyRnn());
    const goodTf = translationModelFiles(tinyTransformer());

    it('missing files', async () => {
      for (const name of ['config.json', 'model.safetensors', 'vocab-en.txt', 'vocab-fr.txt']) {
        const files = { ...good };
        delete files[name];
        await rejects(files, new RegExp(`no ${name}`));
      }
    });

    it('config.json that is not JSON, or not one of the two model types', async () => {
      await rejects({ ...good, 'config.json': '{"model_type": ' }, /not valid JSON/);
      await rejects({ ...good, 'config.json': '[1]' }, /must be an object/);
      await rejects(withConfig(good, (c) => (c.model_type = 'bert')), /model_type must be/);
    });

    it('config fields missing, mistyped or out of range', async () => {
      await rejects(withConfig(good, (c) => delete c.config.dDec), /missing "dDec"/);
      await rejects(withConfig(good, (c) => (c.config.dEnc = '8')), /dEnc must be a number/);
      await rejects(withConfig(good, (c) => (c.config.dAttn = 0)), /dAttn must be a positive integer/);
      await rejects(withConfig(good, (c) => (c.config.eosId = 5)), /pad, bos, eos ids/);
      await rejects(withConfig(goodTf, (c) => (c.config.decoder.causal = false)), /decoder must be causal/);
      await rejects(withConfig(goodTf, (c) => (c.config.encoder.norm = 'batch')), /encoder\.norm must be one of/);
      await rejects(withConfig(goodTf, (c) => (c.config.decoder.nHeads = 3)), /not divisible into 3 heads/);
    });

    it('vocabularies that do not fit the config or are not word lists', async () => {
      const en = (good['vocab-en.txt'] as string).split('\n');
      await rejects({ ...good, 'vocab-en.txt': en.slice(0, -2).join('\n') }, /source vocabulary \d+ but vocab-en.txt has/);
      await rejects({ ...good, 'vocab-en.txt': [en[4], ...en.slice(1)].join('\n') }, /vocab-en.txt: line 1 must be <pad>/);
      await rejects({ ...good, 'vocab-fr.txt': (good['vocab-fr.txt'] as string).replace('\nchat\n', '\nchat\nchat\n') }, /"chat" appears twice/);
      await rejects({ ...good, 'vocab-fr.txt': (good['vocab-fr.txt'] as string).replace('\nchat\n', '\nle chat\n') }, /not a single word/);
    });

    it('weights that are corrupt, missing or of the wrong shape', async () => {
      const bytes = good['model.safetensors'] as Uint8Array;
      await rejects({ ...good, 'model.safetensors': bytes.subarray(0, bytes.length - 4) }, /trailing|past the end|truncated/);
      const params = translationParameters(tinyRnn());
      const missing = new Map(params);
      missing.delete('out.bias');
      await rejects({ ...good, 'model.safetensors': serializeSafetensors(missing) }, /out\.bias: missing/);
      const wrong = new Map(params);
      wrong.set('bridge.weight', new Tensor(new Float32Array(4), [2, 2]));
      await rejects({ ...good, 'model.safetensors': serializeSafetensors(wrong) }, /bridge\.weight: file has \(2, 2\)/);
    });
  });

  it('a vocabulary maps unknown words to <unk> and round-trips through text', () => {
    const v = WordVocab.of(['cat', 'dog']);
    expect(v.id('dog')).toBe(5);
    expect(v.id('zebra')).toBe(3);
    expect(WordVocab.fromText(v.toText()).words).toEqual(v.words);
  });

  it('refuses an encoder-decoder pair the decode loop cannot run', () => {
    const vocabs = translationVocabs();
    const c = transformerPairConfig(vocabs);
    expect(() => createTranslateTransformer({ ...c, encoder: { ...c.encoder, causal: true } }, vocabs, 0)).toThrow(/encoder must not be causal/);
    expect(() => createTranslateTransformer({ ...c, decoder: { ...c.decoder, dModel: 32, nHeads: 4 } }, vocabs, 0)).toThrow(/dModel/);
  });
});
