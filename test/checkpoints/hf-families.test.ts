/**
 * Issue 11's families, each written at test time into a temporary folder under its own
 * Hugging Face names and opened as a model folder: BERT under bert-base-uncased's old names
 * (gamma/beta, pooler, next-sentence head), DistilBERT (checked against the same weights in
 * BERT's layout), GPT-2 with its attn.bias mask buffers, Llama with and without
 * tie_word_embeddings (logits checked against the right matrix by hand), and ViT.
 */
// @vitest-environment node
import { mkdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBundle } from '../../src/checkpoints/bundle.ts';
import { toBert, toGpt2 } from '../../src/checkpoints/hf-export.ts';
import { toVit } from '../../src/checkpoints/hf-export-vit.ts';
import { loadHfModel, type LoadedModel } from '../../src/checkpoints/hf-load.ts';
import { serializeSafetensors } from '../../src/checkpoints/safetensors.ts';
import { decoderConfig } from '../../src/models/config.ts';
import { transformerForward, type TransformerModel } from '../../src/models/transformer.ts';
import { initVit, vitConfig, vitForward } from '../../src/models/vit.ts';
import { namedTensors } from '../../src/models/weights.ts';
import { noGrad, Rng, Tensor } from '../../src/runtime/index.ts';
import {
  distilbertCheckpoint, folderSource, llamaCheckpoint, randomModel, readBytes, readText, smallEncoder, smallLlama, tempFolder, writeFolder,
} from './hf-folder.ts';

const tmp = tempFolder();
afterAll(tmp.cleanup);
let folders = 0;

/** Writes config.json + model.safetensors into a fresh subfolder and opens it with loadBundle. */
async function openFolder(config: object, tensors: Map<string, Tensor>, dtype: 'F32' | 'F16' = 'F32'): Promise<TransformerModel> {
  const dir = `${tmp.dir}/m${folders++}`;
  mkdirSync(dir);
  writeFolder(dir, { 'config.json': config, 'model.safetensors': serializeSafetensors(tensors, { dtype }) });
  const bundle = await loadBundle('test', folderSource(dir));
  if (bundle.kind !== 'text') throw new Error('expected a text model');
  // The folder is read back exactly as written: same bytes through loadHfModel.
  expect(loadHfModel(readText(dir, 'config.json'), readBytes(dir, 'model.safetensors')).family).toBe(bundle.family);
  return bundle.model;
}

function logitsOf(model: TransformerModel, ids: number[]): Float32Array {
  return noGrad(() => transformerForward(model, [ids]).output.data);
}

function expectClose(got: Float32Array, want: Float32Array, digits = 5): void {
  expect(got.length).toBe(want.length);
  want.forEach((v, i) => expect(got[i]).toBeCloseTo(v, digits));
}

describe('BERT under the names bert-base-uncased ships', () => {
  it('reads gamma/beta LayerNorms and ignores the pooler, next-sentence head, position_ids and tied decoder', async () => {
    const model = smallEncoder(1);
    const hf = toBert(model);
    const d = model.config.dModel;
    const tensors = new Map([...hf.tensors].map(([k, v]) => [k.replace(/LayerNorm\.weight$/, 'LayerNorm.gamma').replace(/LayerNorm\.bias$/, 'LayerNorm.beta'), v]));
    tensors.set('bert.embeddings.position_ids', new Tensor(Float32Array.from({ length: 10 }, (_, i) => i), [1, 10]));
    tensors.set('bert.pooler.dense.weight', Tensor.zeros([d, d])).set('bert.pooler.dense.bias', Tensor.zeros([d]));
    tensors.set('cls.seq_relationship.weight', Tensor.zeros([2, d])).set('cls.seq_relationship.bias', Tensor.zeros([2]));
    tensors.set('cls.predictions.decoder.weight', model.weights.tokenEmbedding);
    expect(tensors.has('cls.predictions.transform.LayerNorm.gamma')).toBe(true);
    const loaded = await openFolder(hf.config, tensors);
    expect(loaded.config).toMatchObject({ lmHead: 'tied', mlmTransform: true, typeVocabSize: 2 });
    expectClose(logitsOf(loaded, [2, 9, 4, 4, 10, 3]), logitsOf(model, [2, 9, 4, 4, 10, 3]));
  });
});

