/**
 * The controls of the recall sequence every later figure reads: the code to remember, which
 * symbol the question asks for, how far back it is, and fresh distractors. They write to the
 * lesson's inputs only; figures recompute from them.
 */
import { useId, useState } from 'react';
import { useLessonInput } from '../../src/components/lesson/use-lesson-input.ts';
import { defaultLongRangeTask } from '../../src/data/long-range.ts';
import { WHY_ATTENTION } from './inputs.ts';
import { parseCode, usableDistance } from './recall-sequence.ts';

const task = defaultLongRangeTask;
const ORDINALS = ['1st', '2nd', '3rd', '4th', '5th'];

export function RecallControls({ showDistance = true }: { showDistance?: boolean }) {
  const id = useId();
  const [code, setCode] = useLessonInput(WHY_ATTENTION, 'code');
  const [slot, setSlot] = useLessonInput(WHY_ATTENTION, 'asked');
  const [distance, setDistance] = useLessonInput(WHY_ATTENTION, 'distance');
  const [, setSeed] = useLessonInput(WHY_ATTENTION, 'seed');
  // What is typed, as typed (even while it is not a code: the figures keep the last code
  // meanwhile), and the code it goes with; once the code changes elsewhere (another step, a
  // link), the box shows that code instead.
  const [draft, setDraft] = useState<{ text: string; code: string } | null>(null);
  const text = draft !== null && draft.code === code.join('') ? draft.text : code.join(' ');
  const valid = parseCode(text, task.codeLength, task.symbols);
  const used = usableDistance(task, slot, distance);
  return (
    <div>
      <div className="wa-controls">
        <div className="wa-field">
          <label htmlFor={`${id}-code`}>Code to remember</label>
          <input
            id={`${id}-code`}
            type="text"
            inputMode="numeric"
            value={text}
            maxLength={20}
            aria-invalid={valid === null}
            aria-describedby={`${id}-code-help`}
            onChange={(e) => {
              const c = parseCode(e.target.value, task.codeLength, task.symbols);
              setDraft({ text: e.target.value, code: (c ?? code).join('') });
              if (c) setCode(c);
            }}
          />
        </div>
        <div className="wa-field" role="group" aria-label="The question asks for the code's">
          <span className="wa-field-label" aria-hidden="true">Question asks for the</span>
          {Array.from({ length: task.codeLength }, (_, j) => (
            <button key={j} type="button" aria-pressed={slot === j} onClick={() => setSlot(j)}>
              {ORDINALS[j]}
            </button>
          ))}
          <span aria-hidden="true">symbol</span>
        </div>
        {showDistance && (
          <div className="wa-field">
            <label htmlFor={`${id}-n`}>Distance N</label>
            <input id={`${id}-n`} type="range" min={1} max={task.maxDistance} value={distance} onChange={(e) => setDistance(Number(e.target.value))} />
            <output htmlFor={`${id}-n`}>{used}</output>
          </div>
        )}
        <button type="button" onClick={() => setSeed((s) => s + 1)}>New distractors</button>
      </div>
      <p id={`${id}-code-help`} className={valid ? 'wa-legend' : 'wa-warning'} role={valid ? undefined : 'alert'}>
        {valid
          ? `Type ${task.codeLength} digits (0–9).`
          : `“${text}” is not a code: type exactly ${task.codeLength} digits from 0 to 9. The figures keep using ${code.join(' ')}.`}
        {showDistance && used !== distance && ` The ${ORDINALS[slot]} symbol is at least ${used} tokens before the question, so N = ${used}.`}
      </p>
    </div>
  );
}

/** The sequence as a row of tokens: code, distractors, query. */
export function SequenceStrip({ labels, roles, label }: { labels: readonly string[]; roles: readonly string[]; label: string }) {
  return (
    <>
      <ol className="wa-strip" aria-label={label}>
        {labels.map((l, i) => (
          <li key={i} data-role={roles[i]} title={`position ${i + 1}: ${roles[i]}`}>
            {l}
          </li>
        ))}
      </ol>
      <p className="wa-legend">
        Bold: the code. Thick outline: the symbol the question asks for. Filled: the question token Q (Q1 asks for the 1st
        symbol). Everything in between is a distractor drawn from the same ten digits.
      </p>
    </>
  );
}
