// The test set's views of the model that answers drawings, outside the runs that evaluate it at each
// epoch: an evaluation with its confusion matrix and unit tiles (an imported model, an opened saved
// run), the images behind a confusion-matrix cell, and single test images for the drawing pad.
import { type LabelledImages, PIXELS } from '../data/mnist';
import { evaluateInDetail, readFirstLayerWeights } from '../nn/insight';
import type { FromWorker, GalleryQuery } from '../protocol/protocol';
import type { CurrentModel } from './currentModel';
import { readDigits } from './digitReader';
import { selectGallery, type Verdicts } from './gallery';
import { EVAL_BATCH } from './model';
import type { GpuSession } from './session';

/** Images per gallery: enough to see a pattern; a gallery's 784-byte images are sent on request. */
const GALLERY_LIMIT = 48;

/** What the evaluator needs of the trainer now. */
export interface TestContext {
  /** The device session, null while there is none or it is lost. */
  session: GpuSession | null;
  /** The test images on the CPU, null until the data is loaded. */
  test: LabelledImages | null;
  /** The run going on, if any (its verdicts, once it has evaluated an epoch, feed the galleries). */
  run: { verdicts: Verdicts | null } | null;
  /** The learning-rate finder or a recovery has the device. */
  busy: boolean;
}

export class Evaluator {
  private evaluating = false;

  constructor(
    private readonly emit: (message: FromWorker) => void,
    private readonly current: CurrentModel,
    private readonly context: () => TestContext,
  ) {}

  /** The user's test digits read by the model answering drawings (digitReader.ts). */
  readDigits(id: number, pixels: Float32Array): Promise<void> {
    return readDigits(this.current.modelNow(), id, pixels, this.emit);
  }

  /** The answering model on every test image; refused, and said why, when that cannot be done now. */
  async evaluate(requestId: number): Promise<void> {
    const refuse = (message: string) => this.emit({ type: 'evaluationFailed', requestId, message });
    const { session, test, run, busy } = this.context();
    const model = this.current.model;
    if (run) return refuse('The model cannot be evaluated while a run is going on.');
    if (busy) return refuse('The GPU is busy (the learning-rate finder, or a recovery): try again after.');
    if (this.evaluating) return refuse('An evaluation is already going on.');
    if (!session) return refuse('The GPU is not available: evaluating needs it. Reconnect first.');
    if (!test || !session.test) return refuse('The test images are not loaded yet.');
    if (!model) return refuse('There is no model to evaluate yet.');
    const total = session.test.count;
    this.evaluating = true;
    try {
      this.emit({ type: 'evaluationProgress', requestId, done: 0, total });
      const detail = await evaluateInDetail(model, session.test, {
        batchSize: EVAL_BATCH,
        onProgress: (done) => this.emit({ type: 'evaluationProgress', requestId, done, total }),
      });
      const first = readFirstLayerWeights(model);
      const weights = first ? await first.weights : null;
      // NOTE: a model replaced meanwhile (a run started, another opened) has its own views now.
      if (this.current.model !== model) return refuse('Another model now answers: evaluate it again.');
      const { classes, matrix, predicted, probabilities } = detail;
      this.current.verdicts = { classes, labels: test.labels, predicted, probabilities };
      this.emit({
        type: 'evaluated',
        requestId,
        test: { loss: detail.loss, accuracy: detail.accuracy },
        confusion: { epoch: this.current.epochsTrained(), classes, matrix },
        units: { inputs: first?.inputs ?? 0, units: first?.units ?? 0, weights },
      });
    } catch (error) {
      refuse(`The evaluation failed: ${(error as Error).message}`);
    } finally {
      this.evaluating = false;
    }
  }

  /** The test images a gallery asks for, with their pixels (nothing if there is no evaluation yet). */
  gallery(id: number, query: GalleryQuery): void {
    const { test, run } = this.context();
    const verdicts = run?.verdicts ?? this.current.verdicts;
    if (!verdicts || !test) return;
    const { total, items } = selectGallery(verdicts, query, GALLERY_LIMIT);
    const pixels = new Uint8Array(items.length * PIXELS);
    items.forEach((item, k) => {
      pixels.set(test.pixels.subarray(item.index * PIXELS, (item.index + 1) * PIXELS), k * PIXELS);
    });
    this.emit({ type: 'gallery', id, query, total, items, pixels });
  }

  /** A test image chosen at random, for the pad (nothing before the data is loaded: the page waits for it). */
  testImage(id: number): void {
    const { test } = this.context();
    if (!test || test.count === 0) return;
    const index = Math.floor(Math.random() * test.count);
    // A copy: the message hands its buffer over to the page.
    const pixels = test.pixels.slice(index * PIXELS, (index + 1) * PIXELS);
    this.emit({ type: 'testImage', id, index, label: test.labels[index], pixels });
  }
}
