/** Step 4: the whole alignment, one row per French word, and where it crosses. */
import { useMemo } from 'react';
import { HeatmapFigure } from '../../src/components/viz/HeatmapFigure.tsx';
import { crossings, rowPeaks } from './alignment-reading.ts';
import { EnglishInput } from './EnglishInput.tsx';
import { useTranslation } from './use-translation.ts';

export function Prose() {
  return (
    <>
      <p>
        Stack the weights of every step and you get the <em>alignment</em>: row <em>t</em> is what the decoder looked at
        while writing French word <em>t</em>, column <em>j</em> is English word <em>j</em>. Each row adds up to 1.
      </p>
      <p>
        Where French keeps the English order, the bright cells run down the diagonal. Where it does not, they leave it:
        most French adjectives come after their noun, so “the red car” becomes “la voiture rouge”, and the decoder looks at
        “car” first and “red” after. Try “the red car is big” or “i love deep learning”, then a sentence of your own.
      </p>
    </>
  );
}

export function Figure() {
  const t = useTranslation();
  const ready = t.state === 'ready' && t.reading.ok && t.view ? { reading: t.reading, view: t.view } : null;
  const read = useMemo(() => {
    if (!ready) return null;
    const peaks = rowPeaks(ready.view.alignment, ready.view.tokens, ready.reading.words.length);
    return { peaks, crossed: crossings(peaks) };
  }, [ready?.view, ready?.reading]);
  return (
    <section aria-label="Alignment heatmap">
      <EnglishInput t={t} />
      {ready && read && (
        <>
          <p className="tr-output" aria-live="polite">
            <span className="tr-lang">French</span>
            {ready.view.french || '(nothing)'}
          </p>
          <HeatmapFigure
            title="Bahdanau attention: French word (row) looking at English words (columns)"
            caption={`Alignment of “${ready.reading.words.join(' ')}” → “${ready.view.french}”`}
            filename="bahdanau-alignment"
            rows={ready.view.tokens}
            cols={ready.reading.labels}
            values={ready.view.alignment}
            domain={[0, 1]}
            rowAxis="French word"
            colAxis="English word"
            legend="weight a_tj"
            maxCell={56}
          />
          <div aria-live="polite">
            {read.crossed.length === 0 ? (
              <p>No crossing here: every French word looks at English words in the English order.</p>
            ) : (
              <ul className="tr-facts">
                {read.crossed.slice(0, 4).map(([a, b]) => (
                  <li key={`${a.t}-${b.t}`}>
                    “{a.word}” (looking at “{ready.reading.words[a.j]}”, {a.weight.toFixed(2)}) is written before “{b.word}” (looking at “
                    {ready.reading.words[b.j]}”, {b.weight.toFixed(2)}), though English says “{ready.reading.words[b.j]}” first.
                  </li>
                ))}
                {read.crossed.length > 4 && <li>…and {read.crossed.length - 4} more crossing pairs.</li>}
              </ul>
            )}
          </div>
          <p className="tr-note">
            The last row, &lt;eos&gt;, is the step that ended the sentence. Not every row lands where a dictionary would
            point (try “i love you” → “je t’aime”): the weights show what helped this model translate, not a grammar book.
          </p>
        </>
      )}
    </section>
  );
}
