// The network picture's facts: each layer of the model in order, with its output shape and
// parameter count (what the layer editor lists), and how its activations for a drawing are drawn.
import { CLASSES, PIXELS } from '../data/mnist';
import { specsFromText, summarize } from '../protocol/layers';
import type { DenseSpec } from '../protocol/protocol';
import { DEFAULT_SETTINGS, type Settings } from '../protocol/settings';

export interface PictureLayer {
  name: string;
  /** Output shape without the batch: [units], or [height, width, channels]. */
  shape: number[];
  parameters: number;
}

/** The layers after the input, output layer included; null for an impossible ConvNet stack. */
export function pictureLayers(
  settings: Pick<Settings, 'model' | 'hidden' | 'layers'>,
): PictureLayer[] | null {
  if (settings.model === 'dense') {
    const h = settings.hidden;
    return [
      { name: `Dense(${h}, relu)`, shape: [h], parameters: PIXELS * h + h },
      { name: `Dense(${CLASSES}, softmax)`, shape: [CLASSES], parameters: h * CLASSES + CLASSES },
    ];
  }
  const { layers, problem } = summarize(specsFromText(settings.layers).specs ?? []);
  if (problem) return null;
  return layers.map((l) => ({ name: l.name, shape: l.outputShape, parameters: l.parameters }));
}

/**
 * The network the picture shows. While a run goes on, the run's. Otherwise the form's, the one Train
 * will build: picking the ConvNet after a Dense run shows the ConvNet at once. `untrained`: it is not
 * the network that answers the pad (the last run's, whose layers differ), so it cannot light up yet.
 */
export function shownNetwork(
  run: Settings | null,
  form: Settings | undefined,
  running: boolean,
): { layers: PictureLayer[] | null; untrained: boolean } {
  const shown = (running ? run : form) ?? run ?? form;
  const layers = pictureLayers(shown ?? DEFAULT_SETTINGS);
  const sameAs = (a: PictureLayer[] | null, b: PictureLayer[] | null) =>
    JSON.stringify(a?.map((l) => [l.name, l.shape])) === JSON.stringify(b?.map((l) => [l.name, l.shape]));
  const untrained = !running && run !== null && shown !== run && !sameAs(layers, pictureLayers(run));
  return { layers, untrained };
}

/** An imported Dense stack's layers (it has no settings): each with its width, activation and weights. */
export function stackPictureLayers(inputDim: number, layers: DenseSpec[]): PictureLayer[] {
  return layers.map((l, i) => {
    const inputs = i === 0 ? inputDim : layers[i - 1].units;
    return {
      name: `Dense(${l.units}, ${l.activation})`,
      shape: [l.units],
      parameters: inputs * l.units + l.units,
    };
  });
}

/** Cells of a flat layer laid out in rows of at most this many. */
const ROW = 32;
/** A flat layer's cells are laid out about twice as wide as tall (a small layer is not one long strip). */
const ASPECT = 2;

/**
 * Where each value of a layer's output goes on its canvas: a flat layer as rows of cells, a
 * [height, width, channels] map as one tile per channel (channels last, as Keras stores them).
 */
export function activationLayout(shape: number[]): {
  width: number;
  height: number;
  at: (index: number) => [number, number];
} {
  if (shape.length === 3) {
    const [height, width, channels] = shape;
    const cols = Math.ceil(Math.sqrt(channels));
    const rows = Math.ceil(channels / cols);
    return {
      width: cols * (width + 1) - 1,
      height: rows * (height + 1) - 1,
      at: (i) => {
        const c = i % channels;
        const x = Math.floor(i / channels) % width;
        const y = Math.floor(i / channels / width);
        return [(c % cols) * (width + 1) + x, Math.floor(c / cols) * (height + 1) + y];
      },
    };
  }
  const size = shape.reduce((a, b) => a * b, 1);
  // NOTE: Dense(64) in a strip of 32x2 cells was as wide as the card at the pictures' height, and
  // pushed the ConvNet's charts below the fold; 12x6 sits beside the other layers.
  const cols = Math.min(ROW, size, Math.ceil(Math.sqrt(ASPECT * size)));
  return { width: cols, height: Math.ceil(size / cols), at: (i) => [i % cols, Math.floor(i / cols)] };
}

/** A "hot" map for activations, each scaled by its layer's largest: black, red, yellow, white. */
export function heat(t: number): [number, number, number] {
  const v = Math.max(0, Math.min(1, Number.isFinite(t) ? t : 0));
  const c = (x: number) => Math.round(255 * Math.max(0, Math.min(1, x)));
  return [c(3 * v), c(3 * v - 1), c(3 * v - 2)];
}
