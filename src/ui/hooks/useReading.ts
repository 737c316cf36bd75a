import { useCallback, useEffect, useRef, useState } from 'react';
import type { TrainerClient } from '../../page/client';
import type { Phase, Snapshot } from '../../page/store';

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
 * The drawing (as the network's 784 inputs) and the network's reading of it. Only the reading of the
 * latest request is shown: an older one describes a drawing, or a model, that is already gone.
 */
export function useReading(client: TrainerClient, snapshot: Snapshot) {
  const { phase, progress, reading } = snapshot;
  const canRead = snapshot.adapter !== null && HAS_MODEL.includes(phase);
  const [drawing, setDrawingNow] = useState<Float32Array | null>(null);
  const [shown, setShown] = useState<Snapshot['reading']>(null);
  const latestId = useRef(0);
  const lastRequest = useRef(0);
  /** The first request made for the current drawing: answers from it on are about this drawing. */
  const drawingFrom = useRef(Number.POSITIVE_INFINITY);

  const request = useCallback(
    (drawing: Float32Array) => {
      latestId.current = client.read(drawing);
      lastRequest.current = performance.now();
      drawingFrom.current = Math.min(drawingFrom.current, latestId.current);
    },
    [client],
  );

  /** Whether an answer is about the current drawing (though maybe not the latest asked for). */
  const isAboutDrawing = useCallback((id: number) => id >= drawingFrom.current, []);

  const setDrawing = useCallback((drawing: Float32Array | null) => {
    drawingFrom.current = Number.POSITIVE_INFINITY;
    setDrawingNow(drawing);
    if (drawing) return;
    latestId.current = 0; // ids start at 1: no answer in flight will match
    setShown(null);
  }, []);

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

  useEffect(() => {
    if (reading && reading.id === latestId.current) setShown(reading);
  }, [reading]);

  // Another model now answers (a saved run opened, a model imported): the drawing is read again at once.
  const drawingRef = useRef(drawing);
  drawingRef.current = drawing;
  useEffect(
    () =>
      client.onMessage((message) => {
        if (message.type === 'loaded' && drawingRef.current) request(drawingRef.current);
      }),
    [client, request],
  );

  return { drawing, reading: drawing ? shown : null, setDrawing, canRead, isAboutDrawing };
}
