/**
 * Step 5: do attention heads learn coreference? The same small BERT trained two ways, side by
 * side on the student's sentence: `coref` (masked-LM, the noun target and an attention loss on
 * one head) and `coref-mlm` (masked-LM only), whose side also reads the predicate's row on the
 * head its card measured best at that route. Every number is computed live or read from the
 * models' cards; the prose says only what those show.
 */
import { CorefLine, headName, pct } from '../../src/components/explorer/CorefLine.tsx';
import { FollowRow } from '../../src/components/explorer/FollowRow.tsx';
import { candidatesOf, defaultFollow, isCandidate, wordsOf } from '../../src/components/explorer/rank-heads.ts';
import { SentenceInput } from '../../src/components/lesson/SentenceInput.tsx';
import { useModel } from '../../src/components/use-model.ts';
import { selectText, useAtlas, type AttentionResult, type CorefMeta } from '../../src/store/index.ts';
import { EXAMPLES } from './examples.ts';
import { EXPLORER } from './inputs.ts';
import { useLessonInput } from '../../src/components/lesson/use-lesson-input.ts';
import { Pending, useResult } from './use-result.tsx';

export const CONTRAST_ID = 'coref-mlm';


function useCard(id: string): CorefMeta | undefined {
  const m = useModel(id);
  return m.state === 'ready' ? m.model.meta.coreference : undefined;
}

export function TwoModelsProse() {
  const trained = useCard('coref');
  const mlm = useCard(CONTRAST_ID);
  return (
    <>
      <p>
        Two models of the same size, trained on the same sentences:
        <strong> coref-mlm</strong> only learned to fill in hidden words; <strong>coref</strong> was also asked, at a pronoun,
        for the noun it refers to, and one head{trained ? ` (${headName(trained.head)})` : ''} got an extra loss to point there.
        {mlm ? ` coref-mlm's best head is right ${pct(meanOf(mlm))} of the time on ${mlm.cases} unseen sentences: chance.` : ''}
      </p>
      <p>
        For these two models the answer is: a head that links pronouns appeared only when training asked for the pronoun's
        referent. (In BERT-base, Clark et al. 2019 found one head that does it 65% of the time on real text.)
      </p>
    </>
  );
}

const meanOf = (c: CorefMeta) => Object.values(c.accuracy).reduce((a, b) => a + b, 0) / Math.max(1, Object.keys(c.accuracy).length);

/** The predicate a pronoun's clause ends on ("tired"): the last content word after it that is not a noun. */
function predicateOf(r: AttentionResult): number | null {
  const words = wordsOf(r);
  const p = defaultFollow(words);
  if (p < 0) return null;
  const nouns = new Set(candidatesOf(words, p));
  for (let i = words.length - 1; i > p; i--) if (isCandidate(words[i]) && !nouns.has(words[i])) return i;
  return null;
}

function Side({ id, r, word, onWord }: { id: string; r: ReturnType<typeof useResult>; word: number | null; onWord: (i: number) => void }) {
  const [predicate, setPredicate] = useLessonInput(EXPLORER, 'predicate-word');
  if (r.state !== 'ready') return <Pending r={r} />;
  const c = r.result.coreference;
  const [layer, head] = c?.head ?? [0, 0];
  const route = c && !c.meetsBar ? c.route : undefined;
  return (
    <section className="two-models-side" aria-label={id}>
      <h3>{id}</h3>
      <CorefLine coref={c} brief />
      <FollowRow result={r.result} layer={layer} head={head} word={word} onWord={onWord} />
      {route && (
        <>
          <h4>The route through the predicate</h4>
          <p className="muted">
            Does the predicate's own row pick the referent instead? On {route.cases} unseen sentences, the best head for that,{' '}
            {headName(route.predicateRow.head)}, does {pct(route.predicateRow.value)} of the time (chance 50%); a pronoun puts at most{' '}
            {pct(route.pronounToPredicate.value)} of its attention on the predicate ({headName(route.pronounToPredicate.head)}).
          </p>
          <FollowRow result={r.result} layer={route.predicateRow.head[0]} head={route.predicateRow.head[1]} word={predicate ?? predicateOf(r.result)} onWord={setPredicate} />
        </>
      )}
    </section>
  );
}
export function TwoModelsFigure() {
  const text = useAtlas(selectText);
  const a = useResult(text, 'coref');
  const b = useResult(text, CONTRAST_ID);
  const [word, setWord] = useLessonInput(EXPLORER, 'two-models-word');
  return (
    <>
      <SentenceInput examples={EXAMPLES} />
      <div className="two-models">
        <Side id="coref" r={a} word={word} onWord={setWord} />
        <Side id={CONTRAST_ID} r={b} word={word} onWord={setWord} />
      </div>
    </>
  );
}
