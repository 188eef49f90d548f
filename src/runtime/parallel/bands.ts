/**
 * How a product is cut into bands for threads: along whichever of M and N has more 4-wide
 * panels, so that small-M products (x W^T with a few tokens) still split, and each thread
 * reads only its own share of the larger operand.
 */
import { GEMM_PANEL } from '../gemm.ts';

export interface BandPlan {
  /** True when bands are ranges of column panels of C, false for row panels. */
  byColumns: boolean;
  /** Panel boundaries: band t covers [bounds[t], bounds[t + 1]); length = bands + 1. */
  bounds: number[];
}

/** Splits C (M, N) into at most `threads` near-equal bands of whole panels. */
export function planBands(M: number, N: number, threads: number): BandPlan {
  const rowPanels = Math.ceil(M / GEMM_PANEL);
  const colPanels = Math.ceil(N / GEMM_PANEL);
  const byColumns = colPanels >= rowPanels;
  const total = byColumns ? colPanels : rowPanels;
  const parts = Math.max(1, Math.min(threads, total));
  const bounds: number[] = [];
  for (let t = 0; t <= parts; t++) bounds.push(Math.round((t * total) / parts));
  return { byColumns, bounds };
}
