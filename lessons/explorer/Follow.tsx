/** Step 3: click a pronoun and rank every head by how decisively it picks each candidate. */
import { PronounRanking } from '../../src/components/explorer/PronounRanking.tsx';
import { SentenceInput } from '../../src/components/lesson/SentenceInput.tsx';
import { selectSelectHead, selectSelectLayer, selectText, useAtlas } from '../../src/store/index.ts';
import { useLessonInput } from '../../src/components/lesson/use-lesson-input.ts';
import { EXAMPLES } from './examples.ts';
import { EXPLORER } from './inputs.ts';
import { Pending, useResult } from './use-result.tsx';

export function FollowProse() {
  return (
    <>
      <p>
        Which head links a pronoun to what it means? Click the pronoun, and every head is ranked by how decisively it
        picks one candidate word over the others, measured the way Clark et al. (2019) did for BERT: attention from a
        word is the average of its tokens' rows, attention to a word the sum of its tokens' columns.
      </p>
      <p>
        One sentence proves little: a head that always looks at the first noun is right whenever the first noun is
        the answer. The model's card measures every head on hundreds of sentences where the answer is first half the
        time and second half the time.
      </p>
    </>
  );
}

export function FollowFigure() {
  return (
    <>
      <SentenceInput examples={EXAMPLES} />
      <FollowRanking text={useAtlas(selectText)} wordInput="follow-word" />
    </>
  );
}

/** Every head ranked for a clicked word of `text`; the word picked is the lesson input `wordInput`. */
export function FollowRanking({ text, wordInput }: { text: string; wordInput: 'follow-word' | 'weather-word' }) {
  const r = useResult(text);
  const [word, setWord] = useLessonInput(EXPLORER, wordInput);
  const setLayer = useAtlas(selectSelectLayer);
  const setHead = useAtlas(selectSelectHead);
  return (
    <>
      <Pending r={r} />
      {r.state === 'ready' && <PronounRanking result={r.result} word={word} onWord={setWord} onHead={(l, h) => { setLayer(l); setHead(h); }} />}
    </>
  );
}
