import { describe, expect, test } from 'vitest';
import { biasAddRelu } from '../../src/backend/cpu/biasAddRelu';
import { reluBackward } from '../../src/backend/cpu/reluBackward';
import { sumRows } from '../../src/backend/cpu/sumRows';
import { sumRowsCases } from '../cases/sumRows.cases';
import { asF32, expectClose, fixedRandom, numericGradient } from './numeric';

describe('sumRows reference', () => {
  for (const c of sumRowsCases.filter((c) => c.expected)) {
    test(`hand values: ${c.name}`, () => {
      const out = new Float32Array(c.cols).fill(Number.NaN);
      sumRows(out, Float32Array.from(c.x ?? []), c.rows, c.cols);
      expectClose(out, c.expected ?? [], c.atol, c.rtol, 'out');
    });
  }

  test('a single row is copied', () => {
    const x = Float32Array.from(fixedRandom(10, 1));
    const out = new Float32Array(10);
    sumRows(out, x, 1, 10);
    expect(Array.from(out)).toEqual(Array.from(x));
  });

  // L = Σ w ⊙ biasAddRelu(x, bias) with fixed w: dL/dbias = Σ_rows reluBackward(w, out).
  for (const relu of [true, false]) {
    test(`of reluBackward is the bias gradient of biasAddRelu (relu ${relu}, central differences, float64)`, () => {
      const [rows, cols] = [6, 4];
      const x = fixedRandom(rows * cols, 6);
      const bias = fixedRandom(cols, 7);
      const w = fixedRandom(rows * cols, 8);
      const out = new Float64Array(rows * cols);
      const loss = () => {
        biasAddRelu(asF32(out), asF32(x), asF32(bias), rows, cols, relu);
        return out.reduce((sum, v, i) => sum + w[i] * v, 0);
      };
      loss();
      expect(Math.min(...out.map((_, i) => Math.abs(x[i] + bias[i % cols])))).toBeGreaterThan(1e-4);
      const dout = new Float64Array(rows * cols);
      if (relu) reluBackward(asF32(dout), asF32(w), asF32(out), rows * cols);
      else dout.set(w);
      const dbias = new Float64Array(cols);
      sumRows(asF32(dbias), asF32(dout), rows, cols);
      expectClose(dbias, numericGradient(loss, bias), 1e-8, 1e-7, 'dL/dbias');
    });
  }
});
