/** AdamW with a warmup + cosine learning-rate schedule, and global gradient-norm clipping. */
import type { Tensor } from './tensor.ts';

export interface AdamWConfig {
  lr: number; // peak learning rate, reached after warmup
  beta1?: number; // default 0.9
  beta2?: number; // default 0.999
  eps?: number; // default 1e-8
  weightDecay?: number; // default 0.01, decoupled (Loshchilov & Hutter), skipped where decay(p) is false
}

/** Learning rate at `step` (0-based): linear warmup to `lr`, then cosine decay to `minLr`. */
export function warmupCosine(step: number, lr: number, warmup: number, total: number, minLr = 0): number {
  if (warmup > 0 && step < warmup) return (lr * (step + 1)) / warmup;
  if (step >= total) return minLr;
  const progress = (step - warmup) / Math.max(1, total - warmup);
  return minLr + 0.5 * (lr - minLr) * (1 + Math.cos(Math.PI * progress));
}

/** Scales all gradients so their global L2 norm is at most maxNorm; returns the norm before. */
export function clipGradNorm(params: readonly Tensor[], maxNorm: number): number {
  let sq = 0;
  for (const p of params) if (p.grad) for (let i = 0; i < p.grad.length; i++) sq += p.grad[i] * p.grad[i];
  const norm = Math.sqrt(sq);
  if (norm > maxNorm && norm > 0) {
    const s = maxNorm / (norm + 1e-6);
    for (const p of params) if (p.grad) for (let i = 0; i < p.grad.length; i++) p.grad[i] *= s;
  }
  return norm;
}

export class AdamW {
  readonly params: readonly Tensor[];
  private readonly m: Float32Array[];
  private readonly v: Float32Array[];
  /**
   * Updates taken per parameter, for bias correction. Per parameter, as in torch.optim.AdamW:
   * a parameter whose grad is null (unused this step) neither moves nor ages, so its first
   * real update is not shrunk by a bias correction meant for a long-running moment.
   */
  private readonly steps: number[];
  private readonly cfg: Required<AdamWConfig>;
  private readonly decays: boolean[];

  /** decay(p) tells which params get weight decay (usually matrices, not biases or norms). */
  constructor(params: readonly Tensor[], cfg: AdamWConfig, decay: (p: Tensor) => boolean = (p) => p.rank >= 2) {
    this.params = params;
    this.cfg = { beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0.01, ...cfg };
    this.m = params.map((p) => new Float32Array(p.size));
    this.v = params.map((p) => new Float32Array(p.size));
    this.steps = params.map(() => 0);
    this.decays = params.map(decay);
  }

  /** One update with learning rate lr (defaults to the configured peak). */
  step(lr = this.cfg.lr): void {
    const { beta1, beta2, eps, weightDecay } = this.cfg;
    this.params.forEach((p, idx) => {
      const g = p.grad;
      if (!g) return;
      const t = ++this.steps[idx];
      const bc1 = 1 - Math.pow(beta1, t);
      const bc2 = 1 - Math.pow(beta2, t);
      const m = this.m[idx];
      const v = this.v[idx];
      const wd = this.decays[idx] ? weightDecay : 0;
      const w = p.data;
      for (let i = 0; i < w.length; i++) {
        m[i] = beta1 * m[i] + (1 - beta1) * g[i];
        v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
        w[i] -= lr * ((m[i] / bc1) / (Math.sqrt(v[i] / bc2) + eps) + wd * w[i]);
      }
    });
  }

  /** Optimiser state for checkpoints, so an interrupted run resumes exactly. */
  state(): { steps: number[]; m: Float32Array[]; v: Float32Array[] } {
    return { steps: [...this.steps], m: this.m, v: this.v };
  }

  loadState(s: { steps: readonly number[]; m: Float32Array[]; v: Float32Array[] }): void {
    if (s.m.length !== this.m.length || s.steps.length !== this.steps.length) {
      throw new Error('AdamW.loadState: parameter count differs');
    }
    s.steps.forEach((n, i) => (this.steps[i] = n));
    s.m.forEach((a, i) => this.m[i].set(a));
    s.v.forEach((a, i) => this.v[i].set(a));
  }
}
