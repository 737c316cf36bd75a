import type { ReactNode } from 'react';
import type { TrainerClient } from '../../page/client';
import type { Snapshot } from '../../page/store';
import type { usePadDigits } from '../hooks/usePadDigits';
import type { useReading } from '../hooks/useReading';
import { readDigit } from '../opinion';
import { DrawPad } from './DrawPad';
import { DrawTheDigits } from './DrawTheDigits';
import { PredictionView } from './PredictionView';
import { ReadingCorrection } from './ReadingCorrection';

interface Props {
  client: TrainerClient;
  snapshot: Snapshot;
  digit: ReturnType<typeof useReading>;
  padDigits: ReturnType<typeof usePadDigits>;
  /** The handwriting score, shown under the correction. */
  score: ReactNode;
  /** Opens the saliency view: why it reads what it reads. */
  onWhy: () => void;
  /** Beside the heading: the guide's "Now draw a digit". */
  cue?: ReactNode;
}

/** The drawing pad's card: the pad, its reading, the correction, and the Draw the digits mode. */
export function DrawCard({ client, snapshot, digit, padDigits, score, onWhy, cue }: Props) {
  const { labeller } = padDigits;
  return (
    <section className="card draw" aria-labelledby="draw-title">
      <h2 id="draw-title">Try the network</h2>
      {cue}
      <DrawPad
        onChange={padDigits.onPadChange}
        image={snapshot.padImage}
        onRandom={() => client.testImage()}
        canRandom={snapshot.samples !== null}
        onDigit={labeller.label}
        clearRequest={padDigits.clearRequest}
      />
      <PredictionView
        drawing={digit.drawing}
        reading={digit.reading}
        phase={snapshot.phase}
        canRead={digit.canRead}
        onWhy={onWhy}
        classNames={snapshot.dataset?.classNames ?? null}
      />
      <ReadingCorrection
        reading={digit.reading?.probabilities ? readDigit(digit.reading.probabilities) : null}
        canLabel={labeller.canLabel}
        kept={labeller.kept}
        keptForTesting={padDigits.keptForTesting}
        onLabel={labeller.label}
      />
      {score}
      <DrawTheDigits
        keeper={padDigits.keeper}
        canKeep={labeller.canLabel}
        onKeep={labeller.label}
        onClearPad={padDigits.clearPad}
      />
    </section>
  );
}
