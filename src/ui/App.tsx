import type { TrainerClient } from '../train/client';
import { settingsToQuery } from '../train/settings';
import { Charts } from './components/Charts';
import { Controls } from './components/Controls';
import { DataPanel } from './components/DataPanel';
import { DrawPad } from './components/DrawPad';
import { FatalPanel } from './components/FatalPanel';
import { Header } from './components/Header';
import { LinkNotice } from './components/LinkNotice';
import { PredictionView } from './components/PredictionView';
import { RunAlert } from './components/RunAlert';
import { RunResult } from './components/RunResult';
import { SettingsForm } from './components/SettingsForm';
import { TrainingProgress } from './components/TrainingProgress';
import { usePrediction } from './hooks/usePrediction';
import { useSettingsForm } from './hooks/useSettingsForm';
import { useTrainer } from './hooks/useTrainer';

export function App({ client }: { client: TrainerClient }) {
  const snapshot = useTrainer(client);
  const form = useSettingsForm(window.location.search);
  const digit = usePrediction(client, snapshot);
  const { phase, error, runSettings } = snapshot;
  const running = phase === 'training' || phase === 'paused' || phase === 'stopping';

  const train = () => {
    if (!form.settings) return;
    // The address bar now holds this run's settings, so the link reproduces it.
    window.history.replaceState(null, '', settingsToQuery(form.settings));
    client.train(form.settings);
  };

  const header = (
    <Header adapter={snapshot.adapter} matmulVariant={snapshot.matmulVariant} failed={phase === 'failed'} />
  );
  if (phase === 'failed' && error?.fatal) {
    return (
      <div className="app">
        {header}
        <main>
          <FatalPanel error={error} />
        </main>
      </div>
    );
  }

  return (
    <div className="app">
      {header}
      <main className="columns">
        <div className="column">
          <LinkNotice notes={form.notes} onDismiss={form.dismissNotes} />
          <DataPanel phase={phase} loading={snapshot.loading} samples={snapshot.samples} />
          <section className="card" aria-labelledby="train-title">
            <h2 id="train-title">Train the network</h2>
            <SettingsForm text={form.text} errors={form.errors} disabled={running} onChange={form.setField} />
            <Controls
              phase={phase}
              canStart={form.settings !== undefined}
              hasRun={runSettings !== null}
              onTrain={train}
              onPause={() => client.pause()}
              onResume={() => client.resume()}
              onStop={() => client.stop()}
            />
            {error && !error.fatal && <RunAlert error={error} />}
            {running && runSettings && (
              <TrainingProgress
                phase={phase}
                progress={snapshot.progress}
                evaluating={snapshot.evaluating}
                settings={runSettings}
                parameterCount={snapshot.parameterCount}
              />
            )}
            {phase === 'ready' && snapshot.runSeconds !== null && (
              <RunResult test={snapshot.finalTest} seconds={snapshot.runSeconds} stopped={snapshot.stopped} />
            )}
            {runSettings ? (
              <Charts
                curve={snapshot.curve}
                epochs={snapshot.epochs}
                progress={snapshot.progress}
                stopped={snapshot.stopped}
              />
            ) : (
              <p className="muted">Loss and accuracy charts appear here once training starts.</p>
            )}
          </section>
        </div>
        <section className="card column draw" aria-labelledby="draw-title">
          <h2 id="draw-title">Try the network</h2>
          <DrawPad onChange={digit.setDrawing} />
          <PredictionView input={digit.input} prediction={digit.prediction} phase={phase} />
        </section>
      </main>
    </div>
  );
}
