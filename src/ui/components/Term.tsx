import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { chapterNote, GLOSSARY, type TermId } from '../glossary';

/**
 * A "?" beside a word: Enter, Space or a click opens its plain explanation (src/ui/glossary.ts) just
 * below, over the page rather than pushing it down; Escape, a second press or a click elsewhere closes
 * it. A disclosure button (aria-expanded), so focus stays where the reader is. The box exists only
 * while open: a closed one would carry the term's name and be found by other labels' lookups.
 */
export function Term({ id }: { id: TermId }) {
  const entry = GLOSSARY[id];
  const [open, setOpen] = useState(false);
  const popId = useId();
  const wrapper = useRef<HTMLSpanElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const pop = useRef<HTMLDivElement>(null);
  // Kept inside the window: a "?" near the right edge opens its box leftwards.
  useLayoutEffect(() => {
    const element = pop.current;
    if (!open || !element) return;
    const place = () => {
      element.style.transform = '';
      const box = element.getBoundingClientRect();
      const over = Math.min(box.right - (document.documentElement.clientWidth - 8), box.left - 8);
      if (over > 0) element.style.transform = `translateX(-${over}px)`;
    };
    place();
    window.addEventListener('resize', place);
    return () => window.removeEventListener('resize', place);
  }, [open]);
  useEffect(() => {
    if (!open) return;
    const away = (event: PointerEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape from the button or the box closes it
    <span
      className="term"
      ref={wrapper}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !open) return;
        event.stopPropagation();
        setOpen(false);
        button.current?.focus();
      }}
    >
      <button
        ref={button}
        type="button"
        className="term-button"
        aria-expanded={open}
        aria-controls={open ? popId : undefined}
        aria-label={`What is ${entry.term.toLowerCase()}?`}
        onClick={() => setOpen(!open)}
      >
        ?
      </button>
      {open && (
        <div id={popId} ref={pop} className="term-pop" role="note" aria-label={entry.term}>
          <strong>{entry.term}</strong> {entry.plain}{' '}
          <span className="term-chapter">{chapterNote(entry)}</span> <a href="#glossary">All terms</a>
        </div>
      )}
    </span>
  );
}