describe('DistilBERT', () => {
  it('gives the logits of the same weights mapped into BERT\'s layout', async () => {
    const model = smallEncoder(3, { typeVocabSize: 0 });
    const distil = distilbertCheckpoint(model);
    distil.tensors.set('distilbert.embeddings.position_ids', new Tensor(Float32Array.from({ length: 10 }, (_, i) => i), [1, 10]));
    const loaded = await openFolder(distil.config, distil.tensors);
    expect(loaded.config).toMatchObject({ dModel: 16, nHeads: 4, nLayers: 2, dFF: 32, typeVocabSize: 0, preNorm: false, normEps: 1e-12, mlmTransform: true });
    expect(loaded.weights.typeEmbedding).toBeUndefined();
    const bert = toBert(model); // BERT's layout adds a zero segment table: the sums are the same
    const asBert = loadHfModel(JSON.stringify(bert.config), serializeSafetensors(bert.tensors)) as Extract<LoadedModel, { kind: 'text' }>;
    const ids = [1, 7, 3, 10, 0, 5, 5];
    expectClose(logitsOf(loaded, ids), logitsOf(asBert.model, ids));
    noGrad(() => {
      const a = transformerForward(loaded, [ids], { trace: true }).trace!.layers[1].heads[2].weights.data;
      const b = transformerForward(asBert.model, [ids], { trace: true }).trace!.layers[1].heads[2].weights.data;
      expectClose(a, b, 6);
    });
  });

  it('loads a DistilBertModel (no prefix, no vocab head) as an encoder without LM head', async () => {
    const model = smallEncoder(4, { typeVocabSize: 0 });
    const distil = distilbertCheckpoint(model);
    const bare = new Map([...distil.tensors].filter(([k]) => k.startsWith('distilbert.')).map(([k, v]) => [k.slice('distilbert.'.length), v]));
    const loaded = await openFolder({ ...distil.config, architectures: ['DistilBertModel'] }, bare);
    expect(loaded.config.lmHead).toBe('none');
    const ids = [3, 1, 4, 1, 5];
    expectClose(logitsOf(loaded, ids), noGrad(() => transformerForward(model, [ids], { logits: false }).hidden.data));
  });
});

describe('GPT-2', () => {
  const config = decoderConfig({ vocabSize: 13, dModel: 16, nHeads: 2, nKvHeads: 2, nLayers: 2, dFF: 24, maxPositions: 9, activation: 'geluTanh' });

  it('skips the attn.bias and attn.masked_bias buffers the hub checkpoint ships', async () => {
    const model = randomModel(config, 5);
    const hf = toGpt2(model);
    const P = config.maxPositions;
    const mask = new Tensor(Float32Array.from({ length: P * P }, (_, i) => (i % P <= Math.floor(i / P) ? 1 : 0)), [1, 1, P, P]);
    for (let l = 0; l < config.nLayers; l++) {
      hf.tensors.set(`transformer.h.${l}.attn.bias`, mask).set(`transformer.h.${l}.attn.masked_bias`, new Tensor(new Float32Array([-1e4]), []));
    }
    const loaded = await openFolder(hf.config, hf.tensors);
    expectClose(logitsOf(loaded, [1, 5, 7, 0, 12, 3]), logitsOf(model, [1, 5, 7, 0, 12, 3]));
  });

  it('decodes F16 weights tensor by tensor into the model', async () => {
    const model = randomModel(config, 6);
    const hf = toGpt2(model);
    const loaded = await openFolder(hf.config, hf.tensors, 'F16');
    const w = loaded.weights.blocks[1].attn.wk.data;
    model.weights.blocks[1].attn.wk.data.forEach((v, i) => expect(Math.abs(w[i] - v)).toBeLessThan(1e-3 * Math.max(1, Math.abs(v))));
    expectClose(logitsOf(loaded, [4, 4, 2]), logitsOf(model, [4, 4, 2]), 2);
  });
});

