/**
 * General matrix multiply on flat row-major Float32Arrays: C (M, N) = op(A) @ op(B) [+ C].
 *
 * op(A) is A (M, K), or A stored as (K, M) when transA; op(B) is B (K, N), or B stored as
 * (N, K) when transB (the nn.Linear weight layout). Both operands are first brought into
 * "row form" (what packOperands and gemmPacked mean by packed): op(A) as M rows of length K
 * and op(B)^T as N rows of length K. The kernel takes 4 rows of each and keeps a 4x4 block of
 * C in registers while it walks K along eight contiguous runs. For the commonest products,
 * x W^T (linear) and Q K^T (scores), both operands already are in row form and nothing is
 * copied; otherwise one transpose (O(MK) or O(KN), against O(MNK) for the product) does it.
 * With fewer than 4 rows and B stored (K, N) that transpose would cost as much as the
 * product, so those go row by row over B in place. Scratch buffers are reused between calls:
 * nothing is allocated in the hot loops.
 *
 * Measured in V8 (Node 20, AMD EPYC): row form without packing matched or beat 4x4 panel
 * packing, Float64 panels, 2x4 and 1x8 blocks and k-unrolling; 3x3 blocks were ~3% faster,
 * too little for the extra edge code. All sit near one plateau (about 4.1-4.5 GFLOP/s a
 * core here) set by the bounds checks, index arithmetic, spills and float32->float64
 * conversions V8 emits around each load, not by the arithmetic itself.
 *
 * When a pool is installed with setGemmParallelism, products of at least PARALLEL_MIN_FLOPS
 * are split across worker threads (Node or Web Worker contexts only: see parallel/pool.ts).
 */

const PANEL = 4;
/** Rows of op(A) kept hot together: about 128 KiB of A, which stays in L2 while B streams. */
const A_BLOCK_FLOATS = 32768;

let rowsA: Float32Array = new Float32Array(0);
let rowsB: Float32Array = new Float32Array(0);

function scratch(current: Float32Array, size: number): Float32Array {
  return current.length >= size ? current : new Float32Array(Math.max(size, current.length * 2));
}

/**
 * dst (cols, rows) = src (rows, cols)^T. Four source rows at a time give four contiguous
 * writes; columns go in blocks of 256 so the destination lines being filled stay in L1
 * (about 1 ns per element here, against 1.7-4 for 16x16 tiles).
 */
function transposeInto(src: Float32Array, rows: number, cols: number, dst: Float32Array): void {
  for (let c0 = 0; c0 < cols; c0 += 256) {
    const c1 = Math.min(c0 + 256, cols);
    let r = 0;
    for (; r + 4 <= rows; r += 4) {
      const s0 = r * cols, s1 = s0 + cols, s2 = s1 + cols, s3 = s2 + cols;
      for (let c = c0; c < c1; c++) {
        const o = c * rows + r;
        dst[o] = src[s0 + c]; dst[o + 1] = src[s1 + c]; dst[o + 2] = src[s2 + c]; dst[o + 3] = src[s3 + c];
      }
    }
    for (; r < rows; r++) for (let c = c0; c < c1; c++) dst[c * rows + r] = src[r * cols + c];
  }
}

let rowSums: Float64Array = new Float64Array(0);

/**
 * C = op(A) B [+ C] for B stored (K, N), one row of C at a time: sums of rows of B scaled by
 * A's entries. Slower per flop than the 4x4 kernel, but it reads B in place, so it wins when
 * M is too small (a single token) to pay for transposing B.
 */
function gemmByRowsOfB(
  a: Float32Array, b: Float32Array, c: Float32Array, M: number, K: number, N: number, transA: boolean, acc: boolean,
): void {
  if (rowSums.length < N) rowSums = new Float64Array(N);
  const t = rowSums;
  const step = transA ? M : 1; // distance between A's (i, k) and (i, k + 1)
  for (let i = 0; i < M; i++) {
    t.fill(0, 0, N);
    let ai = transA ? i : i * K;
    let k = 0;
    for (; k + 4 <= K; k += 4, ai += 4 * step) {
      const a0 = a[ai], a1 = a[ai + step], a2 = a[ai + 2 * step], a3 = a[ai + 3 * step];
      const b0 = k * N, b1 = b0 + N, b2 = b1 + N, b3 = b2 + N;
      for (let j = 0; j < N; j = (j + 1) | 0) {
        t[j] += a0 * b[(b0 + j) | 0] + a1 * b[(b1 + j) | 0] + a2 * b[(b2 + j) | 0] + a3 * b[(b3 + j) | 0];
      }
    }
    for (; k < K; k++, ai += step) {
      const x = a[ai], b0 = k * N;
      for (let j = 0; j < N; j++) t[j] += x * b[b0 + j];
    }
    const o = i * N;
    for (let j = 0; j < N; j++) c[o + j] = acc ? c[o + j] + t[j] : t[j];
  }
}

