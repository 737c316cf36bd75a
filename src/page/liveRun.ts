// The run this page trains (or resumed), as the keeper keeps it for its record: its id and name, its
// latest epoch's checkpoint, and its charts built from the worker's messages about it, with the page's
// own chart reducer. Never from what the page shows, which may be another run's: a saved run opened
// since, or an imported model.
import type { DatasetIdentity } from '../data/datasetIdentity';
import type { Checkpoint, FromWorker } from '../protocol/protocol';
import { optimizerSummary, type Settings } from '../protocol/settings';
import { historyUpTo } from './bestEpoch';
import type { ComparedRun } from './compare';
import { testAccuracyOf } from './heldOutResult';
import { type SavedRun, toSavedRun } from './savedRuns';
import { epochBatches } from './store';
import { type ChartsState, NO_CHARTS, reduceCharts } from './store/charts';

export function defaultRunName(settings: Settings, at: Date): string {
  const time = at.toISOString().slice(0, 16).replace('T', ' ');
  const model = settings.model === 'convnet' ? `ConvNet ${settings.layers}` : `Hidden ${settings.hidden}`;
  const epochs = `${settings.epochs} epoch${settings.epochs === 1 ? '' : 's'}`;
  // The optimizer and the rate are in the name: runs compared side by side often differ only in them.
  const optimizer = `${optimizerSummary(settings)}, `;
  const validation = settings.validation ? `, validation ${settings.validation}` : '';
  const patience = settings.patience ? `, patience ${settings.patience}` : '';
  return `${model}, ${optimizer}lr ${settings.learningRate}, ${epochs}${validation}${patience}, seed ${settings.seed} (${time} UTC)`;
}

/** The messages about the run going on that change its charts. */
const CHART_MESSAGES = new Set<FromWorker['type']>([
  'batch',
  'epoch',
  'rateChanged',
  'restored',
  'continued',
]);

export class LiveRun {
  /** Its record has been written: if it is gone at the next save, another tab deleted it. */
  saved: boolean;
  latest: { checkpoint: Checkpoint; shapes: number[][] } | null = null;
  /** The imported data set it trains on; null: MNIST. Its record says so. */
  dataset: DatasetIdentity | null = null;
  private charts: ChartsState;
  private compared: ComparedRun | null = null;

  private constructor(
    readonly id: string,
    public name: string,
    readonly createdAt: number,
    readonly settings: Settings,
    charts: ChartsState,
    saved: boolean,
  ) {
    this.charts = charts;
    this.saved = saved;
  }

  /** A new run: a new id, named after its settings. */
  static started(settings: Settings, now = new Date(), dataset: DatasetIdentity | null = null): LiveRun {
    const id = `run-${now.getTime()}-${Math.random().toString(36).slice(2, 8)}`;
    const run = new LiveRun(id, defaultRunName(settings, now), now.getTime(), settings, NO_CHARTS, false);
    run.dataset = dataset;
    return run;
  }

  /** A saved run going on from its `epoch`, with its saved charts up to there. */
  static resumed(saved: SavedRun, epoch: number): LiveRun {
    const { history } = saved.data;
    const { settings } = saved;
    const charts = { ...NO_CHARTS, ...history, rateChanges: history.rateChanges ?? [] };
    const run = new LiveRun(saved.id, saved.name, saved.createdAt, settings, charts, true);
    run.dataset = saved.dataset ?? null;
    run.take({ type: 'continued', settings, parameterCount: 0, epoch, requestId: 0 });
    return run;
  }

  /** Takes a message of the run going on; true when it ends an epoch whose checkpoint came before it. */
  take(message: FromWorker): boolean {
    if (message.type === 'checkpoint') {
      this.latest = { checkpoint: message.checkpoint, shapes: message.shapes };
      return false;
    }
    if (!CHART_MESSAGES.has(message.type)) return false;
    const progress = { batches: epochBatches(this.charts, this.settings) };
    const change = reduceCharts({ ...this.charts, progress }, message);
    if (change) {
      this.charts = { ...this.charts, ...change };
      this.compared = null;
    }
    return message.type === 'epoch' && this.latest !== null;
  }

  /** The run as the Compare view draws it: its own charts as they grow. */
  asCompared(): ComparedRun {
    this.compared ??= { id: this.id, name: this.name, settings: this.settings, history: this.charts };
    return this.compared;
  }

  /**
   * Its latest epoch's checkpoint with its charts up to that epoch's end (Save now in mid-epoch saves
   * the last epoch's end: the charts stop there too); null before an epoch has ended.
   */
  record(updatedAt: number): SavedRun | null {
    if (!this.latest) return null;
    const { checkpoint, shapes } = this.latest;
    const history = historyUpTo(this.charts, checkpoint.settings, checkpoint.epoch);
    const info = {
      id: this.id,
      name: this.name,
      createdAt: this.createdAt,
      updatedAt,
      testAccuracy: testAccuracyOf(history, checkpoint.settings),
      ...(this.dataset ? { dataset: this.dataset } : {}),
    };
    return toSavedRun(info, checkpoint, shapes, history);
  }
}
