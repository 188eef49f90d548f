/**
 * The Attention Explorer: type a sentence and read every layer and head of a model's
 * attention as you type. The model runs in a worker (use-attention-run.ts); this page only
 * shows the store's newest result. Layer, head and token are in the URL, so a copied link
 * opens the same view.
 */
import { AttentionLines } from '../components/viz/AttentionLines.tsx';
import { HeatmapFigure } from '../components/viz/HeatmapFigure.tsx';
import { memo, useMemo, useState } from 'react';
import { DifferenceView } from '../components/explorer/DifferenceView.tsx';
import { CorefLine } from '../components/explorer/CorefLine.tsx';
import { useRemoteModel } from '../components/explorer/use-remote-model.ts';
import { TextModelChooser } from '../components/TextModelChooser.tsx';
import { Predictions } from '../components/explorer/Predictions.tsx';
import { PronounRanking } from '../components/explorer/PronounRanking.tsx';
import { HeadPicker } from '../components/lesson/HeadPicker.tsx';
import { ModelView } from '../components/viz/ModelView.tsx';
import {
  headWeights, selectHead, selectLayer, selectModelId, selectPinRow, selectPinned, selectResultIsCurrent,
  selectCompare, selectCompareText, selectRunError, selectRunResult, selectRunStatus, selectSelectHead, selectSelectLayer,
  selectSetCompareText, selectSetText, selectText, selectToggleCompare, useAtlas, resultLabels, type AttentionResult,
} from '../store/index.ts';
import { describeUnseen } from '../tokenizers/index.ts';
import { useAttentionRun } from './use-attention-run.ts';
import { useCompareRun } from './use-compare-run.ts';
import { useSettled } from './use-settled.ts';
import { WidgetBoundary } from './WidgetBoundary.tsx';


/** The tired/wide pair (Google's 2017 Transformer blog post): offered only for a model whose card shows a head that links pronouns. */
const PRONOUN_EXAMPLES = [
  "The animal didn't cross the street because it was too tired.",
  "The animal didn't cross the street because it was too wide.",
];

const OTHER_EXAMPLES = [
  'I deposited money in the bank.',
  'He sat by the river bank.',
  'She drove the car because it was raining.',
];

const labelsOf = resultLabels;

function StatusLine() {
  const status = useAtlas(selectRunStatus);
  const error = useAtlas(selectRunError);
  const result = useAtlas(selectRunResult);
  const current = useAtlas(selectResultIsCurrent);
  let text = '';
  if (status === 'loading') text = 'Loading the model…';
  else if (status === 'running') text = 'Computing attention…';
  else if (result && current) text = `${result.tokens.length} tokens, ${result.nLayers} layers × ${result.nHeads} heads, computed in ${result.ms.toFixed(1)} ms${(result.threads ?? 1) > 1 ? ` (up to ${result.threads} threads)` : ''}.`;
  return (
    <div className="explorer-status">
      <p className="status" aria-live="polite">{text}</p>
      {status === 'error' && error && <p className="error" role="alert">{error}</p>}
      {result && current && result.unseenWords.length > 0 && (
        <p className="warning" role="status" data-testid="unseen-words">
          The model never saw {describeUnseen(result.unseenWords)} as a whole word: its tokens are marked “?” below. Its attention there
          is over pieces or an unknown token, not the word you meant.
        </p>
      )}
    </div>
  );
}

/**
 * The heatmap follows every keystroke at once; the other figures (a thousand-odd elements)
 * redraw once typing pauses for 150 ms, so they never hold up the heatmap's next update.
 */
