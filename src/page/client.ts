// The page's side of the training worker: sends commands, keeps the latest snapshot, notifies.

import type { BrowseQuery } from '../protocol/browse';
import type { DatasetUpload } from '../protocol/dataset';
import type { DigitBytes } from '../protocol/myDigits';
import type {
  Checkpoint,
  DenseStack,
  ExportedModel,
  FromWorker,
  GalleryQuery,
  ToWorker,
} from '../protocol/protocol';
import type { Settings } from '../protocol/settings';
import type { SpeedrunRequest } from '../protocol/speedrun';
import type { RunCommands } from './commands';
import { initialSnapshot, type PageEvent, type RunHistory, reduce, type Snapshot } from './store';

/** Batch reports redraw the page at most this often. */
const BATCH_REDRAW_MS = 500;

export class TrainerClient {
  private snapshot: Snapshot = initialSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly worker: Worker;
  private nextReadingId = 1;
  private nextGalleryId = 1;
  private nextTestImageId = 1;
  private pendingNotify: ReturnType<typeof setTimeout> | undefined;
  private lastNotify = 0;
  /** Told of every message after the snapshot took it in (the keeper autosaves from these). */
  private readonly messageListeners = new Set<(message: FromWorker) => void>();
  private readonly exports = new Map<number, (model: ExportedModel | null, error?: string) => void>();
  private nextExportId = 1;
  private nextRequestId = 1;
  /** An opened saved run is evaluated by itself, once the data and the device are free ('ready'). */
  private evaluateWhenReady = false;
  /** Saved runs' charts waiting for the worker's answer: shown with it, never before (it may refuse). */
  private readonly savedCharts = new Map<number, { settings: Settings; history: RunHistory }>();

