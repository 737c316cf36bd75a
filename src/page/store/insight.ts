// The insight views' state: the drawing's reading (and its saliency), the test set's confusion
// matrix and a gallery of its images, the first layer's weights as tiles.
import type { GalleryItem, GalleryQuery } from '../../protocol/protocol';
import { type EvaluationState, isCurrentEvaluation } from './evaluation';
import type { StoreEvent } from './events';

export interface InsightState {
  /** What the model reads in the pad's drawing, and why: the last reading to arrive (pad.ts: of which request). */
  reading: {
    id: number;
    probabilities: Float32Array;
    trained: boolean;
    on: 'gpu' | 'cpu';
    /** [classes, 784]: d logit_c / d pixel. */
    saliency: Float32Array;
    /** Each hidden layer's output for the drawing (the network picture). */
    activations: Float32Array[];
    /** The output layer's kernel [units before it, classes] (the digits a unit favours); null: not Dense. */
    outgoing: Float32Array | null;
  } | null;
  /**
   * The test set's confusion matrix: the last epoch's, or an evaluation's (epoch null: a model whose
   * epochs are not known, such as an imported one).
   */
  confusion: { epoch: number | null; classes: number; matrix: Uint32Array } | null;
  /** The last gallery the worker sent (the page shows it if it is the one it asked for last). */
  gallery: {
    id: number;
    query: GalleryQuery;
    total: number;
    items: GalleryItem[];
    pixels: Uint8Array;
  } | null;
  /** The run's first-layer weights, [inputs, units], as last read; weights null: not a Dense layer. */
  units: { step: number; inputs: number; units: number; weights: Float32Array | null } | null;
  /**
   * The first weights read in this run (its start): what the units learned is the change from them;
   * null for a model evaluated outside a run (its start is not known).
   */
  unitsAtStart: Float32Array | null;
}

/** Views of a model that is no longer the one answering (another run was started, opened or imported). */
const NO_INSIGHT = {
  confusion: null,
  gallery: null,
  units: null,
  unitsAtStart: null,
} satisfies Partial<InsightState>;

export const initialInsight: InsightState = { ...NO_INSIGHT, reading: null };

/** The store's reading from the worker's message. */
export function readingOf(m: Extract<StoreEvent, { type: 'reading' }>): InsightState['reading'] {
  const { id, probabilities, trained, on, saliency, activations, outgoing } = m;
  return { id, probabilities, trained, on, saliency, activations, outgoing: outgoing ?? null };
}

export function reduceInsight(
  s: InsightState & EvaluationState,
  m: StoreEvent,
): Partial<InsightState> | null {
  switch (m.type) {
    case 'started':
    case 'loaded':
    case 'continued':
      return NO_INSIGHT;
    case 'reading':
      return { reading: readingOf(m) };
    case 'confusion':
      return { confusion: { epoch: m.epoch, classes: m.classes, matrix: m.matrix } };
    case 'gallery': {
      const { id, query, total, items, pixels } = m;
      return { gallery: { id, query, total, items, pixels } };
    }
    case 'evaluated':
      // NOTE: an answer to an evaluation made stale since (another model answers now) is not shown.
      return isCurrentEvaluation(s, m.requestId)
        ? { confusion: m.confusion, units: { step: 0, ...m.units }, unitsAtStart: null }
        : null;
    case 'units':
      return {
        units: { step: m.step, inputs: m.inputs, units: m.units, weights: m.weights },
        unitsAtStart: s.units ? s.unitsAtStart : m.weights,
      };
    default:
      return null;
  }
}
