/**
 * Shared by the Transformer golden tests: reading test/fixtures/models/ (written by
 * scripts/gen_model_golden.py), loading fixture weights into our own weight trees by their
 * dotted names, and comparing traces step by step against PyTorch's record.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { Tensor, Rng, type Shape } from '../../src/runtime/index.ts';
import { validateConfig, type TransformerConfig } from '../../src/models/config.ts';
import { initTransformer, assignNamedTensors, type InitOptions } from '../../src/models/weights.ts';
import type { HeadTrace } from '../../src/models/attention.ts';
import type { LayerTrace } from '../../src/models/block.ts';
import type { TransformerModel } from '../../src/models/transformer.ts';
import { expectClose, type Tolerance } from '../runtime/helpers.ts';

/** A float32 tensor as the generator writes it: shape plus little-endian bytes in base64. */
export interface Packed {
  shape: number[];
  f32: string;
}

export type PackedHeads = Record<keyof HeadTrace, Packed>; // each (H, T, .)

/** One block's record; stream steps (T, d), per-head steps stacked over heads. */
export type PackedLayer = Partial<Record<Exclude<keyof LayerTrace, 'heads' | 'crossHeads'>, Packed>> & {
  heads: PackedHeads;
  crossHeads?: PackedHeads;
};

export function loadModelFixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/models/${name}`, import.meta.url), 'utf8')) as T;
}

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../fixtures/models/${name}`, import.meta.url)));
}

export function fixtureText(name: string): string {
  return readFileSync(new URL(`../fixtures/models/${name}`, import.meta.url), 'utf8');
}

export function unpack(p: Packed): Float32Array {
  const bytes = Buffer.from(p.f32, 'base64');
  const out = new Float32Array(bytes.length / 4);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(4 * i, true);
  return out;
}

export function tensorOf(p: Packed, requiresGrad = false): Tensor {
  return new Tensor(unpack(p), p.shape, requiresGrad);
}

export function tensorMap(weights: Record<string, Packed>): Map<string, Tensor> {
  return new Map(Object.entries(weights).map(([k, v]) => [k, tensorOf(v)]));
}

/** The i-th slice along the first dim of a packed tensor (one head of (H, T, .), say). */
export function slice(p: Packed, i: number): { shape: Shape; data: Float32Array } {
  const [n, ...rest] = p.shape;
  const all = unpack(p);
  const size = all.length / n;
  return { shape: rest, data: all.subarray(i * size, (i + 1) * size) };
}

/** Shape and values of `actual` against a packed reference (or one slice of it). */
export function expectMatches(
  actual: Tensor | null | undefined, expected: Packed | { shape: Shape; data: Float32Array }, tol: Tolerance, label: string,
): void {
  expect(actual, `${label}: missing`).toBeTruthy();
  const t = actual as Tensor;
  const data = 'f32' in expected ? unpack(expected) : expected.data;
  expect(t.size, `${label}: size of ${t.shape} vs ${expected.shape}`).toBe(data.length);
  expectClose(t.data, data, tol, label);
}

/** A Transformer built from a fixture config, with every tensor loaded by its dotted name. */
export function loadTransformer(config: TransformerConfig, weights: Record<string, Packed>, opts: InitOptions = {}): TransformerModel {
  const cfg = validateConfig(config);
  const tree = initTransformer(cfg, new Rng(0), opts);
  assignNamedTensors(tree, tensorMap(weights)); // throws on any missing, extra or misshapen name
  return { config: cfg, weights: tree };
}

const HEAD_STEPS = ['q', 'k', 'v', 'scores', 'scaled', 'masked', 'weights', 'out'] as const;

/** Every head's q, k, v, scores, scaled, masked, weights, out against the stacked reference. */
export function expectHeads(heads: readonly HeadTrace[] | undefined, expected: PackedHeads, tol: Tolerance, label: string): void {
  const H = expected.q.shape[0];
  expect(heads?.length, `${label}: head count`).toBe(H);
  for (let h = 0; h < H; h++) {
    for (const step of HEAD_STEPS) expectMatches(heads?.[h][step], slice(expected[step], h), tol, `${label}.heads[${h}].${step}`);
  }
}

/** Each layer's named steps (whichever the reference recorded) and its heads. */
export function expectLayers(layers: readonly LayerTrace[], expected: readonly PackedLayer[], tol: Tolerance, label: string): void {
  expect(layers.length, `${label}: layer count`).toBe(expected.length);
  expected.forEach((want, l) => {
    const got = layers[l];
    for (const [key, value] of Object.entries(want)) {
      if (key === 'heads' || key === 'crossHeads') continue;
      expectMatches(got[key as keyof LayerTrace] as Tensor, value as Packed, tol, `${label}.layers[${l}].${key}`);
    }
    expectHeads(got.heads, want.heads, tol, `${label}.layers[${l}]`);
    if (want.crossHeads) expectHeads(got.crossHeads, want.crossHeads, tol, `${label}.layers[${l}].cross`);
    // Post-norm blocks have no pre-norm inputs; the reference records none either.
    if (!want.attnNormed) expect(got.attnNormed, `${label}.layers[${l}].attnNormed`).toBeNull();
  });
}