describe('Llama: grouped-query heads, RoPE, and the head tied only when the config says so', () => {
  /** logits = hidden . W^T, by hand, for the matrix the config should pick. */
  function expectLogitsFrom(model: TransformerModel, table: Tensor, ids: number[]): void {
    noGrad(() => {
      const r = transformerForward(model, [ids]);
      const [V, d] = table.shape;
      for (let t = 0; t < ids.length; t++) {
        for (let v = 0; v < V; v++) {
          let s = 0;
          for (let i = 0; i < d; i++) s += r.hidden.data[t * d + i] * table.data[v * d + i];
          expect(r.output.data[t * V + v]).toBeCloseTo(s, 4);
        }
      }
    });
  }

  it('uses lm_head.weight when the config has no tie_word_embeddings (Hugging Face\'s Llama default)', async () => {
    const model = smallLlama(7, { lmHead: 'separate' });
    const hf = llamaCheckpoint(model);
    expect(hf.config).not.toHaveProperty('tie_word_embeddings');
    const loaded = await openFolder(hf.config, hf.tensors);
    expect(loaded.config).toMatchObject({ nHeads: 4, nKvHeads: 2, positions: 'rotary', lmHead: 'separate' });
    expectLogitsFrom(loaded, model.weights.lmHead!, [1, 2, 3, 12, 0]);
    expectClose(logitsOf(loaded, [1, 2, 3, 12, 0]), logitsOf(model, [1, 2, 3, 12, 0]));
  });

  it('uses lm_head.weight with tie_word_embeddings: false too', async () => {
    const model = smallLlama(8, { lmHead: 'separate' });
    const hf = llamaCheckpoint(model, { tieKey: true });
    expect(hf.config.tie_word_embeddings).toBe(false);
    expectLogitsFrom(await openFolder(hf.config, hf.tensors), model.weights.lmHead!, [5, 6, 7]);
  });

  it('uses the token table with tie_word_embeddings: true, ignoring a saved copy of it as lm_head.weight', async () => {
    const model = smallLlama(9, { lmHead: 'tied' });
    const hf = llamaCheckpoint(model);
    expect(hf.config.tie_word_embeddings).toBe(true);
    const loaded = await openFolder(hf.config, hf.tensors);
    expect(loaded.config.lmHead).toBe('tied');
    expectLogitsFrom(loaded, model.weights.tokenEmbedding, [5, 6, 7, 8]);
    hf.tensors.set('lm_head.weight', model.weights.tokenEmbedding);
    expectLogitsFrom(await openFolder(hf.config, hf.tensors), model.weights.tokenEmbedding, [5, 6, 7, 8]);
  });
});

describe('ViT', () => {
  it('opens ViTForImageClassification, ignoring a pooler it does not run', async () => {
    const config = vitConfig({ imageSize: 8, patchSize: 4, channels: 3, numClasses: 3, dModel: 16, nHeads: 2, nKvHeads: 2, nLayers: 2, dFF: 24 });
    const model = { config, weights: initVit(config, new Rng(11)) };
    const rng = new Rng(12);
    for (const t of namedTensors(model.weights).values()) for (let i = 0; i < t.size; i++) t.data[i] += rng.normal() * 0.1;
    const hf = toVit(model);
    hf.tensors.set('vit.pooler.dense.weight', Tensor.zeros([16, 16])).set('vit.pooler.dense.bias', Tensor.zeros([16]));
    const dir = `${tmp.dir}/vit`;
    mkdirSync(dir);
    writeFolder(dir, { 'config.json': hf.config, 'model.safetensors': serializeSafetensors(hf.tensors) });
    const bundle = await loadBundle('vit', folderSource(dir));
    if (bundle.kind !== 'vision') throw new Error('expected a vision model');
    const image = Float32Array.from({ length: 3 * 64 }, () => rng.next());
    expectClose(noGrad(() => vitForward(bundle.model, [image]).output.data), noGrad(() => vitForward(model, [image]).output.data));
  });
});
