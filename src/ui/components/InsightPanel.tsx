import { type ReactNode, useState } from 'react';
import { IMAGE_SIDE, PIXELS } from '../../data/mnist';
import { testImagesWords } from '../../page/classNames';
import type { Snapshot } from '../../page/store';
import type { DigitVerdicts } from '../../page/userDigitsVerdicts';
import type { useGallery } from '../hooks/useGallery';
import { type OpinionPoint, readDigit } from '../opinion';
import { ConfusionMatrix } from './ConfusionMatrix';
import { type MatrixSource, MatrixSourcePicker } from './MatrixSourcePicker';
import { MistakeGallery } from './MistakeGallery';
import { OpinionChart } from './OpinionChart';
import { SaliencyOverlay } from './SaliencyOverlay';
import { Tabs } from './Tabs';
import { Term } from './Term';
import { UnitTiles } from './UnitTiles';
import { YourDigitsMatrix } from './YourDigitsMatrix';

interface Props {
  snapshot: Snapshot;
  gallery: ReturnType<typeof useGallery>;
  drawing: Float32Array | null;
  reading: Snapshot['reading'];
  opinion: OpinionPoint[];
  /** Sends a test image to the drawing pad, with what it is. */
  onTry: (pixels: Uint8Array, caption: string) => void;
  /** Evaluate on the test set: the button, its progress and result (fills the matrix and tiles). */
  evaluate: ReactNode;
  /** The selected tab, kept by the page so that other parts can open one. */
  tab: string;
  onTab: (tab: string) => void;
  /** The user's test digits as the pad's model reads them: the matrix's second source. */
  yourDigits?: DigitVerdicts | null;
}

const DIGITS = Array.from({ length: 10 }, (_, d) => d);

/** The units the last step changed most, when they are the tiles' (the first layer is Dense). */
function steppedUnits(snapshot: Snapshot): number[] {
  const inspection = snapshot.step?.inspection;
  if (inspection?.layer.index !== 0 || inspection.layer.kind !== 'Dense') return [];
  return inspection.changed.map((c) => c.unit);
}

/** Inside the network, one tab each: its mistakes, its hidden units, why it read the drawing, how its opinion formed. */
export function InsightPanel({
  snapshot,
  gallery,
  drawing,
  reading,
  opinion,
  onTry,
  evaluate,
  tab,
  onTab,
  yourDigits = null,
}: Props) {
  const { confusion, units } = snapshot;
  const classNames = snapshot.dataset?.classNames ?? null;
  const [source, setSource] = useState<MatrixSource>('test');
  // Your digits are digits: a model of an imported data set's classes does not read them.
  const yours = snapshot.dataset ? null : yourDigits;
  const read = reading ? readDigit(reading.probabilities) : null;
  const [picked, setPicked] = useState<number | null>(null);
  const digit = picked ?? read;
  const digitSaliency =
    reading && digit !== null ? reading.saliency.subarray(digit * PIXELS, (digit + 1) * PIXELS) : null;
  const testMatrix = (
    <div className="insight-row">
      <div>
        <h3>
          Confusion matrix
          <Term id="confusion" />
        </h3>
        <p className="muted">Its mistakes on {testImagesWords(snapshot.dataset)} it never trained on.</p>
        {evaluate}
        {confusion ? (
          <ConfusionMatrix
            confusion={confusion}
            selected={gallery.query}
            onOpen={gallery.open}
            classNames={classNames}
          />
        ) : (
          <p className="muted">
            The confusion matrix appears at the end of each epoch of a run, or when the model is evaluated.
          </p>
        )}
      </div>
      <div>
        {gallery.gallery ? (
          <MistakeGallery
            gallery={gallery.gallery}
            onClose={gallery.close}
            onTry={onTry}
            classNames={classNames}
          />
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
  );
  const matrix = (
    <>
      {yours && <MatrixSourcePicker source={source} onChange={setSource} count={yours.labels.length} />}
      {yours && source === 'yours' ? <YourDigitsMatrix verdicts={yours} onTry={onTry} /> : testMatrix}
    </>
  );
  const tiles = (
    <>
      <h3>
        What each hidden unit learned
        <Term id="hiddenUnit" />
      </h3>
      <p className="muted">
        The weights from the {PIXELS} pixels into each hidden unit, drawn as a {IMAGE_SIDE}×{IMAGE_SIDE} tile:{' '}
        <span className="key red">red</span> pixels excite the unit (or have come to excite it more),{' '}
        <span className="key blue">blue</span> ones inhibit it, white ones do not matter. Each tile is scaled
        to its own largest value; hover over a tile, or focus the grid and use the arrow keys, to read its
        range.
      </p>
      {units ? (
        <UnitTiles units={units} atStart={snapshot.unitsAtStart} marked={steppedUnits(snapshot)} />
      ) : (
        <p className="muted">The tiles appear once a run starts, or when the model is evaluated.</p>
      )}
    </>
  );
  const saliency = (
    <>
      <h3>Why it read your digit</h3>
      {drawing && digitSaliency && digit !== null ? (
        <>
          <label className="class-pick">
            Explain the score of{' '}
            <select
              value={picked ?? 'reading'}
              onChange={(event) =>
                setPicked(event.target.value === 'reading' ? null : Number(event.target.value))
              }
            >
              <option value="reading">its reading{read !== null ? ` (${read})` : ''}</option>
              {DIGITS.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
          </label>
          <SaliencyOverlay drawing={drawing} saliency={digitSaliency} digit={digit} />
        </>
      ) : (
        <p className="muted">Draw a digit to see which pixels pushed the network towards its answer.</p>
      )}
    </>
  );
  const history = (
    <>
      <h3>How its opinion formed</h3>
      {opinion.length > 0 ? (
        <OpinionChart history={opinion} />
      ) : (
        <p className="muted">
          Draw a digit, then train: this chart follows its ten probabilities as the run goes.
        </p>
      )}
    </>
  );
  return (
    <section className="card insight" aria-labelledby="insight-title">
      <h2 id="insight-title">Inside the network</h2>
      <Tabs
        label="Inside the network"
        selected={tab}
        onSelect={onTab}
        tabs={[
          { id: 'matrix', label: 'Confusion matrix', content: matrix },
          { id: 'units', label: 'Unit tiles', content: tiles },
          { id: 'saliency', label: 'Saliency', content: saliency },
          { id: 'opinion', label: 'Opinion over the run', content: history },
        ]}
      />
    </section>
  );
}
