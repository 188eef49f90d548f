/**
 * The steps' figures for a ViT loaded from the hub, a folder or disk: the same ideas as the
 * course model's figures (patches, every head's CLS row, rollout, the classes), drawn over the
 * picture as the model read it, from what the worker computed on the loaded weights.
 */
import { useLessonInput } from '../../src/components/lesson/use-lesson-input.ts';
import { meanMap } from '../../src/models/vit-probe.ts';
import { percent } from './format.ts';
import { VISION } from './inputs.ts';
import { MapKey, PhotoGrid } from './PhotoGrid.tsx';
import type { LoadedReady } from './use-loaded-vit.ts';
import { patchCost } from './vit-run.ts';

const at = (n: number, grid: number) => `(${Math.floor(n / grid) + 1}, ${(n % grid) + 1})`;
const argmax = (v: ArrayLike<number>) => Array.prototype.indexOf.call(v, Math.max(...Array.from(v))) as number;

/** The five most probable classes, as bars with the checkpoint's names. */
export function TopClasses({ v }: { v: LoadedReady }) {
  return (
    <ul className="vision-probs vision-top5" aria-label={`The 5 most probable of ${v.labels.length} classes`}>
      {v.top.map((t, k) => (
        <li key={t.index} className={k === 0 ? 'is-top' : undefined}>
          <span className="digit" title={`class ${t.index}`}>{t.label}</span>
          <span className="bar" aria-hidden="true">
            <span style={{ width: `${(100 * t.p).toFixed(2)}%` }} />
          </span>
          <span>{percent(t.p)}</span>
        </li>
      ))}
    </ul>
  );
}

/** One line on what was read: the model, the picture, the normalisation. */
export function LoadedVerdict({ v }: { v: LoadedReady }) {
  const best = v.top[0];
  const { mean, std } = v.result.stats;
  return (
    <>
      <p className="vision-verdict" aria-live="polite">
        {v.modelId} reads {v.pictureName} as <strong>{best.label}</strong>, with probability {percent(best.p)}.
      </p>
      <TopClasses v={v} />
      <p className="muted vision-note">
        Resized to {v.result.config.imageSize} × {v.result.config.imageSize}, rescaled to [0, 1] and normalised with mean {mean.join(', ')} and std{' '}
        {std.join(', ')}
        {v.statsFromFile ? ' (from its preprocessor_config.json).' : ': the image processor’s defaults, as this checkpoint’s preprocessor_config.json was not downloaded.'}
      </p>
    </>
  );
}

export function LoadedPatches({ v }: { v: LoadedReady }) {
  const { imageSize: S, patchSize: p, channels, nLayers, nHeads } = v.result.config;
  const cost = patchCost(S, p, channels);
  const grid = S / p;
  return (
    <>
      <p className="vision-verdict" aria-live="polite">
        {S} × {S} pixels in {p} × {p} patches: {grid} × {grid} = {cost.patches} patches ({cost.pixelsPerPatch} values each) + CLS ={' '}
        <strong>{cost.tokens} tokens</strong>, so {cost.tokens}² = <strong>{cost.scoresPerHead.toLocaleString('en')}</strong> scores per head and layer, in{' '}
        {nLayers} layers × {nHeads} heads.
      </p>
      <PhotoGrid rgb={v.result.resized} side={S} patch={p} size={392} label={`${v.pictureName} resized to ${S} × ${S} and cut into ${grid} × ${grid} patches`} caption={`What ${v.modelId} reads: ${S} × ${S}, ${cost.patches} patches`} />
      <p className="muted vision-note">The slider above cuts the course model’s 28 × 28 digit; a loaded model runs only at its own patch size.</p>
    </>
  );
}

/** Every head of the chosen layer: its CLS row over the patches, on the picture; a table of the same. */
export function LoadedHeads({ v }: { v: LoadedReady }) {
  const [chosen, setLayer] = useLessonInput(VISION, 'loaded-layer');
  const { imageSize: S, patchSize: p, nLayers } = v.result.config;
  const layer = Math.min(chosen, nLayers - 1);
  const grid = S / p;
  const maps = v.result.clsToPatches[layer];
  const self = v.result.clsToSelf[layer];
  return (
    <>
      <label className="vision-layer">
        Layer{' '}
        <select value={layer} onChange={(e) => setLayer(Number(e.currentTarget.value))}>
          {Array.from({ length: nLayers }, (_, l) => <option key={l} value={l}>{l + 1} of {nLayers}</option>)}
        </select>
      </label>
      <MapKey />
      <div className="vision-heads">
        {maps.map((m, h) => {
          const top = argmax(m);
          return (
            <PhotoGrid key={h} rgb={v.result.resized} side={S} patch={p} overlay={m} size={168}
              label={`Layer ${layer + 1}, head ${h + 1}: CLS attention over ${m.length} patches, largest ${m[top].toFixed(3)} at row, column ${at(top, grid)}`}
              caption={`Head ${h + 1} · max ${m[top].toFixed(2)} · on CLS ${self[h].toFixed(2)}`} />
          );
        })}
      </div>
      <table className="viz-table vision-table">
        <caption>Layer {layer + 1}: each head’s CLS row, its largest patch weight and what it keeps on CLS</caption>
        <thead>
          <tr><th scope="col">Head</th><th scope="col">Top patch (row, col)</th><th scope="col">On CLS</th></tr>
        </thead>
        <tbody>
          {maps.map((m, h) => {
            const top = argmax(m);
            return (
              <tr key={h}><th scope="row">{h + 1}</th><td>{at(top, grid)} {m[top].toFixed(3)}</td><td>{self[h].toFixed(3)}</td></tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

export function LoadedRollout({ v }: { v: LoadedReady }) {
  const { imageSize: S, patchSize: p, nLayers } = v.result.config;
  const last = meanMap(v.result.clsToPatches[nLayers - 1]);
  const grid = S / p;
  const rTop = argmax(v.result.rolloutCls);
  return (
    <>
      <p className="vision-verdict" aria-live="polite">
        Rollout through {nLayers} layers puts its largest share, {percent(v.result.rolloutCls[rTop])}, on the patch at row, column {at(rTop, grid)}; an even
        spread would give each of the {grid * grid} patches {percent(1 / (grid * grid))}.
      </p>
      <MapKey />
      <div className="vision-pair">
        <PhotoGrid rgb={v.result.resized} side={S} patch={p} overlay={last} size={300} label={`Layer ${nLayers}, CLS row averaged over heads`} caption={`Layer ${nLayers}, mean of heads`} />
        <PhotoGrid rgb={v.result.resized} side={S} patch={p} overlay={v.result.rolloutCls} size={300} label={`Attention rollout through ${nLayers} layers, CLS row`} caption={`Rollout through ${nLayers} layers`} />
      </div>
    </>
  );
}

export function LoadedClassify({ v }: { v: LoadedReady }) {
  const { numClasses, dModel } = v.result.config;
  return (
    <>
      <LoadedVerdict v={v} />
      <table className="viz-table vision-table">
        <caption>The top 5 of {numClasses} classes: the head’s logit (from the {dModel}-wide CLS state) and its softmax</caption>
        <thead>
          <tr><th scope="col">Class</th><th scope="col">Logit</th><th scope="col">Probability</th></tr>
        </thead>
        <tbody>
          {v.top.map((t) => (
            <tr key={t.index}><th scope="row">{t.label} <span className="muted">({t.index})</span></th><td>{v.result.logits[t.index].toFixed(3)}</td><td>{percent(t.p)}</td></tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
