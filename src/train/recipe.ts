/**
 * What `npm run train -- <id>` and `npm run eval -- <id>` need from each of the project's
 * own models: how to build it from its seed, its loss per step, how to measure it, and which
 * files to ship. Platform-neutral: the Node CLI does the file I/O around it.
 */
import type { FileSource } from '../checkpoints/bundle.ts';
import type { Rng, Tensor } from '../runtime/index.ts';
import type { TrainConfig } from './trainer.ts';

/** Measured results: what the card claims, and what `npm run eval` re-measures. */
export type Evaluation = Record<string, unknown>;

/** Files of public/models/<id>/ other than card.json and card.md. */
export type ModelFiles = Record<string, Uint8Array | string>;

/** A fresh model under training. */
export interface TrainingRun {
  /** Every trainable tensor by a stable name (checkpoints store them under these). */
  params: Map<string, Tensor>;
  loss(step: number, rng: Rng): Tensor;
  /** Quick numbers logged during training (a few seconds at most). */
  progress?(): Evaluation;
  /** The card's evaluation of the trained model. Must be deterministic. */
  evaluate(): Evaluation;
  /** The files to ship. */
  files(): ModelFiles;
}

/**
 * Reads a text file of ../shared (the coreference cases, the lexicon) by its path there;
 * throws a loud error when ../shared is absent, so no card number is made up without it.
 */
export type SharedFiles = (path: string) => string;

export interface Recipe {
  id: string;
  /** One sentence for people; the card says more. */
  description: string;
  architecture: string;
  /** Where the training data comes from, and how much of it. */
  data: Record<string, unknown>;
  train: TrainConfig & { batchSize: number };
  create(shared: SharedFiles): TrainingRun;
  /** Re-measures the shipped model from its files; must give the card's numbers. */
  evaluateShipped(read: FileSource, shared: SharedFiles): Promise<Evaluation>;
  /** Top-level card.json fields the app reads (coreferenceHead, heads), from the evaluation. */
  cardFields?(evaluation: Evaluation): Record<string, unknown>;
  /** A few lines of Markdown about what the model shows, for card.md. */
  notes?(evaluation: Evaluation): string;
}
