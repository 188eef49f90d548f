/**
 * The runtime's public surface: tensors, differentiable ops, autograd, optimisers, rng, and
 * the small numeric helpers on plain vectors (argmax, topK, cosine).
 * Pure TypeScript with no Node or DOM APIs, so it runs in Node, Vitest, a Web Worker or a page.
 */
export { Tensor, ShapeError, shapeStr, sizeOf, sameShape, type Shape } from './tensor.ts';
export { backward, noGrad, isGradEnabled, zeroGrad, gradOf, makeResult } from './autograd.ts';
export { gemm, setGemmParallelism, gemmParallelism, PARALLEL_MIN_FLOPS, type GemmParallelism } from './gemm.ts';
export { createGemmPool, type GemmPool, type GemmPoolOptions, type SpawnGemmWorker, type WorkerLike } from './parallel/pool.ts';
export { createGemmWorkerHandler } from './parallel/worker.ts';
export { add, sub, mul, scale, sum, mean } from './ops/elementwise.ts';
export { gelu, geluTanh, sigmoid, silu, tanh, relu, log, erf } from './ops/activations.ts';
export { matmul, matmulT, linear, transpose } from './ops/linalg.ts';
export { reshape, sliceRows, sliceCols, concatRows, concatCols, embedding, gather } from './ops/shape.ts';
export { softmax, maskFill, crossEntropy } from './ops/softmax.ts';
export { layerNorm, rmsNorm } from './ops/norm.ts';
export { dropout } from './ops/dropout.ts';
export { rope } from './ops/rope.ts';
export { AdamW, warmupCosine, clipGradNorm, type AdamWConfig } from './optim.ts';
export { Rng } from './rng.ts';
export { argmax, topK, cosine } from './numeric.ts';
export { normalParam, uniformParam, constParam } from './init.ts';
