/**
 * Step 9: generation token by token with tiny-gpt. The next-token distribution at the last
 * position, reshaped live by the temperature slider; "Next token" appends the greedy choice
 * (T = 0) or a seeded draw, so the same prompt, seed and temperatures give the same text.
 */
import { useId, useMemo, useState } from 'react';
import { Formula } from '../../../src/components/lesson/Formula.tsx';
import { RetryButton } from '../../../src/components/lesson/RetryButton.tsx';
import type { TextBundle } from '../../../src/components/lesson/use-trace.ts';
import { useModel } from '../../../src/components/use-model.ts';
import { lastLogits, topK } from '../../../src/models/generate.ts';
import { chooseNext, entropyBits, probabilitiesAt, type GenerationStep } from '../model/sampling.ts';
import { Loading, Problem, UnseenWords } from '../ui/Notices.tsx';
import { HorizontalBars, ReferenceKey } from '../ui/HorizontalBars.tsx';
import { readWords, tokenLabels, type Token, type UnseenWord } from '../../../src/tokenizers/index.ts';
import { GPT_ID } from '../ui/use-gpt-trace.ts';
import { SentenceInput } from '../../../src/components/lesson/SentenceInput.tsx';
import { useLessonInput } from '../../../src/components/lesson/use-lesson-input.ts';
import { TRANSFORMER } from '../inputs.ts';
import { PROMPTS } from './examples.ts';

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
    </>
  );
}

const TOP = 10;
const NO_STEPS: GenerationStep[] = [];
const formatP = (p: number) => (p > 0 && p < 0.001 ? '<0.001' : p.toFixed(3));

