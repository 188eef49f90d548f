/**
 * Step 4 (the lesson's question): change one word and compare. The student predicts whether
 * the model's coreference head moves the pronoun's attention from "animal" to "street"; the
 * answer is computed from the model, whichever way it goes.
 */
import { useMemo, useState } from 'react';
import { DifferenceView } from '../../src/components/explorer/DifferenceView.tsx';
import { answerSentence } from '../../src/components/explorer/Predictions.tsx';
import { rankHeads, wordsOf } from '../../src/components/explorer/rank-heads.ts';
import { Question } from '../../src/components/lesson/Question.tsx';
import { HeadPicker, useSelectedHead } from '../../src/components/lesson/HeadPicker.tsx';
import type { AttentionResult } from '../../src/store/index.ts';
import { Pending, useResult } from './use-result.tsx';

const TIRED = "The animal didn't cross the street because it was too tired.";
const WIDE = "The animal didn't cross the street because it was too wide.";

/** Attention from "it" to "animal" and to "street" on one head. */
function itTo(r: AttentionResult, layer: number, head: number): { animal: number; street: number } {
  const words = wordsOf(r);
  const find = (w: string) => words.find((x) => x.text.toLowerCase() === w)!;
  const ranking = rankHeads(r, find('it'), [find('animal'), find('street')]).find((x) => x.layer === layer && x.head === head)!;
  return { animal: ranking.toCandidates[0], street: ranking.toCandidates[1] };
}

export function TiredWideProse() {
  return (
    <>
      <p>
        One word changes, and so does what “it” means: tired animals stop; wide streets are not crossed. This pair comes from
        Google's 2017 blog post that introduced the Transformer, which drew the attention of “it” moving between “animal” and
        “street”. It follows Winograd's (1972) idea, whose own pair is “The city councilmen refused the demonstrators a permit
        because they feared / advocated violence.”
      </p>
      <p>A model that resolves pronouns must move the attention of “it” when “tired” becomes “wide”.</p>
    </>
  );
}

/** "it = animal (97%)" for the pronoun of a result, when the model was trained to name it. */
function answerOf(r: AttentionResult): string | null {
  const p = r.predictions.find((x) => x.why === 'pronoun');
  return p ? answerSentence(r, p) : null;
}

export function TiredWideFigure() {
  const a = useResult(TIRED);
  const b = useResult(WIDE);
  const [answered, setAnswered] = useState(false);
  const ready = a.state === 'ready' && b.state === 'ready' ? { a: a.result, b: b.result } : null;
  const verified = ready?.a.coreferenceHead !== undefined;
  const coref = ready?.a.coreferenceHead ?? ready?.a.bestPronounHead;
  const { layer, head } = useSelectedHead(ready?.a.nLayers ?? 1, ready?.a.nHeads ?? 1);
  const verdict = useMemo(() => {
    if (!ready || !coref) return null;
    const t = itTo(ready.a, coref[0], coref[1]);
    const w = itTo(ready.b, coref[0], coref[1]);
    return { t, w, moves: t.animal > t.street && w.street > w.animal };
  }, [ready, coref]);
  if (!ready) return <Pending r={a.state !== 'ready' ? a : b} />;
  if (!coref || !verdict) return <p className="muted">This model's card names no coreference head, so there is nothing to predict here; compare the sentences below head by head.</p>;
  const f = (x: number) => x.toFixed(2);
  const answers = [answerOf(ready.a), answerOf(ready.b)];
  const said = answers[0] && answers[1] ? ` Asked what “it” means, the model itself answers ${answers[0]} with “tired” and ${answers[1]} with “wide”.` : '';
  return (
    <>
      <Question
        prompt={`On ${verified ? "the model's coreference head" : 'the head its card found best at pronouns'} (layer ${coref[0] + 1}, head ${coref[1] + 1}), does “it” move its attention from “animal” to “street” when “tired” becomes “wide”?`}
        choices={['Yes, it follows the meaning', 'No, it stays where it was']}
        correct={verdict.moves ? 0 : 1}
        explanation={`Measured just now: with “tired”, “it” gives ${f(verdict.t.animal)} to “animal” and ${f(verdict.t.street)} to “street”; with “wide”, ${f(verdict.w.animal)} and ${f(verdict.w.street)}. ${verdict.moves ? 'The head follows the meaning on this pair.' : 'This head does not follow the meaning on this pair.'}${said} ${verified ? '' : "The model's card measures every head near chance on hundreds of such cases: this model fills in hidden words well, yet none of its heads learned to link a pronoun to its antecedent."}`}
        onAnswer={() => setAnswered(true)}
      />
      {answered && (
        <>
          <HeadPicker nLayers={ready.a.nLayers} nHeads={ready.a.nHeads} coreferenceHead={coref} />
          <DifferenceView a={ready.a} b={ready.b} layer={layer} head={head} />
        </>
      )}
    </>
  );
}
