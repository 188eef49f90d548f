/**
 * Steps 4 and 5: one word, two meanings. The student predicts whether the two senses of
 * "bank" end up closer or further apart than two uses of the same sense, then sees the
 * cosine similarities measured layer by layer on generated sentences and on their own two.
 */
import { useMemo } from 'react';
import { Question } from '../../src/components/lesson/Question.tsx';
import { References } from '../../src/components/lesson/References.tsx';
import { SentenceInput } from '../../src/components/lesson/SentenceInput.tsx';
import { useBundle } from '../../src/components/lesson/use-bundle.ts';
import { useLessonInput } from '../../src/components/lesson/use-lesson-input.ts';
import { LinePlot } from '../../src/components/viz/LinePlot.tsx';
import { generateBankSenses } from '../../src/data/coref-world/index.ts';
import { cosine, senseDrift, wordVectorsByDepth } from './compute.ts';
import { BANK_INPUTS } from './inputs.ts';
import { MODEL_ID } from './use-model.ts';


const SAMPLE = generateBankSenses(5, 16).map((b) => ({ sentence: b.sentence, sense: b.sense, span: b.bank }));

function bankSpan(s: string): [number, number] | null {
  const m = /\bbank\b/i.exec(s);
  return m ? [m.index, m.index + 4] : null;
}

export function BankQuestionProse() {
  return (
    <>
      <p>
        The embedding table has one row for “bank”, whatever it means. After a few layers of attention, the vector at
        “bank” has mixed in its neighbours: “money” and “deposited” in one sentence, “river” and “sat” in the other.
        These are <em>contextual</em> vectors. We compare them by the cosine of the angle between them: 1 means they
        point the same way.
      </p>
    </>
  );
}

export function BankQuestionFigure() {
  const b = useBundle(MODEL_ID);
  const drift = useMemo(() => (b.state === 'ready' && b.bundle.kind === 'text' && b.bundle.tokenizer ? senseDrift(b.bundle.model, b.bundle.tokenizer, SAMPLE) : null), [b]);
  if (b.state === 'error') return <p className="error" role="alert">{b.message}</p>;
  if (!drift) return <p className="status">Loading the coref model…</p>;
  const last = drift.within.length - 1;
  const apart = drift.across[last] < drift.within[last];
  return (
    <Question
      prompt="After the last layer, is a money “bank” closer to a river “bank”, or to another money “bank”?"
      choices={['Closer to the river “bank”', 'Closer to another money “bank”', 'Equally close: it is the same word']}
      correct={apart ? 1 : 0}
      explanation={`Measured on ${SAMPLE.length} generated sentences: mean cosine ${drift.within[last].toFixed(2)} between “bank”s of the same sense, ${drift.across[last].toFixed(2)} across the two senses. The next step shows how this develops layer by layer.`}
    />
  );
}

export function BankDriftProse() {
  return (
    <p>
      Layer by layer, the two senses drift apart. Edit the two sentences: the dots are your own pair, measured live;
      the lines are averages over generated sentences of each sense.
    </p>
  );
}

export function BankDriftFigure() {
  const b = useBundle(MODEL_ID);
  const [a] = useLessonInput(BANK_INPUTS, 'bank-first');
  const [c] = useLessonInput(BANK_INPUTS, 'bank-second');
  const ready = b.state === 'ready' && b.bundle.kind === 'text' && b.bundle.tokenizer ? b.bundle : null;
  const drift = useMemo(() => (ready ? senseDrift(ready.model, ready.tokenizer!, SAMPLE) : null), [ready]);
  const pair = useMemo(() => {
    if (!ready) return null;
    const sa = bankSpan(a);
    const sc = bankSpan(c);
    if (!sa || !sc) return { error: 'Both sentences need the word “bank”.' };
    try {
      const va = wordVectorsByDepth(ready.model, ready.tokenizer!, a, sa);
      const vc = wordVectorsByDepth(ready.model, ready.tokenizer!, c, sc);
      return { cos: va.map((v, l) => cosine(v, vc[l])) };
    } catch (e) {
      return { error: (e as Error).message };
    }
  }, [ready, a, c]);
  const series = useMemo(() => {
    if (!drift) return [];
    const pts = (ys: number[]) => ys.map((y, l) => [l, y] as [number, number]);
    const out = [
      { name: 'same sense (mean)', points: pts(drift.within) },
      { name: 'different senses (mean)', points: pts(drift.across) },
    ];
    if (pair && 'cos' in pair && pair.cos) out.push({ name: 'your two sentences', points: pts(pair.cos) });
    return out;
  }, [drift, pair]);
  if (b.state === 'error') return <p className="error" role="alert">{b.message}</p>;
  if (!drift) return <p className="status">Loading the coref model…</p>;
  return (
    <>
      <div className="bank-inputs">
        <SentenceInput lesson={BANK_INPUTS} name="bank-first" label="First sentence" />
        <SentenceInput lesson={BANK_INPUTS} name="bank-second" label="Second sentence" />
      </div>
      {pair && 'error' in pair && <p className="error" role="alert">{pair.error}</p>}
      <LinePlot series={series} xLabel="depth (0 = embeddings, then after each layer)" yLabel="cosine" title="How alike are the two “bank” vectors?" />
      <References
        items={[
          { authors: 'Vaswani, A. et al.', year: 2017, title: 'Attention Is All You Need', url: 'https://arxiv.org/abs/1706.03762' },
          { authors: 'Clark, K. et al.', year: 2019, title: 'What Does BERT Look At? An Analysis of BERT’s Attention', url: 'https://arxiv.org/abs/1906.04341' },
          { authors: 'Voita, E. et al.', year: 2019, title: 'Analyzing Multi-Head Self-Attention: Specialized Heads Do the Heavy Lifting, the Rest Can Be Pruned', url: 'https://arxiv.org/abs/1905.09418' },
          { authors: 'Ethayarajh, K.', year: 2019, title: 'How Contextual are Contextualized Word Representations?', url: 'https://arxiv.org/abs/1909.00512' },
        ]}
      />
    </>
  );
}
