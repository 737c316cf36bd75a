// Runs side by side: which settings differ between them, their curves on one axis (epochs, so runs
// with different batch sizes or training sets line up), and the selection as it travels in the URL
// (?compare=id1,id2). Pure logic; the Compare view draws it.
import { optimizerName, SETTING_LABELS, type Settings } from '../protocol/settings';
import { epochBatches, type RunHistory } from './store';

/** At most this many runs on one chart: more lines than a reader can tell apart. */
export const MAX_COMPARED = 6;
const QUERY_NAME = 'compare';

export interface ComparedRun {
  id: string;
  name: string;
  settings: Settings;
  history: RunHistory;
}

/** One run's curves, x in epochs: training points through each epoch, test points at its end. */
export interface RunCurves {
  train: { epoch: number; loss: number; accuracy: number }[];
  test: { epoch: number; loss: number; accuracy: number }[];
}

export function curvesOf(run: ComparedRun): RunCurves {
  const perEpoch = epochBatches(run.history, run.settings);
  return {
    train: run.history.curve.map((p) => ({ epoch: p.step / perEpoch, loss: p.loss, accuracy: p.accuracy })),
    test: run.history.epochs.map((e) => ({ epoch: e.epoch, loss: e.testLoss, accuracy: e.testAccuracy })),
  };
}

const isSgd = (settings: Settings) => settings.optimizer === 'sgd';
const SGD_ONLY = new Set<keyof Settings>(['momentum', 'nesterov']);

/**
 * The settings in the order the table lists them; the ConvNet's layers only when a run has them,
 * SGD's momentum (and Nesterov's) only when a run used it.
 */
export function comparedSettings(runs: ComparedRun[]): (keyof Settings)[] {
  const names = Object.keys(SETTING_LABELS) as (keyof Settings)[];
  const anyConvnet = runs.some((r) => r.settings.model === 'convnet');
  const anyDense = runs.some((r) => r.settings.model !== 'convnet');
  const anyMomentum = runs.some((r) => isSgd(r.settings) && (r.settings.momentum ?? 0) > 0);
  const anyNesterov = runs.some((r) => isSgd(r.settings) && r.settings.nesterov === true);
  const shown: Partial<Record<keyof Settings, boolean>> = {
    layers: anyConvnet,
    hidden: anyDense,
    momentum: anyMomentum,
    nesterov: anyNesterov,
    myDigits: runs.some((r) => r.settings.myDigits === true),
  };
  return names.filter((n) => shown[n] ?? true);
}

/**
 * What a run's setting reads as in the table: a dense run has no layers, a ConvNet no hidden size,
 * another optimizer no momentum (and a run saved before momentum was a setting had none).
 */
export function settingText(settings: Settings, name: keyof Settings): string {
  if (name === 'layers' && settings.model !== 'convnet') return '—';
  if (name === 'hidden' && settings.model === 'convnet') return '—';
  if (name === 'optimizer') return optimizerName(settings);
  if (SGD_ONLY.has(name) && !isSgd(settings)) return '—';
  if (name === 'momentum') return String(settings.momentum ?? 0);
  if (name === 'nesterov') return settings.nesterov === true ? 'on' : 'off';
  if (name === 'model') return settings.model === 'convnet' ? 'ConvNet' : 'Dense network';
  const value = settings[name];
  // Read, not raw: "on"/"off", never "true"/"false".
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  return String(value);
}

/** The settings whose value is not the same in every run: the ones the comparison is about. */
export function differingSettings(runs: ComparedRun[]): Set<keyof Settings> {
  const differing = new Set<keyof Settings>();
  for (const name of comparedSettings(runs)) {
    const values = new Set(runs.map((r) => settingText(r.settings, name)));
    if (values.size > 1) differing.add(name);
  }
  return differing;
}

/** The final figures of a run, from its last epoch; null before its first epoch ends. */
export function finalResult(
  run: ComparedRun,
): { epoch: number; testAccuracy: number; testLoss: number } | null {
  const last = run.history.epochs.at(-1);
  return last ? { epoch: last.epoch, testAccuracy: last.testAccuracy, testLoss: last.testLoss } : null;
}

/** The compared runs' ids from a URL query; unknown ids are dropped by the caller, which knows the runs. */
export function comparedFromQuery(search: string): string[] {
  const raw = new URLSearchParams(search).get(QUERY_NAME);
  if (!raw) return [];
  const ids = raw
    .split(',')
    .map((id) => id.trim())
    .filter((id) => /^[\w-]{1,80}$/.test(id));
  return [...new Set(ids)].slice(0, MAX_COMPARED);
}

/** The query with the comparison set (or removed when empty), every other parameter kept. */
export function withComparedInQuery(search: string, ids: string[]): string {
  const query = new URLSearchParams(search);
  if (ids.length === 0) query.delete(QUERY_NAME);
  else query.set(QUERY_NAME, ids.join(','));
  const text = query.toString().replaceAll('%2C', ',');
  return text ? `?${text}` : '';
}
