import { WebGPUUnavailableError } from '../backend/webgpu/device';
import { describeGpuError } from '../backend/webgpu/errorScopes';
import type { MatmulVariant } from '../backend/webgpu/kernels/context';
import type { Mnist } from '../data/mnist';
import type { Sequential } from '../nn/sequential';
import type { BrowseRequest } from '../protocol/browse';
import type { UseDatasetRequest } from '../protocol/dataset';
import type { Checkpoint, ErrorKind, FromWorker, RunCommand } from '../protocol/protocol';
import type { Settings } from '../protocol/settings';
import { answerBrowse } from './browse';
import { CurrentModel } from './currentModel';
import { DataLoader } from './data';
import { switchDataset } from './datasetSwitch';
import { Evaluator, type TestContext } from './evaluator';
import { buildModel } from './model';
import { checkRunFits } from './modelSize';
import { PadRequests } from './padRequests';
import { RateFinder } from './rateFinder';
import { Recovery } from './recovery';
import { Run } from './run';
import { describeFailure, takeFiniteCheckpoint } from './runFailures';
import { GpuSession } from './session';
import { TestHooks } from './testHooks';

/**
 * Owns the device, the data on it and the runs. It knows nothing of React or the DOM: it reports
 * through `emit`, so it runs the same in a worker or on the page. What it guards against: bad data
 * (reported, with Retry), a lost device (checkpoints off the GPU at every epoch; recovery.ts goes
 * on from the last), GPU errors (error scopes around runs), models too large (refused before
 * allocating), divergence (rolled back to the last checkpoint). CurrentModel answers drawings.
 */
export class Trainer {
  protected session: GpuSession | null = null;
  protected data: DataLoader | null = null;
  protected readonly current: CurrentModel;
  /** Evaluations outside runs, the confusion matrix's galleries, test images for the pad. */
  readonly evaluator: Evaluator;
  private run: Run | null = null;
  private finder: RateFinder | null = null;
  /** A lost device and the way back (recovery.ts). */
  private readonly recovery: Recovery;
  private matmulVariant: MatmulVariant | null = null;
  /** The 'debug:' messages of end-to-end tests (testHooks.ts). */
  readonly testHooks = new TestHooks(
    () => this.session,
    () => this.run,
  );
  /** Reading the pad, opening, importing and exporting the model that answers it (padRequests.ts). */
  readonly pad: PadRequests;

  constructor(protected readonly emit: (message: FromWorker) => void) {
    this.current = new CurrentModel(emit, () => this.session);
    this.evaluator = new Evaluator(emit, this.current, () => this.testContext());
    this.pad = new PadRequests({
      current: this.current,
      session: () => this.session,
      run: () => this.run,
      refuse: (requestId, message) => this.refuse(requestId, message),
      fail: (kind, message) => this.fail(kind, message, false),
    });
    this.recovery = new Recovery(emit, {
      session: () => this.session,
      run: () => this.run,
      openSession: () => this.openSession(),
      checkpoint: () => this.current.checkpoint,
      // The run goes on with the model the new session rebuilt from the checkpoint.
      resume: (run, epoch) => this.train(run, epoch, () => this.current.model as Sequential),
      fail: (message) => this.fail('device', message, false),
    });
  }

  /** What evaluations and galleries need to know of the device, the data and the run now. */
  private testContext(): TestContext {
    const { run, mnist, finder } = this;
    const session = this.session?.lost ? null : this.session;
    return { session, test: mnist?.test ?? null, run, busy: !!finder || this.recovery.recovering };
  }

  async init(dataUrl: string): Promise<void> {
    const fail = this.fail.bind(this);
    this.data = new DataLoader(dataUrl, this.emit, fail, () => this.session);
    // The download goes on while the device is set up and warmed up.
    const download = this.data.download();
    try {
      await this.openSession();
    } catch (error) {
      const kind = error instanceof WebGPUUnavailableError ? 'webgpu' : 'device';
      this.fail(kind, (error as Error).message, true);
      return;
    }
    await download;
  }

