// The current model: the one on the GPU that reads the pad's drawings (a run's, an opened saved
// run's, an imported one), the last checkpoint taken of it, that checkpoint on the CPU while there is
// no GPU, and the verdicts of its last evaluation (the confusion matrix's galleries, evaluator.ts).
// It builds models only to show what was kept (a checkpoint, an imported stack); a run's model is
// the trainer's, handed over to answer as it learns.
import { inputGradients, readOutputWeights } from '../nn/insight';
import type { Sequential } from '../nn/sequential';
import type { Checkpoint, DenseStack, FromWorker } from '../protocol/protocol';
import { DEFAULT_SETTINGS, type Settings } from '../protocol/settings';
import { isFiniteCheckpoint, modelOnCpu, restoreCheckpoint, takeCheckpoint } from './checkpoint';
import { modelFromStack } from './denseStack';
import { exportedModelOf } from './exportedModel';
import type { Verdicts } from './gallery';
import { buildModel } from './model';
import { checkStackFits } from './modelSize';
import type { GpuSession } from './session';

/** How long a failed readback waits for the device loss that probably caused it to be reported. */
export const LOSS_GRACE_MS = 1000;

export class CurrentModel {
  /** The model on the GPU, and whether a run has trained it. */
  model: Sequential | null = null;
  private trained = false;
  /** The model was imported: the checkpoint kept is another model's. */
  private imported = false;
  /** The last weights and optimizer state copied off the GPU. */
  checkpoint: Checkpoint | null = null;
  /** The settings the model answering now was built with; null for an imported one (export says so). */
  private modelSettings: Settings | null = null;
  /** That checkpoint on the CPU: it answers drawings while there is no GPU. */
  private cpu: Sequential | null = null;
  /** The verdicts of the last finished run's last evaluation. */
  verdicts: Verdicts | null = null;
  /** A drawing is being read; the newest request that came meanwhile waits here. */
  private reading = false;
  private waiting: { id: number; drawing: Float32Array; onError: (m: string) => void } | null = null;

  constructor(
    private readonly emit: (message: FromWorker) => void,
    /** The device session now (null before the first; lost ones stay until recovered). */
    private readonly session: () => GpuSession | null,
  ) {}

  /** A new device: the model goes on it, from the last checkpoint if any, else fresh and checkpointed. */
  async onNewDevice(session: GpuSession): Promise<void> {
    const { backend } = session;
    const checkpoint = this.checkpoint;
    const model = buildModel(backend, checkpoint?.settings ?? DEFAULT_SETTINGS);
    if (checkpoint) restoreCheckpoint(backend, model, checkpoint);
    else this.checkpoint = await takeCheckpoint(model, DEFAULT_SETTINGS, 0, false);
    this.model = model;
    this.modelSettings = checkpoint?.settings ?? DEFAULT_SETTINGS;
    this.trained = checkpoint?.trained ?? false;
    this.imported = false;
    this.cpu = null;
  }

  /** Another data set: the model starts over, fresh and untrained, with no verdicts or checkpoint. */
  async startOver(session: GpuSession): Promise<void> {
    this.model?.dispose();
    this.model = null;
    this.checkpoint = null;
    this.verdicts = null;
    await this.onNewDevice(session);
  }

  /** The device is gone: the last checkpoint answers on the CPU. */
  onLost(): void {
    this.cpu = this.checkpoint ? modelOnCpu(this.checkpoint) : null;
  }

  /** A run's fresh model (the trainer built it) is the current one: it reads drawings as it learns. */
  trainedFromScratch(model: Sequential, settings: Settings): void {
    if (this.model !== model) this.model?.dispose();
    this.model = model;
    this.modelSettings = settings;
    this.trained = true;
    this.imported = false;
  }

  /** Epochs the answering model has trained, less one (as a 'confusion' counts); null if not known. */
  epochsTrained(): number | null {
    const epoch = this.checkpoint?.epoch ?? 0;
    return this.imported || !this.trained || epoch === 0 ? null : epoch - 1;
  }

  /** After a failed run: the model goes back to the last checkpoint, so the drawing pad still makes sense. */
  rollBack(session: GpuSession, model: Sequential, settings: Settings): string {
    const checkpoint = this.checkpoint;
    if (checkpoint?.settings !== settings) return '';
    restoreCheckpoint(session.backend, model, checkpoint);
    this.trained = checkpoint.trained;
    return checkpoint.epoch > 0
      ? `The network is back to its weights after epoch ${checkpoint.epoch}.`
      : 'The network is back to its weights from the start of the run.';
  }

