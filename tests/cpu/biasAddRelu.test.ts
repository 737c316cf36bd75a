import { describe, expect, test } from 'vitest';
import { biasAddRelu } from '../../src/backend/cpu/biasAddRelu';
import { biasAddReluCases } from '../cases/biasAddRelu.cases';
import { expectClose, fixedRandom } from './numeric';

describe('biasAddRelu reference', () => {
  for (const c of biasAddReluCases.filter((c) => c.expected)) {
    test(`hand values: ${c.name}`, () => {
      const out = new Float32Array(c.rows * c.cols).fill(Number.NaN);
      biasAddRelu(out, Float32Array.from(c.x ?? []), Float32Array.from(c.bias ?? []), c.rows, c.cols, c.relu);
      expectClose(out, c.expected ?? [], c.atol, c.rtol, 'out');
    });
  }

  test('ReLU exactly at 0 gives +0, not -0', () => {
    const out = new Float32Array(2);
    biasAddRelu(out, Float32Array.of(-0, 0.5), Float32Array.of(-0, -0.5), 1, 2, true);
    expect(Object.is(out[0], 0) && Object.is(out[1], 0)).toBe(true);
  });

  for (const c of biasAddReluCases) {
    test(`with ReLU is max(0, without): ${c.name}`, () => {
      const x = Float32Array.from(c.x ?? fixedRandom(c.rows * c.cols, 1));
      const bias = Float32Array.from(c.bias ?? fixedRandom(c.cols, 2));
      const linear = new Float32Array(x.length);
      const relu = new Float32Array(x.length);
      biasAddRelu(linear, x, bias, c.rows, c.cols, false);
      biasAddRelu(relu, x, bias, c.rows, c.cols, true);
      expectClose(
        relu,
        linear.map((v) => Math.max(v, 0)),
        0,
        0,
        'out',
      );
      // The last element, worked out directly: x + bias rounded once to f32.
      const r = c.rows - 1;
      const col = c.cols - 1;
      expect(linear[r * c.cols + col]).toBe(Math.fround(x[r * c.cols + col] + bias[col]));
    });
  }
});
