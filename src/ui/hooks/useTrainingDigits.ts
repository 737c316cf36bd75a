import { useEffect, useMemo } from 'react';
import { PIXELS } from '../../data/mnist';
import type { UserDigit } from '../../data/userDigit';
import type { TrainerClient } from '../../page/client';
import type { DigitBytes } from '../../protocol/myDigits';

/** The digits' images and labels as the worker takes them. */
export function digitBytes(digits: readonly UserDigit[]): DigitBytes {
  const pixels = new Uint8Array(digits.length * PIXELS);
  for (const [i, digit] of digits.entries()) pixels.set(digit.pixels, i * PIXELS);
  return { pixels, labels: Uint8Array.from(digits, (digit) => digit.label) };
}

/**
 * Sends the user's digits kept for training to the worker whenever they change (a new one, one
 * deleted, relabelled or moved to testing), so that "my digits too" and fine-tunes use them all.
 */
export function useTrainingDigits(client: TrainerClient, digits: readonly UserDigit[]): void {
  const training = useMemo(() => digits.filter((digit) => !digit.testOnly), [digits]);
  const key = training.map((digit) => `${digit.id}:${digit.label}`).join(' ');
  // biome-ignore lint/correctness/useExhaustiveDependencies: key stands for the training digits and their labels
  useEffect(() => {
    client.trainingDigits(digitBytes(training));
  }, [client, key]);
}
