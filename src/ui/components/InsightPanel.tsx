import { IMAGE_SIDE, PIXELS } from '../../data/mnist';
import type { Snapshot } from '../../page/store';
import type { useGallery } from '../hooks/useGallery';
import { type OpinionPoint, readDigit } from '../opinion';
import { ConfusionMatrix } from './ConfusionMatrix';
import { MistakeGallery } from './MistakeGallery';
import { OpinionChart } from './OpinionChart';
import { SaliencyOverlay } from './SaliencyOverlay';
import { UnitTiles } from './UnitTiles';

interface Props {
  snapshot: Snapshot;
  gallery: ReturnType<typeof useGallery>;
  input: Float32Array | null;
  prediction: Snapshot['prediction'];
  opinion: OpinionPoint[];
}

/** Inside the network: its mistakes on the test set, what its hidden units learned, why it read the drawing. */
export function InsightPanel({ snapshot, gallery, input, prediction, opinion }: Props) {
  const { confusion, units } = snapshot;
  const digit = prediction ? readDigit(prediction.probabilities) : null;
  const gradient =
    prediction?.gradients && digit !== null
      ? prediction.gradients.subarray(digit * PIXELS, (digit + 1) * PIXELS)
      : null;
  return (
    <section className="card insight" aria-labelledby="insight-title">
      <h2 id="insight-title">Inside the network</h2>
      <div className="insight-row">
        <div>
          <h3>Its mistakes on the 10,000 test images</h3>
          {confusion ? (
            <ConfusionMatrix confusion={confusion} selected={gallery.query} onOpen={gallery.open} />
          ) : (
            <p className="muted">The confusion matrix appears at the end of each epoch of a run.</p>
          )}
        </div>
        <div>
          {gallery.gallery ? (
            <MistakeGallery gallery={gallery.gallery} onClose={gallery.close} />
          ) : (
            <p className="muted gallery-hint">
              {gallery.waiting
                ? 'Fetching the images…'
                : confusion
                  ? 'Choose a cell, or show every mistake.'
                  : ''}
            </p>
          )}
        </div>
      </div>
      <h3>What each hidden unit learned</h3>
      <p className="muted">
        The weights from the {PIXELS} pixels into each hidden unit, drawn as a {IMAGE_SIDE}×{IMAGE_SIDE} tile:{' '}
        <span className="key red">red</span> pixels excite the unit (or have come to excite it more),{' '}
        <span className="key blue">blue</span> ones inhibit it, white ones do not matter. Each tile is scaled
        to its own largest value; hover over a tile, or focus the grid and use the arrow keys, to read its
        range.
      </p>
      {units ? (
        <UnitTiles units={units} atStart={snapshot.unitsAtStart} />
      ) : (
        <p className="muted">The tiles appear once a run starts.</p>
      )}
      <div className="insight-row">
        <div>
          <h3>Why it read your digit</h3>
          {input && gradient && digit !== null ? (
            <SaliencyOverlay input={input} gradient={gradient} digit={digit} />
          ) : (
            <p className="muted">Draw a digit to see which pixels pushed the network towards its answer.</p>
          )}
        </div>
        <div>
          <h3>How its opinion formed</h3>
          {opinion.length > 0 ? (
            <OpinionChart history={opinion} />
          ) : (
            <p className="muted">
              Draw a digit, then train: this chart follows its ten probabilities as the run goes.
            </p>
          )}
        </div>
      </div>
    </section>
  );
}
