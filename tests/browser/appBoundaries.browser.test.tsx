// A part of the page that throws while rendering (here the charts, given chart data no check would
// let through) shows why, with Try again, and the rest of the page stays: every panel and the charts
// have their own error boundary. The app is rendered in real Chromium with a fake worker client.
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { expect, test } from 'vitest';
import type { TrainerClient } from '../../src/page/client';
import { RunKeeper } from '../../src/page/keeper';
import { SavedRuns } from '../../src/page/savedRuns';
import { initialSnapshot, type Snapshot } from '../../src/page/store';
import { App } from '../../src/ui/App';
import { FakeClient, SETTINGS } from './fakeClient';

/** The worker's client as the app reads it: one fixed snapshot, every command ignored. */
function clientShowing(snapshot: Snapshot): TrainerClient {
  const ignore = () => {};
  const fake = {
    subscribe: () => ignore,
    getSnapshot: () => snapshot,
    onMessage: () => ignore,
    ...Object.fromEntries(
      ['train', 'findRate', 'setLearningRate', 'step', 'pause', 'resume', 'recover', 'retryData', 'stop'].map(
        (name) => [name, ignore],
      ),
    ),
    commands: Object.fromEntries(
      ['pause', 'resume', 'step', 'stop', 'recover', 'setLearningRate'].map((name) => [name, ignore]),
    ),
    read: () => 1,
    gallery: () => 1,
    evaluate: () => 1,
    testImage: () => 1,
    // The user's digits for training go to the worker as the page renders (useTrainingDigits).
    trainingDigits: ignore,
    fineTune: () => 1,
  };
  return fake as unknown as TrainerClient;
}

test('charts that throw while rendering: their part says so, and the rest of the page stays', async () => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  const snapshot: Snapshot = {
    ...initialSnapshot,
    phase: 'ready',
    runSettings: SETTINGS,
    // Not a list: MetricChart's marks cannot be drawn from it.
    rateChanges: 5 as never,
  };
  const keeper = new RunKeeper(new FakeClient(), {
    open: (_, hooks) => SavedRuns.open(`boundaries-${Date.now()}`, hooks),
  });
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  await act(async () => root.render(<App client={clientShowing(snapshot)} keeper={keeper} />));

  const failed = [...container.querySelectorAll('[data-testid="part-failed"]')].map((e) => e.textContent);
  expect(failed).toHaveLength(1);
  expect(failed[0]).toMatch(/^The charts could not be shown: .*The rest of the page still works\.Try again$/);
  // The rest is there: the run's controls, the drawing pad, the saved runs.
  expect([...container.querySelectorAll('button')].some((b) => /^Train/.test(b.textContent ?? ''))).toBe(
    true,
  );
  expect(container.querySelector('[aria-label="Digit drawing pad"]')).not.toBeNull();
  expect(container.textContent).toContain('Keep & share');
  await act(async () => root.unmount());
});
