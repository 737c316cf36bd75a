import { useCallback, useEffect, useState } from 'react';

/** `?present=1` in the address: the page opens in Present mode. */
export function presentInQuery(search: string): boolean {
  const value = new URLSearchParams(search).get('present');
  return value !== null && value !== '0' && value !== 'false';
}

/** The address with `present` set or removed, the rest (the run's settings) kept. */
export function withPresent(href: string, on: boolean): string {
  const url = new URL(href);
  if (on) url.searchParams.set('present', '1');
  else url.searchParams.delete('present');
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * Present mode for a classroom: on from `?present=1` or the Present button, off with Escape or the
 * Leave button; the address follows, so a reload keeps it.
 */
export function usePresent() {
  const [present, setPresent] = useState(() => presentInQuery(window.location.search));
  const toggle = useCallback((on: boolean) => {
    setPresent(on);
    window.history.replaceState(window.history.state, '', withPresent(window.location.href, on));
  }, []);
  useEffect(() => {
    if (!present) return;
    const leave = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) toggle(false);
    };
    window.addEventListener('keydown', leave);
    return () => window.removeEventListener('keydown', leave);
  }, [present, toggle]);
  return { present, enter: () => toggle(true), leave: () => toggle(false) };
}
