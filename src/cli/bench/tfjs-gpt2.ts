/**
 * The GPT-2-shaped forward of gpt2-shaped.ts written the way tfjs code is usually written:
 * weight matrices stored (in, out) as tfjs's Dense layers store them (its wasm backend is
 * several times slower on transposed operands), heads batched as (nHeads, T, dHead) rather
 * than sliced one by one.
 */
import type * as TF from '@tensorflow/tfjs';
import type { Gpt2ShapedConfig, Gpt2ShapedWeights } from './gpt2-shaped.ts';
import { causalMask } from '../../models/attention.ts';

type Tf = typeof TF;

/** (rows, cols) row-major to (cols, rows): nn.Linear's (out, in) to tfjs's (in, out). */
function transposed(m: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(m.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = m[r * cols + c];
  return out;
}

/** Uploads the weights to the current backend; dispose() them after timing. */
export function toTfWeights(tf: Tf, cfg: Gpt2ShapedConfig, w: Gpt2ShapedWeights) {
  const { dModel: d, dFF, T } = cfg;
  const kernel = (m: Float32Array, out: number, inp: number) => tf.tensor2d(transposed(m, out, inp), [inp, out]);
  const blocked = causalMask(T);
  // An additive mask: -1e9 where blocked (tfjs softmax of -Infinity rows would be NaN-prone).
  const maskAdd = Float32Array.from(blocked, (m) => (m ? -1e9 : 0));
  return {
    blocks: w.blocks.map((b) => ({
      ln1Gamma: tf.tensor1d(b.ln1Gamma), ln1Beta: tf.tensor1d(b.ln1Beta),
      wQkv: kernel(b.wQkv, 3 * d, d), bQkv: tf.tensor1d(b.bQkv), // (d, 3d)
      wO: kernel(b.wO, d, d), bO: tf.tensor1d(b.bO),
      ln2Gamma: tf.tensor1d(b.ln2Gamma), ln2Beta: tf.tensor1d(b.ln2Beta),
      wUp: kernel(b.wUp, dFF, d), bUp: tf.tensor1d(b.bUp), // (d, dFF)
      wDown: kernel(b.wDown, d, dFF), bDown: tf.tensor1d(b.bDown), // (dFF, d)
    })),
    lnFGamma: tf.tensor1d(w.lnFGamma),
    lnFBeta: tf.tensor1d(w.lnFBeta),
    x: tf.tensor2d(w.x, [T, d]),
    mask: tf.tensor2d(maskAdd, [T, T]),
  };
}

export type TfWeights = ReturnType<typeof toTfWeights>;

export function disposeTfWeights(tf: Tf, w: TfWeights): void {
  tf.dispose([w.lnFGamma, w.lnFBeta, w.x, w.mask, ...w.blocks.flatMap((b) => Object.values(b))]);
}

/** Runs the forward and reads the result back (so lazy backends really compute); returns it. */
export function forwardTf(tf: Tf, cfg: Gpt2ShapedConfig, w: TfWeights): Float32Array {
  const { T, dModel: d, nHeads } = cfg;
  const dHead = d / nHeads;
  const out = tf.tidy(() => {
    const layerNorm = (x: TF.Tensor2D, g: TF.Tensor1D, b: TF.Tensor1D): TF.Tensor2D => {
      const { mean, variance } = tf.moments(x, -1, true);
      return x.sub(mean).mul(tf.rsqrt(variance.add(1e-5))).mul(g).add(b);
    };
    const geluTanh = (x: TF.Tensor2D): TF.Tensor2D =>
      x.mul(0.5).mul(tf.tanh(x.add(x.pow(3).mul(0.044715)).mul(Math.sqrt(2 / Math.PI))).add(1));
    const linear = (x: TF.Tensor2D, wt: TF.Tensor2D, b: TF.Tensor1D): TF.Tensor2D => tf.matMul(x, wt).add(b);
    const toHeads = (m: TF.Tensor2D): TF.Tensor3D => m.reshape([T, nHeads, dHead]).transpose([1, 0, 2]); // (H, T, dHead)

    let x: TF.Tensor2D = w.x;
    for (const b of w.blocks) {
      const qkv = linear(layerNorm(x, b.ln1Gamma, b.ln1Beta), b.wQkv, b.bQkv); // (T, 3d)
      const [q, k, v] = tf.split(qkv, 3, 1) as [TF.Tensor2D, TF.Tensor2D, TF.Tensor2D];
      const scores = tf.matMul(toHeads(q), toHeads(k), false, true).mul(1 / Math.sqrt(dHead)).add(w.mask); // (H, T, T)
      const heads = tf.matMul(tf.softmax(scores), toHeads(v)); // (H, T, dHead)
      const attn = heads.transpose([1, 0, 2]).reshape([T, d]) as TF.Tensor2D;
      x = x.add(linear(attn, b.wO, b.bO));
      x = x.add(linear(geluTanh(linear(layerNorm(x, b.ln2Gamma, b.ln2Beta), b.wUp, b.bUp)), b.wDown, b.bDown));
    }
    return layerNorm(x, w.lnFGamma, w.lnFBeta);
  });
  const values = out.dataSync() as Float32Array;
  out.dispose();
  return values;
}