  constructor(dataUrl: string) {
    this.worker = new Worker(new URL('../worker/main.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (event: MessageEvent<FromWorker>) => this.apply(event.data);
    this.worker.onerror = (event) => {
      this.apply({
        type: 'error',
        kind: 'training',
        message: `The training worker crashed: ${event.message || 'unknown error'}`,
        fatal: true,
      });
    };
    this.send({ type: 'init', dataUrl });
  }

  private apply(message: FromWorker): void {
    const requestId = 'requestId' in message ? message.requestId : undefined;
    const saved = requestId === undefined ? undefined : this.savedCharts.get(requestId);
    if (saved && (message.type === 'loaded' || message.type === 'continued' || message.type === 'refused')) {
      this.savedCharts.delete(requestId as number);
      if (message.type !== 'refused') this.snapshot = reduce(this.snapshot, { type: 'page:saved', ...saved });
    }
    this.snapshot = reduce(this.snapshot, message);
    if (message.type === 'exported') {
      this.exports.get(message.id)?.(message.model, message.error);
      this.exports.delete(message.id);
    }
    for (const listener of this.messageListeners) listener(message);
    this.evaluateOpenedRun(message);
    // Batch reports can come every few milliseconds on a fast GPU; the charts need not redraw that
    // often, and the page stays responsive if they do not. Everything else is shown at once.
    if (message.type === 'batch') this.notifySoon();
    else this.notify();
  }

  /**
   * An opened saved run waits for its evaluation (its confusion matrix and unit tiles come back with
   * it); opened before the data was there, or while the GPU was away, it is evaluated once it is ready.
   */
  private evaluateOpenedRun(message: FromWorker): void {
    if (message.type === 'loaded') this.evaluateWhenReady = message.settings !== null;
    else if (message.type === 'started' || message.type === 'continued') this.evaluateWhenReady = false;
    if (this.evaluateWhenReady && this.snapshot.phase === 'ready') {
      this.evaluateWhenReady = false;
      this.evaluate();
    }
  }

  /** The page's own transitions (store/events.ts): shown at once, and not told to the keeper. */
  private update(event: PageEvent): void {
    const next = reduce(this.snapshot, event);
    if (next === this.snapshot) return;
    this.snapshot = next;
    this.notify();
  }

  private notifySoon(): void {
    if (this.pendingNotify !== undefined) return;
    const wait = Math.max(0, BATCH_REDRAW_MS - (performance.now() - this.lastNotify));
    this.pendingNotify = setTimeout(() => this.notify(), wait);
  }

  private notify(): void {
    clearTimeout(this.pendingNotify);
    this.pendingNotify = undefined;
    this.lastNotify = performance.now();
    for (const listener of this.listeners) listener();
  }

  private send(message: ToWorker, transfer: Transferable[] = []): void {
    this.worker.postMessage(message, transfer);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): Snapshot => this.snapshot;

  /** The run's controls, bound, for the components: one object instead of a callback each. */
  readonly commands: RunCommands = {
    pause: () => this.pause(),
    resume: () => this.resume(),
    step: () => this.step(),
    stop: () => this.stop(),
    recover: () => this.recover(),
    setLearningRate: (learningRate) => this.setLearningRate(learningRate),
  };

  train(settings: Settings): void {
    this.send({ type: 'train', settings });
  }
  /** The learning-rate finder, with the settings on screen; stop() ends it early. */
  findRate(settings: Settings): void {
    this.update({ type: 'page:findRate' });
    this.send({ type: 'findRate', settings });
  }
  /** The Speedrun preset (protocol/speedrun.ts); its progress is the snapshot's `speedrun`. */
  speedrun(request: SpeedrunRequest): void {
    this.update({ type: 'page:speedrun' });
    this.send(request);
  }
  /** Ends the speedrun at its next evaluation (a miss); no run state changes on the page. */
  stopSpeedrun(): void {
    this.send({ type: 'stop' });
  }
  /** The run going on trains at `learningRate` from its next batch. */
  setLearningRate(learningRate: number): void {
    this.send({ type: 'setLearningRate', learningRate });
  }
  /**
   * A paused run trains one batch and stays paused; its findings come back as the snapshot's `step`.
   * NOTE: one at a time: Step stays enabled while its answer is on the way (focus stays on it), so
   * a second click is dropped here rather than refused by the worker.
   */
  step(): void {
    if (this.snapshot.step?.pending) return;
    const requestId = this.nextRequestId++;
    this.update({ type: 'page:step', requestId });
    this.send({ type: 'step', requestId });
  }
  pause(): void {
    this.send({ type: 'pause' });
  }
  resume(): void {
    this.send({ type: 'resume' });
  }
  /** After the device was lost: a new device, and the run (if any) goes on from its last checkpoint. */
  recover(): void {
    this.send({ type: 'recover' });
  }
  retryData(): void {
    this.send({ type: 'retryData' });
  }
  stop(): void {
    this.update({ type: 'page:stop' });
    this.send({ type: 'stop' });
  }
  /** Asks for the drawing's reading (always with its explanation); the store shows the latest one's. */
  read(drawing: Float32Array): void {
    const id = this.nextReadingId++;
    this.update({ type: 'page:read', id });
    this.send({ type: 'read', id, drawing });
  }
  /** A new drawing on the pad, or none: readings asked for before are of another drawing. */
  newDrawing(drawing: Float32Array | null): void {
    this.update({ type: 'page:drawing', cleared: drawing === null });
  }
  /** Asks what the model answering drawings reads in each image (784 inputs each); the snapshot's `digitsRead` answers this id. */
  readDigits(pixels: Float32Array): number {
    const id = this.nextReadingId++;
    this.update({ type: 'page:readDigits', id });
    this.send({ type: 'readDigits', id, pixels });
    return id;
  }
  /** The user's digits kept for training (784 bytes each), for "my digits too" and fine-tunes. */
  trainingDigits(digits: DigitBytes): void {
    this.send({ type: 'trainingDigits', ...digits });
  }
  /** Fine-tunes the answering model on MNIST and the training digits; the snapshot's `fineTune` follows it. */
  fineTune(test: DigitBytes, steps: number): number {
    const requestId = this.nextReadingId++;
    this.update({ type: 'page:fineTune', requestId, steps });
    this.send({ type: 'fineTune', requestId, steps, test });
    return requestId;
  }
  /** Asks for the test images behind a confusion-matrix cell, or every mistake; returns the reply's id. */
  gallery(query: GalleryQuery): number {
    const id = this.nextGalleryId++;
    this.send({ type: 'gallery', id, query });
    return id;
  }

  /** Asks for a page of the training or test images; the 'browsed' message with this id answers. */
  browse(query: BrowseQuery): number {
    const id = this.nextGalleryId++;
    this.update({ type: 'page:browse', id });
    this.send({ type: 'browse', id, ...query });
    return id;
  }

  /** The answering model on the test set, in the worker; returns the id its answers carry. */
  evaluate(): number {
    this.evaluateWhenReady = false;
    const requestId = this.nextRequestId++;
    this.update({ type: 'page:evaluate', requestId });
    this.send({ type: 'evaluate', requestId });
    return requestId;
  }
  /** Asks for a random test image for the pad; the store puts the answer to the latest ask there. */
  testImage(): void {
    const id = this.nextTestImageId++;
    this.update({ type: 'page:testImage', id });
    this.send({ type: 'testImage', id });
  }
  /** A test image (from a gallery) goes on the pad. */
  showOnPad(pixels: Uint8Array, caption: string): void {
    this.update({ type: 'page:padImage', pixels, caption });
  }

  onMessage(listener: (message: FromWorker) => void): () => void {
    this.messageListeners.add(listener);
    return () => this.messageListeners.delete(listener);
  }

  /**
   * A saved run: its weights answer drawings, and its charts are shown, once the worker has them.
   * Returns the id its answer ('loaded' or 'refused') carries.
   */
  open(checkpoint: Checkpoint, history: RunHistory): number {
    const requestId = this.nextRequestId++;
    this.savedCharts.set(requestId, { settings: checkpoint.settings, history });
    this.send({ type: 'open', checkpoint, requestId });
    return requestId;
  }

  /** A saved run goes on training from its checkpoint; the id comes back on 'continued' or 'refused'. */
  continue(checkpoint: Checkpoint, history: RunHistory): number {
    const requestId = this.nextRequestId++;
    this.savedCharts.set(requestId, { settings: checkpoint.settings, history });
    this.send({ type: 'continue', checkpoint, requestId });
    return requestId;
  }

  /**
   * Another data set, checked already (page/datasetForm.ts), or MNIST again (null); the snapshot's
   * `dataset` changes once the worker has it on the device. Returns the request's id.
   */
  changeDataset(dataset: DatasetUpload | null): number {
    const requestId = this.nextRequestId++;
    this.update({ type: 'page:useDataset', requestId });
    this.send({ type: 'useDataset', requestId, dataset });
    return requestId;
  }

  /** The stack's weights are handed to the worker (transferred, not copied): the caller must not keep them. */
  importModel(stack: DenseStack): void {
    const buffers = new Set(stack.weights.map((w) => w.buffer as ArrayBuffer));
    this.send({ type: 'import', stack }, [...buffers]);
  }

  /** The current model's layers and weights, and the settings that trained it. */
  exportModel(): Promise<ExportedModel> {
    const id = this.nextExportId++;
    return new Promise((resolve, reject) => {
      this.exports.set(id, (model, error) => (model ? resolve(model) : reject(new Error(error))));
      this.send({ type: 'export', id });
    });
  }

  dispose(): void {
    this.worker.terminate();
  }
}
