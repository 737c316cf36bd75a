// A stand-in for the worker's client: it records the commands the keeper sends, and the test plays
// the worker's answers. The page's own store is not involved: the keeper must not need it.
import type { KeeperClient } from '../../src/page/keeper';
import type { RunHistory } from '../../src/page/store';
import type { Checkpoint, DenseStack, FromWorker } from '../../src/protocol/protocol';
import { DEFAULT_SETTINGS, type Settings } from '../../src/protocol/settings';

type Sent =
  | { type: 'open' | 'continue'; checkpoint: Checkpoint; history: RunHistory; requestId: number }
  | { type: 'import'; stack: DenseStack };

export class FakeClient implements KeeperClient {
  readonly sent: Sent[] = [];
  private readonly listeners = new Set<(message: FromWorker) => void>();
  private nextRequestId = 1;

  onMessage(listener: (message: FromWorker) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  open(checkpoint: Checkpoint, history: RunHistory): number {
    const requestId = this.nextRequestId++;
    this.sent.push({ type: 'open', checkpoint, history, requestId });
    return requestId;
  }

  continue(checkpoint: Checkpoint, history: RunHistory): number {
    const requestId = this.nextRequestId++;
    this.sent.push({ type: 'continue', checkpoint, history, requestId });
    return requestId;
  }

  importModel(stack: DenseStack): void {
    this.sent.push({ type: 'import', stack });
  }

  /** The worker says something. */
  emit(message: FromWorker): void {
    for (const listener of this.listeners) listener(message);
  }

  /** The last Open or Resume sent. */
  lastRequest(): Extract<Sent, { requestId: number }> {
    const request = this.sent.findLast((s) => 'requestId' in s);
    if (!request || !('requestId' in request)) throw new Error('nothing was opened or resumed');
    return request;
  }
}

/** 10 batches an epoch, 3 epochs, 2x2 weights: small enough to write many of. */
export const SETTINGS: Settings = { ...DEFAULT_SETTINGS, epochs: 3, batchSize: 100, train: 1000 };
export const SHAPES = [[2, 2]];
const MEMORY = { bytesInUse: 0, bytesOwned: 0, uniformBuffers: 0, uniformBytes: 0 };
const progress = (epoch: number, batch: number) => ({
  epoch,
  epochs: 3,
  batch,
  batches: 10,
  imagesPerSecond: 1,
  secondsLeft: null,
});

/**
 * What the worker says while a run trains `epoch` (from 1) with a loss of `loss` and the test loss
 * `testLoss`: two batch reports, the epoch's checkpoint (weights all `epoch`), then the epoch.
 */
export function epochOf(epoch: number, loss: number, testLoss: number): FromWorker[] {
  const batch = (b: number): FromWorker => ({
    type: 'batch',
    logs: {
      epoch: epoch - 1,
      batch: b,
      batches: 10,
      loss,
      accuracy: 0.5,
      epochLoss: loss,
      epochAccuracy: 0.5,
    },
    progress: progress(epoch - 1, b),
    memory: MEMORY,
  });
  const checkpoint: Checkpoint = {
    settings: SETTINGS,
    epoch,
    trained: true,
    weights: [new Float32Array(4).fill(epoch)],
    optimizerState: [[new Float32Array(4).fill(epoch / 10)]],
    iterations: epoch * 10,
    rateChanges: [],
  };
  return [
    batch(5),
    batch(10),
    { type: 'checkpoint', checkpoint, shapes: SHAPES },
    {
      type: 'epoch',
      logs: { epoch: epoch - 1, loss, accuracy: 0.5, seconds: 1 },
      test: { loss: testLoss, accuracy: 1 - testLoss / 10 },
      progress: progress(epoch, 0),
      memory: MEMORY,
    },
  ];
}
