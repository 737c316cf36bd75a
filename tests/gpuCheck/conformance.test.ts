import { describe, expect, test, vi } from 'vitest';

// The check imports the engine through src/index.ts, whose WebGPU backend reads the spec's usage
// flags when it loads; Node without Dawn has none. Only the constants (their spec values): nothing
// here runs on WebGPU.
vi.hoisted(() => {
  Object.assign(globalThis, {
    GPUBufferUsage: {
      MAP_READ: 1,
      MAP_WRITE: 2,
      COPY_SRC: 4,
      COPY_DST: 8,
      INDEX: 16,
      VERTEX: 32,
      UNIFORM: 64,
      STORAGE: 128,
      INDIRECT: 256,
      QUERY_RESOLVE: 512,
    },
    GPUMapMode: { READ: 1, WRITE: 2 },
  });
});

import { conformance, mismatch } from '../../scripts/gpuCheck/conformance';
import { gradientChecks } from '../../scripts/gpuCheck/gradients';
import type { Storage } from '../../src/backend/backend';
import { CpuBackend } from '../../src/backend/cpu/cpuBackend';

// gpu:check's logic on the CPU backend standing in for a device: the reference against itself
// passes, and a backend with one wrong kernel, or one that is not deterministic, fails by name.
// (tests/dawn/ runs the same check on a real WebGPU adapter.)

/** sumRows off by 1e-3 in its last column: a wrong kernel. */
/** The words of a CPU storage, as the CPU backend keeps them. */
const f32 = (s: Storage) => (s as unknown as { f32: Float32Array }).f32;

// NOTE: the CPU backend installs its kernels as own properties (cpu/kernels.ts), so a changed kernel
// replaces the property rather than overriding a method.
class WrongSumRows extends CpuBackend {
  constructor() {
    super();
    const sumRows = this.sumRows;
    this.sumRows = (out, x, rows, cols) => {
      sumRows(out, x, rows, cols);
      f32(out)[cols - 1] += 1e-3;
    };
  }
}

/** sumRows whose every second call is one part in a million off: a race that comes and goes. */
class FlakySumRows extends CpuBackend {
  private calls = 0;
  constructor() {
    super();
    const sumRows = this.sumRows;
    this.sumRows = (out, x, rows, cols) => {
      sumRows(out, x, rows, cols);
      if (++this.calls % 2 === 0) f32(out)[0] *= 1 + 2 ** -20;
    };
  }
}

describe('gpu:check conformance', () => {
  test('the CPU reference against itself: every case passes', async () => {
    const results = await conformance(new CpuBackend(), new CpuBackend(), {
      repeats: 0,
      fullSize: false,
    });
    expect(results.length).toBeGreaterThan(150);
    expect(results.filter((r) => !r.ok)).toEqual([]);
    const kernels = new Set(results.map((r) => r.kernel));
    for (const kernel of ['biasAddRelu', 'softmaxXent', 'rmsprop', 'gatherBatch', 'confusion', 'conv2d'])
      expect(kernels).toContain(kernel);
  }, 120_000);

  test('a wrong kernel fails, naming the kernel, the case and the element', async () => {
    const results = await conformance(new WrongSumRows(), new CpuBackend(), {
      repeats: 0,
      fullSize: false,
    });
    const failed = results.filter((r) => !r.ok);
    expect(failed.length).toBeGreaterThan(0);
    expect(new Set(failed.map((r) => r.kernel))).toEqual(new Set(['sumRows']));
    expect(failed[0].problem).toMatch(/element \d+ is .*, expected/);
  }, 120_000);

  test('a kernel whose repeats differ in the last bits fails the stress part, even within tolerance', async () => {
    const results = await conformance(new FlakySumRows(), new CpuBackend(), {
      repeats: 2,
      fullSize: false,
    });
    const stress = results.find((r) => r.kernel === 'sumRows' && r.name.startsWith('stress'));
    expect(stress?.ok).toBe(false);
    expect(stress?.problem).toMatch(/run 2, output 0: element 0 is .*, run 1 gave .*same bits/);
    expect(results.filter((r) => r.kernel !== 'sumRows' && !r.ok)).toEqual([]);
  }, 120_000);

  test('training-step gradients: the CPU backend agrees with itself, a wrong ReLU mask does not', async () => {
    const random = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 2654435761) % 251);
    const images = { pixels: random(128 * 784), labels: Uint8Array.from({ length: 128 }, (_, i) => i % 10) };
    const variants = [{ name: 'cpu', set: () => {} }];
    const same = await gradientChecks(new CpuBackend(), new CpuBackend(), images, variants);
    expect(same.map((r) => r.ok)).toEqual([true, true]);
    // The hidden layer's ReLU mask is applied in the epilogue of the matmul that makes its gradient.
    class WrongReluMask extends CpuBackend {
      constructor() {
        super();
        const matmul = this.matmul;
        this.matmul = (out, a, b, shape, epilogue) => {
          matmul(out, a, b, shape, epilogue);
          if (epilogue?.mask) f32(out)[0] += 0.5;
        };
      }
    }
    const wrong = await gradientChecks(new WrongReluMask(), new CpuBackend(), images, variants);
    expect(wrong.map((r) => r.ok)).toEqual([false, false]);
    expect(wrong[0].problem).toMatch(/parameter \d+: element \d+/);
  }, 120_000);

  test('mismatch: tolerances, NaN and infinities', () => {
    expect(mismatch([1, 2], [1, 2.0001], { atol: 1e-3, rtol: 0 })).toBeNull();
    expect(mismatch([1, 2], [1, 2.1], { atol: 1e-3, rtol: 0 })).toMatch(/element 1 is 2, expected 2.1/);
    expect(mismatch([Number.NaN], [Number.NaN], { atol: 0, rtol: 0 })).toBeNull();
    expect(mismatch([0], [Number.NaN], { atol: 0, rtol: 0 })).toMatch(/element 0/);
    expect(mismatch([0], [Number.NaN], { atol: 0, rtol: 0, nanIsAny: true })).toBeNull();
    expect(mismatch([Number.POSITIVE_INFINITY], [Number.POSITIVE_INFINITY], { atol: 0, rtol: 0 })).toBeNull();
    expect(mismatch([1e30], [Number.POSITIVE_INFINITY], { atol: 1, rtol: 1 })).toMatch(/element 0/);
    expect(mismatch([1], [1, 2], { atol: 0, rtol: 0 })).toMatch(/length 1, expected 2/);
  });
});
