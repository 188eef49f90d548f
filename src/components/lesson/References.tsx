/** The papers a lesson draws on, as a short list at the end of a step. */
export interface Reference {
  authors: string;
  year: number;
  title: string;
  url?: string; // arXiv or DOI page; opens in a new tab, nothing is fetched by the app
}

export function References({ items }: { items: readonly Reference[] }) {
  return (
    <section className="references" aria-label="References">
      <h3>References</h3>
      <ul>
        {items.map((r) => (
          <li key={r.title}>
            {r.authors} ({r.year}). {r.url ? <a href={r.url} target="_blank" rel="noreferrer">{r.title}</a> : <cite>{r.title}</cite>}.
          </li>
        ))}
      </ul>
    </section>
  );
}