  /** A new device (its matmul variant chosen the first time), the model on it, then the data. */
  private async openSession(): Promise<void> {
    const session = await GpuSession.open({
      onLost: (s, message) => this.onLost(s, message),
      onError: (s, error) => this.onGpuError(s, error),
    });
    this.matmulVariant = await session.chooseMatmulVariant(this.matmulVariant);
    await this.current.onNewDevice(session);
    this.session = session;
    this.emit({
      type: 'gpu',
      adapter: session.adapterName,
      fallback: session.isFallback,
      matmulVariant: this.matmulVariant,
      memory: session.memory(),
    });
    await this.data?.upload();
  }

  /** After a data failure: download again, or, if the data is here, try the GPU upload again. */
  async retryData(): Promise<void> {
    await this.data?.retry();
  }

  /** Another data set, or MNIST again (datasetSwitch.ts); `busy`: a subclass's own use of the device. */
  changeDataset(request: UseDatasetRequest, busy = false): Promise<void> {
    const { session, data, current, run, finder, recovery } = this;
    const idle = !busy && !run && !finder && !recovery.recovering;
    return switchDataset(request, { session, data, current, busy: !idle }, this.emit);
  }

  protected get mnist(): Mnist | null {
    return this.data?.mnist ?? null;
  }

  /** A page of the training or test images for the Training data panel (browse.ts). */
  browse(request: BrowseRequest): void {
    answerBrowse(this.mnist, request, this.emit);
  }

  /** The session and data a new run needs, or null (and why, if the model cannot fit). */
  protected readyFor(settings: Settings): GpuSession | null {
    const { session, mnist, run, finder, recovery } = this;
    if (!session || session.lost || !mnist || !session.train || run || recovery.recovering || finder)
      return null;
    // Before anything is allocated: a model that cannot fit is refused with the limit it exceeds.
    const tooLarge = checkRunFits(settings, session.device.limits, mnist.train.count, mnist.test.count);
    if (tooLarge) {
      this.fail('tooLarge', tooLarge, false);
      return null;
    }
    return session;
  }

  /** The learning-rate finder's sweep; refused, and said so, while the device is busy or not ready. */
  async findRate(settings: Settings): Promise<void> {
    const session = this.readyFor(settings);
    const { mnist } = this;
    if (!session || !mnist) {
      const error = 'The learning-rate finder needs the GPU and the data, with no run going on.';
      this.emit({ type: 'rateFinder', points: [], steps: 0, done: true, suggestion: null, error });
      return;
    }
    this.finder = new RateFinder(this.emit);
    this.finder.hold = this.testHooks.takeHold();
    try {
      await this.finder.sweep(session, mnist, settings);
    } finally {
      this.finder = null;
    }
  }

  /** Trains a fresh model with these settings; the drawing pad uses it live as it learns. */
  async startTraining(settings: Settings): Promise<void> {
    const session = this.readyFor(settings);
    if (!session) return;
    const run = this.newRun(settings);
    this.current.verdicts = null;
    await this.train(run, 0, () => {
      const model = buildModel(session.backend, settings);
      this.current.trainedFromScratch(model, settings);
      this.emit({ type: 'started', settings, parameterCount: model.parameterCount });
      return model;
    });
  }

  /** A saved run goes on from its checkpoint: same weights, RMSprop state and (seeded) data order. */
  async continueFrom(checkpoint: Checkpoint, requestId: number): Promise<void> {
    const { settings } = checkpoint;
    if (!this.readyFor(settings))
      return this.refuse(requestId, 'A run is going on, or the GPU or the data is not ready.');
    let model: Sequential;
    try {
      model = this.current.open(checkpoint);
    } catch (error) {
      return this.refuse(requestId, `The saved run could not be resumed: ${(error as Error).message}`);
    }
    const run = this.newRun(settings);
    run.rateChanges = checkpoint.rateChanges ?? [];
    const { parameterCount } = model;
    this.emit({ type: 'continued', settings, parameterCount, epoch: checkpoint.epoch, requestId });
    await this.train(run, checkpoint.epoch, () => model);
  }

