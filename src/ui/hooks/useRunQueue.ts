import { useEffect, useRef, useState } from 'react';
import type { TrainerClient } from '../../page/client';
import type { KeepSnapshot } from '../../page/keeper';
import type { PresetQueue } from '../../page/presetRun';
import type { Snapshot } from '../../page/store';
import type { Settings } from '../../protocol/settings';

export interface RunQueue {
  /** Runs waiting, the ids of those started (autosave's ids), and how many in all; null when idle. */
  state: (PresetQueue & { waiting: Settings[]; started: string[]; total: number }) | null;
  /** `names`: what sets each run apart (page/presetRun.ts). */
  start: (label: string, runs: Settings[], names?: string[]) => void;
  cancel: () => void;
}

const RUNNING = new Set(['training', 'paused', 'stopping']);

/**
 * Trains runs one after another: the next starts when the one before ends (finished or diverged);
 * Stop ends the queue too. When the last ends, `onDone` gets the ids of all of them.
 */
export function useRunQueue(
  client: TrainerClient,
  snapshot: Snapshot,
  keep: KeepSnapshot,
  onDone: (ids: string[]) => void,
): RunQueue {
  const [state, setState] = useState<RunQueue['state']>(null);
  const wasRunning = useRef(false);
  const { phase, stopped } = snapshot;

  // Each run gets its id when it starts: remember it for the comparison.
  useEffect(() => {
    const id = keep.currentId;
    if (id && state && !state.started.includes(id) && RUNNING.has(phase))
      setState({ ...state, started: [...state.started, id] });
  }, [keep.currentId, phase, state]);

  useEffect(() => {
    if (RUNNING.has(phase)) {
      wasRunning.current = true;
      return;
    }
    if (phase !== 'ready' || !wasRunning.current || !state) return;
    wasRunning.current = false;
    const [next, ...rest] = state.waiting;
    if (stopped || !next) {
      setState(null);
      onDone(state.started);
      return;
    }
    setState({ ...state, waiting: rest });
    client.train(next);
  }, [phase, stopped, state, client, onDone]);

  return {
    state,
    start: (label, runs, names = []) => {
      const [first, ...rest] = runs;
      if (!first) return;
      wasRunning.current = false;
      setState({ label, runs, names, waiting: rest, started: [], total: runs.length });
      client.train(first);
    },
    cancel: () => setState(null),
  };
}
