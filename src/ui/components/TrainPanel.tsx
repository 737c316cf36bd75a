import type { Snapshot } from '../../page/store';
import {
  CONVNET_BATCH,
  DEFAULT_SETTINGS,
  type SettingsErrors,
  type SettingsText,
} from '../../protocol/settings';
import { Charts } from './Charts';
import { Controls } from './Controls';
import { DeviceLostAlert } from './DeviceLostAlert';
import { LayerEditor } from './LayerEditor';
import { ModelPicker } from './ModelPicker';
import { RateControl } from './RateControl';
import { RunAlert } from './RunAlert';
import { RunResult } from './RunResult';
import { RunWarning } from './RunWarning';
import { SettingsForm } from './SettingsForm';
import { SoftwareAdapterNotice } from './SoftwareAdapterNotice';
import { SpeedLine } from './SpeedLine';
import { TrainingProgress } from './TrainingProgress';

interface Props {
  snapshot: Snapshot;
  form: {
    text: SettingsText;
    errors: SettingsErrors;
    canStart: boolean;
    setField: (name: keyof SettingsText, value: string) => void;
  };
  onTrain: () => void;
  onPause: () => void;
  onResume: () => void;
  onStop: () => void;
  onRecover: () => void;
  onSetRate: (rate: number) => void;
}

/** Settings, controls, what went wrong, where the run is, and the charts. */
export function TrainPanel({
  snapshot,
  form,
  onTrain,
  onPause,
  onResume,
  onStop,
  onRecover,
  onSetRate,
}: Props) {
  const { phase, error, runSettings, lost } = snapshot;
  const interrupted = lost?.interrupted === true;
  const lostRun = interrupted && (phase === 'lost' || phase === 'recovering');
  const running = phase === 'training' || phase === 'paused' || phase === 'stopping' || lostRun;
  return (
    <section className="card" aria-labelledby="train-title">
      <h2 id="train-title">Train the network</h2>
      <ModelPicker
        model={form.text.model}
        disabled={running}
        onPick={(kind) => {
          form.setField('model', kind);
          // The book's batch for each network.
          form.setField(
            'batchSize',
            kind === 'convnet' ? String(CONVNET_BATCH) : String(DEFAULT_SETTINGS.batchSize),
          );
        }}
      />
      {form.text.model === 'convnet' && (
        <LayerEditor
          text={form.text.layers}
          disabled={running}
          onChange={(text) => form.setField('layers', text)}
        />
      )}
      <SettingsForm
        text={form.text}
        errors={form.errors}
        disabled={running}
        hidden={form.text.model === 'convnet' ? ['hidden'] : []}
        onChange={form.setField}
      />
      <Controls
        phase={phase}
        canStart={form.canStart}
        hasRun={runSettings !== null}
        canRecover={phase === 'lost' && interrupted}
        onTrain={onTrain}
        onPause={onPause}
        onResume={phase === 'lost' ? onRecover : onResume}
        onStop={onStop}
      />
      {(phase === 'training' || phase === 'paused') && runSettings && (
        <RateControl
          startRate={runSettings.learningRate}
          rateChanges={snapshot.rateChanges}
          onChange={onSetRate}
        />
      )}
      {snapshot.fallbackAdapter && <SoftwareAdapterNotice />}
      {lost && (phase === 'lost' || phase === 'recovering') && (
        <DeviceLostAlert lost={lost} recovering={phase === 'recovering'} onReconnect={onRecover} />
      )}
      {error && !error.fatal && <RunAlert error={error} />}
      {runSettings && !error && <RunWarning curve={snapshot.curve} />}
      {running && runSettings && (
        <TrainingProgress
          phase={phase}
          progress={snapshot.progress}
          evaluating={snapshot.evaluating}
          settings={runSettings}
          parameterCount={snapshot.parameterCount}
        />
      )}
      {running && runSettings && (
        <SpeedLine progress={snapshot.progress} settings={runSettings} adapter={snapshot.adapter} />
      )}
      {!running && snapshot.runSeconds !== null && (
        <RunResult test={snapshot.finalTest} seconds={snapshot.runSeconds} stopped={snapshot.stopped} />
      )}
      {runSettings && !running && snapshot.curve.length === 0 ? (
        <p className="muted">The run ended before its first metrics report, so there is nothing to chart.</p>
      ) : runSettings ? (
        <Charts
          curve={snapshot.curve}
          epochs={snapshot.epochs}
          progress={snapshot.progress}
          stopped={snapshot.stopped}
          rateChanges={snapshot.rateChanges}
        />
      ) : (
        <p className="muted">Loss and accuracy charts appear here once training starts.</p>
      )}
    </section>
  );
}
