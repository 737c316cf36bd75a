// One-click lessons: a queue of runs that differ in one thing, trained one after another and then
// compared. Pure: which runs a preset makes from the settings on screen.

import { DEFAULT_LEARNING_RATES, OPTIMIZER_KINDS, optimizerName, type Settings } from '../protocol/settings';
import { OVERFITTING_WAY_NAMES, overfittingRuns } from './overfittingPreset';

export interface Preset {
  id: 'learningRates' | 'optimizers' | 'overfitting';
  label: string;
  /** What the lesson shows, in a sentence. */
  explanation: string;
  runs: (settings: Settings) => Settings[];
  /** What sets the `index`th run apart, for the status and the result: "SGD, learning rate 0.01". */
  runName: (run: Settings, index: number) => string;
}

/** The rate ten times larger and ten times smaller than the one on screen (kept within the form's bounds). */
function ratesAround(rate: number): number[] {
  const decade = (r: number) => Number(r.toPrecision(6));
  return [decade(rate * 10), rate, decade(rate / 10)].filter((r) => r >= 1e-6);
}

export const PRESETS: Preset[] = [
  {
    id: 'learningRates',
    label: 'Compare learning rates',
    explanation:
      'Three runs with the same model and seed, at the learning rate above, ten times it and a tenth of it.',
    runs: (settings) =>
      ratesAround(settings.learningRate).map((learningRate) => ({ ...settings, learningRate })),
    runName: (run) => `learning rate ${run.learningRate}`,
  },
  {
    id: 'optimizers',
    label: 'Compare optimizers',
    explanation:
      "Three runs with the same model and seed: SGD, RMSprop and Adam, each at Keras's default learning rate for it.",
    runs: (settings) =>
      OPTIMIZER_KINDS.map((optimizer) => ({
        ...settings,
        optimizer,
        learningRate: DEFAULT_LEARNING_RATES[optimizer],
      })),
    runName: (run) => `${optimizerName(run)}, learning rate ${run.learningRate}`,
  },
  {
    id: 'overfitting',
    label: 'Fight overfitting',
    explanation:
      'The model above on 6,000 training images for 20 epochs, measured on 10,000 validation images held out (or the sizes above, when Validation images is set): the training loss keeps falling while the validation loss turns back up. Compare the gap per run.',
    runs: overfittingRuns,
    runName: (_run, index) => OVERFITTING_WAY_NAMES[index] ?? '',
  },
];
