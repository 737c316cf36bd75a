// One training run: its settings, its model and images on the device, pause and stop, and the fit
// loop with its reports, checkpoints and GPU error checks. What an ending means (done, rolled back,
// lost and resumable) is the trainer's to decide.
import type { Mnist } from '../data/mnist';
import { splitTraining } from '../data/validationSplit';
import type { DeviceDataset } from '../nn/dataset';
import { readFirstLayerWeights } from '../nn/insight';
import type { LabelledBytes } from '../nn/mixedDataset';
import type { Evaluation, FitHold, Sequential } from '../nn/sequential';
import { learningRateError } from '../protocol/optimizers';
import type { Checkpoint, FromWorker, RateChange, RunCommand, RunHold } from '../protocol/protocol';
import type { Settings } from '../protocol/settings';
import { takeCheckpoint } from './checkpoint';
import type { Verdicts } from './gallery';
import { HeldOut, type ResumedFrom } from './heldOut';
import { PauseGate } from './pauseGate';
import { RunClock } from './runClock';
import { clockPlan, RunEvaluations } from './runEvaluations';
import { divergedIn, GpuRunError, takeFiniteCheckpoint } from './runFailures';
import { runImages } from './runImages';
import type { GpuSession } from './session';
import { type InspectedStep, inspectStep } from './stepInspector';
import { UnitsReader } from './unitsReader';

/** Metrics are read back every this many batches, with the divergence flag and any GPU error. */
const LOG_EVERY = 5;

export class Run {
  /** The model and this run's images on the device; null until set up, and after a device loss. */
  model: Sequential | null = null;
  data: DeviceDataset | null = null;
  /** fit() is going on. */
  active = false;
  /** The device was lost mid-run: the trainer's recover() continues from the last checkpoint. */
  interrupted = false;
  stopRequested = false;
  /** Training seconds so far (a run lost and recovered has two stretches). */
  seconds = 0;
  test: Evaluation | null = null;
  /** Every test image's verdict from the last evaluation (the confusion matrix's galleries). */
  verdicts: Verdicts | null = null;
  /** Learning-rate changes made during the run (a resumed run's from before, too), in order of step. */
  rateChanges: RateChange[] = [];
  /** The validation images and early stopping (heldOut.ts); null until set up. */
  heldOut: HeldOut | null = null;
  /** The best epoch's checkpoint that early stopping went back to: the model's weights at the end. */
  restoredTo: Checkpoint | null = null;
  /** The user's training digits, mixed into every batch when the settings say myDigits. */
  extraDigits: LabelledBytes | null = null;
  /** A test's hold ('debug:holdAt'): at its step fit waits at the gate, stalled, until Pause or Stop. */
  hold: RunHold | null = null;
  private stalled = false;
  /** The page was told the run is paused, and not yet that it goes on. */
  private announced = false;
  /** Batches trained when the last metrics report came: where a rate change takes effect. */
  private lastStep = 0;
  private readonly gate = new PauseGate();
  /** A step asked for while paused: its request and what its probe will find. */
  private pendingStep: { requestId: number; result: Promise<InspectedStep> } | null = null;
  private gpuError: GPUError | null = null;

  constructor(
    readonly settings: Settings,
    private readonly emit: (message: FromWorker) => void,
    /** Receives each checkpoint: the start of the run, then the end of every epoch. */
    private readonly keep: (checkpoint: Checkpoint) => void,
  ) {}

  /** Pause, Resume, Step and a new rate. A step is taken only while paused: false if it was not. */
  control(command: RunCommand): boolean {
    switch (command.type) {
      case 'pause':
        if (!this.active) return true;
        this.gate.pause();
        // A run stalled by a test's hold already waits at the gate: the pause begins now.
        if (this.stalled) this.announcePause();
        return true;
      case 'resume':
        this.gate.resume();
        return true;
      case 'setLearningRate':
        this.setLearningRate(command.learningRate);
        return true;
      case 'step':
        return this.step(command.requestId);
    }
  }

  /** One batch of a paused run, looked at before and after (src/worker/stepInspector.ts). */
  private step(requestId: number): boolean {
    if (!this.active || !this.model || !this.gate.waiting || this.pendingStep) return false;
    const { probe, result } = inspectStep(this.model);
    this.pendingStep = { requestId, result };
    return this.gate.step(probe);
  }