function Generator({ bundle }: { bundle: TextBundle }) {
  const [prompt] = useLessonInput(TRANSFORMER, 'prompt');
  const [temperature, setTemperature] = useLessonInput(TRANSFORMER, 'temperature');
  const [seed, setSeed] = useLessonInput(TRANSFORMER, 'seed');
  // The tokens generated so far belong to the prompt they continue: a new prompt (typed here,
  // or from a link) starts over. They are a history of clicks, not a setting: no link holds them.
  const [generated, setGenerated] = useState<{ prompt: string; steps: GenerationStep[] }>({ prompt, steps: NO_STEPS });
  const steps = generated.prompt === prompt ? generated.steps : NO_STEPS;
  const setSteps = (f: (steps: GenerationStep[]) => GenerationStep[]) =>
    setGenerated((g) => ({ prompt, steps: f(g.prompt === prompt ? g.steps : NO_STEPS) }));
  const ids = useId();
  const tok = bundle.tokenizer;
  const model = bundle.model;
  const max = model.config.maxPositions;
  const stop = tok?.specialIds.sep;
  const read = useMemo((): { error: string } | { tokens: Token[]; labels: string[]; unknown: UnseenWord[] } => {
    if (!tok) return { error: 'tiny-gpt has no tokenizer.' };
    if (prompt.trim() === '') return { error: 'Type a prompt to continue.' };
    const tokens = tok.encode(prompt);
    if (tokens.length >= max) return { error: `tiny-gpt reads at most ${max} tokens; this prompt makes ${tokens.length}. Shorten it.` };
    return { tokens, labels: tokenLabels(prompt, tokens, tok.specialIds), unknown: readWords(prompt, tokens, tok.specialIds).words };
  }, [tok, prompt, max]);
  const sequence = useMemo(() => ('tokens' in read ? [...read.tokens.map((t) => t.id), ...steps.map((s) => s.id)] : []), [read, steps]);
  const logits = useMemo(() => (sequence.length > 0 ? lastLogits(model, sequence) : null), [model, sequence]);
  const probs = useMemo(() => (logits ? probabilitiesAt(logits, temperature) : null), [logits, temperature]);
  const top = useMemo(() => (logits ? topK(logits, TOP) : []), [logits]);
  const bars = useMemo(() => (probs ? top.map((i) => probs[i]) : []), [probs, top]);
  const atOne = useMemo(() => (logits ? probabilitiesAt(logits, 1) : null), [logits]);
  const reference = useMemo(() => (atOne ? top.map((i) => atOne[i]) : []), [atOne, top]);
  const words = useMemo(() => top.map((i) => tok?.idToToken(i) ?? String(i)), [top, tok]);

  const last = steps[steps.length - 1];
  const ended = last !== undefined && last.id === stop;
  const full = sequence.length >= max;
  const next = () => {
    if (!logits || ended || full) return;
    setSteps((done) => [...done, chooseNext(logits, temperature, seed, done.length)]);
  };
  const word = (id: number) => (id === stop ? '[end]' : (tok?.idToToken(id) ?? String(id)));
  const inside = bars.reduce((a, b) => a + b, 0);

  return (
    <div className="tf-figure">
      <SentenceInput lesson={TRANSFORMER} name="prompt" label="Prompt" examples={PROMPTS} examplesLabel="Examples for “Prompt”" />
      {'error' in read ? (
        <Problem>{read.error}</Problem>
      ) : (
        <>
          <UnseenWords words={read.unknown} model="tiny-gpt" />
          <div className="tf-controls">
            <span className="tf-slider">
              <label htmlFor={`${ids}-t`}>Temperature T = {temperature.toFixed(2)}{temperature === 0 ? ' (greedy)' : ''}</label>
              <input id={`${ids}-t`} type="range" min={0} max={2} step={0.05} value={temperature} onChange={(e) => setTemperature(Number(e.target.value))} />
            </span>
            <span className="tf-select">
              <label htmlFor={`${ids}-s`}>Seed</label>
              <input id={`${ids}-s`} type="number" min={0} max={99999} step={1} value={seed} onChange={(e) => setSeed(Math.max(0, Math.min(99999, Math.floor(Number(e.target.value) || 0))))} />
            </span>
            <button type="button" className="primary" onClick={next} disabled={ended || full}>
              Next token
            </button>
            <button type="button" onClick={() => setSteps((done) => done.slice(0, -1))} disabled={steps.length === 0}>
              Undo
            </button>
            <button type="button" onClick={() => setSteps(() => [])} disabled={steps.length === 0}>
              Start over
            </button>
          </div>
          <p className="tf-tokens" aria-live="polite" aria-label="Text so far">
            {read.labels.map((l, i) => (
              <span key={`p${i}`} className="tf-token">
                {l}
              </span>
            ))}
            {steps.map((s, i) => (
              <span key={`g${i}`} className="tf-token is-generated" title={`p = ${s.p.toFixed(3)} at T = ${s.temperature.toFixed(2)}`}>
                {word(s.id)}
              </span>
            ))}
          </p>
          {last && (
            <p className="tf-readout">
              Last step: “{word(last.id)}” had probability {last.p.toFixed(3)} at T = {last.temperature.toFixed(2)}
              {last.u === null ? ' and was the top token (greedy).' : `; it was drawn with u = ${last.u.toFixed(3)}, random number ${steps.length} of seed ${seed}.`}
            </p>
          )}
          {ended && <p className="tf-readout">The model wrote its end-of-line token: this line is finished. Undo, or start over.</p>}
          {full && <p className="tf-readout">The text has reached tiny-gpt's window of {max} tokens.</p>}
          {probs && (
            <>
              <HorizontalBars
                caption={`P(next token) at T = ${temperature.toFixed(2)}${temperature === 0 ? ' (greedy)' : ''}: the ${TOP} most likely tokens`}
                labels={words.map((w) => (w === tok?.idToToken(stop ?? -1) ? '[end]' : w))}
                values={bars}
                max={1}
                format={formatP}
                reference={reference}
                legend={
                  <>
                    The thin mark <ReferenceKey /> and the number in brackets: the same token's probability at T = 1. Bars run from 0 to 1, gridlines every
                    0.25.
                  </>
                }
              />
              <p className="tf-readout">
                These {TOP} tokens hold {(100 * inside).toFixed(1)}% of the probability; the other {probs.length - TOP} share the rest. Spread (entropy):{' '}
                {entropyBits(probs).toFixed(2)} bits.
              </p>
            </>
          )}
        </>
      )}
    </div>
  );
}

export function GenerationFigure() {
  const b = useModel(GPT_ID);
  if (b.state === 'loading') return <Loading what="tiny-gpt" />;
  if (b.state === 'error') return <Problem>{b.message}<RetryButton retry={b.retry} /></Problem>;
  if (b.model.kind !== 'text') return <Problem>tiny-gpt should be a text model.</Problem>;
  return <Generator bundle={b.model} />;
}
