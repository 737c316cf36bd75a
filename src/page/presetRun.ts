// Which run of a preset (a one-click lesson's queue of runs) a run is, in words for the status and
// the result: "Run 2 of 3: SGD, learning rate 0.01". Pure.
import type { Settings } from '../protocol/settings';

/** A preset's queue as it was started: its runs in order and a short name for each. */
export interface PresetQueue {
  label: string;
  runs: Settings[];
  names: string[];
}

/** The same settings, whatever order their fields arrived in (the worker's copy of the run's). */
function sameSettings(a: Settings, b: Settings): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof Settings>;
  return [...keys].every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));
}

/** "Run 2 of 3: SGD, learning rate 0.01" for the run with these settings; null if it is not one of the queue's. */
export function presetRunOf(queue: PresetQueue, settings: Settings): string | null {
  const index = queue.runs.findIndex((run) => sameSettings(run, settings));
  if (index < 0) return null;
  const name = queue.names[index];
  return `Run ${index + 1} of ${queue.runs.length}${name ? `: ${name}` : ''}`;
}