  /** After a probed batch's report: what the step did, and the first layer's weights after it. */
  private async reportStep(): Promise<void> {
    const pending = this.pendingStep;
    if (!pending) return;
    this.pendingStep = null;
    const { inspection, kernelAfter } = await pending.result;
    this.emit({ type: 'stepped', requestId: pending.requestId, inspection });
    const { layer, step } = inspection;
    if (layer.index === 0 && layer.kind === 'Dense') {
      const inputs = kernelAfter.length / layer.units;
      this.emit({ type: 'units', step: step + 1, inputs, units: layer.units, weights: kernelAfter });
    }
  }

  /**
   * A new learning rate from the next batch on (messages reach the worker between metrics reports),
   * set once, through the optimizer's checked setter; one it refuses changes nothing.
   */
  private setLearningRate(learningRate: number): void {
    if (!this.active || !this.model || learningRateError(learningRate)) return;
    this.model.optimizer.setLearningRate(learningRate);
    const change = { step: this.lastStep, rate: learningRate };
    this.rateChanges = [...this.rateChanges.filter((c) => c.step < change.step), change];
    this.emit({ type: 'rateChanged', change });
  }

  stop(): void {
    this.stopRequested = true;
    this.endSoon();
  }

  /** An uncaptured GPU error while running: results can no longer be trusted, so the run ends with it. */
  failWith(error: GPUError): void {
    this.gpuError ??= error;
    this.endSoon();
  }

  /** Ends fit() after the current batch, paused or not. */
  endSoon(): void {
    if (this.model) this.model.stopTraining = true;
    this.gate.resume();
  }