  /**
   * A saved run's weights on the GPU (a run to go on from), or on the CPU while the GPU is lost.
   * Throws, having given back what it built and changed nothing, if they do not fit its settings.
   */
  open(checkpoint: Checkpoint): Sequential {
    if (!isFiniteCheckpoint(checkpoint)) throw new Error('its weights are NaN or infinite.');
    const session = this.session();
    if (session && !session.lost) {
      const model = buildModel(session.backend, checkpoint.settings);
      try {
        restoreCheckpoint(session.backend, model, checkpoint);
      } catch (error) {
        model.dispose();
        throw error;
      }
      this.replace(model, checkpoint);
      return model;
    }
    const cpu = modelOnCpu(checkpoint);
    this.checkpoint = checkpoint;
    this.modelSettings = checkpoint.settings;
    this.cpu = cpu;
    return cpu;
  }

  /** A saved run's weights answer drawings, and the page is told. */
  show(checkpoint: Checkpoint, requestId: number): void {
    const model = this.open(checkpoint);
    const { settings, epoch } = checkpoint;
    this.emit({ type: 'loaded', settings, parameterCount: model.parameterCount, epoch, requestId });
  }

  /** An imported model (no settings, no optimizer state): it answers, but is not resumable. */
  import(session: GpuSession, stack: DenseStack, refuse: (message: string) => void): void {
    // Checked before anything is allocated, as typed settings are.
    const tooLarge = checkStackFits(stack.weights, session.device.limits);
    if (tooLarge) {
      refuse(tooLarge);
      return;
    }
    let model: Sequential;
    try {
      model = modelFromStack(session.backend, stack);
    } catch (error) {
      refuse(`The imported model could not be built: ${(error as Error).message}`);
      return;
    }
    this.replace(model, null);
    this.imported = true;
    this.emit({ type: 'loaded', settings: null, parameterCount: model.parameterCount, epoch: 0 });
  }

  private replace(model: Sequential, checkpoint: Checkpoint | null): void {
    if (this.model !== model) this.model?.dispose();
    this.model = model;
    this.trained = true;
    this.imported = false;
    // NOTE: an imported model keeps the previous checkpoint for device loss: there is none of its own.
    if (checkpoint) this.checkpoint = checkpoint;
    this.modelSettings = checkpoint?.settings ?? null;
    this.cpu = null;
    // The last evaluation's verdicts were another model's: no gallery until this one is evaluated.
    this.verdicts = null;
  }

  /**
   * One reading at a time, the newest waiting one next: a stroke asks several times and the page
   * shows only the reading of its latest request, so a superseded one is dropped. Reading one at a
   * time also bounds the buffers that readings hold at once, and makes the memory each reading
   * reports the same for the same drawing size.
   */
  async read(id: number, drawing: Float32Array, onError: (message: string) => void): Promise<void> {
    if (this.reading) {
      this.waiting = { id, drawing, onError };
      return;
    }
    this.reading = true;
    try {
      await this.readNow(id, drawing, onError);
    } finally {
      this.reading = false;
    }
    const next = this.waiting;
    this.waiting = null;
    if (next) await this.read(next.id, next.drawing, next.onError);
  }

  /** The reading of a drawing, always with its explanation: the saliency and the layers' activations. */
  private async readNow(
    id: number,
    drawing: Float32Array,
    onError: (message: string) => void,
  ): Promise<void> {
    const session = this.session();
    const onGpu = !!session && !session.lost && this.model !== null;
    const model = onGpu ? this.model : this.cpu;
    if (!model) return;
    try {
      // NOTE: the kernel's copy is queued after the reading's work, so both see the same weights.
      const explained = inputGradients(model, drawing);
      const output = readOutputWeights(model);
      const [{ probabilities, gradients, activations }, outgoing] = await Promise.all([
        explained,
        output?.weights ?? null,
      ]);
      this.emit({
        type: 'reading',
        id,
        probabilities,
        saliency: gradients,
        activations,
        outgoing,
        trained: onGpu ? this.trained : (this.checkpoint?.trained ?? false),
        on: onGpu ? 'gpu' : 'cpu',
        memory: onGpu && session ? session.memory() : null,
      });
    } catch (error) {
      // The device went away under this reading: the checkpoint reads it on the CPU.
      if (onGpu && session && (await session.lostWithin(LOSS_GRACE_MS)))
        return this.readNow(id, drawing, onError);
      onError(`Reading the drawing failed: ${(error as Error).message}`);
    }
  }

  /** The model answering drawings now: on the GPU, or its checkpoint on the CPU while there is none. */
  modelNow(): Sequential | null {
    const session = this.session();
    return session && !session.lost ? this.model : this.cpu;
  }

  /** The model answering drawings, as layers and weights (for the downloads). */
  async export(id: number): Promise<void> {
    const session = this.session();
    const model = session && !session.lost ? this.model : this.cpu;
    if (!model) {
      this.emit({ type: 'exported', id, model: null, error: 'There is no model to export yet.' });
      return;
    }
    try {
      this.emit({ type: 'exported', id, model: await exportedModelOf(model, this.modelSettings) });
    } catch (error) {
      this.emit({ type: 'exported', id, model: null, error: (error as Error).message });
    }
  }
}
