/**
 * The Hugging Face BERT mapping (src/checkpoints/hf-config.ts, hf-weights.ts, hf-load.ts) on a
 * tiny BertForMaskedLM written by hand after transformers' modeling_bert.py
 * (scripts/golden_hf.py), saved as a real config.json + model.safetensors by Python. Through
 * loadHfModel it must give PyTorch's MLM logits for a padded batch with token types, every
 * layer's hidden states and attention probabilities; load the same tensors as a headless
 * BertModel checkpoint (no `bert.` prefix, no `cls.*`) and with the old gamma/beta LayerNorm
 * names; and reject a checkpoint that disagrees with its config.json (naming the tensor and both
 * shapes) or lacks a tensor (naming it).
 */
import { describe, expect, it } from 'vitest';
import { Tensor, noGrad } from '../../src/runtime/index.ts';
import { loadHfModel } from '../../src/checkpoints/hf-load.ts';
import { parseSafetensors, serializeSafetensors } from '../../src/checkpoints/safetensors.ts';
import { transformerForward, type TransformerModel } from '../../src/models/transformer.ts';
import { expectMatches, fixtureBytes, fixtureText, loadModelFixture, slice, type Packed } from './golden.ts';

interface Expected {
  ids: number[][];
  tokenTypes: number[][];
  lengths: number[];
  logits: Packed; // (B, T, V)
  hiddenStates: Packed[]; // embeddings, then each layer's output: (B, T, d)
  attentions: Packed[]; // per layer (B, H, T, T)
}

const TOL = { atol: 1e-5, rtol: 1e-5 };
const configText = fixtureText('hf-bert-tiny/config.json');
const bytes = fixtureBytes('hf-bert-tiny/model.safetensors');
const want = loadModelFixture<Expected>('hf-bert-tiny/expected.json');

function load(config: string, file: Uint8Array): TransformerModel {
  const loaded = loadHfModel(config, file);
  if (loaded.kind !== 'text' || loaded.family !== 'bert') throw new Error(`loaded a ${loaded.family}`);
  return loaded.model;
}

/** The checkpoint's tensors, edited, written back as a safetensors file. */
function edited(edit: (tensors: Map<string, Tensor>) => Map<string, Tensor>): Uint8Array {
  return serializeSafetensors(edit(new Map(parseSafetensors(bytes).tensors)));
}

const withConfig = (over: Record<string, unknown>) => JSON.stringify({ ...JSON.parse(configText), ...over });

describe('Hugging Face BERT (BertForMaskedLM) through loadHfModel', () => {
  const model = load(configText, bytes);

  it('maps config.json onto a post-norm encoder with a tied MLM head', () => {
    expect(model.config).toMatchObject({
      vocabSize: 30, dModel: 32, nHeads: 4, nLayers: 2, dFF: 64, maxPositions: 16, typeVocabSize: 2, normEps: 1e-12,
      preNorm: false, embeddingNorm: true, finalNorm: false, activation: 'gelu', lmHead: 'tied', mlmTransform: true,
    });
  });

  it("gives PyTorch's MLM logits for a padded batch with token types", () => {
    const r = noGrad(() => transformerForward(model, want.ids, { lengths: want.lengths, tokenTypes: want.tokenTypes }));
    expectMatches(r.output, want.logits, TOL, 'logits');
  });

  it('gives every hidden state and attention probability, sequence by sequence', () => {
    want.ids.forEach((ids, b) => {
      const r = noGrad(() => transformerForward(model, [ids], { trace: true, lengths: [want.lengths[b]], tokenTypes: [want.tokenTypes[b]] }));
      const tr = r.trace;
      if (!tr) throw new Error('no trace');
      expectMatches(tr.embeddings, slice(want.hiddenStates[0], b), TOL, `embeddings ${b}`);
      tr.layers.forEach((layer, l) => {
        expectMatches(layer.output, slice(want.hiddenStates[l + 1], b), TOL, `hidden_states[${l + 1}] ${b}`);
        const probs = slice(want.attentions[l], b); // (H, T, T)
        const size = probs.data.length / layer.heads.length;
        layer.heads.forEach((head, h) => expectMatches(head.weights, { shape: probs.shape.slice(1), data: probs.data.subarray(h * size, (h + 1) * size) }, TOL, `attentions[${l}] ${b}.${h}`));
      });
    });
  });

  it('loads a headless BertModel checkpoint (no bert. prefix, no cls.*) as an encoder without LM head', () => {
    const file = edited((t) => new Map([...t].filter(([k]) => k.startsWith('bert.')).map(([k, v]) => [k.slice('bert.'.length), v])));
    const bare = load(configText, file);
    expect(bare.config.lmHead).toBe('none');
    const r = noGrad(() => transformerForward(bare, want.ids, { lengths: want.lengths, tokenTypes: want.tokenTypes }));
    expectMatches(r.output, want.hiddenStates[want.hiddenStates.length - 1], TOL, 'last hidden state');
  });

  it('ignores tensors of heads it does not run (pooler, next-sentence classifier)', () => {
    const file = edited((t) => new Map(t)
      .set('bert.pooler.dense.weight', Tensor.zeros([32, 32])).set('bert.pooler.dense.bias', Tensor.zeros([32]))
      .set('cls.seq_relationship.weight', Tensor.zeros([2, 32])).set('cls.seq_relationship.bias', Tensor.zeros([2])));
    const r = noGrad(() => transformerForward(load(configText, file), want.ids, { lengths: want.lengths, tokenTypes: want.tokenTypes }));
    expectMatches(r.output, want.logits, TOL, 'logits');
  });

  it('reads LayerNorm parameters under the old gamma/beta names', () => {
    const file = edited((t) => new Map([...t].map(([k, v]) => [k.replace(/LayerNorm\.weight$/, 'LayerNorm.gamma').replace(/LayerNorm\.bias$/, 'LayerNorm.beta'), v])));
    expect(parseSafetensors(file).tensors.has('bert.embeddings.LayerNorm.gamma')).toBe(true);
    const r = noGrad(() => transformerForward(load(configText, file), want.ids, { lengths: want.lengths, tokenTypes: want.tokenTypes }));
    expectMatches(r.output, want.logits, TOL, 'logits');
  });

  it('rejects a checkpoint whose shapes disagree with config.json, naming the tensor and both shapes', () => {
    expect(() => load(withConfig({ intermediate_size: 48 }), bytes)).toThrow(
      'bert.encoder.layer.0.intermediate.dense.weight: file has (64, 32), config expects (48, 32)',
    );
    const file = edited((t) => {
      const key = 'bert.encoder.layer.1.attention.self.key.weight';
      const w = t.get(key) as Tensor;
      return new Map(t).set(key, new Tensor(w.data, [16, 64]));
    });
    expect(() => load(configText, file)).toThrow('bert.encoder.layer.1.attention.self.key.weight: file has (16, 64), config expects (32, 32)');
  });

  it('names a missing tensor', () => {
    const file = edited((t) => {
      t.delete('bert.encoder.layer.1.attention.self.value.bias');
      return t;
    });
    expect(() => load(configText, file)).toThrow(/bert\.encoder\.layer\.1\.attention\.self\.value\.bias/);
  });
});
