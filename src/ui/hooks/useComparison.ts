import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type ComparedRun, comparedFromQuery, MAX_COMPARED, withComparedInQuery } from '../../page/compare';
import type { KeepSnapshot, RunKeeper } from '../../page/keeper';
import { isUnreadable, type SavedRunInfo } from '../../page/savedRuns';
import type { Snapshot } from '../../page/store';

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
 * The runs picked for comparison: their ids in the URL (so a comparison can be shared), their
 * histories read from the saved runs, and the run now training drawn live from the page's store.
 */
export function useComparison(keeper: RunKeeper, keep: KeepSnapshot, snapshot: Snapshot): Comparison {
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

  const { runSettings, curve, curveStride, epochs, rateChanges } = snapshot;
  const runs = useMemo(() => {
    const list: ComparedRun[] = [];
    for (const id of selected) {
      const saved = loaded.get(id)?.run;
      // The run training now: its charts as they grow, not as its last autosave left them.
      if (id === keep.currentId && runSettings && saved)
        list.push({ ...saved, settings: runSettings, history: { curve, curveStride, epochs, rateChanges } });
      else if (saved) list.push(saved);
    }
    return list;
  }, [selected, loaded, keep.currentId, runSettings, curve, curveStride, epochs, rateChanges]);

  const missing = keep.available ? selected.filter((id) => !keep.runs.some((r) => r.id === id)) : [];
  const toggle = (id: string) =>
    setSelected((s) =>
      s.includes(id) ? s.filter((x) => x !== id) : s.length < MAX_COMPARED ? [...s, id] : s,
    );
  const show = useCallback((ids: string[]) => setSelected(ids.slice(0, MAX_COMPARED)), []);
  return { selected, toggle, show, runs, missing, error };
}
