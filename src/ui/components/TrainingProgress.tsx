import { CLASSES, IMAGE_SIDE, PIXELS } from '../../data/mnist';
import type { Snapshot } from '../../page/store';
import { specsFromText, summarize } from '../../protocol/layers';
import { trainingImages } from '../../protocol/settings';
import { describeProgress, formatCount } from '../format';
import { ProgressBar } from './ProgressBar';

interface Props {
  phase: Snapshot['phase'];
  progress: Snapshot['progress'];
  evaluating: boolean;
  settings: NonNullable<Snapshot['runSettings']>;
  parameterCount: number | null;
}

const HEADINGS: Partial<Record<Snapshot['phase'], string>> = {
  paused: 'Paused',
  stopping: 'Stopping…',
  lost: 'Paused: the GPU was lost',
  recovering: 'Reconnecting to the GPU…',
};

/** Where the run is: epoch, batch, speed and time left, or the test-set evaluation after an epoch. */
export function TrainingProgress({ phase, progress, evaluating, settings, parameterCount }: Props) {
  const status = progress ? describeProgress(progress) : null;
  const text = evaluating
    ? 'Evaluating on 10,000 test images…'
    : (status?.text ?? 'Preparing the run: the first metrics arrive after a few batches…');
  return (
    <section className="run" aria-labelledby="run-title">
      <h2 id="run-title">{HEADINGS[phase] ?? 'Training'}</h2>
      <span className="progress-text">{text}</span>
      <ProgressBar
        value={status?.done ?? 0}
        max={status?.total ?? 1}
        label="Training progress"
        valueText={text}
      />
      <p className="muted network-line">
        Network:{' '}
        {settings.model === 'convnet'
          ? `${IMAGE_SIDE}×${IMAGE_SIDE} images → ${summarize(specsFromText(settings.layers).specs ?? [])
              .layers.map((l) => l.name)
              .join(' → ')}`
          : `${PIXELS} inputs → ${formatCount(settings.hidden)} hidden (ReLU) → ${CLASSES} outputs (softmax)`}
        {parameterCount !== null && `, ${formatCount(parameterCount)} weights`}; trained on{' '}
        {formatCount(trainingImages(settings))} images
        {(settings.validation ?? 0) > 0 &&
          `, measured after each epoch on ${formatCount(settings.validation)} validation images held out`}
        .
      </p>
    </section>
  );
}
