/** Step 4: the CLS token in front, a learned position embedding added to every token. */
import { useMemo } from 'react';
import { Formula } from '../../src/components/lesson/Formula.tsx';
import { MatrixView } from '../../src/components/viz/MatrixView.tsx';
import { PatchGrid } from '../../src/components/viz/PatchGrid.tsx';
import type { VitModel } from '../../src/models/vit.ts';
import { RangeField } from '../../src/components/lesson/controls.tsx';
import { cosinesWith, rowNorms } from './patch-stats.ts';
import type { VitRun } from './vit-run.ts';
import { useVitShape } from './use-vit-shape.ts';
import { Workbench } from './Workbench.tsx';
import { useLessonInput } from '../../src/components/lesson/use-lesson-input.ts';
import { VISION } from './inputs.ts';

export function ClsPositionsProse() {
  const s = useVitShape();
  if (!s) return <p className="status">Loading the vision model…</p>;
  return (
    <>
      <p>
        Two learned pieces complete the input. In front of the {s.patches} patch tokens goes a <em>CLS</em> token: one learned vector, the same for
        every image, holding no pixels at all. Through attention it gathers what it needs from the patches, layer after layer, and at the end
        the classifier reads only its final state (BERT uses the same trick for sentences).
      </p>
      <p>
        Then a learned position embedding is added to each of the {s.tokens} tokens. Without it the model would see a bag of patches, exactly as the
        text model in the previous lesson saw a bag of words: attention alone cannot tell where a patch was.
      </p>
      <Formula tex={String.raw`h^{0} = \big[\,x_{\mathrm{CLS}};\; z_1;\; \dots;\; z_{${s.patches}}\,\big] + \hl{E_{\mathrm{pos}}}, \qquad E_{\mathrm{pos}} \in \mathbb{R}^{${s.tokens} \times ${s.d}}`} />
      <p>
        Nothing told the model that the patches lie on a {s.grid} × {s.grid} grid; whatever it knows about where a patch is, it learned. The left picture
        tints each patch by the length of its position vector (hover it to choose a patch), the right one by how similar every patch’s position vector is to the chosen
        patch’s (cosine). Below, the {s.tokens} vectors that enter the first layer for your drawing: only the CLS row never changes when you draw.
      </p>
    </>
  );
}

function Positions({ model, run, image }: { model: VitModel; run: VitRun; image: Float32Array }) {
  const [chosen, setChosen] = useLessonInput(VISION, 'position-patch');
  const table = model.weights.positionEmbedding; // (1 + N, d), row 0 is CLS's
  const [T, d] = table.shape;
  const N = T - 1;
  const p = model.config.patchSize;
  const grid = model.config.imageSize / p;
  const c = Math.min(chosen, N - 1);
  const lengths = useMemo(() => rowNorms(table.data, T, d).slice(1), [table, T, d]);
  const similar = useMemo(() => cosinesWith(table.data, T, d, c + 1).slice(1), [table, T, d, c]);
  const labels = useMemo(() => ['CLS', ...Array.from({ length: N }, (_, k) => `patch ${k + 1}`)], [N]);
  const others = Array.from(similar, (v, k) => ({ v, k })).filter((o) => o.k !== c).sort((a, b) => b.v - a.v);
  const rc = (k: number) => `row ${Math.floor(k / grid) + 1}, column ${(k % grid) + 1}`;
  const longest = lengths.indexOf(Math.max(...lengths));
  return (
    <>
      <RangeField label="Chosen patch" value={c} min={0} max={N - 1} onChange={setChosen} format={(k) => String(k + 1)} />
      <p className="vision-verdict" aria-live="polite">
        Patch {c + 1} ({rc(c)}): its position vector is most like that of patch {others[0].k + 1} ({rc(others[0].k)}, cosine{' '}
        {others[0].v.toFixed(2)}) and least like patch {others[others.length - 1].k + 1} ({others[others.length - 1].v.toFixed(2)}). The longest
        position vector is patch {longest + 1}’s ({rc(longest)}).
      </p>
      <div className="vision-pair">
        <PatchGrid title="Length of each position vector" image={image} imageHeight={model.config.imageSize} imageWidth={model.config.imageSize} patch={p} overlay={lengths} overlayLabel="length" maxSize={250} onHoverPatch={(h) => h && setChosen(h.index)} />
        <PatchGrid
          title={`Cosine with patch ${c + 1}’s position`}
          image={image}
          imageHeight={model.config.imageSize}
          imageWidth={model.config.imageSize}
          patch={p}
          overlay={similar}
          overlayLabel="cosine"
          maxSize={250}
        />
      </div>
      <MatrixView name="h⁰ = tokens + positions" values={run.trace.embeddings} rowLabels={labels} maxCell={14} />
    </>
  );
}

export function ClsPositionsFigure() {
  return <Workbench>{(vit) => vit.state === 'ready' && <Positions model={vit.model} run={vit.run} image={vit.image} />}</Workbench>;
}
