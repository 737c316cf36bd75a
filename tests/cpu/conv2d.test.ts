import { describe, expect, test } from 'vitest';
import { conv2d, conv2dInputGrad, conv2dKernelGrad } from '../../src/backend/cpu/conv2d';
import { conv2dCases } from '../cases/conv2d.cases';
import { asF32, expectClose, fixedRandom, numericGradient } from './numeric';

describe('conv2d reference', () => {
  test('hand example: a 3x4 image, one channel in, two out', () => {
    // The first kernel picks the centre pixel; the second sums the window.
    const x = Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const w = new Float32Array(18);
    for (let tap = 0; tap < 9; tap++) w[tap * 2 + 1] = 1;
    w[4 * 2] = 1;
    const y = new Float32Array(4);
    conv2d(y, x, w, { batch: 1, height: 3, width: 4, inChannels: 1, outChannels: 2 });
    expect(Array.from(y)).toEqual([6, 54, 7, 63]);
  });

  // L = Σ y·g for fixed random g, so dL/dx and dL/dw are the two gradients with dy = g.
  for (const c of conv2dCases.filter(
    (c) => c.batch * c.height * c.width * c.inChannels * c.outChannels < 5000,
  )) {
    test(`input and kernel gradients match finite differences: ${c.name}`, () => {
      const [oh, ow] = [c.height - 2, c.width - 2];
      const x = fixedRandom(c.batch * c.height * c.width * c.inChannels, 1);
      const w = fixedRandom(9 * c.inChannels * c.outChannels, 2);
      const g = fixedRandom(c.batch * oh * ow * c.outChannels, 3);
      const y = new Float64Array(g.length);
      const loss = () => {
        conv2d(asF32(y), asF32(x), asF32(w), c);
        return y.reduce((sum, v, i) => sum + v * g[i], 0);
      };
      const dx = new Float64Array(x.length);
      conv2dInputGrad(asF32(dx), asF32(g), asF32(w), c);
      expectClose(dx, numericGradient(loss, x), 1e-6, 1e-6, 'dx');
      const partial = new Float64Array(c.splits * w.length);
      conv2dKernelGrad(asF32(partial), asF32(x), asF32(g), c, c.splits);
      const dw = new Float64Array(w.length);
      for (let s = 0; s < c.splits; s++)
        for (let i = 0; i < w.length; i++) dw[i] += partial[s * w.length + i];
      expectClose(dw, numericGradient(loss, w), 1e-6, 1e-6, 'dw');
    });
  }
});
