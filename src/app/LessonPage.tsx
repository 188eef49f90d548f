/**
 * One lesson at one step (#/lesson/<id>/<step>). The step is in the URL, so a link or a
 * reload lands on the same step; left/right arrows (handled by the app's keyboard map) and
 * the buttons here move between steps. Content loads lazily, one chunk per lesson.
 */
import { useEffect, useState } from 'react';
import { lessonById, LESSONS } from '../../lessons/catalog.ts';
import { LESSON_LOADERS } from '../../lessons/registry.ts';
import type { LessonContent } from '../../lessons/types.ts';
import { WidgetBoundary } from './WidgetBoundary.tsx';

type Loaded = { state: 'loading' } | { state: 'ready'; content: LessonContent } | { state: 'missing' } | { state: 'error'; message: string };

function useLesson(id: string): Loaded {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  useEffect(() => {
    const load = LESSON_LOADERS[id];
    if (!load) return setLoaded({ state: 'missing' });
    let live = true;
    setLoaded({ state: 'loading' });
    load()
      .then((content) => live && setLoaded({ state: 'ready', content }))
      .catch((e: Error) => live && setLoaded({ state: 'error', message: e.message }));
    return () => {
      live = false;
    };
  }, [id]);
  return loaded;
}

export interface LessonPageProps {
  lessonId: string;
  step: number; // 1-based, as in the URL
  onVisit: (lessonId: string, step: number, of: number) => void;
}

export function LessonPage({ lessonId, step, onVisit }: LessonPageProps) {
  const info = lessonById(lessonId);
  const loaded = useLesson(lessonId);
  const steps = loaded.state === 'ready' ? loaded.content.steps : [];
  const n = steps.length;
  const at = Math.min(Math.max(1, step), Math.max(1, n));

  useEffect(() => {
    if (n > 0) onVisit(lessonId, at, n);
  }, [lessonId, at, n, onVisit]);

  if (!info) {
    return (
      <main id="main" tabIndex={-1}>
        <h1>No such lesson</h1>
        <p className="error" role="alert">This link names a lesson that does not exist: “{lessonId}”.</p>
        <p><a href="#/">Back to the map of the course</a></p>
      </main>
    );
  }
  const next = LESSONS.find((l) => l.number === info.number + 1);
  const current = steps[at - 1];
  return (
    <main id="main" tabIndex={-1} className="lesson">
      <p className="chrome muted">Lesson {info.number} of {LESSONS.length}</p>
      <h1>{info.title}</h1>
      {loaded.state === 'loading' && <p className="status">Loading the lesson…</p>}
      {loaded.state === 'missing' && <p className="lead">{info.summary} The steps of this lesson are not written yet.</p>}
      {loaded.state === 'error' && <p className="error" role="alert">Could not load this lesson: {loaded.message}</p>}
      {current && (
        <>
          <nav className="step-nav" aria-label="Lesson steps">
            <a className="button" aria-disabled={at === 1} href={at > 1 ? `#/lesson/${lessonId}/${at - 1}` : undefined}>← Previous</a>
            <span aria-live="polite">Step {at} of {n}: {current.title}</span>
            {at < n && <a className="button primary" href={`#/lesson/${lessonId}/${at + 1}`}>Next →</a>}
            {at === n && next && <a className="button primary" href={`#/lesson/${next.id}/1`}>Next lesson →</a>}
          </nav>
          <article className="step" key={current.id}>
            <h2>{current.title}</h2>
            <div className="prose"><current.Prose /></div>
            {current.Figure && (
              <WidgetBoundary name={current.title}>
                <current.Figure />
              </WidgetBoundary>
            )}
          </article>
        </>
      )}
    </main>
  );
}
