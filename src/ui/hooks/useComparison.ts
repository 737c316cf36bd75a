import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type ComparedRun, comparedFromQuery, MAX_COMPARED, withComparedInQuery } from '../../page/compare';
import type { KeepSnapshot, RunKeeper } from '../../page/keeper';
import { isUnreadable, type SavedRunInfo } from '../../page/savedRuns';

export interface Comparison {
  selected: string[];
  toggle: (id: string) => void;
  /** Shows exactly these runs (a preset's queue, once it has run). */
  show: (ids: string[]) => void;
  /** The selected runs that are loaded, in the order they were picked. */
  runs: ComparedRun[];
  /** Ids from a shared link that this browser has no saved run for. */
  missing: string[];
  error: string | null;
}

/**
 * The runs picked for comparison: their ids in the URL (so a comparison can be shared), each with its
 * own settings and charts: read from its saved record, and for the run this page trains, the keeper's
 * record of it as it grows. Never the page's charts, which may show another run (a saved one opened).
 */
export function useComparison(keeper: RunKeeper, keep: KeepSnapshot): Comparison {
  const [selected, setSelected] = useState<string[]>(() => comparedFromQuery(window.location.search));
  const [loaded, setLoaded] = useState<Map<string, { updatedAt: number; run: ComparedRun }>>(new Map());
  const [error, setError] = useState<string | null>(null);
  /** "id@updatedAt" of reads under way, so a re-render does not start the same read twice. */
  const reading = useRef(new Set<string>());

  useEffect(() => {
    const { pathname, search, hash } = window.location;
    window.history.replaceState(null, '', `${pathname}${withComparedInQuery(search, selected)}${hash}`);
  }, [selected]);

  const readable = useMemo(() => keep.runs.filter((r): r is SavedRunInfo => !isUnreadable(r)), [keep.runs]);
  // Reads each picked run once, and again when autosave has written a newer epoch of it.
  useEffect(() => {
    for (const id of selected) {
      const info = readable.find((r) => r.id === id);
      const key = `${id}@${info?.updatedAt}`;
      if (!info || loaded.get(id)?.updatedAt === info.updatedAt || reading.current.has(key)) continue;
      reading.current.add(key);
      keeper
        .comparedRun(id)
        .then(
          (run) => setLoaded((m) => new Map(m).set(id, { updatedAt: info.updatedAt, run })),
          (e) => setError((e as Error).message),
        )
        .finally(() => reading.current.delete(key));
    }
  }, [selected, readable, keeper, loaded]);

  // NOTE: read at each render: the page renders on every change of the worker's snapshot, which
  // is when the keeper's record of the run changes too (the same messages).
  const live = keeper.liveRun();
  const runs = useMemo(() => {
    const list: ComparedRun[] = [];
    for (const id of selected) {
      const saved = loaded.get(id)?.run;
      // The run training now: its charts as they grow, not as its last autosave left them.
      if (saved && live?.id === id) list.push({ ...live, name: saved.name });
      else if (saved) list.push(saved);
    }
    return list;
  }, [selected, loaded, live]);

  const missing = keep.available ? selected.filter((id) => !keep.runs.some((r) => r.id === id)) : [];
  const toggle = (id: string) =>
    setSelected((s) =>
      s.includes(id) ? s.filter((x) => x !== id) : s.length < MAX_COMPARED ? [...s, id] : s,
    );
  const show = useCallback((ids: string[]) => setSelected(ids.slice(0, MAX_COMPARED)), []);
  return { selected, toggle, show, runs, missing, error };
}