/** One row of C against four columns: the leftover rows when M is not a multiple of 4. */
function block1x4(
  a: Float32Array, b: Float32Array, c: Float32Array, K: number, N: number, i: number, j0: number, acc: boolean,
): void {
  const s = i * K;
  const r0 = j0 * K, r1 = r0 + K, r2 = r1 + K, r3 = r2 + K;
  let c0 = 0, c1 = 0, c2 = 0, c3 = 0;
  for (let k = 0; k < K; k = (k + 1) | 0) {
    const x = a[(s + k) | 0];
    c0 += x * b[(r0 + k) | 0]; c1 += x * b[(r1 + k) | 0]; c2 += x * b[(r2 + k) | 0]; c3 += x * b[(r3 + k) | 0];
  }
  const o = i * N + j0;
  if (acc) {
    c[o] += c0; c[o + 1] += c1; c[o + 2] += c2; c[o + 3] += c3;
  } else {
    c[o] = c0; c[o + 1] = c1; c[o + 2] = c2; c[o + 3] = c3;
  }
}

/** Four rows of C against one column: the leftover columns when N is not a multiple of 4. */
function block4x1(
  a: Float32Array, b: Float32Array, c: Float32Array, K: number, N: number, i0: number, j: number, acc: boolean,
): void {
  const s0 = i0 * K, s1 = s0 + K, s2 = s1 + K, s3 = s2 + K;
  const r = j * K;
  let c0 = 0, c1 = 0, c2 = 0, c3 = 0;
  for (let k = 0; k < K; k = (k + 1) | 0) {
    const y = b[(r + k) | 0];
    c0 += a[(s0 + k) | 0] * y; c1 += a[(s1 + k) | 0] * y; c2 += a[(s2 + k) | 0] * y; c3 += a[(s3 + k) | 0] * y;
  }
  const o = i0 * N + j;
  if (acc) {
    c[o] += c0; c[o + N] += c1; c[o + 2 * N] += c2; c[o + 3 * N] += c3;
  } else {
    c[o] = c0; c[o + N] = c1; c[o + 2 * N] = c2; c[o + 3 * N] = c3;
  }
}

/** A single dot product: the corner where both M and N are ragged. */
function block1x1(
  a: Float32Array, b: Float32Array, c: Float32Array, K: number, N: number, i: number, j: number, acc: boolean,
): void {
  const s = i * K, r = j * K;
  let t = 0;
  for (let k = 0; k < K; k = (k + 1) | 0) t += a[(s + k) | 0] * b[(r + k) | 0];
  const o = i * N + j;
  c[o] = acc ? c[o] + t : t;
}

/**
 * The kernel over a band of C, from operands in row form (see packOperands): rows
 * [4*rowPanelStart, 4*rowPanelEnd) and columns [4*colPanelStart, 4*colPanelEnd), clipped to
 * (M, N). Exposed so that a worker can compute its band from shared memory; bands of
 * different calls never write the same element of C.
 */
export function gemmPacked(
  pa: Float32Array, pb: Float32Array, c: Float32Array,
  M: number, K: number, N: number, accumulate: boolean,
  rowPanelStart = 0, rowPanelEnd = Math.ceil(M / PANEL),
  colPanelStart = 0, colPanelEnd = Math.ceil(N / PANEL),
): void {
  const iEnd = Math.min(rowPanelEnd * PANEL, M);
  const jEnd = Math.min(colPanelEnd * PANEL, N);
  const blockRows = Math.max(PANEL, Math.floor(A_BLOCK_FLOATS / Math.max(K, 1) / PANEL) * PANEL);
  // Row blocks outside, columns inside: a block of A stays in cache while every group of four
  // B rows streams past it once.
  for (let ib = rowPanelStart * PANEL; ib < iEnd; ib += blockRows) {
    const ibEnd = Math.min(ib + blockRows, iEnd);
    const iFull = ib + Math.floor((ibEnd - ib) / PANEL) * PANEL;
    for (let j0 = colPanelStart * PANEL; j0 < jEnd; j0 += PANEL) {
      if (j0 + PANEL > jEnd) {
        for (let j = j0; j < jEnd; j++) {
          for (let i = ib; i < iFull; i += PANEL) block4x1(pa, pb, c, K, N, i, j, accumulate);
          for (let i = iFull; i < ibEnd; i++) block1x1(pa, pb, c, K, N, i, j, accumulate);
        }
        continue;
      }
      const r0 = j0 * K, r1 = r0 + K, r2 = r1 + K, r3 = r2 + K;
      // The hot 4x4 block, written inline: as a function called per block it ran ~8% slower.
      for (let i0 = ib; i0 < iFull; i0 += PANEL) {
        const s0 = i0 * K, s1 = s0 + K, s2 = s1 + K, s3 = s2 + K;
        let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
        let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
        let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
        // `| 0` tells V8 the index sums are int32, which drops an overflow check per load.
        for (let k = 0; k < K; k = (k + 1) | 0) {
          const a0 = pa[(s0 + k) | 0], a1 = pa[(s1 + k) | 0], a2 = pa[(s2 + k) | 0], a3 = pa[(s3 + k) | 0];
          const b0 = pb[(r0 + k) | 0], b1 = pb[(r1 + k) | 0], b2 = pb[(r2 + k) | 0], b3 = pb[(r3 + k) | 0];
          c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
          c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
          c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
          c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
        }
        let o = i0 * N + j0;
        if (accumulate) {
          c[o] += c00; c[o + 1] += c01; c[o + 2] += c02; c[o + 3] += c03; o += N;
          c[o] += c10; c[o + 1] += c11; c[o + 2] += c12; c[o + 3] += c13; o += N;
          c[o] += c20; c[o + 1] += c21; c[o + 2] += c22; c[o + 3] += c23; o += N;
          c[o] += c30; c[o + 1] += c31; c[o + 2] += c32; c[o + 3] += c33;
        } else {
          c[o] = c00; c[o + 1] = c01; c[o + 2] = c02; c[o + 3] = c03; o += N;
          c[o] = c10; c[o + 1] = c11; c[o + 2] = c12; c[o + 3] = c13; o += N;
          c[o] = c20; c[o + 1] = c21; c[o + 2] = c22; c[o + 3] = c23; o += N;
          c[o] = c30; c[o + 1] = c31; c[o + 2] = c32; c[o + 3] = c33;
        }
      }
      for (let i = iFull; i < ibEnd; i++) block1x4(pa, pb, c, K, N, i, j0, accumulate);
    }
  }
}

