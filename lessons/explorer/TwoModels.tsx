/**
 * Step 5: do attention heads learn coreference? The same small BERT trained two ways, side by
 * side on the student's sentence: `coref` (masked-LM, the noun target and an attention loss on
 * one head) and `coref-mlm` (masked-LM only). Every number is computed live or read from the
 * models' cards; the prose says only what those show.
 */
import { CorefLine, headName } from '../../src/components/explorer/CorefLine.tsx';
import { FollowRow } from '../../src/components/explorer/FollowRow.tsx';
import { SentenceInput } from '../../src/components/lesson/SentenceInput.tsx';
import { useModel } from '../../src/components/use-model.ts';
import { selectText, useAtlas, type AttentionResult, type CorefMeta } from '../../src/store/index.ts';
import { EXAMPLES } from './examples.ts';
import { EXPLORER } from './inputs.ts';
import { useLessonInput } from '../../src/components/lesson/use-lesson-input.ts';
import { Pending, useResult } from './use-result.tsx';

export const CONTRAST_ID = 'coref-mlm';

const pct = (x: number) => `${Math.round(x * 100)}%`;

function useCard(id: string): CorefMeta | undefined {
  const m = useModel(id);
  return m.state === 'ready' ? m.model.meta.coreference : undefined;
}

export function TwoModelsProse() {
  const trained = useCard('coref');
  const mlm = useCard(CONTRAST_ID);
  const route = mlm?.route;
  return (
    <>
      <p>
        Do attention heads learn coreference by themselves? Here are two models of the same size, trained on the same
        sentences. <strong>coref-mlm</strong> was trained only to fill in hidden words.{' '}
        <strong>coref</strong> was also asked, at a pronoun, for the noun it refers to, and one of its heads
        {trained ? ` (${headName(trained.head)})` : ''} was given an extra loss to point there.
      </p>
      {mlm && route && (
        <p>
          Masked-LM alone grew no pronoun head: the best of coref-mlm's heads is right {pct(Object.values(mlm.accuracy).reduce((a, b) => a + b, 0) / Object.values(mlm.accuracy).length)}{' '}
          of the time on {mlm.cases} {mlm.measuredOn}, about chance. Where else could the referent be found? On {route.cases} such
          sentences, its predicate's own row (“tired” looking at “animal”) picks the referent at most {pct(route.predicateRow.value)} of
          the time ({headName(route.predicateRow.head)}), and a pronoun puts at most {pct(route.pronounToPredicate.value)} of its
          attention on the predicate ({headName(route.pronounToPredicate.head)}). Click “tired” or “wide” below to read the
          predicate's row yourself.
        </p>
      )}
      <p>
        So the honest answer for these two models: a head that links pronouns appeared only when training asked for the pronoun's referent.
        (In BERT-base, Clark et al. 2019 found one head that does it 65% of the time on real text.)
      </p>
    </>
  );
}

function Side({ id, r, word, onWord }: { id: string; r: ReturnType<typeof useResult>; word: number | null; onWord: (i: number) => void }) {
  if (r.state !== 'ready') return <Pending r={r} />;
  const c = r.result.coreference;
  const [layer, head] = c?.head ?? [0, 0];
  return (
    <section className="two-models-side" aria-label={id}>
      <h3>{id}</h3>
      <CorefLine coref={c} />
      <FollowRow result={r.result as AttentionResult} layer={layer} head={head} word={word} onWord={onWord} />
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
