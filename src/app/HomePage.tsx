/**
 * Home: the map of the course. Each lesson links to where the student left off; progress
 * comes from the store (saved in this browser only).
 */
import { LESSONS } from '../../lessons/catalog.ts';

export interface LessonProgressView {
  furthest: number; // furthest step reached, 1-based; 0 = not started
  completed: boolean;
}

export function HomePage({ progress, stepCounts }: { progress: Record<string, LessonProgressView | undefined>; stepCounts: Record<string, number> }) {
  const done = LESSONS.filter((l) => progress[l.id]?.completed).length;
  return (
    <main id="main" tabIndex={-1}>
      <h1>Attention Atlas</h1>
      <p className="lead">
        Learn how attention and Transformers work by running them. Every heatmap, vector and probability in this course is
        computed in your browser, as you watch, from small models this project trained itself.
      </p>
      <p className="muted" aria-live="polite">{done} of {LESSONS.length} lessons completed.</p>
      <ol className="lesson-map">
        {LESSONS.map((l) => {
          const p = progress[l.id];
          const steps = stepCounts[l.id] ?? 0;
          const resume = p && p.furthest > 0 ? p.furthest : 1;
          const state = p?.completed ? 'Completed' : p && p.furthest > 0 ? `Step ${p.furthest} of ${steps}` : 'Not started';
          return (
            <li key={l.id} className="panel lesson-card" data-state={p?.completed ? 'done' : p?.furthest ? 'started' : 'new'}>
              <span className="lesson-number" aria-hidden="true">{l.number}</span>
              <div>
                <h2><a href={`#/lesson/${l.id}/${resume}`}>{l.title}</a></h2>
                <p>{l.summary}</p>
                <p className="muted">{state}</p>
              </div>
            </li>
          );
        })}
      </ol>
    </main>
  );
}
