import { type KeyboardEvent, memo, type PointerEvent, useEffect, useRef, useState } from 'react';
import { PIXELS } from '../../data/mnist';
import { readableOn } from '../colorMap';
import { formatCount, formatPercent } from '../format';
import { describeUnit, explainLayer, unitAtCell } from '../layerMeaning';
import { activationLayout, heat, type PictureLayer } from '../network';
import { argmax } from '../opinion';
import { describeFavours } from '../unitFavours';
import { DigitImage } from './DigitImage';
import { Term } from './Term';

interface Props {
  /** The layers after the input; null: the stack cannot be built. */
  layers: PictureLayer[] | null;
  drawing: Float32Array | null;
  /** Each hidden layer's output for the drawing (empty: none yet). */
  activations: Float32Array[];
  probabilities: Float32Array | null;
  /** The output layer's kernel [units before it, classes]: which digits each of those units favours. */
  outgoing?: Float32Array | null;
  /** The form's new network, not the one that reads the pad: it lights up once trained. */
  untrained?: boolean;
}

const BLANK = new Float32Array(PIXELS);
const DIGITS = Array.from({ length: 10 }, (_, d) => d);
const INPUT_TEXT =
  'Input: the drawing, 28×28 = 784 pixels, each from 0 (no ink) to 1 (full ink). Out (28, 28).';
const HINT = 'Point at a layer, or Tab to its name, to see what it computes; point at a cell for its value.';

/**
 * The network drawn left to right: the 28x28 input, each layer with its output shape and parameters,
 * and, once a digit is drawn, what each layer makes of it (brighter cells: larger activations).
 */
export const NetworkPicture = memo(function NetworkPicture({
  layers,
  drawing,
  activations,
  probabilities,
  outgoing = null,
  untrained = false,
}: Props) {
  const [explained, setExplained] = useState<string | null>(null);
  if (!layers)
    return (
      <figure className="network" data-testid="network-picture">
        <figcaption className="muted">This stack of layers cannot be built; see the layer editor.</figcaption>
      </figure>
    );
  const hidden = layers.slice(0, -1);
  const output = layers[layers.length - 1];
  const lit =
    !untrained &&
    activations.length === hidden.length &&
    hidden.every((l, i) => activations[i].length === l.shape.reduce((a, b) => a * b, 1));
  const total = layers.reduce((sum, l) => sum + l.parameters, 0);
  // The layer before the output: its units' outgoing weights say which digits each favours.
  const classes = output.shape[0] ?? 0;
  const last = hidden.length - 1;
  const favours = (i: number) =>
    i === last && outgoing && outgoing.length === hidden[i].shape.reduce((a, b) => a * b, 1) * classes
      ? (unit: number) => describeFavours(outgoing, classes, unit)
      : undefined;
  const inputOf = (i: number) =>
    i > 0 ? layers[i - 1].shape : layers[0].name.startsWith('Conv2D') ? [28, 28, 1] : [PIXELS];
  /** The layer's sentence on hover or focus of its picture or name. */
  const explainer = (i: number) => {
    const text = explainLayer(layers[i].name, inputOf(i), layers[i].shape);
    return { onPointerEnter: () => setExplained(text), onFocus: () => setExplained(text) };
  };
  return (
    <figure className="network" data-testid="network-picture" data-lit={lit}>
      <figcaption>
        <span className="chart-title">The network</span>{' '}
        <span className="legend">
          {formatCount(total)} parameters
          <Term id="parameters" />
          <Term id="relu" />
          <Term id="softmax" />.{' '}
          {untrained
            ? 'The network Train will build; train it to see each layer light up for your drawing.'
            : lit
              ? 'Brighter cells: stronger activations for your drawing.'
              : 'Draw a digit to see each layer light up.'}
        </span>
      </figcaption>
      <ol className="layers" onPointerLeave={() => setExplained(null)}>
        <li onPointerEnter={() => setExplained(INPUT_TEXT)}>
          <DigitImage
            pixels={drawing ?? BLANK}
            max={1}
            label="Input: the drawing, 28 by 28 pixels"
            className="layer-input"
          />
          <button type="button" className="layer-name" onFocus={() => setExplained(INPUT_TEXT)}>
            Input
          </button>
          <span className="layer-facts">(28, 28)</span>
        </li>
        {hidden.map((layer, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a layer is its position in the stack
          <li key={`${i}-${layer.name}`} onPointerEnter={explainer(i).onPointerEnter}>
            <Activations
              shape={layer.shape}
              values={lit ? activations[i] : null}
              name={layer.name}
              favours={lit ? favours(i) : undefined}
              onUnit={(unit) => setExplained(`${layer.name} · ${unit}`)}
            />
            <button type="button" className="layer-name" onFocus={explainer(i).onFocus}>
              {layer.name}
            </button>
            <span className="layer-facts">
              ({layer.shape.join(', ')}) · {formatCount(layer.parameters)}
            </span>
          </li>
        ))}
        <li onPointerEnter={explainer(layers.length - 1).onPointerEnter}>
          <Outputs
            probabilities={probabilities}
            onDigit={(d) =>
              setExplained(
                `${output.name} · output ${d}: ${probabilities ? `${formatPercent(probabilities[d], 1)} probability` : 'draw a digit to see its probability'}`,
              )
            }
          />
          <button type="button" className="layer-name" onFocus={explainer(layers.length - 1).onFocus}>
            {output.name}
          </button>
          <span className="layer-facts">
            ({output.shape.join(', ')}) · {formatCount(output.parameters)}
          </span>
        </li>
      </ol>
      <p className="layer-explain" data-testid="layer-explain" aria-live="polite">
        {explained ?? HINT}
      </p>
    </figure>
  );
});

