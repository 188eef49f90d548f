/**
 * The shipped ViT's sizes, read from its config, for the lesson's prose: the numbers in the
 * text come from the model the figures run, not from memory. Null while the model loads.
 */
import { useModel } from '../../src/components/use-model.ts';
import { patchCount, type VitConfig } from '../../src/models/vit.ts';
import { VIT_MODEL } from './use-vit.ts';

export interface VitShape {
  image: number; // side of the input image in pixels
  patch: number; // side of a patch
  grid: number; // patches per row
  patches: number;
  tokens: number; // patches + CLS
  pixels: number; // values in a flattened patch
  d: number; // width of a token
  layers: number;
  heads: number;
}

export function vitShape(cfg: VitConfig): VitShape {
  const patches = patchCount(cfg);
  return {
    image: cfg.imageSize,
    patch: cfg.patchSize,
    grid: cfg.imageSize / cfg.patchSize,
    patches,
    tokens: patches + 1,
    pixels: cfg.channels * cfg.patchSize * cfg.patchSize,
    d: cfg.dModel,
    layers: cfg.nLayers,
    heads: cfg.nHeads,
  };
}

export function useVitShape(): VitShape | null {
  const b = useModel(VIT_MODEL);
  return b.state === 'ready' && b.model.kind === 'vision' ? vitShape(b.model.model.config) : null;
}
