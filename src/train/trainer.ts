/**
 * The training loop shared by the Node CLI and (later) the in-browser playground: AdamW,
 * warmup + cosine schedule, gradient clipping, periodic evaluation. It owns no I/O; callers
 * get progress through hooks and save checkpoints from there, so it runs in a Web Worker.
 */
import { AdamW, backward, clipGradNorm, warmupCosine, zeroGrad, Rng, type Tensor } from '../runtime/index.ts';

export interface TrainConfig {
  steps: number; // optimiser steps in total
  lr: number; // peak learning rate
  warmup: number; // linear warmup steps
  minLr?: number; // floor of the cosine decay (default lr / 10)
  weightDecay?: number; // default 0.01, matrices only
  clip?: number; // global gradient-norm limit (default 1)
  seed: number; // batch sampling and dropout
  evalEvery?: number; // steps between evaluations (0: only at the end)
}

export interface StepLog {
  step: number; // 1-based count of finished steps
  loss: number;
  lr: number;
  gradNorm: number;
}

export interface TrainHooks {
  /** Called after every step. */
  onStep?(log: StepLog): void;
  /** Called every evalEvery steps and at the end, with the step count. */
  onEval?(step: number): void;
}

/** A task supplies one loss per step from a batch it draws with the rng. */
export type LossFn = (step: number, rng: Rng) => Tensor;

export interface TrainState {
  step: number;
  optimizer: AdamW;
  rng: Rng;
}

/** Creates the optimiser and rng for a fresh run. */
export function startTraining(params: readonly Tensor[], cfg: TrainConfig): TrainState {
  return { step: 0, optimizer: new AdamW(params, { lr: cfg.lr, weightDecay: cfg.weightDecay ?? 0.01 }), rng: new Rng(cfg.seed) };
}

/** Runs steps until cfg.steps (or `until`, to pause for a checkpoint); returns the last log. */
export function trainSteps(state: TrainState, lossFn: LossFn, cfg: TrainConfig, hooks: TrainHooks = {}, until = cfg.steps): StepLog | null {
  const params = state.optimizer.params;
  let last: StepLog | null = null;
  while (state.step < Math.min(until, cfg.steps)) {
    zeroGrad(params);
    const loss = lossFn(state.step, state.rng);
    const value = loss.item();
    if (!Number.isFinite(value)) throw new Error(`training diverged at step ${state.step + 1}: loss is ${value}`);
    backward(loss);
    const gradNorm = clipGradNorm(params, cfg.clip ?? 1);
    const lr = warmupCosine(state.step, cfg.lr, cfg.warmup, cfg.steps, cfg.minLr ?? cfg.lr / 10);
    state.optimizer.step(lr);
    state.step++;
    last = { step: state.step, loss: value, lr, gradNorm };
    hooks.onStep?.(last);
    const evalEvery = cfg.evalEvery ?? 0;
    if ((evalEvery > 0 && state.step % evalEvery === 0) || state.step === cfg.steps) hooks.onEval?.(state.step);
  }
  return last;
}