/** A layer's output for the drawing as cells (a flat layer) or one small map per channel. */
function Activations({
  shape,
  values,
  name,
  favours,
  onUnit,
}: {
  shape: number[];
  values: Float32Array | null;
  name: string;
  /** "its outgoing weights favour 4, 9 and 7", for the layer before the output. */
  favours?: (unit: number) => string;
  /** The pointer is over this unit ("Unit 17 of 512: 2.31"). */
  onUnit: (text: string) => void;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  const { width, height, at } = activationLayout(shape);
  useEffect(() => {
    const context = ref.current?.getContext('2d');
    if (!context) return;
    const image = context.createImageData(width, height);
    let largest = 0;
    if (values) for (const v of values) largest = Math.max(largest, Math.abs(v));
    const size = shape.reduce((a, b) => a * b, 1);
    for (let i = 0; i < size; i++) {
      const [x, y] = at(i);
      const [r, g, b] = values ? heat(Math.abs(values[i]) / (largest || 1)) : [40, 44, 52];
      image.data.set([r, g, b, 255], (y * width + x) * 4);
    }
    context.putImageData(image, 0, 0);
  }, [values, width, height, at, shape]);
  const active = values ? values.filter((v) => v > 0).length : 0;
  const units = shape.reduce((a, b) => a * b, 1);
  // The unit the arrow keys are on, once the picture has focus.
  const [cursor, setCursor] = useState(0);
  const explainUnit = (unit: number) => {
    const text = describeUnit(shape, unit, values ? values[unit] : null);
    onUnit(favours ? `${text}; ${favours(unit)}` : text);
  };
  const point = (event: PointerEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const x = Math.floor(((event.clientX - box.left) / box.width) * width);
    const y = Math.floor(((event.clientY - box.top) / box.height) * height);
    const unit = unitAtCell(shape, x, y);
    if (unit !== null) explainUnit(unit);
  };
  const step = (event: KeyboardEvent<HTMLCanvasElement>) => {
    const by = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    if (!by) return;
    event.preventDefault();
    const next = Math.min(units - 1, Math.max(0, cursor + by));
    setCursor(next);
    explainUnit(next);
  };
  return (
    <canvas
      ref={ref}
      width={width}
      height={height}
      className={shape.length === 3 ? 'layer-maps' : 'layer-cells'}
      role="img"
      onPointerMove={point}
      // Reachable by keyboard too: focus names a unit, the arrow keys go through them.
      tabIndex={0}
      onFocus={() => explainUnit(cursor)}
      onKeyDown={step}
      aria-label={
        values
          ? `${name}: ${formatCount(active)} of ${formatCount(values.length)} activations above zero for the drawing`
          : `${name}: no drawing yet`
      }
    />
  );
}

/** The ten output units: each digit's probability as the brightness of its cell. */
function Outputs({
  probabilities,
  onDigit,
}: {
  probabilities: Float32Array | null;
  onDigit: (digit: number) => void;
}) {
  const top = probabilities ? argmax(probabilities) : null;
  return (
    <span
      className="layer-outputs"
      role="img"
      aria-label={
        top === null
          ? 'Outputs: no drawing yet'
          : `Outputs: ${top} is the most probable (${formatPercent(probabilities?.[top] ?? 0, 0)})`
      }
    >
      {DIGITS.map((d) => {
        const [r, g, b] = probabilities ? heat(probabilities[d]) : [40, 44, 52];
        return (
          <span
            key={d}
            className={d === top ? 'out top' : 'out'}
            onPointerEnter={() => onDigit(d)}
            style={{ background: `rgb(${r}, ${g}, ${b})`, color: readableOn([r, g, b]) }}
          >
            {d}
          </span>
        );
      })}
    </span>
  );
}
