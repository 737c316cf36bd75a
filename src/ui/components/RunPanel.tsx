import { evaluatedImagesWords, testImagesWords } from '../../page/classNames';
import type { RunCommands } from '../../page/commands';
import type { Snapshot } from '../../page/store';
import { DEFAULT_SETTINGS } from '../../protocol/settings';
import { Controls } from './Controls';
import { DeviceLostAlert } from './DeviceLostAlert';
import { NetworkLine } from './NetworkLine';
import { RateControl } from './RateControl';
import { RunAlert } from './RunAlert';
import { RunDetails } from './RunDetails';
import { RunResult } from './RunResult';
import { RunWarning } from './RunWarning';
import { SoftwareAdapterNotice } from './SoftwareAdapterNotice';
import { SpeedLine } from './SpeedLine';
import { StepPanel } from './StepPanel';
import { TrainingProgress } from './TrainingProgress';

interface Props {
  snapshot: Snapshot;
  canStart: boolean;
  onTrain: () => void;
  commands: RunCommands;
  /** An imported model answers the pad (its name and widths): the ready line says what it can do. */
  importedName?: string;
  /** Which run of a preset this is: "Run 2 of 3: SGD, learning rate 0.01" (page/presetRun.ts). */
  presetRun?: string;
}

/** Whether a run is going on (or waits for its device to come back). */
export function isRunning(snapshot: Snapshot): boolean {
  const { phase, lost } = snapshot;
  const lostRun = lost?.interrupted === true && (phase === 'lost' || phase === 'recovering');
  return phase === 'training' || phase === 'paused' || phase === 'stopping' || lostRun;
}

const WAITING: Partial<Record<Snapshot['phase'], string>> = {
  starting: 'Asking the browser for a GPU…',
  loading: 'Loading the MNIST images; Train is ready when they are.',
  noData: 'The MNIST images could not be loaded (see Training data below).',
};

/** The instrument's top line: Train, Pause, Resume, Stop, then where the run is or how it ended. */
export function RunPanel({ snapshot, canStart, onTrain, commands, importedName, presetRun }: Props) {
  const { phase, error, runSettings, lost } = snapshot;
  const interrupted = lost?.interrupted === true;
  const running = isRunning(snapshot);
  return (
    <section className="card run-panel" aria-labelledby="train-title">
      <h2 id="train-title" className="visually-hidden">
        Train the network
      </h2>
      {/* The step report sits under the buttons, in the room beside the run's status: a paused run
          with a step shown still leaves the charts and the pad in view at laptop sizes. */}
      <div className="run-controls">
        <Controls
          phase={phase}
          canStart={canStart}
          hasRun={runSettings !== null}
          canRecover={phase === 'lost' && interrupted}
          onTrain={onTrain}
          commands={commands}
        />
        {phase === 'paused' && runSettings && <StepPanel step={snapshot.step} />}
      </div>
      <div className="run-status" data-testid="run-status">
        {running && runSettings ? (
          <TrainingProgress
            phase={phase}
            progress={snapshot.progress}
            evaluating={snapshot.evaluating}
            evaluated={snapshot.evaluated}
            presetRun={presetRun}
            curve={snapshot.curve}
            epochs={snapshot.epochs}
            evaluatedImages={evaluatedImagesWords(
              runSettings.validation ?? 0,
              snapshot.evaluatingFinalTest,
              snapshot.dataset,
            )}
          />
        ) : snapshot.runSeconds !== null || (runSettings && snapshot.finalTest) ? (
          <RunResult
            test={snapshot.finalTest}
            seconds={snapshot.runSeconds}
            stopped={snapshot.stopped}
            validation={runSettings?.validation ?? 0}
            testImages={testImagesWords(snapshot.dataset)}
            trainAccuracy={snapshot.epochs.at(-1)?.trainAccuracy ?? null}
            model={(runSettings ?? DEFAULT_SETTINGS).model}
            presetRun={presetRun}
          />
        ) : (
          <p className="muted ready-line">
            {WAITING[phase] ??
              (importedName
                ? `The imported ${importedName} answers the pad. Evaluate it on the 10,000 test images under Confusion matrix, or press Train to train a new network.`
                : 'Ready. Press Train and watch the charts; draw a digit on the pad at any time to try the network.')}
          </p>
        )}
        {/* NOTE: always there, so that an open Details stays open from state to state. */}
        <RunDetails hint={snapshot.fallbackAdapter ? 'no GPU in use' : undefined}>
          {runSettings && <NetworkLine settings={runSettings} parameterCount={snapshot.parameterCount} />}
          {running && runSettings && (
            <SpeedLine progress={snapshot.progress} settings={runSettings} adapter={snapshot.adapter} />
          )}
          {!running && snapshot.finalTest && (
            <p className="muted speed-line">
              Tested on the 10,000 test images it never trained on: test loss{' '}
              {snapshot.finalTest.loss.toFixed(3)}.
            </p>
          )}
          {!running && snapshot.adapter && <p className="muted speed-line">Adapter: {snapshot.adapter}</p>}
          {snapshot.fallbackAdapter && <SoftwareAdapterNotice />}
          {(phase === 'training' || phase === 'paused') && runSettings && (
            <RateControl
              learningRate={runSettings.learningRate}
              rateChanges={snapshot.rateChanges}
              onChange={commands.setLearningRate}
            />
          )}
        </RunDetails>
        {lost && (phase === 'lost' || phase === 'recovering') && (
          <DeviceLostAlert lost={lost} recovering={phase === 'recovering'} onReconnect={commands.recover} />
        )}
        {error && !error.fatal && <RunAlert error={error} />}
        {runSettings && !error && <RunWarning curve={snapshot.curve} />}
      </div>
    </section>
  );
}
