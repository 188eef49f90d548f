/** Step 5: where the CLS token looks, in every head of every layer, over the student's digit. */
import { Formula } from '../../src/components/lesson/Formula.tsx';
import type { VitModel } from '../../src/models/vit.ts';
import { ClsMapGrid } from './ClsMapGrid.tsx';
import { LoadedHeads } from './LoadedFigures.tsx';
import { INK_THRESHOLD, massOn, type VitRun } from './vit-run.ts';
import { useVitShape } from './use-vit-shape.ts';
import { Workbench } from './Workbench.tsx';

export function AttentionMapsProse() {
  const s = useVitShape();
  return (
    <>
      <p>
        Every head of every layer computes an attention pattern over the {s ? `${s.tokens} tokens of vit-digits (197 in a ViT-base)` : 'patch and CLS tokens'}, exactly as in a text model. Its first row says how much
        the CLS token takes from each token:
      </p>
      <Formula tex={String.raw`a^{(\ell,h)}_{\mathrm{CLS}} = \hl{\mathrm{softmax}\!\left(\frac{q_{\mathrm{CLS}} K^{\top}}{\sqrt{d_k}}\right)}`} />
      <p>
        Below, that row is laid over your digit: one map per head (columns) and layer (rows), each patch tinted by its weight. Each map is
        coloured relative to its own largest weight, written under it with the weight CLS keeps on itself (CLS is not a patch).
      </p>
      <p>
        Draw another digit and watch the maps change. Some heads follow the ink, others look at blank paper or spread out evenly — blank
        patches can carry information too (where the ink is not). A map shows where one head of one layer took its input from; it is not, on
        its own, what the model “decided” from.
      </p>
    </>
  );
}

const rc = (k: number, grid: number) => `(${Math.floor(k / grid) + 1}, ${(k % grid) + 1})`;

function Maps({ model, run, image }: { model: VitModel; run: VitRun; image: Float32Array }) {
  const p = model.config.patchSize;
  const grid = model.config.imageSize / p;
  return (
    <>
      <ClsMapGrid image={image} side={model.config.imageSize} patch={p} maps={run.clsToPatches} self={run.clsToSelf} />
      <table className="viz-table vision-table">
        <caption>The CLS row of every head: its largest patch weight, what it keeps on CLS, and the share of its patch weight on patches with ink</caption>
        <thead>
          <tr>
            <th scope="col">Layer, head</th>
            <th scope="col">Top patch (row, col)</th>
            <th scope="col">On CLS</th>
            <th scope="col">On ink patches</th>
          </tr>
        </thead>
        <tbody>
          {run.clsToPatches.flatMap((layer, l) =>
            layer.map((row, h) => {
              const top = row.indexOf(Math.max(...row));
              return (
                <tr key={`${l}-${h}`}>
                  <th scope="row">{l + 1}, {h + 1}</th>
                  <td>{rc(top, grid)} {row[top].toFixed(2)}</td>
                  <td>{run.clsToSelf[l][h].toFixed(2)}</td>
                  <td>{(100 * massOn(row, run.inkPatches)).toFixed(0)}%</td>
                </tr>
              );
            }),
          )}
        </tbody>
      </table>
      <p className="muted vision-note">
        {run.inkPatches.filter(Boolean).length} of the {run.inkPatches.length} patches hold ink (a pixel of at least {INK_THRESHOLD}): a map spread evenly
        over the patches would put {((100 * run.inkPatches.filter(Boolean).length) / run.inkPatches.length).toFixed(0)}% of its patch weight there.
      </p>
    </>
  );
}

export function AttentionMapsFigure() {
  return <Workbench loaded={(v) => <LoadedHeads v={v} />}>{(vit) => vit.state === 'ready' && <Maps model={vit.model} run={vit.run} image={vit.image} />}</Workbench>;
}
