/** What the page's link asked for that was ignored, until the user dismisses it. */
export function LinkNotice({ notes, onDismiss }: { notes: string[]; onDismiss: () => void }) {
  if (notes.length === 0) return null;
  return (
    <div className="notice" role="status">
      <ul>
        {notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
      <p className="muted">The defaults are used instead.</p>
      <button type="button" className="dismiss" onClick={onDismiss} aria-label="Dismiss this notice">
        ×
      </button>
    </div>
  );
}