  /**
   * Trains `model` from `fromEpoch` (0, or `from`: the checkpoint a recovered or resumed run goes on
   * from, early stopping's count with it) to the end or a stop. Resolves with what went wrong, if
   * anything; the caller tells a lost device from the rest.
   */
  async stretch(session: GpuSession, mnist: Mnist, fromEpoch: number, model: Sequential, from: ResumedFrom) {
    const { settings } = this;
    const images = splitTraining(mnist.train.count, settings.train, settings.validation ?? 0).trainCount;
    const { batches, upload } = runImages(session, mnist, settings, images, this.extraDigits);
    const perEpoch = batches * settings.batchSize;
    const clock = new RunClock(clockPlan(settings, mnist, perEpoch, fromEpoch, this.seconds));
    this.active = true;
    const units = new UnitsReader(this.emit);
    // Errors in setting up and in training go to these scopes (the trainer opened them before
    // building the model), checked at every metrics report.
    session.scopes.open();
    try {
      this.model = model;
      // A stretch starting at a checkpoint (resumed, recovered) keeps the changes up to it; the model
      // already trains at the rate in effect there (restoreCheckpoint set it).
      this.lastStep = fromEpoch * batches;
      this.rateChanges = this.rateChanges.filter((c) => c.step <= this.lastStep);
      const readWeights = () => readFirstLayerWeights(model);
      const { data, mix } = upload();
      this.data = data;
      this.heldOut?.dispose();
      const heldOut = new HeldOut(session, mnist, settings, fromEpoch > 0 ? from : null, this.heldOut);
      this.heldOut = heldOut;
      // Timed (the time left counts those to come); the test set's figures and verdicts are the run's.
      const evaluations = new RunEvaluations(clock, this.emit, session, mnist, model, (tested) => {
        this.test = tested.test;
        this.verdicts = tested.verdicts;
      });
      if (fromEpoch === 0) this.keep(await takeCheckpoint(model, settings, 0, false));
      // The weights the run starts from: the tiles show what each unit learned against them.
      units.maybeRead(readWeights, fromEpoch * batches, batches, true);
      await model.fit(this.data, {
        epochs: settings.epochs,
        batchSize: settings.batchSize,
        shuffle: true,
        // A run saved before the setting existed has none; the user's few digits are always augmented.
        augment: settings.augment === true || !!mix,
        ...(mix ? { mix } : {}),
        initialEpoch: fromEpoch,
        logEvery: LOG_EVERY,
        hold: this.holdFor(session, clock),
        onBatchEnd: async (logs) => {
          await this.checkGpuErrors(session);
          this.lastStep = logs.epoch * logs.batches + logs.batch;
          const progress = clock.at(logs.epoch, logs.batch);
          this.emit({ type: 'batch', logs, progress, memory: session.memory() });
          units.maybeRead(readWeights, logs.epoch * logs.batches + logs.batch, logs.batches);
          await this.reportStep();
          if (this.stopRequested) model.stopTraining = true;
        },
        onEpochEnd: async (logs) => {
          const epoch = logs.epoch + 1;
          // With validation, the validation set measures each epoch and the test set waits for the end.
          const validating = heldOut.validation !== null;
          const measured = validating
            ? await evaluations.validation(logs.epoch, settings.validation ?? 0, (onProgress) =>
                heldOut.measure(model, onProgress),
              )
            : await evaluations.test(logs.epoch);
          await this.checkGpuErrors(session);
          // NOTE: a non-finite held-out loss ends the run here: the epoch is neither reported, kept nor saved.
          if (!Number.isFinite(measured.loss))
            throw divergedIn(validating ? 'validation loss' : 'test loss', epoch);
          units.maybeRead(readWeights, epoch * batches, batches, true);
          // A stopped run's last epoch is incomplete: its checkpoint is taken when the run ends.
          const checkpoint = model.stopTraining
            ? null
            : await takeFiniteCheckpoint(model, settings, epoch, epoch);
          const stopEarly = heldOut.afterEpoch(epoch, measured.loss, checkpoint);
          if (checkpoint) this.keep(checkpoint);
          if (stopEarly) {
            model.stopTraining = true;
            this.restoredTo = heldOut.restoreBest(session, model);
          }
          // The test set, once: at the end of a validated run, and on the weights early stopping went back to.
          const ending = stopEarly || (epoch === settings.epochs && !this.stopRequested);
          let finalTest: Evaluation | undefined;
          if (ending && (validating || this.restoredTo)) {
            // The matrix is named after the epoch whose weights it measured: the best one, gone back to.
            finalTest = await evaluations.test(logs.epoch, true, (this.restoredTo?.epoch ?? epoch) - 1);
            await this.checkGpuErrors(session);
          }
          const progress = clock.at(epoch, 0);
          const earlyStop = heldOut.earlyStop ?? undefined;
          this.emit({
            type: 'epoch',
            logs,
            test: measured,
            finalTest,
            earlyStop,
            progress,
            memory: session.memory(),
          });
        },
      });
      await this.checkGpuErrors(session);
      return null;
    } catch (error) {
      return error;
    } finally {
      this.active = false;
      this.pendingStep = null;
      this.seconds = clock.seconds;
      await session.scopes.close();
    }
  }

  private async checkGpuErrors(session: GpuSession): Promise<void> {
    const error = (await session.scopes.close()) ?? this.gpuError;
    session.scopes.open();
    if (error) throw new GpuRunError(error);
  }

  private announcePause(): void {
    this.stalled = false;
    if (this.announced) return;
    this.announced = true;
    this.emit({ type: 'paused' });
  }

  /** The gate, as fit sees it: a pause is announced once, however many steps are taken in it. */
  private holdFor(session: GpuSession, clock: RunClock): FitHold {
    return {
      requested: (step) => {
        if (this.hold && step >= this.hold.step) {
          this.hold = null;
          this.stalled = true;
        }
        return this.stalled || this.gate.hold.requested(step);
      },
      wait: async () => {
        const started = performance.now();
        if (!this.stalled) this.announcePause();
        const probe = await this.gate.hold.wait();
        this.stalled = false;
        clock.paused((performance.now() - started) / 1000);
        if (!probe && this.announced) {
          this.announced = false;
          if (!session.lost) this.emit({ type: 'resumed' });
        }
        return probe;
      },
    };
  }

  /** Gives back this run's own images (a subset of the training set) once it is over. */
  release(session: GpuSession): void {
    if (this.data && this.data !== session.train) this.data.dispose();
    this.data = null;
    this.heldOut?.dispose();
    this.heldOut = null;
  }
}
