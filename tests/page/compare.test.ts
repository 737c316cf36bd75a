import { describe, expect, it } from 'vitest';
import {
  type ComparedRun,
  comparedFromQuery,
  comparedSettings,
  curvesOf,
  differingSettings,
  finalResult,
  MAX_COMPARED,
  settingText,
  withComparedInQuery,
} from '../../src/page/compare';
import { DEFAULT_SETTINGS, type Settings } from '../../src/protocol/settings';

function run(id: string, settings: Partial<Settings>, epochs = 2): ComparedRun {
  const all = { ...DEFAULT_SETTINGS, ...settings };
  const perEpoch = Math.ceil(all.train / all.batchSize);
  return {
    id,
    name: id,
    settings: all,
    history: {
      curve: [1, 2].map((i) => ({
        step: i * perEpoch,
        loss: 1 / i,
        accuracy: 0.5 + i / 10,
        batches: 1,
        reports: 1,
      })),
      curveStride: 1,
      epochs: Array.from({ length: epochs }, (_, i) => ({
        epoch: i + 1,
        trainLoss: 1,
        trainAccuracy: 0.5,
        testLoss: 0.5 / (i + 1),
        testAccuracy: 0.9 + i / 100,
      })),
    },
  };
}

describe('comparing runs', () => {
  it('shows the optimizer as Keras names it, and marks it when it differs', () => {
    const runs = [run('a', { optimizer: 'sgd', learningRate: 0.01 }), run('b', { optimizer: 'adam' })];
    expect([...differingSettings(runs)].sort()).toEqual(['learningRate', 'optimizer']);
    expect(comparedSettings(runs)).toContain('optimizer');
    expect(runs.map((r) => settingText(r.settings, 'optimizer'))).toEqual(['SGD', 'Adam']);
  });

  it("lists SGD's momentum and Nesterov only when a run used them, and marks them when they differ", () => {
    const plain = run('plain', { optimizer: 'sgd', learningRate: 0.01 });
    const momentum = run('momentum', { optimizer: 'sgd', learningRate: 0.01, momentum: 0.9 });
    const nesterov = run('nesterov', { optimizer: 'sgd', learningRate: 0.01, momentum: 0.9, nesterov: true });
    const adam = run('adam', { optimizer: 'adam' });
    expect(comparedSettings([plain, adam])).not.toContain('momentum');
    expect(comparedSettings([plain, momentum])).toContain('momentum');
    expect(comparedSettings([plain, momentum])).not.toContain('nesterov');
    expect([...differingSettings([plain, momentum])]).toEqual(['momentum']);
    expect([...differingSettings([momentum, nesterov])]).toEqual(['nesterov']);
    expect([...differingSettings([momentum, adam])].sort()).toEqual([
      'learningRate',
      'momentum',
      'optimizer',
    ]);
    const runs = [plain, nesterov, adam];
    expect(runs.map((r) => settingText(r.settings, 'momentum'))).toEqual(['0', '0.9', '—']);
    expect(runs.map((r) => settingText(r.settings, 'nesterov'))).toEqual(['off', 'on', '—']);
  });

  it('reads as words, never raw values: "Dense network", "ConvNet", "on", "off"', () => {
    const dense = run('dense', {});
    const convnet = run('convnet', { model: 'convnet', augment: true });
    expect([dense, convnet].map((r) => settingText(r.settings, 'model'))).toEqual([
      'Dense network',
      'ConvNet',
    ]);
    expect([dense, convnet].map((r) => settingText(r.settings, 'augment'))).toEqual(['off', 'on']);
  });

  it('finds the settings that differ, and only those', () => {
    const runs = [run('a', { learningRate: 0.01 }), run('b', { learningRate: 0.001 }), run('c', {})];
    expect([...differingSettings(runs)]).toEqual(['learningRate']);
    expect(differingSettings([run('a', {}), run('b', {})]).size).toBe(0);
    expect([...differingSettings([run('a', { seed: 2, epochs: 3 }), run('b', {})])].sort()).toEqual([
      'epochs',
      'seed',
    ]);
  });

  it('lists layers only when a ConvNet is compared, and hidden units only when a dense run is', () => {
    expect(comparedSettings([run('a', {})])).not.toContain('layers');
    expect(comparedSettings([run('a', { model: 'convnet' })])).not.toContain('hidden');
    const mixed = [run('a', {}), run('b', { model: 'convnet' })];
    expect(comparedSettings(mixed)).toEqual(expect.arrayContaining(['hidden', 'layers', 'model']));
    // A dense run's hidden size against a ConvNet's "—" is a difference; both models' layers too.
    expect(differingSettings(mixed)).toEqual(new Set(['model', 'hidden', 'layers']));
  });

  it('puts runs with different batch sizes on one axis of epochs', () => {
    const small = curvesOf(run('a', { batchSize: 32, train: 320 }));
    const large = curvesOf(run('b', { batchSize: 128, train: 60000 }));
    expect(small.train.map((p) => p.epoch)).toEqual([1, 2]);
    expect(large.train.map((p) => p.epoch)).toEqual([1, 2]);
    expect(small.test).toEqual([
      { epoch: 1, loss: 0.5, accuracy: 0.9 },
      { epoch: 2, loss: 0.25, accuracy: 0.91 },
    ]);
  });

  it('puts a run that mixed your digits in (longer epochs) on the same axis of epochs', () => {
    const plain = run('a', { batchSize: 100, train: 1000 });
    const mixed = run('b', { batchSize: 100, train: 1000, myDigits: true });
    mixed.history = { ...mixed.history, batchesPerEpoch: 12 };
    mixed.history.curve = mixed.history.curve.map((p, i) => ({ ...p, step: (i + 1) * 12 }));
    expect(curvesOf(plain).train.map((p) => p.epoch)).toEqual([1, 2]);
    expect(curvesOf(mixed).train.map((p) => p.epoch)).toEqual([1, 2]);
  });

  it('takes the final result from the last epoch, none before the first ends', () => {
    expect(finalResult(run('a', {}, 3))).toEqual({ epoch: 3, testAccuracy: 0.92, testLoss: 0.5 / 3 });
    expect(finalResult(run('a', {}, 0))).toBeNull();
  });

  it('carries the selection in the URL next to the run settings, and reads it back', () => {
    const search = withComparedInQuery('?epochs=2&lr=0.01', ['run-1-abc', 'run-2-def']);
    expect(search).toBe('?epochs=2&lr=0.01&compare=run-1-abc,run-2-def');
    expect(comparedFromQuery(search)).toEqual(['run-1-abc', 'run-2-def']);
    expect(withComparedInQuery(search, [])).toBe('?epochs=2&lr=0.01');
    expect(withComparedInQuery('', [])).toBe('');
  });

  it('drops malformed, repeated and surplus ids from a link', () => {
    expect(comparedFromQuery('?compare=a,,a,<script>,b')).toEqual(['a', 'b']);
    const many = Array.from({ length: 10 }, (_, i) => `r${i}`).join(',');
    expect(comparedFromQuery(`?compare=${many}`)).toHaveLength(MAX_COMPARED);
    expect(comparedFromQuery('?epochs=2')).toEqual([]);
  });
});
