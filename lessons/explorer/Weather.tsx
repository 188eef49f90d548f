/** Step 5: a pronoun that refers to nothing, and where to go next. */
import { References } from '../../src/components/lesson/References.tsx';
import { buildHash, selectText, useAtlas } from '../../src/store/index.ts';
import { SentenceInput } from '../../src/components/lesson/SentenceInput.tsx';
import { useLessonInput } from '../../src/components/lesson/use-lesson-input.ts';
import { FollowRanking } from './Follow.tsx';
import { EXPLORER } from './inputs.ts';


export function WeatherProse() {
  return (
    <>
      <p>
        Not every “it” points at a word. In “She drove the car because it was raining.” the “it” is the weather: English
        needs a subject, and “it” fills the slot (linguists call it a dummy or expletive pronoun). A common explanation
        says the model should link it to “car”; it should not. See what the heads do with it: a head may still put
        weight on “car”, which is a reminder that attention shows where information flows, not what a word means.
      </p>
      <p>Everything here, and more, is in the Attention Explorer, where you can also compare two sentences cell by cell.</p>
    </>
  );
}

export function WeatherFigure() {
  const shared = useAtlas(selectText);
  const [text] = useLessonInput(EXPLORER, 'weather');
  return (
    <>
      <SentenceInput lesson={EXPLORER} name="weather" />
      <FollowRanking text={text} wordInput="weather-word" />
      <p>
        <a className="button primary" href={buildHash({ name: 'explore' }, { text: text || shared })}>Open this sentence in the Attention Explorer</a>
      </p>
      <References
        items={[
          { authors: 'Clark, K. et al.', year: 2019, title: 'What Does BERT Look At? An Analysis of BERT’s Attention', url: 'https://arxiv.org/abs/1906.04341' },
          { authors: 'Vig, J.', year: 2019, title: 'A Multiscale Visualization of Attention in the Transformer Model', url: 'https://arxiv.org/abs/1906.05714' },
          { authors: 'Levesque, H., Davis, E. & Morgenstern, L.', year: 2012, title: 'The Winograd Schema Challenge', url: 'https://cdn.aaai.org/ocs/4492/4492-21843-1-PB.pdf' },
          { authors: 'Jain, S. & Wallace, B. C.', year: 2019, title: 'Attention is not Explanation', url: 'https://arxiv.org/abs/1902.10186' },
        ]}
      />
    </>
  );
}