  private refuse(requestId: number, message: string): void {
    this.emit({ type: 'refused', requestId, message });
  }

  /** A run whose checkpoints are kept for the current model (device loss, roll-back) and announced (autosave). */
  protected newRun(settings: Settings): Run {
    const run = new Run(settings, this.emit, (taken) => {
      const checkpoint = { ...taken, rateChanges: [...run.rateChanges] };
      this.current.checkpoint = checkpoint;
      if (!checkpoint.trained) return;
      const shapes = (this.current.model?.weights ?? []).map((p) => [...p.shape]);
      this.emit({ type: 'checkpoint', checkpoint, shapes });
    });
    run.hold = this.testHooks.takeHold();
    this.run = run;
    return run;
  }

  /**
   * One stretch of a run: from the start, or from the checkpoint a recovered run goes on from. The
   * run's error scopes open first, so building its model is checked with the rest.
   */
  private async train(run: Run, fromEpoch: number, model: () => Sequential): Promise<void> {
    const session = this.session as GpuSession;
    session.scopes.open();
    let failure: unknown;
    try {
      failure = await run.stretch(session, this.mnist as Mnist, fromEpoch, model(), this.current.checkpoint);
    } catch (error) {
      await session.scopes.close();
      failure = error;
    }
    await this.endStretch(session, run, failure);
  }

  /** How a stretch of a run ended: lost device (resumable), an error (rolled back), or done. */
  private async endStretch(session: GpuSession, run: Run, failure: unknown): Promise<void> {
    if (!session.lost && !failure && run.stopRequested && run.model) {
      // A stopped run ends mid-epoch: its final weights are the checkpoint from now on.
      try {
        const epoch = this.current.checkpoint?.epoch ?? 0;
        this.current.checkpoint = await takeFiniteCheckpoint(run.model, run.settings, epoch, epoch + 1);
      } catch (error) {
        failure = error;
      }
    }
    // Early stopping went back to the best epoch's weights: they answer the pad from now on.
    if (!failure && run.restoredTo) this.current.checkpoint = run.restoredTo;
    if (await this.recovery.endedByLoss(session, run, failure)) return;
    let problem: [ErrorKind, string] | null = null;
    if (failure) {
      const [kind, message] = describeFailure(failure, run.settings);
      const rolledBack = run.model ? this.current.rollBack(session, run.model, run.settings) : '';
      problem = [kind, `${message} ${rolledBack}`];
    }
    run.release(session);
    this.current.verdicts = run.verdicts;
    this.run = null;
    session.trim();
    if (problem) {
      this.fail(problem[0], problem[1], false);
      this.emit({ type: 'memory', memory: session.memory() });
    } else {
      const { test, stopRequested: stopped, seconds } = run;
      this.emit({ type: 'done', test, stopped, seconds, memory: session.memory() });
    }
  }

  private onLost(session: GpuSession, message: string): void {
    if (session !== this.session) return;
    this.current.onLost();
    this.recovery.onLost(message);
  }

  /** A new device, the last checkpoint on it, and an interrupted run goes on from there. */
  recover(): Promise<void> {
    return this.recovery.recover();
  }

  private onGpuError(session: GpuSession, error: GPUError): void {
    if (session !== this.session) return;
    if (this.run?.active) {
      this.run.failWith(error);
      return;
    }
    this.fail('gpu', describeGpuError(error), false);
  }

  private fail(kind: ErrorKind, message: string, fatal: boolean, file?: string): void {
    this.emit({ type: 'error', kind, message, fatal, ...(file ? { file } : {}) });
  }

  /** Pause, Resume, Step and a new rate for the run going on; a step that cannot be taken is refused. */
  control(command: RunCommand): void {
    if (this.run?.control(command) || command.type !== 'step') return;
    this.refuse(command.requestId, 'Step trains one batch of a paused run: pause the run first.');
  }

  stop(): void {
    if (this.run?.active) this.run.stop();
    this.finder?.stop();
  }
}
