/**
 * A field for any hub repository (hf:owner/name) or folder URL (url:https://...), a few
 * suggestions, and the disk picker: every place that lets a user open a model uses this one.
 * What is typed or picked here counts as asked: its host may be contacted (use-remote-model.ts).
 */
import { useId, useState } from 'react';
import { formatModelRef, parseModelRef } from '../../checkpoints/model-ref.ts';
import { OpenFromDisk } from './OpenFromDisk.tsx';
import { markAsked } from './use-remote-model.ts';
import './explorer.css';

export interface OpenModelProps {
  onOpen(modelRef: string): void;
  /** Model references to offer as buttons (hf:owner/name). */
  suggestions: readonly string[];
  /** What the disclosure says. */
  summary?: string;
}

export function OpenModel({ onOpen, suggestions, summary = 'Open another model: the Hugging Face hub or any folder URL' }: OpenModelProps) {
  const fieldId = useId();
  const [ref, setRef] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const open = (value: string) => {
    try {
      const id = formatModelRef(parseModelRef(value));
      markAsked(id); // typed or picked here: the user asked to contact its host
      setProblem(null);
      onOpen(id);
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <details className="open-model-box chrome" open={problem !== null || undefined}>
      <summary>{summary}</summary>
      <form className="open-model" onSubmit={(e) => { e.preventDefault(); open(ref); }}>
        <label htmlFor={fieldId}>Open a model</label>
        <input id={fieldId} type="text" value={ref} placeholder="hf:owner/name or url:https://…/folder/" onChange={(e) => setRef(e.target.value)} spellCheck={false} autoComplete="off" />
        <button type="submit">Open</button>
        {suggestions.length > 0 && <span className="muted">or try</span>}
        {suggestions.map((s) => <button key={s} type="button" onClick={() => open(s)}>{s.replace(/^hf:/, '')}</button>)}
        {problem && <p className="error" role="alert">{problem}</p>}
      </form>
      <OpenFromDisk onOpen={open} />
    </details>
  );
}
