/**
 * A ViT opened from the hub, a folder URL or disk, run in the model worker on the picture the
 * student chose: the pad's drawing or a photo (photo.ts). The page only decodes the picture
 * and reads the class names and normalisation from the checkpoint's JSON files; every number
 * comes from the worker's forward pass on the loaded weights (jobs-vision.ts).
 */
import { useMemo } from 'react';
import { useWorkerJob } from '../../src/app/use-worker-job.ts';
import type { JobResult } from '../../src/app/worker/jobs.ts';
import { useLessonInput } from '../../src/components/lesson/use-lesson-input.ts';
import { FRAME } from '../../src/data/digits/index.ts';
import { grayToRgb, rgbToWire, statsFromPreprocessor, type RgbImage } from '../../src/models/vit-image.ts';
import { classLabels, topClasses, type RankedClass } from '../../src/models/vit-probe.ts';
import { VISION } from './inputs.ts';
import { usePhoto } from './photo.ts';
import { useCheckpointFiles } from './use-checkpoint-files.ts';
import { useShownImage } from './use-vit.ts';

export type VitImageResult = JobResult<'vit-image'>;

export interface LoadedReady {
  state: 'ready';
  modelId: string;
  result: VitImageResult;
  labels: string[];
  top: RankedClass[];
  /** Whether image_mean and image_std came from preprocessor_config.json (else 0.5 / 0.5). */
  statsFromFile: boolean;
  /** "your drawing" or the photo's file name. */
  pictureName: string;
}

export type LoadedVit =
  | { state: 'waiting' } // the model is not on this machine yet: the chooser's panel asks
  | { state: 'no-picture'; message: string }
  | { state: 'loading' | 'running' }
  | { state: 'error'; message: string; retry?: () => void }
  | LoadedReady;

/** The picture the loaded model reads, and what to call it; null with a reason when there is none. */
function usePicture(): { image: RgbImage; name: string } | { image: null; message: string } {
  const [source] = useLessonInput(VISION, 'picture');
  const photo = usePhoto();
  const pad = useShownImage();
  return useMemo(() => {
    if (source === 'photo') return photo ? { image: photo.image, name: `“${photo.name}”` } : { image: null, message: 'No photo yet: choose a picture file, or drop one on the box.' };
    if (!pad.some((v) => v > 0)) return { image: null, message: 'The pad is empty. Draw something, or press “Random digit”.' };
    return { image: grayToRgb(pad, FRAME), name: 'your drawing' };
  }, [source, photo, pad]);
}

export function useLoadedVit(modelId: string, onMachine: boolean): LoadedVit {
  const files = useCheckpointFiles(modelId, onMachine);
  const picture = usePicture();
  const config = files.state === 'ready' ? files.files.config : null;
  const modelType = config?.model_type;
  const notVit = config !== null && modelType !== 'vit';
  const { stats, fromFile } = useMemo(() => statsFromPreprocessor(files.state === 'ready' ? files.files.preprocessor : null), [files]);
  const args = useMemo(
    () => (picture.image && config && !notVit ? { image: rgbToWire(picture.image), stats: { mean: [...stats.mean], std: [...stats.std] } } : null),
    [picture.image, config, notVit, stats],
  );
  const job = useWorkerJob('vit-image', modelId, args);
  return useMemo((): LoadedVit => {
    if (!onMachine || files.state === 'waiting') return { state: 'waiting' };
    if (files.state === 'error') return files;
    if (notVit) {
      const said = typeof modelType === 'string' ? `model_type "${modelType}"` : 'no model_type';
      return { state: 'error', message: `${modelId} is not a Vision Transformer: its config.json says ${said}, and this lesson reads ViTs (model_type "vit").` };
    }
    if (!picture.image) return { state: 'no-picture', message: picture.message };
    if (job.state === 'idle') return { state: 'loading' };
    if (job.state !== 'ready') return job;
    const labels = classLabels(config?.id2label, job.value.config.numClasses);
    return { state: 'ready', modelId, result: job.value, labels, top: topClasses(job.value.probabilities, labels, 5), statsFromFile: fromFile, pictureName: picture.name };
  }, [onMachine, files, notVit, modelType, modelId, picture, job, config, fromFile]);
}
