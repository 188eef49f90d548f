/**
 * encoderDecoderForward (src/models/encoder-decoder.ts) against PyTorch (scripts/golden_torch.py):
 * Vaswani's layout (post-norm, sinusoidal positions, ReLU), source vocab 30 and target vocab
 * 24, a batch of two with padded sources (lengths 7 and 4) and padded targets (5 and 3).
 * Compares the decoder logits of the batch; a traced run of the padded pair alone, encoder and
 * decoder step by step, including each decoder block's cross-attention heads (whose padded
 * source keys must get zero weight); and the gradients of a teacher-forced loss in both halves
 * (the encoder's reach it only through cross-attention).
 */
import { describe, expect, it } from 'vitest';
import { Tensor, crossEntropy, noGrad, zeroGrad, backward } from '../../src/runtime/index.ts';
import type { TransformerConfig } from '../../src/models/config.ts';
import { encoderDecoderForward, type EncoderDecoderModel } from '../../src/models/encoder-decoder.ts';
import { namedTensors } from '../../src/models/weights.ts';
import type { TransformerModel } from '../../src/models/transformer.ts';
import { expectLayers, expectMatches, loadModelFixture, loadTransformer, type Packed, type PackedLayer } from './golden.ts';

interface SideTrace {
  tokenEmbeddings: Packed;
  positionEmbeddings: Packed;
  embeddings: Packed;
  hidden: Packed;
  layers: PackedLayer[];
}

interface EncDecFixture {
  encoderConfig: TransformerConfig;
  decoderConfig: TransformerConfig;
  encoderWeights: Record<string, Packed>;
  decoderWeights: Record<string, Packed>;
  source: number[][];
  target: number[][];
  sourceLengths: number[];
  targetLengths: number[];
  logits: Packed;
  trace: { b: number; encoder: SideTrace; decoder: SideTrace };
  loss: { targets: number[]; loss: number; encoderGrads: Record<string, Packed>; decoderGrads: Record<string, Packed> };
}

const TOL = { atol: 1e-5, rtol: 1e-5 };
const fx = loadModelFixture<EncDecFixture>('arch_encdec.json');
const model: EncoderDecoderModel = {
  encoder: loadTransformer(fx.encoderConfig, fx.encoderWeights),
  decoder: loadTransformer(fx.decoderConfig, fx.decoderWeights, { crossAttention: true }),
};

function expectSide(m: TransformerModel, got: ReturnType<typeof encoderDecoderForward>['trace'], side: 'encoder' | 'decoder'): void {
  const tr = got?.[side];
  const want = fx.trace[side];
  if (!tr) throw new Error(`no ${side} trace`);
  expectMatches(tr.tokenEmbeddings, want.tokenEmbeddings, TOL, `${side}.tokenEmbeddings`);
  expectMatches(tr.positionEmbeddings, want.positionEmbeddings, TOL, `${side}.positionEmbeddings`);
  expectMatches(tr.embeddings, want.embeddings, TOL, `${side}.embeddings`);
  expectLayers(tr.layers, want.layers, TOL, side);
  expect(tr.finalNorm).toBeNull(); // post-norm: no final norm in either half
  expect(m.config.finalNorm).toBe(false);
}

describe('encoderDecoderForward vs PyTorch (post-norm, sinusoidal, padded source and target)', () => {
  it('gives the decoder logits of a padded batch', () => {
    const r = noGrad(() => encoderDecoderForward(model, fx.source, fx.target, { sourceLengths: fx.sourceLengths, targetLengths: fx.targetLengths }));
    expect(r.output.shape).toEqual([fx.target.length * fx.target[0].length, fx.decoderConfig.vocabSize]);
    expectMatches(r.output, fx.logits, TOL, 'logits');
    expect(r.trace).toBeNull();
  });

  it('traces the padded pair: encoder, decoder self-attention and cross-attention heads', () => {
    const b = fx.trace.b;
    const r = noGrad(() => encoderDecoderForward(model, [fx.source[b]], [fx.target[b]], {
      trace: true, sourceLengths: [fx.sourceLengths[b]], targetLengths: [fx.targetLengths[b]],
    }));
    expectSide(model.encoder, r.trace, 'encoder');
    expectSide(model.decoder, r.trace, 'decoder');
    // Cross-attention never looks at padded source positions.
    for (const layer of r.trace?.decoder.layers ?? []) {
      expect(layer.crossHeads?.length).toBe(fx.decoderConfig.nHeads);
      for (const head of layer.crossHeads ?? []) {
        const S = fx.source[b].length;
        head.weights.data.forEach((w, i) => i % S >= fx.sourceLengths[b] && expect(w).toBe(0));
      }
    }
  });

  it('matches the teacher-forced loss and its gradients in both halves', () => {
    const enc = namedTensors(model.encoder.weights);
    const dec = namedTensors(model.decoder.weights);
    zeroGrad([...enc.values(), ...dec.values()]);
    const r = encoderDecoderForward(model, fx.source, fx.target, { sourceLengths: fx.sourceLengths, targetLengths: fx.targetLengths });
    const loss = crossEntropy(r.output, fx.loss.targets);
    expect(Math.abs(loss.item() - fx.loss.loss)).toBeLessThan(1e-5);
    backward(loss);
    const check = (params: Map<string, Tensor>, grads: Record<string, Packed>, side: string) => {
      for (const [n, g] of Object.entries(grads)) {
        const p = params.get(n) as Tensor;
        expectMatches(new Tensor(p.grad as Float32Array, p.shape), g, { atol: 1e-5, rtol: 5e-5 }, `${side} d${n}`);
      }
    };
    check(enc, fx.loss.encoderGrads, 'encoder');
    check(dec, fx.loss.decoderGrads, 'decoder');
    zeroGrad([...enc.values(), ...dec.values()]);
  });

  it('refuses a decoder without cross-attention', () => {
    const plain = loadTransformer(fx.encoderConfig, fx.encoderWeights);
    expect(() => encoderDecoderForward({ encoder: model.encoder, decoder: plain }, fx.source, fx.target)).toThrow(/cross-attention/);
  });
});
