/**
 * Step 9: generation token by token, with the course's tiny-gpt or a causal language model
 * the student opens (GPT-2, a Llama such as SmolLM2). The next-token distribution at the last
 * position, reshaped live by the temperature slider; "Next token" appends the greedy choice
 * (T = 0) or a seeded draw, so the same model, prompt, seed and temperatures give the same
 * text. The logits come from the page for tiny-gpt and from the model worker for an opened
 * model (ui/use-next-logits.ts); the page keeps the sequence and does every draw.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { Formula } from '../../../src/components/lesson/Formula.tsx';
import { RetryButton } from '../../../src/components/lesson/RetryButton.tsx';
import { useLessonInput } from '../../../src/components/lesson/use-lesson-input.ts';
import { SentenceInput } from '../../../src/components/lesson/SentenceInput.tsx';
import { useRemoteModel } from '../../../src/components/explorer/use-remote-model.ts';
import { ModelChooser } from '../../../src/components/ModelChooser.tsx';
import { TRANSFORMER } from '../inputs.ts';
import { modelName, type NextTokenArgs, type NextTokenReady } from '../model/next-token.ts';
import { chooseNext, entropyBits, probabilitiesAt, type GenerationStep } from '../model/sampling.ts';
import { HorizontalBars, ReferenceKey } from '../ui/HorizontalBars.tsx';
import { Loading, Problem, UnseenWords } from '../ui/Notices.tsx';
import { GPT_ID } from '../ui/use-gpt-trace.ts';
import { useNextLogits } from '../ui/use-next-logits.ts';
import { tryParseModelRef } from '../../../src/checkpoints/model-ref.ts';
import '../ui/generation.css';
import { PROMPTS } from './examples.ts';

const COURSE = [{ id: GPT_ID, label: 'tiny-gpt (the course’s GPT-style decoder)' }];
/** config.json model_type values the loader reads as causal language models (src/checkpoints/hf-config.ts). */
const CAUSAL_TYPES = new Set(['gpt2', 'llama']);
const SUGGESTED = ['hf:openai-community/gpt2', 'hf:HuggingFaceTB/SmolLM2-135M'];

export function GenerationProse() {
  return (
    <>
      <p>
        A GPT is the decoder alone: no encoder, so no cross-attention, just masked self-attention and feed-forward blocks. To write, it runs on the text so
        far, takes the scores (logits) <i>z</i> at the <em>last</em> position, turns them into probabilities for the next token, picks one, appends it,
        and runs again. One token per pass.
      </p>
      <Formula tex={String.raw`p_i = \frac{\exp(z_i/\hl{T})}{\sum_j \exp(z_j/\hl{T})}`} />
      <p>
        The <strong>temperature</strong> <i>T</i> divides the logits before the softmax. Below 1 it sharpens the distribution, above 1 it flattens it, and
        as <i>T</i> goes to 0 all the probability piles onto the top token: that limit is <em>greedy</em> decoding. It never changes the order of the
        candidates, only how far apart their probabilities are. Sampling uses a seeded random number for each step, so a seed reproduces a
        continuation exactly.
      </p>
      <p>
        Above the figure you choose the model that writes: the course's tiny-gpt, or a causal language model you open from the Hugging Face hub, a folder
        or your disk (GPT-2, SmolLM2). That model's own tokenizer reads the prompt, and each token is shown as the text it stands for. Nothing here keeps
        the keys and values of earlier positions (a <em>key/value cache</em>), so every new token reruns the whole text through every layer: the figure
        says how long each step took.
      </p>
    </>
  );
}

