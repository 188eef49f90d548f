/** Step 6: a learned position table, read from the shipped model: what it learned, and where it stops. */
import { useMemo } from 'react';
import { Formula } from '../../src/components/lesson/Formula.tsx';
import { LinePlot } from '../../src/components/viz/LinePlot.tsx';
import { exact } from '../../src/viz/format.ts';
import { bestSplit } from './learned-stats.ts';
import { MatrixFigure } from './MatrixFigure.tsx';
import { rowCosines, rowNorms } from './sinusoid-stats.ts';
import { CORPUS_LINES, useCorpusLengths } from './use-corpus-lengths.ts';
import { useTextModel } from './use-text-model.ts';
import './positions.css';

export function LearnedProse() {
  return (
    <>
      <p>
        BERT, GPT-2 and every text model in this course skip the formula: their position table <em>P</em> is a matrix of parameters, one
        row per position up to a fixed maximum, learned by gradient descent like the word embeddings.
      </p>
      <Formula tex={String.raw`x_i = \mathrm{embed}(w_i) + \hl{P[i]}, \qquad P \in \mathbb{R}^{\,\text{max positions} \times d}`} />
      <p>
        The picture shows the cosine similarity between the learned rows of the model the lesson uses, and the plot their lengths. Compare
        them with the sinusoids: nothing forces a learned table to be smooth or to depend on distance alone, yet neighbouring positions
        often come out alike, because that is useful for the task.
      </p>
      <p>
        A learned table has a hard limit: there is no row for a position beyond its maximum. And a row gets trained only if the training
        texts are long enough to reach it. The plot marks the longest of {CORPUS_LINES.toLocaleString('en')} sentences drawn from the same
        generator the model trained on: the rows after it received (almost) no gradient and are still close to their small random starting
        values.
      </p>
    </>
  );
}

export function LearnedFigure() {
  const model = useTextModel();
  const bundle = model.state === 'ready' ? model.bundle : null;
  const corpus = useCorpusLengths(bundle?.tokenizer ?? null);
  const stats = useMemo(() => {
    const table = bundle?.model.weights.positionEmbedding;
    if (!table) return null;
    const [P, d] = table.shape;
    const norms = rowNorms(table.data, P, d);
    return { P, d, cosines: rowCosines(table.data, P, d), norms, split: bestSplit(norms) };
  }, [bundle]);
  const color = useMemo(() => ({ kind: 'diverging' as const, maxAbs: 1 }), []);
  const series = useMemo(() => {
    if (!stats) return [];
    const top = Math.max(...stats.norms);
    const s = [{ name: 'length of row P[i]', points: stats.norms.map((n, i) => [i, n] as const) }];
    if (corpus) s.push({ name: `longest generated sentence: ${corpus.longest} tokens`, points: [[corpus.longest - 0.5, 0], [corpus.longest - 0.5, top]] });
    return s;
  }, [stats, corpus]);

  if (model.state === 'loading') return <p className="status">Loading the text model…</p>;
  if (model.state === 'error') return <p className="error" role="alert">{model.message}</p>;
  if (!stats) return <p className="error" role="alert">{model.bundle.id} has no learned position table.</p>;
  const { P, d, split } = stats;
  const summary =
    `${model.bundle.id}: ${P} learned positions of ${d} dimensions. ` +
    (split ? `Rows 0–${split.at - 1} have a mean length of ${exact(split.meanBefore)}, rows ${split.at}–${P - 1} of ${exact(split.meanAfter)}. ` : '') +
    (corpus ? `The longest of ${corpus.lines.toLocaleString('en')} generated sentences has ${corpus.longest} tokens, i.e. uses positions 0–${corpus.longest - 1}${corpus.done ? '' : ' (still counting)'}.` : 'Counting the generated sentences…');
  return (
    <div className="positions-figure">
      <MatrixFigure
        title={`Cosine similarity of ${model.bundle.id}’s learned positions`}
        rows={P}
        cols={P}
        values={stats.cosines}
        color={color}
        square
        maxGridHeight={420}
        rowAxis="position"
        colAxis="position"
        legend="cosine"
        summary={summary}
        filename={`${model.bundle.id}-learned-positions`}
      />
      <LinePlot title="Length of each learned position vector" series={series} xLabel="position i" yLabel="length" height={400} />
    </div>
  );
}
