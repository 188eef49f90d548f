/**
 * The BERT-base-shaped forward of bert-base.ts in TensorFlow.js, written the way tfjs code
 * usually is: weight matrices stored (in, out) as its Dense layers store them (the wasm
 * backend is several times slower on transposed operands), heads batched as (nHeads, T, dHead).
 * Post-norm blocks, erf GELU and LayerNorm eps 1e-12, as BERT and encoderConfig have them.
 */
import type * as TF from '@tensorflow/tfjs';
import type { TransformerConfig } from '../../src/models/config.ts';

type Tf = typeof TF;
export type NamedArrays = Map<string, { shape: number[]; data: Float32Array }>;

/** (rows, cols) row-major to (cols, rows): nn.Linear's (out, in) to tfjs's (in, out). */
function transposed(m: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(m.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = m[r * cols + c];
  return out;
}

/** Uploads the weights (named as weights.ts names them) to the current backend; dispose() after timing. */
export function toTfWeights(tf: Tf, cfg: TransformerConfig, named: NamedArrays) {
  const get = (name: string) => {
    const w = named.get(name);
    if (!w) throw new Error(`bert-tfjs: no tensor named ${name}`);
    return w;
  };
  const vector = (name: string) => tf.tensor1d(get(name).data);
  const table = (name: string) => tf.tensor2d(get(name).data, get(name).shape as [number, number]);
  const kernel = (name: string) => {
    const [out, inp] = get(name).shape;
    return tf.tensor2d(transposed(get(name).data, out, inp), [inp, out]); // (in, out)
  };
  const blocks = Array.from({ length: cfg.nLayers }, (_, l) => {
    const p = `blocks.${l}.`;
    return {
      wq: kernel(`${p}attn.wq`), bq: vector(`${p}attn.bq`),
      wk: kernel(`${p}attn.wk`), bk: vector(`${p}attn.bk`),
      wv: kernel(`${p}attn.wv`), bv: vector(`${p}attn.bv`),
      wo: kernel(`${p}attn.wo`), bo: vector(`${p}attn.bo`),
      attnNormGain: vector(`${p}attnNorm.weight`), attnNormBias: vector(`${p}attnNorm.bias`),
      up: kernel(`${p}ffn.up`), upBias: vector(`${p}ffn.upBias`),
      down: kernel(`${p}ffn.down`), downBias: vector(`${p}ffn.downBias`),
      ffnNormGain: vector(`${p}ffnNorm.weight`), ffnNormBias: vector(`${p}ffnNorm.bias`),
    };
  });
  return {
    tokens: table('tokenEmbedding'), // (vocab, d)
    positions: table('positionEmbedding'), // (maxPositions, d)
    types: table('typeEmbedding'), // (2, d)
    embNormGain: vector('embeddingNorm.weight'),
    embNormBias: vector('embeddingNorm.bias'),
    blocks,
  };
}

export type TfWeights = ReturnType<typeof toTfWeights>;

export function disposeTfWeights(tf: Tf, w: TfWeights): void {
  tf.dispose([w.tokens, w.positions, w.types, w.embNormGain, w.embNormBias, ...w.blocks.flatMap((b) => Object.values(b))]);
}

/** The final hidden states (T, d) for one sequence of ids, read back so the backend really computes. */
export function forwardTf(tf: Tf, cfg: TransformerConfig, w: TfWeights, ids: number[]): Float32Array {
  const T = ids.length;
  const { dModel: d, nHeads, normEps } = cfg;
  const dHead = d / nHeads;
  const out = tf.tidy(() => {
    const layerNorm = (x: TF.Tensor2D, g: TF.Tensor1D, b: TF.Tensor1D): TF.Tensor2D => {
      const { mean, variance } = tf.moments(x, -1, true);
      return x.sub(mean).mul(tf.rsqrt(variance.add(normEps))).mul(g).add(b);
    };
    const gelu = (x: TF.Tensor2D): TF.Tensor2D => x.mul(0.5).mul(tf.erf(x.mul(Math.SQRT1_2)).add(1));
    const linear = (x: TF.Tensor2D, wt: TF.Tensor2D, b: TF.Tensor1D): TF.Tensor2D => tf.matMul(x, wt).add(b);
    const toHeads = (m: TF.Tensor2D): TF.Tensor3D => m.reshape([T, nHeads, dHead]).transpose([1, 0, 2]); // (H, T, dHead)

    const positions = tf.range(0, T, 1, 'int32');
    const types = tf.zeros([T], 'int32');
    const embedded = tf.gather(w.tokens, tf.tensor1d(ids, 'int32')).add(tf.gather(w.positions, positions)).add(tf.gather(w.types, types)) as TF.Tensor2D;
    let x = layerNorm(embedded, w.embNormGain, w.embNormBias); // (T, d)
    for (const b of w.blocks) {
      const q = toHeads(linear(x, b.wq, b.bq));
      const k = toHeads(linear(x, b.wk, b.bk));
      const v = toHeads(linear(x, b.wv, b.bv));
      const scores = tf.matMul(q, k, false, true).mul(1 / Math.sqrt(dHead)); // (H, T, T), no padding
      const heads = tf.matMul(tf.softmax(scores), v); // (H, T, dHead)
      const attn = heads.transpose([1, 0, 2]).reshape([T, d]) as TF.Tensor2D;
      x = layerNorm(x.add(linear(attn, b.wo, b.bo)), b.attnNormGain, b.attnNormBias);
      x = layerNorm(x.add(linear(gelu(linear(x, b.up, b.upBias)), b.down, b.downBias)), b.ffnNormGain, b.ffnNormBias);
    }
    return x;
  });
  const values = out.dataSync() as Float32Array;
  out.dispose();
  return values;
}
