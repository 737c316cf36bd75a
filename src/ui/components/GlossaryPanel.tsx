import { BOOK, chapterNote, GLOSSARY, TERM_IDS } from '../glossary';

/** Every term on the page with its plain explanation and the book's chapter: where each "?" leads. */
export function GlossaryPanel() {
  return (
    <section className="card glossary" id="glossary" aria-labelledby="glossary-title" tabIndex={-1}>
      <h2 id="glossary-title">Words used here</h2>
      <p className="muted">
        Chapters are those of <cite>{BOOK}</cite> (Keras 3), whose code the Code view writes.
      </p>
      <dl>
        {TERM_IDS.map((id) => {
          const entry = GLOSSARY[id];
          return (
            <div key={id} id={`term-${id}`}>
              <dt>{entry.term}</dt>
              <dd>
                {entry.plain} <span className="term-chapter">{chapterNote(entry)}</span>
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
