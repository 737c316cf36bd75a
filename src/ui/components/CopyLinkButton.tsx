import { useState } from 'react';

/**
 * Copies the link that reproduces a run (its settings and seed in the query). When the clipboard is
 * refused, the link is shown selected in a field to copy by hand.
 */
export function CopyLinkButton({ url }: { url: string | null }) {
  const [state, setState] = useState<'idle' | 'copied' | 'refused'>('idle');
  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setState('copied');
    } catch {
      setState('refused');
    }
  };
  return (
    <div className="copy-link">
      <button type="button" disabled={!url} onClick={copy}>
        Copy link
      </button>
      <span role="status" className="muted">
        {state === 'copied' && 'Link copied: it opens this page with these settings and seed.'}
        {state === 'refused' && 'The clipboard was refused; copy the link from this field:'}
      </span>
      {state === 'refused' && url && (
        <input
          className="link-field"
          readOnly
          value={url}
          aria-label="Link to these settings"
          ref={(input) => input?.select()}
        />
      )}
    </div>
  );
}
