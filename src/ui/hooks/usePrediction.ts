import { useCallback, useEffect, useRef, useState } from 'react';
import type { TrainerClient } from '../../page/client';
import type { Phase, Snapshot } from '../../page/store';

/** While training, the drawing is re-classified as metrics arrive, at most this often. */
const REPREDICT_MS = 1000;
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
 * The drawing (as the network's 784 inputs) and the network's answer for it. Only the answer to the
 * latest request is shown: an older one describes a drawing, or a model, that is already gone.
 */
export function usePrediction(client: TrainerClient, snapshot: Snapshot) {
  const { phase, progress, prediction } = snapshot;
  const canPredict = snapshot.adapter !== null && HAS_MODEL.includes(phase);
  const [input, setInput] = useState<Float32Array | null>(null);
  const [shown, setShown] = useState<Snapshot['prediction']>(null);
  const latestId = useRef(0);
  const lastRequest = useRef(0);
  /** The first request made for the current drawing: answers from it on are about this drawing. */
  const drawingFrom = useRef(Number.POSITIVE_INFINITY);

  const request = useCallback(
    (pixels: Float32Array) => {
      latestId.current = client.predict(pixels);
      lastRequest.current = performance.now();
      drawingFrom.current = Math.min(drawingFrom.current, latestId.current);
    },
    [client],
  );

  /** Whether an answer is about the current drawing (though maybe not the latest asked for). */
  const isAboutDrawing = useCallback((id: number) => id >= drawingFrom.current, []);

  const setDrawing = useCallback((pixels: Float32Array | null) => {
    drawingFrom.current = Number.POSITIVE_INFINITY;
    setInput(pixels);
    if (pixels) return;
    latestId.current = 0; // ids start at 1: no answer in flight will match
    setShown(null);
  }, []);

  // A new drawing, a model becoming available, or a run starting or ending: ask again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new phase may mean a new model (a run began or ended, the GPU was lost or is back)
  useEffect(() => {
    if (input && canPredict) request(input);
  }, [input, canPredict, phase, request]);

  // New batch metrics: the weights have moved, so the guess may have too.
  useEffect(() => {
    if (!progress || !input || performance.now() - lastRequest.current < REPREDICT_MS) return;
    request(input);
  }, [progress, input, request]);

  useEffect(() => {
    if (prediction && prediction.id === latestId.current) setShown(prediction);
  }, [prediction]);

  // Another model now answers (a saved run opened, a model imported): the drawing is read again at once.
  const inputRef = useRef(input);
  inputRef.current = input;
  useEffect(
    () =>
      client.onMessage((message) => {
        if (message.type === 'loaded' && inputRef.current) request(inputRef.current);
      }),
    [client, request],
  );

  return { input, prediction: input ? shown : null, setDrawing, canPredict, isAboutDrawing };
}
