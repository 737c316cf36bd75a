import { useEffect, useState } from 'react';
import type { Snapshot } from '../../page/store';
import { addOpinion, type OpinionPoint } from '../opinion';

const TRAINING: readonly Snapshot['phase'][] = ['training', 'paused', 'stopping'];

/**
 * The drawing's class probabilities at each reading made while a run trains, against the
 * batches seen. A new drawing or a new run starts a new history. NOTE: every answer about the
 * drawing counts, not only the latest asked for: on a slow GPU, answers queue behind training
 * steps and a newer request is often already out when one arrives.
 */
export function useOpinion(
  snapshot: Pick<Snapshot, 'reading' | 'progress' | 'phase' | 'runSettings'>,
  drawing: Float32Array | null,
  isAboutDrawing: (id: number) => boolean,
): OpinionPoint[] {
  const { reading, progress, phase, runSettings } = snapshot;
  const [history, setHistory] = useState<OpinionPoint[]>([]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new drawing or a new run is a new history
  useEffect(() => setHistory([]), [drawing, runSettings]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: one point per new reading, at the progress it came with
  useEffect(() => {
    // NOTE: the answer asked for as the run ends (phase ready, the run's weights final) is its last point.
    const ended = phase === 'ready' && runSettings !== null && progress !== null;
    if (!reading || !drawing || !isAboutDrawing(reading.id) || !(TRAINING.includes(phase) || ended)) return;
    // No progress yet: the run has just begun, and this is the opinion of its starting weights.
    const step = progress ? progress.epoch * progress.batches + progress.batch : 0;
    const point = { step, probabilities: Array.from(reading.probabilities) };
    // After the run, only a history the run began gets its final point; a new drawing has none.
    setHistory((h) => (ended && h.length === 0 ? h : addOpinion(h, point)));
  }, [reading]);

  return history;
}
