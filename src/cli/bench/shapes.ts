/** The matrix products the benchmark times, named M x K x N, with the layout each comes in. */

export interface MatmulShape {
  M: number;
  K: number;
  N: number;
  /** True when B is stored (N, K), as nn.Linear weights and K in Q K^T are. */
  transB: boolean;
  /** What the product is in a Transformer. */
  what: string;
}

export const MATMUL_SHAPES: readonly MatmulShape[] = [
  { M: 32, K: 768, N: 768, transB: true, what: 'x W^T: attention projection, 32 tokens, GPT-2 small' },
  { M: 32, K: 768, N: 3072, transB: true, what: 'x W^T: MLP up-projection, 32 tokens, GPT-2 small' },
  { M: 128, K: 64, N: 128, transB: true, what: 'Q K^T: one head, 128 tokens, dHead 64' },
  { M: 16, K: 128, N: 128, transB: false, what: 'weights V: 16 queries over 128 keys, 128 wide' },
];

export function shapeName(s: MatmulShape): string {
  return `${s.M}x${s.K}x${s.N}`;
}

export function flops(s: MatmulShape): number {
  return 2 * s.M * s.K * s.N;
}

/** Seeded uniform values in [-1, 1), the same for every engine. */
export function randomValues(n: number, seed: number): Float32Array {
  const out = new Float32Array(n);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    // xorshift32: the benchmark needs cheap varied numbers, not statistical quality.
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    out[i] = ((s >>> 0) / 4294967296) * 2 - 1;
  }
  return out;
}
