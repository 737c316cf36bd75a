import { useCallback, useMemo } from 'react';
import type { UserDigit } from '../../data/userDigit';
import type { TrainerClient } from '../../page/client';
import type { Snapshot } from '../../page/store';
import { FINE_TUNE_STEPS } from '../../protocol/myDigits';
import { isRunning } from '../components/RunPanel';
import { digitBytes, useTrainingDigits } from './useTrainingDigits';

/**
 * The user's digits for training, kept on the worker (useTrainingDigits), and the Fine-tune panel's
 * props: null while the user has no digits at all.
 */
export function useFineTune(
  client: TrainerClient,
  snapshot: Snapshot,
  digits: readonly UserDigit[],
  canRead: boolean,
) {
  useTrainingDigits(client, digits);
  const tests = useMemo(() => digits.filter((digit) => digit.testOnly), [digits]);
  const onStart = useCallback(() => client.fineTune(digitBytes(tests), FINE_TUNE_STEPS), [client, tests]);
  const onCancel = useCallback(() => client.stop(), [client]);
  if (digits.length === 0) return null;
  return {
    state: snapshot.fineTune,
    canStart:
      canRead && snapshot.phase === 'ready' && !isRunning(snapshot) && snapshot.fineTune?.running !== true,
    trainingDigits: digits.length - tests.length,
    onStart,
    onCancel,
  };
}
