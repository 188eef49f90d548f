/** Step 3: one patch flattened to a vector and projected to the model's width by one shared matrix. */
import { useMemo } from 'react';
import { Formula } from '../../src/components/lesson/Formula.tsx';
import { MatrixView } from '../../src/components/viz/MatrixView.tsx';
import { PatchGrid } from '../../src/components/viz/PatchGrid.tsx';
import { VectorBars } from '../../src/components/viz/VectorBars.tsx';
import { rowNorms } from './patch-stats.ts';
import { RangeField } from '../../src/components/lesson/controls.tsx';
import { useVitShape } from './use-vit-shape.ts';
import { Workbench } from './Workbench.tsx';
import type { VitRun } from './vit-run.ts';
import type { VitModel } from '../../src/models/vit.ts';
import { useLessonInput } from '../../src/components/lesson/use-lesson-input.ts';
import { VISION } from './inputs.ts';

export function FlattenProse() {
  const s = useVitShape();
  if (!s) return <p className="status">Loading the vision model…</p>;
  return (
    <>
      <p>
        Each {s.patch} × {s.patch} patch is flattened, row after row, into a vector <em>x</em><sub><em>i</em></sub> of {s.pixels} pixel values.
        One learned matrix <em>W</em> ({s.d} × {s.pixels}) and a bias <em>b</em> turn it into a {s.d}-dimensional token, the width of this
        model’s residual stream:
      </p>
      <Formula tex={String.raw`z_i = \hl{W x_i + b}, \qquad x_i \in \mathbb{R}^{${s.pixels}},\; z_i \in \mathbb{R}^{${s.d}}`} />
      <p>
        The same <em>W</em> serves every patch, wherever it is: it is a convolution with {s.d} filters of {s.patch} × {s.patch} and stride{' '}
        {s.patch}, written as a matrix product. Each row of <em>W</em> is one filter; the token says how strongly the patch matches each of
        the {s.d} filters.
      </p>
      <p>
        Hover a patch of the big picture (or use the slider) to pick it. The tint over the picture is the length of each patch’s token:
        patches of blank paper all get the same token, <em>W</em> · 0 + <em>b</em> = <em>b</em>.
      </p>
    </>
  );
}

function Projection({ model, run, image }: { model: VitModel; run: VitRun; image: Float32Array }) {
  const [patch, setPatch] = useLessonInput(VISION, 'patch');
  const { patches, patchEmbeddings } = run.trace;
  const [N, inDim] = patches.shape;
  const d = patchEmbeddings.shape[1];
  const p = model.config.patchSize;
  const grid = model.config.imageSize / p;
  const i = Math.min(patch, N - 1);
  const lengths = useMemo(() => rowNorms(patchEmbeddings.data, N, d), [patchEmbeddings, N, d]);
  const x = useMemo(() => patches.row(i), [patches, i]);
  const z = useMemo(() => patchEmbeddings.row(i), [patchEmbeddings, i]);
  const where = (k: number) => `patch ${k + 1}: row ${Math.floor(k / grid) + 1}, column ${(k % grid) + 1}`;
  return (
    <>
      <RangeField label="Patch" value={i} min={0} max={N - 1} onChange={setPatch} format={(k) => String(k + 1)} />
      <p className="vision-verdict" aria-live="polite">
        {where(i)[0].toUpperCase() + where(i).slice(1)}: {x.filter((v) => v > 0).length} of its {inDim} pixels are not blank; its token has length{' '}
        {lengths[i].toFixed(2)}.
      </p>
      <div className="vision-pair">
        <PatchGrid
          title="Token length per patch"
          image={image}
          imageHeight={model.config.imageSize}
          imageWidth={model.config.imageSize}
          patch={p}
          overlay={lengths}
          overlayLabel="|z|"
          maxSize={280}
          onHoverPatch={(h) => h && setPatch(h.index)}
        />
        <PatchGrid title={`The pixels of patch ${i + 1}`} image={x} imageHeight={p} imageWidth={p} patch={1} maxSize={210} />
      </div>
      <VectorBars label={`x: patch ${i + 1} flattened`} values={x} maxAbs={1} length={120} />
      <MatrixView name="W" values={model.weights.patchProjection} rows={d} cols={inDim} maxCell={12} />
      <VectorBars label={`z = W x + b: token of patch ${i + 1}`} values={z} length={140} />
    </>
  );
}

export function FlattenFigure() {
  return <Workbench>{(vit) => vit.state === 'ready' && <Projection model={vit.model} run={vit.run} image={vit.image} />}</Workbench>;
}
