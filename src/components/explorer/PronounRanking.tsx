/**
 * Click a word (a pronoun, say) and see every head ranked by how strongly it picks each
 * candidate word: the table a student uses to find the coreference head themselves.
 */
import { useMemo } from 'react';
import type { AttentionResult } from '../../store/index.ts';
import { candidatesOf, defaultFollow, rankHeads, wordsOf } from './rank-heads.ts';
import './explorer.css';

export interface PronounRankingProps {
  result: AttentionResult;
  word: number | null; // index into the text's words
  onWord: (i: number) => void;
  onHead: (layer: number, head: number) => void;
}

export function PronounRanking({ result, word, onWord, onHead }: PronounRankingProps) {
  const words = useMemo(() => wordsOf(result), [result]);
  // By default the pronoun after "because" (or the last one): it refers back to the nouns before it.
  const chosen = word !== null && word < words.length ? word : defaultFollow(words);
  const from = chosen >= 0 ? words[chosen] : null;
  const candidates = useMemo(() => candidatesOf(words, chosen), [words, chosen]);
  const ranking = useMemo(() => (from && candidates.length > 0 ? rankHeads(result, from, candidates).slice(0, 8) : []), [result, from, candidates]);
  const coref = result.coreferenceHead;
  const measured = result.coreference;
  return (
    <section className="pronoun-ranking" aria-label="Heads ranked for one word">
      <div className="word-chips" role="group" aria-label="Choose the word to follow">
        {words.map((w, i) => (
          <button key={`${w.start}`} type="button" aria-pressed={i === chosen} onClick={() => onWord(i)}>{w.text}</button>
        ))}
      </div>
      {!from && <p className="muted">Click a word above (a pronoun such as “it”) to rank the heads by what it attends to.</p>}
      {from && candidates.length === 0 && <p className="muted">No candidate words here besides “{from.text}”.</p>}
      {from && ranking.length > 0 && (
        <table className="ranking-table">
          <caption>
            Attention from “{from.text}” to each candidate word, per head (most decisive heads first; top 8 of {result.nLayers * result.nHeads}).
            {measured ? ` The last column is how often that head picks the right noun from a pronoun, measured on the model's card (chance 50%): a decisive head here is not necessarily a right one.` : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">head</th>
              {candidates.map((c) => <th key={c.start} scope="col">{c.text}</th>)}
              <th scope="col">picks</th>
              {measured && <th scope="col">right on {measured.cases} {measured.measuredOn.includes('public.tsv') ? 'public.tsv cases' : 'unseen sentences'}</th>}
            </tr>
          </thead>
          <tbody>
            {ranking.map((r) => (
              <tr key={`${r.layer}-${r.head}`}>
                <th scope="row">
                  <button type="button" onClick={() => onHead(r.layer, r.head)}>
                    L{r.layer + 1} H{r.head + 1}{coref && coref[0] === r.layer && coref[1] === r.head ? ' ★' : ''}
                  </button>
                </th>
                {r.toCandidates.map((v, i) => (
                  <td key={i} className={i === r.best ? 'best' : undefined}>
                    <span className="bar" style={{ width: `${Math.round(v * 100)}%` }} aria-hidden="true" />
                    {v.toFixed(2)}
                  </td>
                ))}
                <td>{candidates[r.best]?.text}</td>
                {measured && <td className="measured">{Math.round((measured.everyHeadMean[r.layer]?.[r.head] ?? 0) * 100)}%</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
