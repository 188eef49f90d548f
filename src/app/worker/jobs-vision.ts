/**
 * Jobs of lesson 7 on a ViT loaded in the worker (a hub, folder or disk checkpoint): one
 * picture made into the model's input (src/models/vit-image.ts), one traced forward pass,
 * and what the lesson draws from it (src/models/vit-probe.ts). Every layer's CLS rows come
 * back at once, so choosing another layer on the page asks the worker nothing.
 */
import { pixelValues, resizeRgb, rgbFromWire, VIT_DEFAULT_STATS, type ImageStats, type WireRgbImage } from '../../models/vit-image.ts';
import { probeVit } from '../../models/vit-probe.ts';
import type { JobContext } from './job-context.ts';

export interface VitImageArgs {
  image: WireRgbImage;
  /** preprocessor_config.json's image_mean and image_std; the processor's defaults (0.5, 0.5) when absent. */
  stats?: ImageStats;
}

/** Thrown for a model this lesson cannot read: the message is shown as it is. */
export class VisionInputError extends Error {
  override name = 'VisionInputError';
}

/** FNV-1a of a string: a short memo key for a picture of hundreds of kilobytes. */
function hashOf(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return `${s.length}:${(h >>> 0).toString(16)}`;
}

function statsOf(s: ImageStats | undefined): ImageStats {
  const ok = (v: unknown, positive: boolean) => Array.isArray(v) && v.length >= 1 && v.length <= 3 && v.every((x) => typeof x === 'number' && Number.isFinite(x) && (!positive || x > 0));
  return s && ok(s.mean, false) && ok(s.std, true) ? s : VIT_DEFAULT_STATS;
}

export const VISION_JOBS = {
  /** The model's reading of one picture: probabilities, every head's CLS map, rollout; plus the resized picture it read. */
  'vit-image': (c: JobContext, a: VitImageArgs) => {
    const b = c.bundle;
    if (b.kind !== 'vision') throw new VisionInputError(`${b.id} is a ${b.family} text model, not a Vision Transformer: choose a ViT (config.json model_type "vit").`);
    const cfg = b.model.config;
    const stats = statsOf(a.stats);
    const image = rgbFromWire(a.image);
    const key = `${hashOf(a.image.base64)} ${a.image.width}x${a.image.height} ${stats.mean.join(',')}/${stats.std.join(',')}`;
    const probe = c.memo(key, () => probeVit(b.model, pixelValues(image, cfg, stats)));
    return {
      ...probe,
      clsToPatches: probe.clsToPatches.map((l) => l.map((m) => m.slice())), // fresh arrays: results are transferred, the memo keeps its own
      rolloutCls: probe.rolloutCls.slice(),
      logits: probe.logits.slice(),
      probabilities: probe.probabilities.slice(),
      config: { imageSize: cfg.imageSize, patchSize: cfg.patchSize, channels: cfg.channels, nLayers: cfg.nLayers, nHeads: cfg.nHeads, numClasses: cfg.numClasses, dModel: cfg.dModel },
      stats,
      /** The picture as the model read it, before normalising: (S, S, 3) bytes. */
      resized: resizeRgb(image, cfg.imageSize, cfg.imageSize).rgb,
    };
  },
};
