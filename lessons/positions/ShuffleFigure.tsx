/**
 * The shuffled-words figure: the attention of one head on the sentence, beside the attention
 * of the same head on the shuffled sentence read back in the original word order, with the
 * model's positions as trained or removed, and a table of how far every layer's pattern
 * failed to follow the words.
 */
import { useMemo } from 'react';
import { HeatmapFigure } from '../../src/components/viz/HeatmapFigure.tsx';
import { ButtonRow } from '../../src/components/lesson/controls.tsx';
import { SentenceInput } from '../../src/components/lesson/SentenceInput.tsx';
import { useLessonInput } from '../../src/components/lesson/use-lesson-input.ts';
import { POSITIONS } from './inputs.ts';
import { layerMeans, shuffleExperiment, withoutPositions } from './shuffle.ts';
import { shuffleInput } from './shuffle-input.ts';
import { ShuffleDistanceTable } from './ShuffleDistanceTable.tsx';
import { useTextModel } from './use-text-model.ts';
import { describeUnseen } from '../../src/tokenizers/index.ts';
import './positions.css';

const percent = (v: number) => `${(100 * v).toFixed(v < 0.001 && v > 0 ? 3 : 0)}%`;

/** The experiment; `modeInput` is the step's own choice of positions as trained or removed. */
export function ShuffleFigure({ modeInput }: { modeInput: 'blind-mode' | 'back-mode' }) {
  const model = useTextModel();
  const [text] = useLessonInput(POSITIONS, 'sentence');
  const [seed, setSeed] = useLessonInput(POSITIONS, 'shuffle');
  const [mode, setMode] = useLessonInput(POSITIONS, modeInput);
  const [layer, setLayer] = useLessonInput(POSITIONS, 'shuffle-layer');
  const [head, setHead] = useLessonInput(POSITIONS, 'shuffle-head');

  const bundle = model.state === 'ready' ? model.bundle : null;
  const input = useMemo(() => (bundle ? shuffleInput(bundle.tokenizer!, bundle.model.config.maxPositions, text, seed) : null), [bundle, text, seed]);
  const runs = useMemo(() => {
    if (!bundle || !input?.ok) return null;
    return {
      trained: shuffleExperiment(bundle.model, input.ids, input.order),
      removed: shuffleExperiment(withoutPositions(bundle.model), input.ids, input.order),
    };
  }, [bundle, input]);

  if (model.state === 'loading') return <p className="status">Loading the text model…</p>;
  if (model.state === 'error') return <p className="error" role="alert">{model.message}</p>;
  const { config } = model.bundle.model;
  const l = Math.min(layer, config.nLayers - 1);
  const h = Math.min(head, config.nHeads - 1);
  const run = runs?.[mode];
  const distance = run?.distance[l][h];
  const both = run ? [run.original[l][h], run.readBack[l][h]] : null;
  const hi = both ? Math.max(...both.map((w) => w.reduce((m, v) => Math.max(m, v), 0))) : 1;

  return (
    <div className="positions-shuffle">
      <p className="muted">
        Model: <strong>{model.bundle.id}</strong> ({config.causal ? 'a decoder with a causal mask' : 'a bidirectional encoder'}, learned positions,
        at most {config.maxPositions} tokens){model.skipped.length > 0 && <> — {model.skipped.join(', ')} is not shipped yet, so {model.bundle.id} stands in</>}.
      </p>
      <div className="positions-controls">
        <SentenceInput lesson={POSITIONS} name="sentence" />
        <button type="button" onClick={() => setSeed((s) => s + 1)}>Shuffle again</button>
      </div>
      <div className="lesson-buttons" role="group" aria-label="Position embeddings">
        <span className="lesson-buttons-label">Positions</span>
        <button type="button" aria-pressed={mode === 'trained'} onClick={() => setMode('trained')}>as trained</button>
        <button type="button" aria-pressed={mode === 'removed'} onClick={() => setMode('removed')}>removed (table set to zeros)</button>
      </div>
      {input && !input.ok && <p className="error" role="alert">{input.message}</p>}
      {input?.ok && runs && run && both && distance !== undefined && (
        <>
          <p>
            Shuffled: <span className="positions-tokens">{input.shuffledLabels.join(' ')}</span>
            {input.unknown.length > 0 && <span className="muted"> (never seen whole by the model, marked “?”: {describeUnseen(input.unknown)})</span>}
          </p>
          <div className="positions-pickers">
            <ButtonRow label="Layer" count={config.nLayers} value={l} onPick={setLayer} />
            <ButtonRow label="Head" count={config.nHeads} value={h} onPick={setHead} />
          </div>
          <p className="positions-verdict" aria-live="polite">
            Layer {l + 1}, head {h + 1}, positions {mode === 'trained' ? 'as trained' : 'removed'}: on average{' '}
            <strong>{percent(distance)}</strong> of each token’s attention goes to different words after the shuffle
            {distance < 1e-6 ? ' — the pattern simply moved along with the words.' : '.'}
          </p>
          <div className="positions-pair">
            <HeatmapFigure
              title="Original order"
              rows={input.labels}
              cols={input.labels}
              values={both[0]}
              domain={[0, hi]}
              maxCell={34}
              legend="weight"
              caption={`Layer ${l + 1}, head ${h + 1}: attention on the sentence as typed`}
              filename="attention-original-order"
            />
            <HeatmapFigure
              title="Shuffled, read back in the original order"
              rows={input.labels}
              cols={input.labels}
              values={both[1]}
              domain={[0, hi]}
              maxCell={34}
              legend="weight"
              caption={`Layer ${l + 1}, head ${h + 1}: attention on the shuffled sentence, row and column of each word moved back to where the word was typed`}
              filename="attention-shuffled-read-back"
            />
          </div>
          <ShuffleDistanceTable
            trained={layerMeans(runs.trained.distance)}
            removed={layerMeans(runs.removed.distance)}
            causal={config.causal}
          />
        </>
      )}
    </div>
  );
}
