import { useCallback, useEffect, useRef, useState } from 'react';
import type { TrainerClient } from '../../page/client';
import { isAboutDrawing, type Phase, type Snapshot } from '../../page/store';

/** While training, the drawing is read again as metrics arrive, at most this often. */
const REREAD_MS = 1000;
/** Phases in which the worker has a model to ask, once it has a device: on the GPU, or on the CPU when lost. */
const HAS_MODEL: readonly Phase[] = [
  'loading',
  'noData',
  'ready',
  'training',
  'paused',
  'stopping',
  'lost',
  'recovering',
];

/**
 * The drawing (as the network's 784 inputs) and the network's reading of it. The page matches the
 * readings to the requests (store/pad.ts): only the latest request's is shown, an older one
 * describes a drawing, or a model, that is already gone. This hook says when to read again.
 */
export function useReading(client: TrainerClient, snapshot: Snapshot) {
  const { phase, progress, arrived } = snapshot;
  const canRead = snapshot.adapter !== null && HAS_MODEL.includes(phase);
  const [drawing, setDrawingNow] = useState<Float32Array | null>(null);
  const lastRequest = useRef(0);

  const request = useCallback(
    (drawing: Float32Array) => {
      client.read(drawing);
      lastRequest.current = performance.now();
    },
    [client],
  );

  const setDrawing = useCallback(
    (drawing: Float32Array | null) => {
      client.newDrawing(drawing);
      setDrawingNow(drawing);
    },
    [client],
  );

  // A new drawing, a model becoming available, or a run starting or ending: read it again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new phase may mean a new model (a run began or ended, the GPU was lost or is back)
  useEffect(() => {
    if (drawing && canRead) request(drawing);
  }, [drawing, canRead, phase, request]);

  // New batch metrics: the weights have moved, so the guess may have too.
  useEffect(() => {
    if (!progress || !drawing || performance.now() - lastRequest.current < REREAD_MS) return;
    request(drawing);
  }, [progress, drawing, request]);

  // Another model now answers (a saved run opened, a model imported): the drawing is read again at once.
  const drawingRef = useRef(drawing);
  drawingRef.current = drawing;
  useEffect(() => {
    if (arrived?.how === 'loaded' && drawingRef.current) request(drawingRef.current);
  }, [arrived, request]);

  return {
    drawing,
    reading: drawing ? snapshot.shownReading : null,
    setDrawing,
    canRead,
    /** Whether a reading is about the current drawing (though maybe not the latest asked for). */
    isAboutDrawing: (id: number) => isAboutDrawing(snapshot, id),
  };
}
