import { useEffect, useState } from 'react';
import type { Snapshot } from '../../train/store';
import { addOpinion, type OpinionPoint } from '../opinion';

const TRAINING: readonly Snapshot['phase'][] = ['training', 'paused', 'stopping'];

/**
 * The drawing's class probabilities at each prediction made while a run trains, against the
 * batches seen. A new drawing or a new run starts a new history.
 */
export function useOpinion(
  prediction: Snapshot['prediction'],
  snapshot: Pick<Snapshot, 'progress' | 'phase' | 'runSettings'>,
  input: Float32Array | null,
): OpinionPoint[] {
  const { progress, phase, runSettings } = snapshot;
  const [history, setHistory] = useState<OpinionPoint[]>([]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new drawing or a new run is a new history
  useEffect(() => setHistory([]), [input, runSettings]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: one point per new prediction, at the progress it came with
  useEffect(() => {
    if (!prediction || !TRAINING.includes(phase)) return;
    // No progress yet: the run has just begun, and this is the opinion of its starting weights.
    const step = progress ? progress.epoch * progress.batches + progress.batch : 0;
    setHistory((h) => addOpinion(h, { step, probabilities: Array.from(prediction.probabilities) }));
  }, [prediction]);

  return history;
}