const Figures = memo(function Figures({ result }: { result: AttentionResult }) {
  const later = useSettled(result, 150);
  const layer = Math.min(useAtlas(selectLayer), result.nLayers - 1);
  const head = Math.min(useAtlas(selectHead), result.nHeads - 1);
  const pinned = useAtlas(selectPinned);
  const pinRow = useAtlas(selectPinRow);
  const selectLayerTo = useAtlas(selectSelectLayer);
  const selectHeadTo = useAtlas(selectSelectHead);
  const labels = useMemo(() => labelsOf(result), [result]);
  const laterLabels = useMemo(() => labelsOf(later), [later]);
  const T = labels.length;
  const weights = useMemo(() => headWeights(result, layer, head), [result, layer, head]);
  const all = useMemo(
    () => Array.from({ length: later.nLayers }, (_, l) => Array.from({ length: later.nHeads }, (_, h) => headWeights(later, l, h))),
    [later],
  );
  const coref = result.coreferenceHead;
  const badges = useMemo(() => {
    const named = (result.heads ?? []).map((h) => ({ layer: h.layer, head: h.head, text: h.role }));
    return coref ? [{ layer: coref[0], head: coref[1], text: 'coref' }, ...named.filter((b) => b.layer !== coref[0] || b.head !== coref[1])] : named;
  }, [result, coref]);
  const lineHeads = useMemo(
    () => Array.from({ length: later.nHeads }, (_, h) => ({ weights: all[Math.min(layer, later.nLayers - 1)][h], label: `Head ${h + 1}` })),
    [all, layer, later],
  );
  const selected = useMemo(() => ({ layer, head }), [layer, head]);
  const role = badges.find((b) => b.layer === layer && b.head === head)?.text;
  return (
    <>
      <HeadPicker nLayers={result.nLayers} nHeads={result.nHeads} coreferenceHead={coref} />
      {/* data-rendered-text lets the browser benchmark see when a keystroke's result is on screen. */}
      <div className="explorer-grid" data-rendered-text={result.text}>
        <WidgetBoundary name="Heatmap">
          <HeatmapFigure
            title={`Layer ${layer + 1}, head ${head + 1}${role ? ` (${role})` : ''}`}
            rows={labels}
            cols={labels}
            values={weights}
            pinnedRow={pinned !== null && pinned < T ? pinned : null}
            onPinRow={pinRow}
            skipSpecial
            legend="attention weight"
          />
        </WidgetBoundary>
        <WidgetBoundary name="Head view">
          <AttentionLines from={laterLabels} heads={lineHeads} minWeight={0.05} title={`Layer ${layer + 1}: every head (hover a word to isolate it)`} />
        </WidgetBoundary>
      </div>
      <ExplorerPredictions result={later} />
      <h2>Every layer and head</h2>
      <p className="muted">Rows are the attending words, columns the attended ones. Click a thumbnail to open it above.</p>
      <WidgetBoundary name="Model view">
        <ModelView
          heads={all}
          tokens={laterLabels}
          selected={selected}
          badges={badges}
          onSelect={(l, h) => { selectLayerTo(l); selectHeadTo(h); }}
        />
      </WidgetBoundary>
      <h2>Follow one word</h2>
      <p className="muted">Click a word (try “it”): every head is ranked by how decisively it picks one of the other words. Click a head to open it above.</p>
      <WidgetBoundary name="Head ranking">
        <FollowWord result={later} onHead={(l, h) => { selectLayerTo(l); selectHeadTo(h); }} />
      </WidgetBoundary>
      <Compare result={later} layer={layer} head={head} />
    </>
  );
});

/** The model's own answer at pronouns and typed [MASK]s; hiding a word edits the text (so the link keeps it). */
function ExplorerPredictions({ result }: { result: AttentionResult }) {
  const setText = useAtlas(selectSetText);
  const mask = (start: number, end: number) => setText(`${result.text.slice(0, start)}[MASK]${result.text.slice(end)}`);
  return <Predictions result={result} maskable={result.maskable} onMaskWord={mask} />;
}


function FollowWord({ result, onHead }: { result: AttentionResult; onHead: (l: number, h: number) => void }) {
  const [word, setWord] = useState<number | null>(null);
  return <PronounRanking result={result} word={word} onWord={setWord} onHead={onHead} />;
}

function Compare({ result, layer, head }: { result: AttentionResult; layer: number; head: number }) {
  const on = useAtlas(selectCompare);
  const toggle = useAtlas(selectToggleCompare);
  const text = useAtlas(selectCompareText);
  const setText = useAtlas(selectSetCompareText);
  const run = useCompareRun(on, result.modelId, text);
  return (
    <section aria-label="Compare two sentences">
      <h2>Compare two sentences</h2>
      <button type="button" aria-pressed={on} onClick={toggle}>{on ? 'Hide the comparison' : 'Compare with a second sentence'}</button>
      {on && (
        <>
          <div className="explorer-input compare-input">
            <label htmlFor="explorer-compare">Second sentence</label>
            <input id="explorer-compare" type="text" value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} autoComplete="off" />
          </div>
          {run.state === 'running' && <p className="status">Computing the second sentence…</p>}
          {run.state === 'error' && <p className="error" role="alert">{run.message}</p>}
          {run.state === 'ready' && (
            <WidgetBoundary name="Difference view">
              <DifferenceView a={result} b={run.result} layer={Math.min(layer, run.result.nLayers - 1)} head={Math.min(head, run.result.nHeads - 1)} />
            </WidgetBoundary>
          )}
        </>
      )}
    </section>
  );
}

export function ExplorerPage() {
  const modelId = useAtlas(selectModelId);
  const remote = useRemoteModel(modelId);
  useAttentionRun(remote.s.state === 'builtin' || remote.s.state === 'cached');
  const text = useAtlas(selectText);
  const setText = useAtlas(selectSetText);
  const result = useAtlas(selectRunResult);
  const shown = result && result.modelId === modelId ? result : null;
  const linksPronouns = shown?.coreference?.meetsBar === true;
  const examples = linksPronouns ? [...PRONOUN_EXAMPLES, ...OTHER_EXAMPLES] : OTHER_EXAMPLES;
  return (
    <main id="main" tabIndex={-1} className="explorer">
      <h1>Attention Explorer</h1>
      <p className="lead chrome">
        Type any sentence. The model reads it in your browser and every head's attention updates as you type.
        {linksPronouns ? ' Try changing “tired” to “wide”.' : ''}
      </p>
      <div className="explorer-input">
        <label htmlFor="explorer-text">Sentence</label>
        <input id="explorer-text" type="text" value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} autoComplete="off" />
      </div>
      <TextModelChooser remote={remote} />
      {shown && <CorefLine coref={shown.coreference} />}
      <div className="examples chrome" role="group" aria-label="Example sentences">
        {examples.map((s) => <button key={s} type="button" onClick={() => setText(s)}>{s}</button>)}
      </div>
      <StatusLine />
      {shown && <Figures result={shown} />}
    </main>
  );
}
