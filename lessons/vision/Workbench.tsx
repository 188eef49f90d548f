/**
 * Every step of the vision lesson: the model picker on top; then, for the course's
 * vit-digits, the drawing pad and the 28 x 28 image the model reads on the left and the step's
 * own figure on the right, recomputed from the same drawing. For a ViT opened from the hub, a
 * folder or disk, the left holds the picture it reads (the pad or a photo) and the right the
 * step's figure for that model, or a line saying the step shows the course model.
 */
import type { ReactNode } from 'react';
import { RetryButton } from '../../src/components/lesson/RetryButton.tsx';
import { useLessonInput } from '../../src/components/lesson/use-lesson-input.ts';
import { useRemoteModel, type RemoteModel } from '../../src/components/explorer/use-remote-model.ts';
import { ModelChooser } from '../../src/components/ModelChooser.tsx';
import { PatchGrid } from '../../src/components/viz/PatchGrid.tsx';
import { FRAME } from '../../src/data/digits/index.ts';
import { DrawingPad } from './DrawingPad.tsx';
import { VISION } from './inputs.ts';
import { PictureSource } from './PictureSource.tsx';
import { useLoadedVit, type LoadedReady } from './use-loaded-vit.ts';
import { useShownImage, useVit, VIT_MODEL, type VitState } from './use-vit.ts';
import { useVitShape } from './use-vit-shape.ts';
import './vision.css';

const COURSE = [{ id: VIT_MODEL, label: 'vit-digits (this course’s ViT: 28 × 28 digits, 7 × 7 patches)' }];
const SUGGESTIONS = ['hf:google/vit-base-patch16-224'];
const acceptsVit = (t: string) => t === 'vit';

/** The 28 x 28 input, as the model receives it, cut into the model's patches. */
function ModelInput() {
  const image = useShownImage();
  const shape = useVitShape();
  return (
    <PatchGrid title={`What the model reads: ${FRAME} × ${FRAME}`} image={image} imageHeight={FRAME} imageWidth={FRAME} patch={shape?.patch ?? FRAME} maxSize={168} className="vision-input" />
  );
}

type CourseChildren = (vit: Extract<VitState, { state: 'ready' | 'empty' }>) => ReactNode;

/** The course model beside its pad: `children(state)` once it is loaded; messages otherwise. */
function CourseBench({ children, needsInk }: { children: CourseChildren; needsInk: boolean }) {
  const vit = useVit();
  return (
    <div className="vision-bench">
      <div className="vision-bench-pad">
        <DrawingPad />
        <ModelInput />
      </div>
      <div className="vision-bench-figure">
        {vit.state === 'loading' && <p className="status">Loading the vision model…</p>}
        {vit.state === 'error' && <p className="error" role="alert">{vit.message}<RetryButton retry={vit.retry} /></p>}
        {vit.state === 'empty' && needsInk && <p className="vision-empty">The pad is empty. Draw a digit, or press “Random digit”.</p>}
        {(vit.state === 'ready' || (vit.state === 'empty' && !needsInk)) && children(vit)}
      </div>
    </div>
  );
}

/** A loaded ViT beside the picture it reads: `loaded(state)` once the worker has read it. */
function LoadedBench({ modelId, remote, loaded }: { modelId: string; remote: RemoteModel; loaded: (v: LoadedReady) => ReactNode }) {
  const onMachine = remote.s.state === 'builtin' || remote.s.state === 'cached';
  const v = useLoadedVit(modelId, onMachine);
  return (
    <div className="vision-bench">
      <div className="vision-bench-pad">
        <PictureSource />
      </div>
      <div className="vision-bench-figure">
        {v.state === 'waiting' && <p className="status">{modelId} is not on this machine yet: the box above says what downloading it takes.</p>}
        {v.state === 'no-picture' && <p className="vision-empty">{v.message}</p>}
        {v.state === 'loading' && <p className="status">Loading {modelId} in the background…</p>}
        {v.state === 'running' && <p className="status">Running {modelId} on the picture (a ViT-base takes a few seconds here)…</p>}
        {v.state === 'error' && <p className="error" role="alert">{v.message}<RetryButton retry={v.retry} /></p>}
        {v.state === 'ready' && loaded(v)}
      </div>
    </div>
  );
}

export interface WorkbenchProps {
  children: CourseChildren;
  needsInk?: boolean;
  /** The step's figure for a loaded ViT; without it the step says it shows the course model. */
  loaded?: (v: LoadedReady) => ReactNode;
}

export function Workbench({ children, needsInk = true, loaded }: WorkbenchProps) {
  const [checkpoint, setCheckpoint] = useLessonInput(VISION, 'checkpoint');
  const remote = useRemoteModel(checkpoint);
  const course = checkpoint === VIT_MODEL;
  return (
    <>
      <ModelChooser label="Model" value={checkpoint} onChange={setCheckpoint} course={COURSE} accepts={acceptsVit} suggestions={SUGGESTIONS} remote={remote} />
      {!course && !loaded && (
        <p className="vision-note vision-course-only">This step shows the course model, vit-digits, on the pad’s digit: its figures follow that model’s own weights.</p>
      )}
      {course || !loaded ? <CourseBench needsInk={needsInk}>{children}</CourseBench> : <LoadedBench modelId={checkpoint} remote={remote} loaded={loaded} />}
    </>
  );
}
