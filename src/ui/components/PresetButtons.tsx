import { PRESETS } from '../../page/presets';
import type { Settings } from '../../protocol/settings';
import type { RunQueue } from '../hooks/useRunQueue';

/** The one-click lessons, and where a queue of runs has got to. */
export function PresetButtons({
  settings,
  canStart,
  queue,
}: {
  settings: Settings | undefined;
  canStart: boolean;
  queue: RunQueue;
}) {
  const { state } = queue;
  if (state) {
    const number = Math.min(state.total, state.total - state.waiting.length);
    return (
      <p role="status" className="preset-progress">
        {state.label}: run {number} of {state.total}. The comparison appears when the last one ends; Stop ends
        the queue.
      </p>
    );
  }
  return (
    <div className="presets">
      {PRESETS.map((preset) => (
        <p key={preset.id}>
          <button
            type="button"
            disabled={!canStart || !settings}
            onClick={() => {
              if (!settings) return;
              const runs = preset.runs(settings);
              queue.start(preset.label, runs, runs.map(preset.runName));
            }}
          >
            {preset.label}
          </button>{' '}
          <span className="muted">{preset.explanation}</span>
        </p>
      ))}
    </div>
  );
}
