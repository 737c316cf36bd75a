import { useCallback, useEffect, useState } from 'react';
import type { Snapshot } from '../../page/store';
import { isRunning } from '../components/RunPanel';
import { type GuideStep, guideStep, readGuideSeen, writeGuide } from '../guide';

const storage = () => (typeof localStorage === 'undefined' ? null : localStorage);

/** The first-run guide's state: shown or not (remembered), and the step to point at. */
export function useGuide(snapshot: Snapshot, drawing: Float32Array | null) {
  const [shown, setShown] = useState(() => !readGuideSeen(storage()));
  const running = isRunning(snapshot);
  const ranOnce = snapshot.runSettings !== null && snapshot.curve.length > 0;
  // A drawing made after the run ended completes step 3; one made before it does not.
  const [drawingAtEnd, setDrawingAtEnd] = useState<Float32Array | null | undefined>(undefined);
  const ended = ranOnce && !running;
  useEffect(() => {
    if (!ended) setDrawingAtEnd(undefined);
    else setDrawingAtEnd((at) => (at === undefined ? drawing : at));
  }, [ended, drawing]);
  const drewAfterRun = ended && drawingAtEnd !== undefined && drawing !== null && drawing !== drawingAtEnd;
  const step: GuideStep = guideStep({ running, ranOnce, drewAfterRun });
  useEffect(() => {
    if (step === 'done' && shown) writeGuide(storage(), 'done');
  }, [step, shown]);
  const dismiss = useCallback(() => {
    setShown(false);
    writeGuide(storage(), 'hidden');
  }, []);
  const reopen = useCallback(() => {
    setShown(true);
    writeGuide(storage(), 'open');
  }, []);
  return { shown, step, dismiss, reopen };
}
