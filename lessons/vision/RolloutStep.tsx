/** Step 6: attention rollout, the CLS row carried through all layers, beside the last layer alone. */
import { Formula } from '../../src/components/lesson/Formula.tsx';
import { PatchGrid } from '../../src/components/viz/PatchGrid.tsx';
import type { VitModel } from '../../src/models/vit.ts';
import { LoadedRollout } from './LoadedFigures.tsx';
import { massOn, type VitRun } from './vit-run.ts';
import { Workbench } from './Workbench.tsx';

export function RolloutProse() {
  return (
    <>
      <p>
        One map per head and layer is a lot to read, and a single layer tells only part of the story: in layer 2 the CLS token takes from
        tokens that already mixed in other patches in layer 1. Attention rollout (Abnar & Zuidema, 2020) follows the mixing through all
        layers. For each layer, average the heads and add the residual connection as an identity matrix with half the weight; then multiply
        the layers:
      </p>
      <Formula tex={String.raw`\tilde A_\ell = \mathrm{rownorm}\!\Big(\tfrac12 \tfrac1H \textstyle\sum_h A^{(\ell,h)} + \tfrac12 I\Big), \qquad \hl{R = \tilde A_L \cdots \tilde A_2\, \tilde A_1}`} />
      <p>
        The CLS row of <em>R</em>, over the patches (16 for vit-digits, 196 for a ViT-base) and rescaled to sum to 1, is the map on the right. On the left, for comparison, the
        last layer’s CLS row alone, averaged over its heads and rescaled the same way.
      </p>
      <p>
        Rollout is a useful picture, not a measurement of what the model relies on. It assumes the residual path carries exactly half of
        each token, and it ignores the values, the feed-forward layers and the layer norms, which all change what flows where. Read it as
        “where information could have come from”, and check claims about importance another way (for example by erasing patches and watching
        the probabilities).
      </p>
    </>
  );
}

function Rollout({ model, run, image }: { model: VitModel; run: VitRun; image: Float32Array }) {
  const p = model.config.patchSize;
  const inked = run.inkPatches.filter(Boolean).length;
  const pct = (v: number) => `${(100 * v).toFixed(0)}%`;
  return (
    <>
      <p className="vision-verdict" aria-live="polite">
        On patches with ink ({inked} of {run.inkPatches.length}, i.e. {pct(inked / run.inkPatches.length)} of them): rollout puts{' '}
        <strong>{pct(massOn(run.rollout, run.inkPatches))}</strong> of its weight, the last layer alone {pct(massOn(run.lastLayerMean, run.inkPatches))}.
      </p>
      <div className="vision-pair">
        <PatchGrid title={`Layer ${run.clsToPatches.length}, mean of heads`} image={image} imageHeight={model.config.imageSize} imageWidth={model.config.imageSize} patch={p} overlay={run.lastLayerMean} overlayLabel="share" maxSize={280} />
        <PatchGrid title={`Rollout through ${run.clsToPatches.length} layers`} image={image} imageHeight={model.config.imageSize} imageWidth={model.config.imageSize} patch={p} overlay={run.rollout} overlayLabel="share" maxSize={280} />
      </div>
    </>
  );
}

export function RolloutFigure() {
  return <Workbench loaded={(v) => <LoadedRollout v={v} />}>{(vit) => vit.state === 'ready' && <Rollout model={vit.model} run={vit.run} image={vit.image} />}</Workbench>;
}
