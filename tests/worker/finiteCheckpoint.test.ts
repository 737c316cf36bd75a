import { expect, test } from 'vitest';
import type { Checkpoint } from '../../src/protocol/protocol';
import { DEFAULT_SETTINGS } from '../../src/protocol/settings';
import { isFiniteCheckpoint } from '../../src/worker/checkpoint';

const checkpoint = (weights: number[][], state: (number[] | null)[], second?: number[]): Checkpoint => ({
  settings: DEFAULT_SETTINGS,
  epoch: 1,
  trained: true,
  weights: weights.map((w) => new Float32Array(w)),
  optimizerState: state.map((m, i) =>
    m ? [new Float32Array(m), ...(second && i === 0 ? [new Float32Array(second)] : [])] : null,
  ),
  iterations: 3,
});

test('a checkpoint is finite only when every weight and every optimizer array is', () => {
  // Adam's second moment too.
  expect(isFiniteCheckpoint(checkpoint([[1]], [[0]], [2]))).toBe(true);
  expect(isFiniteCheckpoint(checkpoint([[1]], [[0]], [Number.NaN]))).toBe(false);
  expect(isFiniteCheckpoint(checkpoint([[1, -2], [0]], [null, null]))).toBe(true);
  expect(isFiniteCheckpoint(checkpoint([[1, -2], [0]], [[1e-8, 3], [0]]))).toBe(true);
  expect(isFiniteCheckpoint(checkpoint([[1, Number.NaN], [0]], [null, null]))).toBe(false);
  expect(isFiniteCheckpoint(checkpoint([[1], [Number.POSITIVE_INFINITY]], [null, null]))).toBe(false);
  expect(isFiniteCheckpoint(checkpoint([[1], [0]], [[Number.NEGATIVE_INFINITY], null]))).toBe(false);
});
