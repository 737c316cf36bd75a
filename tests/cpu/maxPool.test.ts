import { describe, expect, test } from 'vitest';
import { maxPool, maxPoolBackward } from '../../src/backend/cpu/maxPool';
import { maxPoolCases } from '../cases/maxPool.cases';
import { asF32, expectClose, fixedRandom, numericGradient } from './numeric';

describe('maxPool reference', () => {
  test('hand example: a 3x5 image keeps the 2x2 windows of the first two rows and four columns', () => {
    const x = Float32Array.from([1, 9, 2, 3, 7, 4, 5, 8, 0, 7, 9, 9, 9, 9, 9]);
    const shape = { batch: 1, height: 3, width: 5, channels: 1 };
    const [y, argmax] = [new Float32Array(2), new Uint32Array(2)];
    maxPool(y, argmax, x, shape);
    expect(Array.from(y)).toEqual([9, 8]);
    expect(Array.from(argmax)).toEqual([1, 7]);
    const dx = new Float32Array(15).fill(5);
    maxPoolBackward(dx, Float32Array.from([10, 20]), argmax, shape);
    expect(Array.from(dx)).toEqual([0, 10, 0, 0, 0, 0, 0, 20, 0, 0, 0, 0, 0, 0, 0]);
  });

  test('a tie goes to the first maximum in row-major window order', () => {
    const [y, argmax] = [new Float32Array(1), new Uint32Array(1)];
    maxPool(y, argmax, Float32Array.from([1, 3, 3, 3]), { batch: 1, height: 2, width: 2, channels: 1 });
    expect(argmax[0]).toBe(1);
  });

  for (const c of maxPoolCases.filter((c) => c.batch * c.height * c.width * c.channels < 2000)) {
    test(`backward matches finite differences: ${c.name}`, () => {
      const outputs = c.batch * Math.floor(c.height / 2) * Math.floor(c.width / 2) * c.channels;
      // Distinct values, so the maximum is never tied and the function is smooth around them.
      const x = fixedRandom(c.batch * c.height * c.width * c.channels, 4);
      const g = fixedRandom(outputs, 5);
      const [y, argmax] = [new Float64Array(outputs), new Uint32Array(outputs)];
      const loss = () => {
        maxPool(asF32(y), argmax, asF32(x), c);
        return y.reduce((sum, v, i) => sum + v * g[i], 0);
      };
      loss();
      const dx = new Float64Array(x.length).fill(Number.NaN);
      maxPoolBackward(asF32(dx), asF32(g), argmax, c);
      expectClose(dx, numericGradient(loss, x), 1e-6, 1e-6, 'dx');
    });
  }
});
