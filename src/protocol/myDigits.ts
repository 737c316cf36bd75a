// The messages of training on the user's digits ("Train on my digits too" and Fine-tune): the page
// sends the digits kept for training whenever they change, and asks for fine-tunes of the model
// that answers the pad. src/nn/mixedOrder.ts says how they are mixed into MNIST's batches.

/** Steps of a fine-tune: a few hundred, about half an epoch of MNIST at batch 128. */
export const FINE_TUNE_STEPS = 300;

/** Images as 784 bytes each (0 background, 255 full ink) and their labels, 0..9. */
export interface DigitBytes {
  pixels: Uint8Array;
  labels: Uint8Array;
}

/** Page -> worker: the user's digits kept for training (not those for testing), all of them. */
export interface TrainingDigits extends DigitBytes {
  type: 'trainingDigits';
}

/**
 * Page -> worker: fine-tune the model answering the pad for `steps` batches of MNIST with the
 * training digits mixed in; `test` (the digits kept for testing) is read before and after. 'stop'
 * cancels it. Answered by 'fineTuneProgress' as it goes and 'fineTuned' at the end.
 */
export interface FineTuneRequest {
  type: 'fineTune';
  requestId: number;
  steps: number;
  test: DigitBytes;
}

/** A model's two scores: its reading of the test digits, and its MNIST test accuracy. */
export interface FineTuneScores {
  digitsCorrect: number;
  digitsTotal: number;
  mnistAccuracy: number;
}

export type FineTuneReport =
  | { type: 'fineTuneProgress'; requestId: number; step: number; steps: number }
  | {
      type: 'fineTuned';
      requestId: number;
      /** Null when it was refused before anything was measured. */
      before: FineTuneScores | null;
      /** Null when it was cancelled or failed: the model answering the pad is then the one before. */
      after: FineTuneScores | null;
      cancelled: boolean;
      error: string | null;
    };
