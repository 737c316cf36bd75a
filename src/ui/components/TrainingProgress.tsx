import type { Snapshot } from '../../page/store';
import { describeEvaluation, describeProgress } from '../format';
import { LiveNumbers } from './LiveNumbers';
import { ProgressBar } from './ProgressBar';

interface Props {
  phase: Snapshot['phase'];
  progress: Snapshot['progress'];
  evaluating: boolean;
  /** Images the evaluation going on has done. */
  evaluated?: number;
  curve: Snapshot['curve'];
  epochs: Snapshot['epochs'];
  /** What each epoch's evaluation measures: "the 10,000 test images", or validation images held out. */
  evaluatedImages?: string;
  /** Which run of a preset this is: "Run 2 of 3: SGD, learning rate 0.01". */
  presetRun?: string;
}

const HEADINGS: Partial<Record<Snapshot['phase'], string>> = {
  paused: 'Paused',
  stopping: 'Stopping…',
  lost: 'Paused: the GPU was lost',
  recovering: 'Reconnecting to the GPU…',
};

/** Where the run is (epoch, batch, time left, or the test-set evaluation) and its running numbers. */
export function TrainingProgress({
  phase,
  progress,
  evaluating,
  evaluated = 0,
  curve,
  epochs,
  evaluatedImages = 'the 10,000 test images',
  presetRun,
}: Props) {
  const status = progress ? describeProgress(progress) : null;
  const text = evaluating
    ? describeEvaluation(evaluatedImages, evaluated, progress)
    : (status?.text ?? 'Preparing the run: the first metrics arrive after a few batches…');
  return (
    <section className="run" aria-labelledby="run-title">
      <h2 id="run-title">
        {presetRun
          ? `${HEADINGS[phase] ? `${HEADINGS[phase]} · ` : ''}${presetRun}`
          : (HEADINGS[phase] ?? 'Training')}
      </h2>
      <span className="progress-text">{text}</span>
      <ProgressBar
        value={status?.done ?? 0}
        max={status?.total ?? 1}
        fill={status?.fraction}
        label="Training progress"
        valueText={text}
      />
      <LiveNumbers curve={curve} epochs={epochs} />
    </section>
  );
}
