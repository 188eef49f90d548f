/**
 * General matrix multiply on flat row-major Float32Arrays: C (M, N) = op(A) @ op(B) [+ C].
 *
 * op(A) is A (M, K), or A stored as (K, M) when transA; op(B) is B (K, N), or B stored as
 * (N, K) when transB (the nn.Linear weight layout). Both operands are first packed into
 * panels of 4 rows / 4 columns laid out along K, so the inner loop reads two short
 * contiguous runs and keeps a 4x4 block of C in registers. Packing costs O(MK + KN), the
 * product O(MNK), so it pays for itself on every shape the models use. Packing buffers are
 * reused between calls: nothing is allocated in the hot loops.
 */

const PANEL = 4;
let packA: Float32Array = new Float32Array(0);
let packB: Float32Array = new Float32Array(0);
const edge = new Float64Array(PANEL * PANEL);

function scratch(current: Float32Array, size: number): Float32Array {
  return current.length >= size ? current : new Float32Array(Math.max(size, current.length * 2));
}

/** Packs rows [row0, row0 + rows) of op(A) into 4-row panels: out[(p*K + k)*4 + i]. */
function packRows(
  src: Float32Array, trans: boolean, ld: number, row0: number, rows: number, K: number, out: Float32Array,
): void {
  const panels = Math.ceil(rows / PANEL);
  for (let p = 0; p < panels; p++) {
    const base = p * K * PANEL;
    for (let i = 0; i < PANEL; i++) {
      const r = p * PANEL + i;
      if (r >= rows) {
        for (let k = 0; k < K; k++) out[base + k * PANEL + i] = 0;
      } else if (trans) {
        // Stored as (K, rows-dim): element (r, k) lives at k*ld + row0 + r.
        for (let k = 0; k < K; k++) out[base + k * PANEL + i] = src[k * ld + row0 + r];
      } else {
        const off = (row0 + r) * ld;
        for (let k = 0; k < K; k++) out[base + k * PANEL + i] = src[off + k];
      }
    }
  }
}

/**
 * The packed kernel over a band of rows: C[rowStart..rowEnd) = packedA-band x packedB.
 * Exposed so that a worker can compute its band of rows from shared memory.
 */
export function gemmPacked(
  pa: Float32Array, pb: Float32Array, c: Float32Array,
  M: number, K: number, N: number, accumulate: boolean,
  rowPanelStart = 0, rowPanelEnd = Math.ceil(M / PANEL),
): void {
  const colPanels = Math.ceil(N / PANEL);
  for (let q = 0; q < colPanels; q++) {
    const bBase = q * K * PANEL;
    const j0 = q * PANEL;
    const fullCols = j0 + PANEL <= N;
    for (let p = rowPanelStart; p < rowPanelEnd; p++) {
      const aBase = p * K * PANEL;
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
      let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
      let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      let ai = aBase;
      let bi = bBase;
      for (let k = 0; k < K; k++) {
        const a0 = pa[ai], a1 = pa[ai + 1], a2 = pa[ai + 2], a3 = pa[ai + 3];
        const b0 = pb[bi], b1 = pb[bi + 1], b2 = pb[bi + 2], b3 = pb[bi + 3];
        c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
        c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
        c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
        c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
        ai += PANEL;
        bi += PANEL;
      }
      const i0 = p * PANEL;
      if (fullCols && i0 + PANEL <= M && !accumulate) {
        let o = i0 * N + j0;
        c[o] = c00; c[o + 1] = c01; c[o + 2] = c02; c[o + 3] = c03; o += N;
        c[o] = c10; c[o + 1] = c11; c[o + 2] = c12; c[o + 3] = c13; o += N;
        c[o] = c20; c[o + 1] = c21; c[o + 2] = c22; c[o + 3] = c23; o += N;
        c[o] = c30; c[o + 1] = c31; c[o + 2] = c32; c[o + 3] = c33;
        continue;
      }
      // Edge blocks and accumulation go through a fixed scratch block.
      const t = edge;
      t[0] = c00; t[1] = c01; t[2] = c02; t[3] = c03;
      t[4] = c10; t[5] = c11; t[6] = c12; t[7] = c13;
      t[8] = c20; t[9] = c21; t[10] = c22; t[11] = c23;
      t[12] = c30; t[13] = c31; t[14] = c32; t[15] = c33;
      const rows = Math.min(PANEL, M - i0);
      const cols = fullCols ? PANEL : N - j0;
      for (let i = 0; i < rows; i++) {
        const off = (i0 + i) * N + j0;
        for (let j = 0; j < cols; j++) {
          c[off + j] = accumulate ? c[off + j] + t[i * PANEL + j] : t[i * PANEL + j];
        }
      }
    }
  }
}

/** Packs op(A) and op(B) into the layout gemmPacked reads; returns the two packed buffers. */
export function packOperands(
  a: Float32Array, b: Float32Array, M: number, K: number, N: number, transA: boolean, transB: boolean,
  outA?: Float32Array, outB?: Float32Array,
): [Float32Array, Float32Array] {
  const sizeA = Math.ceil(M / PANEL) * PANEL * K;
  const sizeB = Math.ceil(N / PANEL) * PANEL * K;
  const pa = outA ?? (packA = scratch(packA, sizeA));
  const pb = outB ?? (packB = scratch(packB, sizeB));
  packRows(a, transA, transA ? M : K, 0, M, K, pa);
  // Columns of op(B) are rows of B^T: B^T is "B stored transposed" exactly when !transB.
  packRows(b, !transB, transB ? K : N, 0, N, K, pb);
  return [pa, pb];
}

/** C = op(A) @ op(B), or C += op(A) @ op(B) when accumulate. Single thread. */
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
  const [pa, pb] = packOperands(a, b, M, K, N, transA, transB);
  gemmPacked(pa, pb, c, M, K, N, accumulate);
}

export const GEMM_PANEL = PANEL;