const TOP = 10;
/** Most tokens one click writes. */
const RUN = 10;
const NO_STEPS: GenerationStep[] = [];
const formatP = (p: number) => (p > 0 && p < 0.001 ? '<0.001' : p.toFixed(3));
/** A token's text as a chip can show it: a newline or tab as an arrow, a token of spaces alone as ␣; a leading space stays (" the"). */
function visible(t: string): string {
  if (t === '') return '∅';
  const shown = t.replace(/\n/g, '↵').replace(/\t/g, '⇥');
  return shown.trim() === '' ? shown.replace(/ /g, '␣') : shown;
}
const formatMs = (ms: number) => (ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`);

interface Written {
  key: string; // model and prompt the steps continue
  steps: GenerationStep[];
  run: { total: number; made: number } | null; // a click's tokens being written
}

function Generator({ modelId }: { modelId: string }) {
  const [prompt] = useLessonInput(TRANSFORMER, 'prompt');
  const [temperature, setTemperature] = useLessonInput(TRANSFORMER, 'temperature');
  const [seed, setSeed] = useLessonInput(TRANSFORMER, 'seed');
  // The tokens generated belong to the model and prompt they continue: a new one (typed here,
  // or from a link) starts over. They are a history of clicks, not a setting: no link holds them.
  const key = `${modelId}\u0000${prompt}`;
  const [written, setWritten] = useState<Written>({ key, steps: NO_STEPS, run: null });
  const { steps, run } = written.key === key ? written : { steps: NO_STEPS, run: null };
  const update = (f: (w: Written) => Written) => setWritten((w) => f(w.key === key ? w : { key, steps: NO_STEPS, run: null }));
  const ids = useId();
  const label = modelName(modelId);
  const onPage = tryParseModelRef(modelId)?.kind === 'builtin';

  const args = useMemo((): NextTokenArgs => ({ prompt, generated: steps.map((s) => s.id), top: TOP }), [prompt, steps]);
  const { state, last } = useNextLogits(modelId, args);
  const now = state.state === 'ready' ? state.value : null;
  // While the next distribution is computed (in the worker), the last one stays on show, dimmed.
  const held = last && last.value.ok ? { args: last.args, value: last.value } : null;
  const samePrompt = held !== null && held.args.prompt === prompt;
  const shown: NextTokenReady | null = now?.ok ? now : (held?.value ?? null);
  const stale = shown !== null && !now?.ok;

  const model = shown?.model;
  const stop = model?.stop ?? null;
  const lastStep = steps[steps.length - 1];
  const ended = lastStep !== undefined && lastStep.id === stop;
  const promptLength = now?.ok ? now.prompt.ids.length : samePrompt ? held.value.prompt.ids.length : null;
  const length = promptLength === null ? null : promptLength + steps.length;
  const full = model !== undefined && length !== null && length >= model.maxPositions;
  const logitsNow = now?.ok ? now.logits : null;
  const canWrite = logitsNow !== null && !ended && !full;
  const failed = state.state === 'error' || (now !== null && !now.ok);

  // A click's tokens, one per answer: each draw waits for the logits of the text so far. A
  // draw is appended once (the length check), so a repeated effect cannot write twice.
  useEffect(() => {
    if (!run) return;
    if (failed || ended || full || run.made >= run.total) {
      setWritten((w) => (w.key === key && w.run ? { ...w, run: null } : w));
      return;
    }
    if (!logitsNow) return;
    const at = steps.length;
    setWritten((w) => {
      if (w.key !== key || !w.run || w.steps.length !== at) return w;
      return { ...w, steps: [...w.steps, chooseNext(logitsNow, temperature, seed, at)], run: { ...w.run, made: w.run.made + 1 } };
    });
  }, [run, failed, ended, full, logitsNow, steps.length, key, temperature, seed]);

  const nextOne = () => {
    if (!canWrite) return;
    const at = steps.length;
    update((w) => (w.steps.length === at ? { ...w, steps: [...w.steps, chooseNext(logitsNow, temperature, seed, at)] } : w));
  };

  const textOf = (k: number): string => {
    const id = steps[k].id;
    if (id === stop) return '[end]';
    if (now?.ok) return now.generated[k] ?? '…';
    if (samePrompt && held.args.generated[k] === id) return held.value.generated[k];
    if (samePrompt && k === held.args.generated.length) return held.value.top.find((t) => t.id === id)?.text ?? '…'; // drawn from the held distribution
    return '…';
  };

  const logits = shown?.logits ?? null;
  const probs = useMemo(() => (logits ? probabilitiesAt(logits, temperature) : null), [logits, temperature]);
  const atOne = useMemo(() => (logits ? probabilitiesAt(logits, 1) : null), [logits]);
  const top = shown?.top ?? [];
  const bars = probs ? top.map((t) => probs[t.id]) : [];
  const inside = bars.reduce((a, b) => a + b, 0);
  const retry = state.state === 'error' ? state.retry : undefined;

  if (now && !now.ok) return <Problem>{now.problem}</Problem>;
  if (!shown) {
    if (state.state === 'error') return <Problem>{state.message}<RetryButton retry={retry} /></Problem>;
    if (state.state === 'running') return <p className="status">{label} is computing the first distribution…</p>;
    return <Loading what={label} />;
  }
  const busy = state.state === 'loading' || state.state === 'running';
  const took = `the last step took ${formatMs(shown.ms)}`;
  return (
    <>
      <UnseenWords words={shown.prompt.unseen} model={shown.model.name} />
      <div className="tf-controls">
        <span className="tf-slider">
          <label htmlFor={`${ids}-t`}>Temperature T = {temperature.toFixed(2)}{temperature === 0 ? ' (greedy)' : ''}</label>
          <input id={`${ids}-t`} type="range" min={0} max={2} step={0.05} value={temperature} onChange={(e) => setTemperature(Number(e.target.value))} />
        </span>
        <span className="tf-select">
          <label htmlFor={`${ids}-s`}>Seed</label>
          <input id={`${ids}-s`} type="number" min={0} max={99999} step={1} value={seed} onChange={(e) => setSeed(Math.max(0, Math.min(99999, Math.floor(Number(e.target.value) || 0))))} />
        </span>
        <button type="button" className="primary" onClick={nextOne} disabled={!canWrite || run !== null}>
          Next token
        </button>
        {run ? (
          <button type="button" onClick={() => update((w) => ({ ...w, run: null }))}>
            Stop
          </button>
        ) : (
          <button type="button" onClick={() => update((w) => ({ ...w, run: { total: RUN, made: 0 } }))} disabled={!canWrite}>
            Next {RUN} tokens
          </button>
        )}
        <button type="button" onClick={() => update((w) => ({ ...w, steps: w.steps.slice(0, -1), run: null }))} disabled={steps.length === 0}>
          Undo
        </button>
        <button type="button" onClick={() => update(() => ({ key, steps: NO_STEPS, run: null }))} disabled={steps.length === 0}>
          Start over
        </button>
      </div>
      <p className={`tf-tokens tf-gen-tokens${stale && !samePrompt ? ' is-stale' : ''}`} aria-live="polite" aria-label="Text so far">
        {shown.prompt.labels.map((l, i) => (
          <span key={`p${i}`} className="tf-token">
            {visible(l)}
          </span>
        ))}
        {steps.map((s, i) => (
          <span key={`g${i}`} className="tf-token is-generated" title={`p = ${s.p.toFixed(3)} at T = ${s.temperature.toFixed(2)}`}>
            {visible(textOf(i))}
          </span>
        ))}
      </p>
      <p className="tf-readout tf-gen-status" role="status">
        {run
          ? `Writing token ${Math.min(run.made + 1, run.total)} of ${run.total}… (${took})`
          : busy
            ? `Computing the next distribution… (${took})`
            : `Computed ${onPage ? 'on this page' : 'in the model worker'} in ${formatMs(shown.ms)}: all ${length ?? '?'} tokens went through ${shown.model.nLayers} layers again, since nothing from the last step is kept.`}
      </p>
      {state.state === 'error' && (
        <Problem>
          {state.message} The text so far is kept.
          <RetryButton retry={retry} />
        </Problem>
      )}
      {lastStep && (
        <p className="tf-readout">
          Last step: “{visible(textOf(steps.length - 1))}” had probability {lastStep.p.toFixed(3)} at T = {lastStep.temperature.toFixed(2)}
          {lastStep.u === null ? ' and was the top token (greedy).' : `; it was drawn with u = ${lastStep.u.toFixed(3)}, random number ${steps.length} of seed ${seed}.`}
        </p>
      )}
      {ended && <p className="tf-readout">The model wrote its end token: this text is finished. Undo, or start over.</p>}
      {full && <p className="tf-readout">The text has reached {shown.model.name}'s window of {shown.model.maxPositions} tokens: it can read no more. Undo, or start over.</p>}
      {probs && atOne && (
        <div className={`tf-gen-bars${stale ? ' is-stale' : ''}`} aria-busy={stale}>
          <HorizontalBars
            caption={`P(next token) at T = ${temperature.toFixed(2)}${temperature === 0 ? ' (greedy)' : ''}: the ${TOP} most likely tokens`}
            labels={top.map((t) => (t.id === stop ? '[end]' : visible(t.text)))}
            values={bars}
            max={1}
            format={formatP}
            reference={top.map((t) => atOne[t.id])}
            legend={
              <>
                The thin mark <ReferenceKey /> and the number in brackets: the same token's probability at T = 1. Bars run from 0 to 1, gridlines every
                0.25.
              </>
            }
          />
          <p className="tf-readout">
            These {TOP} tokens hold {(100 * inside).toFixed(1)}% of the probability; the other {(probs.length - TOP).toLocaleString('en')} share the rest.
            Spread (entropy): {entropyBits(probs).toFixed(2)} bits.
          </p>
        </div>
      )}
    </>
  );
}

export function GenerationFigure() {
  const [checkpoint, setCheckpoint] = useLessonInput(TRANSFORMER, 'checkpoint');
  const remote = useRemoteModel(checkpoint);
  const where = remote.s.state;
  return (
    <div className="tf-figure">
      <ModelChooser label="Model" value={checkpoint} onChange={setCheckpoint} course={COURSE} accepts={(t) => CAUSAL_TYPES.has(t)} suggestions={SUGGESTED} remote={remote} />
      <SentenceInput lesson={TRANSFORMER} name="prompt" label="Prompt" examples={PROMPTS} examplesLabel="Examples for “Prompt”" />
      {(where === 'builtin' || where === 'cached') && <Generator key={checkpoint} modelId={checkpoint} />}
    </div>
  );
}
