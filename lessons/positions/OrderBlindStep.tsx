/**
 * Step 1: attention alone cannot see word order. The student predicts what shuffling does to
 * a model whose positions are removed, then the figure measures it.
 */
import { useState } from 'react';
import { Formula } from '../../src/components/lesson/Formula.tsx';
import { Question } from '../../src/components/lesson/Question.tsx';
import { ShuffleFigure } from './ShuffleFigure.tsx';

export function OrderBlindProse() {
  return (
    <>
      <p>
        Self-attention compares every token with every other token. The score of query <em>i</em> and key <em>j</em> is the dot product
        of their vectors, and nothing in that formula says where <em>i</em> and <em>j</em> sit in the sentence.
      </p>
      <p>
        Shuffle the tokens — multiply the input <em>X</em> by a permutation matrix <em>P</em> — and every row of <em>Q</em>, <em>K</em> and{' '}
        <em>V</em> moves with its token. The attention pattern comes out with the same numbers, only with its rows and columns relabelled:
      </p>
      <Formula tex={String.raw`\mathrm{softmax}\!\left(\frac{(PQ)(PK)^{\top}}{\sqrt{d_k}}\right) = \hl{P}\,\mathrm{softmax}\!\left(\frac{QK^{\top}}{\sqrt{d_k}}\right)\hl{P^{\top}}`} />
      <p>
        Layer norms and feed-forward layers work on each token on its own, so they do not care about order either. An encoder with
        nothing that marks positions reads “dog bites man” and “man bites dog” as the same bag of words.
      </p>
      <p>
        The figure checks this on the course’s model. It runs the model twice, on your sentence and on the same tokens in a random order
        ([CLS] and [SEP] stay at the ends), each time with one change: a copy of the model whose table of position embeddings is all zeros.
        Then it moves each word’s row and column of the shuffled pattern back to where the word was typed, so the two patterns can be
        compared cell by cell.
      </p>
    </>
  );
}

export function OrderBlindFigure() {
  const [answered, setAnswered] = useState(false);
  return (
    <>
      <Question
        prompt="With the position table set to zeros, the model reads your sentence and a shuffle of it. Once the shuffled pattern is read back in the typed word order, how does it compare with the pattern of the sentence as typed?"
        choices={['Identical, number for number', 'Similar, but blurred', 'Completely different']}
        correct={0}
        explanation="Without positions nothing in an encoder depends on where a token sits, so each word attends to the same words with the same weights wherever it stands: the pattern moves along with the words and nothing else changes. (A decoder would differ: its causal mask lets each token see only earlier tokens, and that mask is itself a signal of order.)"
        onAnswer={() => setAnswered(true)}
      />
      {answered ? <ShuffleFigure modeInput="blind-mode" /> : <p className="muted">Answer the question to run the experiment.</p>}
    </>
  );
}
