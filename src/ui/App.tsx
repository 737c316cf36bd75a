import { useCallback } from 'react';
import type { TrainerClient } from '../page/client';
import { withComparedInQuery } from '../page/compare';
import type { RunKeeper } from '../page/keeper';
import { settingsToQuery } from '../protocol/settings';
import { AboutData } from './components/AboutData';
import { CodeView } from './components/CodeView';
import { CompareView } from './components/CompareView';
import { DataPanel } from './components/DataPanel';
import { DrawPad } from './components/DrawPad';
import { ErrorBoundary } from './components/ErrorBoundary';
import { FatalPanel } from './components/FatalPanel';
import { Header } from './components/Header';
import { InsightPanel } from './components/InsightPanel';
import { KeepPanel } from './components/KeepPanel';
import { LinkNotice } from './components/LinkNotice';
import { PredictionView } from './components/PredictionView';
import { PresetButtons } from './components/PresetButtons';
import { RateFinderPanel } from './components/RateFinderPanel';
import { TrainPanel } from './components/TrainPanel';
import { UpdateBanner } from './components/UpdateBanner';
import { useComparison } from './hooks/useComparison';
import { useGallery } from './hooks/useGallery';
import { useKeeper } from './hooks/useKeeper';
import { useOpinion } from './hooks/useOpinion';
import { usePrediction } from './hooks/usePrediction';
import { useRunQueue } from './hooks/useRunQueue';
import { useSettingsForm } from './hooks/useSettingsForm';
import { useTrainer } from './hooks/useTrainer';

export function App({ client, keeper }: { client: TrainerClient; keeper: RunKeeper }) {
  const snapshot = useTrainer(client);
  const form = useSettingsForm(window.location.search);
  const digit = usePrediction(client, snapshot);
  const gallery = useGallery(client, snapshot);
  const opinion = useOpinion(snapshot, digit.input, digit.isAboutDrawing);
  const { phase, error } = snapshot;
  const retryData = useCallback(() => client.retryData(), [client]);
  const keep = useKeeper(keeper);
  // An Open or Resume on its way to the worker: Train waits for it (src/page/keeper.ts says why).
  const { pending } = keep;
  const comparison = useComparison(keeper, keep, snapshot);
  const queue = useRunQueue(client, snapshot, keep, comparison.show);

  const train = () => {
    // NOTE: the keeper's live state, not this render's: a click in the same task as Resume sees it.
    if (!form.settings || keeper.getSnapshot().pending) return;
    // The address bar now holds this run's settings, so the link reproduces it.
    window.history.replaceState(
      null,
      '',
      withComparedInQuery(settingsToQuery(form.settings), comparison.selected),
    );
    client.train(form.settings);
  };

  const header = (
    <Header
      adapter={snapshot.adapter}
      matmulVariant={snapshot.matmulVariant}
      failed={phase === 'failed'}
      memory={phase === 'lost' || phase === 'recovering' ? null : snapshot.memory}
    />
  );
  if (phase === 'failed' && error?.fatal) {
    return (
      <div className="app">
        <UpdateBanner />
        {header}
        <main>
          <FatalPanel error={error} />
        </main>
        <AboutData />
      </div>
    );
  }

  return (
    <div className="app">
      <UpdateBanner />
      {header}
      <main className="columns">
        <div className="column">
          <LinkNotice notes={form.notes} onDismiss={form.dismissNotes} />
          <DataPanel
            phase={phase}
            loading={snapshot.loading}
            samples={snapshot.samples}
            dataError={snapshot.dataError}
            onRetry={retryData}
          />
          <ErrorBoundary part="The training panel">
            <TrainPanel
              snapshot={snapshot}
              form={{ ...form, canStart: form.settings !== undefined && !pending }}
              onTrain={train}
              onPause={() => client.pause()}
              onResume={() => client.resume()}
              onStop={() => client.stop()}
              onRecover={() => client.recover()}
              onSetRate={(rate) => client.setRate(rate)}
            />
          </ErrorBoundary>
          <ErrorBoundary part="Keep and share">
            <KeepPanel
              keeper={keeper}
              phase={phase}
              link={form.settings ? new URL(settingsToQuery(form.settings), window.location.href).href : null}
            />
          </ErrorBoundary>
        </div>
        <section className="card column draw" aria-labelledby="draw-title">
          <h2 id="draw-title">Try the network</h2>
          <DrawPad onChange={digit.setDrawing} />
          <PredictionView
            input={digit.input}
            prediction={digit.prediction}
            phase={phase}
            canPredict={digit.canPredict}
          />
        </section>
      </main>
      {/* NOTE: outside the columns, so the sticky drawing card never slides over it. */}
      <ErrorBoundary part="Inside the network">
        <InsightPanel
          snapshot={snapshot}
          gallery={gallery}
          input={digit.input}
          prediction={digit.prediction}
          opinion={opinion}
        />
      </ErrorBoundary>
      <ErrorBoundary part="Experiments">
        <RateFinderPanel
          phase={phase}
          result={snapshot.rateFinder}
          canStart={phase === 'ready' && form.settings !== undefined && !pending}
          onFind={() => form.settings && client.findRate(form.settings)}
          onStop={() => client.stop()}
          onUse={(rate) => form.setField('learningRate', rate)}
        />
        <CompareView
          keep={keep}
          comparison={comparison}
          presets={
            <PresetButtons
              settings={form.settings}
              canStart={phase === 'ready' && form.settings !== undefined && !pending}
              queue={queue}
            />
          }
        />
        <CodeView settings={form.settings} />
      </ErrorBoundary>
      <AboutData />
    </div>
  );
}
