/**
 * Matrix products with their gradients. Everything routes through gemm(), which takes
 * transposition flags, so no backward ever materialises a transposed copy.
 */
import { makeResult, gradOf } from '../autograd.ts';
import { gemm } from '../gemm.ts';
import { Tensor, ShapeError, shapeStr } from '../tensor.ts';

/** Checks that both operands are matrices; the error names both shapes, as every shape error does. */
function matrices(op: string, a: Tensor, b: Tensor): [number, number, number, number] {
  if (a.rank !== 2 || b.rank !== 2) {
    throw new ShapeError(`${op}: ${shapeStr(a.shape)} and ${shapeStr(b.shape)}: expected two matrices`);
  }
  return [a.shape[0], a.shape[1], b.shape[0], b.shape[1]];
}

/** (M, K) @ (K, N) -> (M, N). */
export function matmul(a: Tensor, b: Tensor): Tensor {
  const [M, K, K2, N] = matrices('matmul', a, b);
  if (K !== K2) throw new ShapeError(`matmul: ${shapeStr(a.shape)} x ${shapeStr(b.shape)}: inner dims differ`);
  const out = new Float32Array(M * N);
  gemm(a.data, b.data, out, M, K, N);
  return makeResult('matmul', out, [M, N], [a, b], (g) => {
    if (a.requiresGrad) gemm(g, b.data, gradOf(a), M, N, K, false, true, true); // dA = G B^T
    if (b.requiresGrad) gemm(a.data, g, gradOf(b), K, M, N, true, false, true); // dB = A^T G
  });
}

/** (M, K) @ (N, K)^T -> (M, N): scores Q K^T, and x W^T for nn.Linear-layout weights. */
export function matmulT(a: Tensor, b: Tensor): Tensor {
  const [M, K, N, K2] = matrices('matmulT', a, b);
  if (K !== K2) throw new ShapeError(`matmulT: ${shapeStr(a.shape)} x ${shapeStr(b.shape)}^T: inner dims differ`);
  const out = new Float32Array(M * N);
  gemm(a.data, b.data, out, M, K, N, false, true);
  return makeResult('matmulT', out, [M, N], [a, b], (g) => {
    if (a.requiresGrad) gemm(g, b.data, gradOf(a), M, N, K, false, false, true); // dA = G B
    if (b.requiresGrad) gemm(g, a.data, gradOf(b), N, M, K, true, false, true); // dB = G^T A
  });
}

/**
 * y = x W^T + b with W in nn.Linear layout (out, in), fused so the bias costs no extra pass
 * over memory in the graph.
 */
export function linear(x: Tensor, weight: Tensor, bias?: Tensor): Tensor {
  const [M, K, N, K2] = matrices('linear', x, weight);
  if (K !== K2) {
    throw new ShapeError(`linear: input ${shapeStr(x.shape)} does not fit weight ${shapeStr(weight.shape)} (out, in)`);
  }
  if (bias && (bias.rank !== 1 || bias.shape[0] !== N)) {
    throw new ShapeError(`linear: bias ${shapeStr(bias.shape)} does not fit weight ${shapeStr(weight.shape)}`);
  }
  const out = new Float32Array(M * N);
  if (bias) for (let i = 0; i < M; i++) out.set(bias.data, i * N);
  gemm(x.data, weight.data, out, M, K, N, false, true, bias !== undefined);
  const parents = bias ? [x, weight, bias] : [x, weight];
  return makeResult('linear', out, [M, N], parents, (g) => {
    if (x.requiresGrad) gemm(g, weight.data, gradOf(x), M, N, K, false, false, true);
    if (weight.requiresGrad) gemm(g, x.data, gradOf(weight), N, M, K, true, false, true);
    if (bias?.requiresGrad) {
      const gb = gradOf(bias);
      for (let i = 0, o = 0; i < M; i++) for (let j = 0; j < N; j++, o++) gb[j] += g[o];
    }
  });
}

/** Transpose of a matrix. */
export function transpose(a: Tensor): Tensor {
  const [R, C] = a.dims2('transpose');
  const out = new Float32Array(R * C);
  for (let i = 0; i < R; i++) for (let j = 0; j < C; j++) out[j * R + i] = a.data[i * C + j];
  return makeResult('transpose', out, [C, R], [a], (g) => {
    const ga = gradOf(a);
    for (let i = 0; i < R; i++) for (let j = 0; j < C; j++) ga[i * C + j] += g[j * R + i];
  });
}
