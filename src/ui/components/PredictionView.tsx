import { IMAGE_SIDE } from '../../data/mnist';
import { type ClassNames, classCount, className } from '../../page/classNames';
import type { Snapshot } from '../../page/store';
import { formatBarPercent, formatCertainty } from '../certainty';
import { readDigit } from '../opinion';
import { DigitImage } from './DigitImage';

interface Props {
  drawing: Float32Array | null;
  reading: Snapshot['reading'];
  phase: Snapshot['phase'];
  /** Whether the worker has a model to ask (on the GPU, or a checkpoint on the CPU). */
  canRead: boolean;
  /** Opens the saliency view: why it reads what it reads. */
  onWhy: () => void;
  /** An imported data set's class names (null: MNIST's digits); its other outputs are not shown. */
  classNames?: ClassNames;
}

/** What the network sees (the drawing as 28x28 inputs) and what it makes of it. */
export function PredictionView({ drawing, reading, phase, canRead, onWhy, classNames = null }: Props) {
  const probabilities = reading?.probabilities.subarray(0, classCount(classNames)) ?? null;
  const digit = probabilities ? readDigit(probabilities) : null;
  const name = digit === null ? '' : className(classNames, digit);
  const article = classNames ? '' : digit === 8 ? 'an ' : 'a ';
  const announcement =
    probabilities && digit !== null
      ? `The network reads ${article}${name} (${formatCertainty(probabilities[digit])} sure)`
      : probabilities
        ? 'The network gives no answer'
        : '';
  return (
    <div className="prediction">
      <p className="visually-hidden" aria-live="polite" data-testid="reading-announcement">
        {announcement}
      </p>
      {!drawing ? (
        <p className="prompt">Draw a digit</p>
      ) : (
        <div className="seen">
          <DigitImage
            pixels={drawing}
            max={1}
            label="The drawing as the network sees it"
            className="network-view"
          />
          <p className="muted">
            What the network sees: {IMAGE_SIDE}×{IMAGE_SIDE} pixels.
          </p>
        </div>
      )}
      {drawing && !probabilities && (
        <p className="muted">{canRead ? 'Thinking…' : 'Waiting for the model…'}</p>
      )}
      {probabilities && digit === null && (
        <p className="guess">
          It gives <span data-testid="prediction">no answer</span>
          <span className="muted"> (its outputs are not numbers: its weights are broken)</span>
        </p>
      )}
      {probabilities && digit !== null && (
        <>
          <p className="guess">
            It reads <span data-testid="prediction">{name}</span>
            <span className="muted"> ({formatCertainty(probabilities[digit])} sure)</span>{' '}
            {reading && (
              <button type="button" className="link-button" onClick={onWhy}>
                Why?
              </button>
            )}
          </p>
          {!reading?.trained && (
            <p className="note">
              Untrained model (random weights): its guesses mean nothing yet. Train it first.
            </p>
          )}
          {reading?.on === 'cpu' && (
            <p className="note">
              The GPU is unavailable: this answer comes from the CPU, with the weights kept off the GPU.
            </p>
          )}
          {reading?.trained && phase === 'training' && (
            <p className="note">Training now: watch the guess change as the network learns.</p>
          )}
          <ol className="bars" aria-label={`Probability of each ${classNames ? 'class' : 'digit'}`}>
            {Array.from(probabilities, (p, d) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: always the classes in order
              <li key={d} className={d === digit ? 'top' : undefined}>
                <span className="bar-digit">{className(classNames, d)}</span>
                <span className="bar-track" aria-hidden="true">
                  <span className="bar-fill" style={{ height: `${p * 100}%` }} />
                </span>
                <span className="bar-value" data-testid="bar-value">
                  {formatBarPercent(p)}
                  <span className="visually-hidden">%</span>
                </span>
              </li>
            ))}
          </ol>
          <p className="muted bars-unit" aria-hidden="true">
            Each bar: how sure it is, in %.
          </p>
        </>
      )}
    </div>
  );
}