/**
 * Brings op(A) into row form (M, K) and op(B)^T into row form (N, K), the layout gemmPacked
 * reads. Without outA/outB an operand already in row form is returned as is (no copy) and the
 * others go to module scratch buffers, valid until the next call; with them (shared memory
 * for workers) the operands are always written there.
 */
export function packOperands(
  a: Float32Array, b: Float32Array, M: number, K: number, N: number, transA: boolean, transB: boolean,
  outA?: Float32Array, outB?: Float32Array,
): [Float32Array, Float32Array] {
  let pa: Float32Array;
  if (transA) {
    pa = outA ?? (rowsA = scratch(rowsA, M * K));
    transposeInto(a, K, M, pa);
  } else if (outA) {
    pa = outA;
    pa.set(a.subarray(0, M * K));
  } else {
    pa = a;
  }
  let pb: Float32Array;
  if (!transB) {
    pb = outB ?? (rowsB = scratch(rowsB, N * K));
    transposeInto(b, K, N, pb);
  } else if (outB) {
    pb = outB;
    pb.set(b.subarray(0, N * K));
  } else {
    pb = b;
  }
  return [pa, pb];
}

/** What gemm hands large products to; implemented by parallel/pool.ts. */
export interface GemmParallelism {
  /** Computes the product like gemm; returns false (having done nothing) to decline it. */
  gemm(
    a: Float32Array, b: Float32Array, c: Float32Array, M: number, K: number, N: number,
    transA: boolean, transB: boolean, accumulate: boolean,
  ): boolean;
}

/** Below this many flops (2MNK) waking workers costs more than it saves. */
export const PARALLEL_MIN_FLOPS = 1 << 20;

let parallel: GemmParallelism | null = null;

/**
 * Installs (or, with null, removes) a pool that gemm, and so every op, uses for products of
 * at least PARALLEL_MIN_FLOPS. The pool blocks the calling thread with Atomics.wait, which
 * only Node and Web Workers allow: never install one on a browser page's main thread.
 */
export function setGemmParallelism(pool: GemmParallelism | null): void {
  parallel = pool;
}

/** The pool installed by setGemmParallelism, or null. */
export function gemmParallelism(): GemmParallelism | null {
  return parallel;
}

/** C = op(A) @ op(B), or C += op(A) @ op(B) when accumulate. */
export function gemm(
  a: Float32Array, b: Float32Array, c: Float32Array,
  M: number, K: number, N: number,
  transA = false, transB = false, accumulate = false,
): void {
  if (M === 0 || N === 0) return;
  if (K === 0) {
    if (!accumulate) c.fill(0, 0, M * N);
    return;
  }
  if (M < PANEL && !transB) {
    gemmByRowsOfB(a, b, c, M, K, N, transA, accumulate);
    return;
  }
  if (parallel !== null && 2 * M * N * K >= PARALLEL_MIN_FLOPS
    && parallel.gemm(a, b, c, M, K, N, transA, transB, accumulate)) return;
  const [pa, pb] = packOperands(a, b, M, K, N, transA, transB);
  gemmPacked(pa, pb, c, M, K, N, accumulate);
}

export const GEMM_PANEL = PANEL;
