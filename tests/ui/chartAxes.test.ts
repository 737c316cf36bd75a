import { describe, expect, test } from 'vitest';
import { accuracyAxis, formatAccuracyTick } from '../../src/ui/accuracyAxis';
import { chartRows } from '../../src/ui/chartData';

const rising = (n: number, from: number, to: number) =>
  Array.from({ length: n }, (_, i) => ({
    step: (i + 1) * 10,
    loss: 1,
    accuracy: from + ((to - from) * i) / (n - 1),
    batches: 10,
    reports: 1,
  }));

describe('the accuracy axis zooms to the range in play', () => {
  test('the whole 0-100% while the run has barely begun', () => {
    expect(accuracyAxis(chartRows(rising(5, 0.1, 0.6), [], 100, 'accuracy')).ticks).toEqual([
      0, 0.25, 0.5, 0.75, 1,
    ]);
  });

  test('from 90% when the run after its first quarter stays above it; the first batches do not hold it at 0%', () => {
    // As runs do: from chance to over 90% in the first few reports, then slowly on.
    const curve = rising(40, 0, 0).map((p, i) => ({ ...p, accuracy: 0.99 - 0.89 * Math.exp(-i / 2) }));
    const rows = chartRows(curve, [], 400, 'accuracy');
    const axis = accuracyAxis(rows);
    expect(axis.ticks[0]).toBeGreaterThanOrEqual(0.9);
    const late = rows.filter((r) => r.step >= 100).map((r) => r.smooth ?? 1);
    expect(Math.min(...late)).toBeGreaterThanOrEqual(axis.ticks[0]);
    expect(axis.ticks.at(-1)).toBe(1);
  });

  test('a test point below the curve keeps the floor low enough to show it', () => {
    const curve = rising(40, 0.985, 0.995);
    const epochs = [{ epoch: 1, trainLoss: 0.1, trainAccuracy: 0.99, testLoss: 0.1, testAccuracy: 0.93 }];
    expect(accuracyAxis(chartRows(curve, epochs, 400, 'accuracy')).ticks[0]).toBe(0.9);
    expect(accuracyAxis(chartRows(curve, [], 400, 'accuracy')).ticks[0]).toBe(0.98);
  });

  test('tick labels with the digits their spacing needs: "98.5%", "96%", "75%"', () => {
    const fine = [0.98, 0.985, 0.99, 0.995, 1];
    expect(fine.map((t) => formatAccuracyTick(t, fine))).toEqual([
      '98.0%',
      '98.5%',
      '99.0%',
      '99.5%',
      '100.0%',
    ]);
    expect(formatAccuracyTick(0.96, [0.9, 0.92, 0.94, 0.96])).toBe('96%');
    expect(formatAccuracyTick(0.75, [0, 0.25, 0.5, 0.75, 1])).toBe('75%');
  });
});

describe('test points in the tooltip', () => {
  test('a test point joins the training row of its step, so the tooltip there shows both', () => {
    const epochs = [{ epoch: 1, trainLoss: 0.1, trainAccuracy: 0.97, testLoss: 0.08, testAccuracy: 0.981 }];
    const rows = chartRows(rising(10, 0.5, 0.97), epochs, 100, 'accuracy');
    const at100 = rows.filter((r) => r.step === 100);
    expect(at100).toHaveLength(1);
    expect(at100[0].test).toBe(0.981);
    expect(at100[0].raw).toBeCloseTo(0.97);
  });

  test('a test point with no training row at its step gets its own row', () => {
    const epochs = [{ epoch: 1, trainLoss: 0.1, trainAccuracy: 0.97, testLoss: 0.08, testAccuracy: 0.981 }];
    const rows = chartRows(rising(10, 0.5, 0.97).slice(0, 9), epochs, 90, 'loss');
    expect(rows.filter((r) => r.step === 90)).toHaveLength(1);
    expect(rows.find((r) => r.step === 90)?.test).toBe(0.08);
  });
});
