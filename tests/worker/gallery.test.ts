import { describe, expect, test } from 'vitest';
import { confusionFromPredictions, summarizeConfusion } from '../../src/page/confusionStats';
import { selectGallery, type Verdicts } from '../../src/worker/gallery';

// Six images, three classes. Probabilities per image (rows sum to 1); predicted = argmax.
const verdicts: Verdicts = {
  classes: 3,
  labels: [0, 0, 1, 1, 2, 2],
  predicted: [0, 1, 1, 0, 2, 1],
  probabilities: Float32Array.from(
    [
      [0.8, 0.1, 0.1],
      [0.3, 0.6, 0.1],
      [0.1, 0.85, 0.05],
      [0.5, 0.4, 0.1],
      [0.2, 0.1, 0.7],
      [0.05, 0.9, 0.05],
    ].flat(),
  ),
};

describe('selectGallery', () => {
  test('every mistake, most confident first, with the top classes', () => {
    const { total, items } = selectGallery(verdicts, { kind: 'mistakes' }, 10);
    expect(total).toBe(3);
    expect(items.map((i) => i.index)).toEqual([5, 1, 3]);
    expect(items[0]).toEqual({
      index: 5,
      label: 2,
      predicted: 1,
      top: [
        { digit: 1, probability: expect.closeTo(0.9, 6) },
        { digit: 0, probability: expect.closeTo(0.05, 6) },
        { digit: 2, probability: expect.closeTo(0.05, 6) },
      ],
    });
  });

  test('a cell: exactly its (true, predicted) images; the limit caps the items, not the total', () => {
    expect(
      selectGallery(verdicts, { kind: 'cell', label: 1, predicted: 0 }, 10).items.map((i) => i.index),
    ).toEqual([3]);
    const diagonal = selectGallery(verdicts, { kind: 'cell', label: 0, predicted: 0 }, 10);
    expect(diagonal.items.map((i) => [i.label, i.predicted])).toEqual([[0, 0]]);
    const capped = selectGallery(verdicts, { kind: 'mistakes' }, 2);
    expect([capped.total, capped.items.length]).toEqual([3, 2]);
    expect(selectGallery(verdicts, { kind: 'cell', label: 2, predicted: 0 }, 10)).toEqual({
      total: 0,
      items: [],
    });
  });
});

describe('confusion statistics', () => {
  test('counted from predictions, summarised per class', () => {
    const matrix = confusionFromPredictions(verdicts.labels, verdicts.predicted, 3);
    expect(Array.from(matrix)).toEqual([1, 1, 0, 1, 1, 0, 0, 1, 1]);
    const summary = summarizeConfusion(matrix, 3);
    expect([summary.total, summary.correct]).toEqual([6, 3]);
    expect(summary.perClass.map((c) => c.accuracy)).toEqual([0.5, 0.5, 0.5]);
    expect(summarizeConfusion(new Uint32Array(4), 2).perClass[0].accuracy).toBeNaN();
  });
});
