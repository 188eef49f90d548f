/** Step 1: the digit the student draws, framed as the model reads it, and the model's answer. */
import { BOX, centreOfMass, FRAME } from '../../src/data/digits/index.ts';
import { exact } from '../../src/viz/format.ts';
import { percent } from './format.ts';
import { LoadedVerdict } from './LoadedFigures.tsx';
import { ProbabilityBars } from './ProbabilityBars.tsx';
import { Workbench } from './Workbench.tsx';

export function DrawProse() {
  return (
    <>
      <p>
        A Vision Transformer reads an image the way a text Transformer reads a sentence. The one in this lesson, <code>vit-digits</code>, was
        trained in this project to read handwritten digits: {FRAME} × {FRAME} grayscale images, 1 for ink and 0 for paper, like the classic MNIST
        digits.
      </p>
      <p>
        Draw a digit on the black pad with your mouse, finger or pen. Your strokes are turned into the model’s {FRAME} × {FRAME} image by the same
        function that made its training images: the drawing is scaled, keeping its shape, until the ink fills a {BOX} × {BOX} box, moved so that
        the centre of mass of the ink sits in the middle, and drawn with a fixed pen width. So a small digit in a corner and a big one in
        the middle look alike to the model. “Random digit” draws one with the generator the model trained on (the seed is shown, so
        the same seed gives the same digit).
      </p>
      <p>Everything in this lesson is recomputed from your drawing as you draw, on every step.</p>
      <p>
        The model picker above the pad also opens real ViTs in Hugging Face’s format, from the hub (such as{' '}
        <code>google/vit-base-patch16-224</code>: 224 × 224 photos in 16 × 16 patches, 1000 ImageNet classes), a folder URL or your disk. Such a
        model reads your drawing or a photo you give it, and the steps on patches, CLS attention, rollout and classification show it.
      </p>
    </>
  );
}

export function DrawFigure() {
  return (
    <Workbench loaded={(v) => <LoadedVerdict v={v} />}>
      {(vit) => {
        if (vit.state !== 'ready') return null;
        const { run, image } = vit;
        const c = centreOfMass(image);
        return (
          <>
            <p className="vision-verdict" aria-live="polite">
              The model reads a <strong>{run.predicted}</strong>, with probability {percent(run.probabilities[run.predicted])}.
            </p>
            <ProbabilityBars probabilities={run.probabilities} />
            <p className="muted vision-note">
              Centre of mass of the ink in the {FRAME} × {FRAME} image: ({exact(c.x)}, {exact(c.y)}); the middle of the frame is ({FRAME / 2}, {FRAME / 2}).
            </p>
          </>
        );
      }}
    </Workbench>
  );
}
