/**
 * Step 6: the residual stream. Each sub-layer adds its output to a running vector per token;
 * the plot follows each chosen token's vector length (norm) through tiny-gpt's sub-layers.
 */
import { useMemo } from 'react';
import { Formula } from '../../../src/components/lesson/Formula.tsx';
import { HeatmapFigure } from '../../../src/components/viz/HeatmapFigure.tsx';
import { LinePlot } from '../../../src/components/viz/LinePlot.tsx';
import { residualNormTable, residualStages, rowNorms } from '../model/residual.ts';
import { Loading, Problem, UnseenWords } from '../ui/Notices.tsx';
import { GPT_ID, useLabelledTrace } from '../ui/use-gpt-trace.ts';
import { GPT_EXAMPLES } from './examples.ts';
import { SentenceInput } from '../../../src/components/lesson/SentenceInput.tsx';
import { useLessonInput } from '../../../src/components/lesson/use-lesson-input.ts';
import { MAX_SERIES, TRANSFORMER } from '../inputs.ts';

export function ResidualProse() {
  return (
    <>
      <p>
        Every sub-layer (attention or feed-forward) is wrapped in a <strong>residual connection</strong>: its output is <em>added</em> to its input instead
        of replacing it. Think of one vector per token flowing up through the model, the <em>residual stream</em>, that each sub-layer reads and writes a
        correction into.
      </p>
      <Formula tex={String.raw`x_{\ell+1} = x_\ell + \hl{f_\ell\big(\mathrm{LN}(x_\ell)\big)}`} />
      <p>
        That is the pre-norm form that tiny-gpt uses (as GPT-2 does). The sum needs both terms to have the same shape, so the stream's <em>width</em> never
        changes: dModel numbers per token, from the embeddings to the last block (the read-out below gives tiny-gpt's). What does change is its <em>length</em>. Pick tokens below and follow
        their norms: each sub-layer adds something, and in this model the stream gets longer as it rises. A last LayerNorm rescales it before the output.
      </p>
    </>
  );
}

/** Narrow enough that the x axis ticks land on whole sub-layers. */
const PLOT_WIDTH = 760;

export function ResidualFigure() {
  const [text] = useLessonInput(TRANSFORMER, 'gpt');
  const [picked, setPicked] = useLessonInput(TRANSFORMER, 'residual-tokens');
  const r = useLabelledTrace(GPT_ID, text);
  const stages = useMemo(() => (r.state === 'ready' ? residualStages(r.trace) : []), [r]);
  const table = useMemo(() => residualNormTable(stages), [stages]);
  const finalNorms = useMemo(() => (r.state === 'ready' && r.trace.finalNorm ? rowNorms(r.trace.finalNorm) : null), [r]);
  const T = table.length;
  const shown = useMemo(() => {
    const valid = picked.filter((i) => i < T);
    return valid.length > 0 ? valid : [0];
  }, [picked, T]);
  const series = useMemo(
    () => shown.map((i) => ({ name: `${i + 1}. ${r.labelsShown[i] ?? ''}`, points: table[i]?.map((v, s) => [s, v] as const) ?? [] })),
    [shown, table, r.labelsShown],
  );
  const grid = useMemo(() => {
    const cols = [...stages.map((s) => s.short), ...(finalNorms ? ['final LN'] : [])];
    const values = new Float32Array(T * cols.length);
    table.forEach((row, t) => {
      row.forEach((v, k) => (values[t * cols.length + k] = v));
      if (finalNorms) values[t * cols.length + row.length] = finalNorms[t];
    });
    return { rows: r.labelsShown.map((l, i) => `${i + 1}. ${l}`), cols, values };
  }, [stages, table, finalNorms, T, r.labelsShown]);
  const input = <SentenceInput lesson={TRANSFORMER} name="gpt" label="Sentence for tiny-gpt" examples={GPT_EXAMPLES} examplesLabel="Examples for “Sentence for tiny-gpt”" />;
  if (r.state === 'loading') return <Loading what="tiny-gpt" />;
  if (r.state === 'error') {
    return (
      <div className="tf-figure">
        {input}
        <Problem>{r.message}</Problem>
      </div>
    );
  }
  const cfg = r.bundle.model.config;
  const toggle = (i: number) =>
    setPicked((p) => (p.includes(i) ? p.filter((x) => x !== i) : [...p.filter((x) => x < T), i].slice(-MAX_SERIES)));
  const mean = (s: number) => table.reduce((a, row) => a + row[s], 0) / T;
  const last = stages.length - 1;
  return (
    <div className="tf-figure">
      {input}
      <UnseenWords words={r.unknown} model="tiny-gpt" />
      <div className="tf-chips" role="group" aria-label={`Tokens to plot (up to ${MAX_SERIES})`}>
        <span className="muted">Plot tokens:</span>
        {r.labelsShown.map((l, i) => (
          <button key={i} type="button" aria-pressed={shown.includes(i)} onClick={() => toggle(i)}>
            {i + 1}. {l}
          </button>
        ))}
      </div>
      <LinePlot
        series={series}
        title="Length of each token's residual vector, sub-layer by sub-layer"
        xLabel="sub-layers added (0 = embeddings; odd = attention, even = feed-forward)"
        yLabel="‖x‖"
        height={340}
        width={PLOT_WIDTH}
      />
      <p className="tf-readout" aria-live="polite">
        Width at every stage: {cfg.dModel} numbers per token (dModel). Average length: {mean(0).toFixed(1)} after the embeddings, {mean(last).toFixed(1)}{' '}
        after the last of {cfg.nLayers} blocks ({(mean(last) / mean(0)).toFixed(1)}× longer)
        {finalNorms && <>, and {(finalNorms.reduce((a, b) => a + b, 0) / T).toFixed(1)} after the final LayerNorm</>}.
      </p>
      <HeatmapFigure
        rows={grid.rows}
        cols={grid.cols}
        values={grid.values}
        title="‖x‖ of every token at every stage"
        rowAxis="token"
        colAxis="stage"
        scheme="cividis"
        legend="‖x‖"
        maxCell={60}
        minLabelCell={30}
        caption="Each row is a token, each column a point in the stream (the last column is after the final LayerNorm, which is not part of the stream)."
      />
    </div>
  );
}
