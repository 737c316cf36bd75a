import { useEffect, useState } from 'react';
import type { Snapshot } from '../../page/store';
import { addOpinion, type OpinionPoint } from '../opinion';

const TRAINING: readonly Snapshot['phase'][] = ['training', 'paused', 'stopping'];

/**
 * The drawing's class probabilities at each prediction made while a run trains, against the
 * batches seen. A new drawing or a new run starts a new history. NOTE: every answer about the
 * drawing counts, not only the latest asked for: on a slow GPU, answers queue behind training
 * steps and a newer request is often already out when one arrives.
 */
export function useOpinion(
  snapshot: Pick<Snapshot, 'prediction' | 'progress' | 'phase' | 'runSettings'>,
  input: Float32Array | null,
  isAboutDrawing: (id: number) => boolean,
): OpinionPoint[] {
  const { prediction, progress, phase, runSettings } = snapshot;
  const [history, setHistory] = useState<OpinionPoint[]>([]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new drawing or a new run is a new history
  useEffect(() => setHistory([]), [input, runSettings]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: one point per new prediction, at the progress it came with
  useEffect(() => {
    // NOTE: the answer asked for as the run ends (phase ready, the run's weights final) is its last point.
    const ended = phase === 'ready' && runSettings !== null && progress !== null;
    if (!prediction || !input || !isAboutDrawing(prediction.id) || !(TRAINING.includes(phase) || ended))
      return;
    // No progress yet: the run has just begun, and this is the opinion of its starting weights.
    const step = progress ? progress.epoch * progress.batches + progress.batch : 0;
    const point = { step, probabilities: Array.from(prediction.probabilities) };
    // After the run, only a history the run began gets its final point; a new drawing has none.
    setHistory((h) => (ended && h.length === 0 ? h : addOpinion(h, point)));
  }, [prediction]);

  return history;
}
