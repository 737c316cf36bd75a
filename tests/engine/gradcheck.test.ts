import { describe, expect, test } from 'vitest';
import type { Storage } from '../../src/backend/backend';
import { statsLength, statsStride } from '../../src/backend/batchNorm';
import { CpuBackend } from '../../src/backend/cpu/cpuBackend';
import { batchNorm } from '../../src/engine/batchNormOp';
import { conv2d, maxPool2d } from '../../src/engine/convOps';
import { dropout } from '../../src/engine/dropoutOp';
import { biasAdd, dense, matmul, reshape, softmaxCrossEntropy } from '../../src/engine/ops';
import { Tape } from '../../src/engine/tape';
import { Tensor } from '../../src/engine/tensor';
import { Random } from '../../src/nn/random';

// Every op's backward against central finite differences, on the CPU backend. Each graph ends in
// softmaxCrossEntropy so there is a scalar loss; the ops before it are the ones under test.

const backend = new CpuBackend();
const CLASSES = 5;

function randomTensor(shape: number[], random: Random, requiresGrad = true): Tensor {
  const data = new Float32Array(shape.reduce((a, b) => a * b, 1)).map(() => random.uniform(-1, 1));
  return Tensor.from(backend, shape, data, requiresGrad);
}

function labelsFor(rows: number, random: Random): Storage {
  const labels = backend.alloc(rows);
  backend.write(
    labels,
    Uint32Array.from({ length: rows }, () => Math.floor(random.next() * CLASSES)),
  );
  return labels;
}

type Graph = (tape: Tape) => Tensor; // returns the logits

async function lossOf(graph: Graph, labels: Storage): Promise<number> {
  const tape = new Tape(backend, false);
  const metrics = backend.alloc(4);
  const { loss } = softmaxCrossEntropy(tape, graph(tape), labels, metrics);
  const value = (await loss.toArray())[0];
  tape.release();
  backend.free(metrics);
  return value;
}

async function gradcheck(graph: Graph, inputs: Tensor[], labels: Storage, eps = 1e-2, tol = 2e-3) {
  const tape = new Tape(backend);
  const metrics = backend.alloc(4);
  const { loss } = softmaxCrossEntropy(tape, graph(tape), labels, metrics);
  tape.backward(loss);
  const analytic = await Promise.all(inputs.map((t) => (t.grad as Tensor).toArray()));
  tape.release();
  for (const [n, input] of inputs.entries()) {
    const values = await input.toArray();
    for (let i = 0; i < values.length; i++) {
      const original = values[i];
      values[i] = original + eps;
      backend.write(input.storage, values);
      const up = await lossOf(graph, labels);
      values[i] = original - eps;
      backend.write(input.storage, values);
      const down = await lossOf(graph, labels);
      values[i] = original;
      backend.write(input.storage, values);
      const numeric = (up - down) / (2 * eps);
      expect(
        Math.abs(analytic[n][i] - numeric),
        `input ${n} element ${i}: analytic ${analytic[n][i]} numeric ${numeric}`,
      ).toBeLessThan(tol);
    }
  }
}

describe('gradients match finite differences', () => {
  test('matmul: both operands', async () => {
    const r = new Random(1);
    const [a, b] = [randomTensor([3, 4], r), randomTensor([4, CLASSES], r)];
    await gradcheck((t) => matmul(t, a, b), [a, b], labelsFor(3, r));
  });

  test('biasAdd without ReLU: input and bias', async () => {
    const r = new Random(2);
    const [x, bias] = [randomTensor([4, CLASSES], r), randomTensor([CLASSES], r)];
    await gradcheck((t) => biasAdd(t, x, bias, false), [x, bias], labelsFor(4, r));
  });

  test('biasAdd with ReLU: input and bias (no value near the kink)', async () => {
    const r = new Random(3);
    const x = randomTensor([4, CLASSES], r);
    const bias = randomTensor([CLASSES], r);
    // Keep pre-activations away from 0, where ReLU has no derivative.
    const xs = (await x.toArray()).map((v) => (Math.abs(v) < 0.1 ? v + 0.3 : v));
    backend.write(x.storage, xs);
    backend.write(bias.storage, new Float32Array(CLASSES));
    await gradcheck((t) => biasAdd(t, x, bias, true), [x, bias], labelsFor(4, r), 1e-3);
  });

  test('softmaxCrossEntropy: logits with large values stay finite and correct', async () => {
    const r = new Random(4);
    const logits = randomTensor([3, CLASSES], r);
    backend.write(
      logits.storage,
      (await logits.toArray()).map((v) => v * 3 + 100),
    );
    await gradcheck(
      (t) => matmul(t, logits, Tensor.from(backend, [CLASSES, CLASSES], identity(CLASSES))),
      [logits],
      labelsFor(3, r),
    );
  });

  test('a two-layer MLP: every parameter', async () => {
    const r = new Random(5);
    const x = randomTensor([6, 7], r, false);
    const [w1, b1, w2, b2] = [
      randomTensor([7, 8], r),
      randomTensor([8], r),
      randomTensor([8, CLASSES], r),
      randomTensor([CLASSES], r),
    ];
    await gradcheck(
      (t) => biasAdd(t, matmul(t, biasAdd(t, matmul(t, x, w1), b1, true), w2), b2, false),
      [w1, b1, w2, b2],
      labelsFor(6, r),
      1e-3,
    );
  });

  test('dense (fused): three layers, ReLU masks applied by the next layer, every input', async () => {
    const r = new Random(7);
    const x = randomTensor([6, 7], r);
    const [w1, b1, w2, b2, w3, b3] = [
      randomTensor([7, 8], r),
      randomTensor([8], r),
      randomTensor([8, 9], r),
      randomTensor([9], r),
      randomTensor([9, CLASSES], r),
      randomTensor([CLASSES], r),
    ];
    await gradcheck(
      (t) => dense(t, dense(t, dense(t, x, w1, b1, true), w2, b2, true), w3, b3, false),
      [x, w1, b1, w2, b2, w3, b3],
      labelsFor(6, r),
      1e-3,
    );
  });

  test('dense (fused) gives the same gradients as matmul then biasAdd', async () => {
    const r = new Random(8);
    const x = randomTensor([5, 7], r);
    const [w1, b1, w2, b2] = [
      randomTensor([7, 8], r),
      randomTensor([8], r),
      randomTensor([8, CLASSES], r),
      randomTensor([CLASSES], r),
    ];
    const grads = async (graph: (t: Tape) => Tensor) => {
      const tape = new Tape(backend);
      const { loss } = softmaxCrossEntropy(tape, graph(tape), labelsFor(5, new Random(9)), backend.alloc(4));
      tape.backward(loss);
      const out = await Promise.all([x, w1, b1, w2, b2].map((p) => (p.grad as Tensor).toArray()));
      tape.release();
      return out;
    };
    const fused = await grads((t) => dense(t, dense(t, x, w1, b1, true), w2, b2, false));
    const composed = await grads((t) =>
      biasAdd(t, matmul(t, biasAdd(t, matmul(t, x, w1), b1, true), w2), b2, false),
    );
    for (let i = 0; i < fused.length; i++)
      for (let j = 0; j < fused[i].length; j++) expect(fused[i][j]).toBeCloseTo(composed[i][j], 6);
  });

  test('dropout in training (a fixed mask from seed and step), between two dense layers', async () => {
    const r = new Random(10);
    const x = randomTensor([6, 7], r);
    const [w1, b1, w2, b2] = [
      randomTensor([7, 8], r),
      randomTensor([8], r),
      randomTensor([8, CLASSES], r),
      randomTensor([CLASSES], r),
    ];
    const graph = (t: Tape) => {
      // Every tape of the check (backward and finite differences) draws the same mask.
      t.training = { seed: 3, step: 17 };
      const hidden = dropout(t, dense(t, x, w1, b1, true), 0.4, 1);
      return dense(t, dropout(t, hidden, 0.25, 2), w2, b2, false);
    };
    await gradcheck(graph, [x, w1, b1, w2, b2], labelsFor(6, r), 1e-3);
  });

  test('a tensor used twice accumulates both gradients', async () => {
    const r = new Random(6);
    const x = randomTensor([3, CLASSES], r, false);
    const w = randomTensor([CLASSES, CLASSES], r);
    await gradcheck((t) => matmul(t, matmul(t, x, w), w), [w], labelsFor(3, r));
  });
});

describe('ConvNet ops: gradients match finite differences', () => {
  /** Distinct values 2/n apart in a shuffled order, so no max-pool window is near a tie. */
  function spacedTensor(shape: number[], random: Random, requiresGrad = true): Tensor {
    const n = shape.reduce((a, b) => a * b, 1);
    const values = Float32Array.from(random.permutation(n), (k) => (2 * k) / n - 1);
    return Tensor.from(backend, shape, values, requiresGrad);
  }

  test('conv2d: input and kernel, through a dense layer to the logits', async () => {
    const r = new Random(11);
    const x = randomTensor([2, 5, 6, 2], r);
    const kernel = randomTensor([3, 3, 2, 3], r);
    const w = randomTensor([(2 * 3 * 4 * 3) / 2, CLASSES], r);
    await gradcheck(
      (t) => matmul(t, reshape(t, conv2d(t, x, kernel), [2, 36]), w),
      [x, kernel, w],
      labelsFor(2, r),
      1e-3,
    );
  });

  test('conv2d: the kernel gradient summed from split-K partial sums (over 512 output pixels)', async () => {
    const r = new Random(12);
    const x = randomTensor([1, 25, 25, 1], r, false);
    const kernel = randomTensor([3, 3, 1, 2], r);
    const w = randomTensor([23 * 23 * 2, CLASSES], r);
    await gradcheck(
      (t) => matmul(t, reshape(t, conv2d(t, x, kernel), [1, 23 * 23 * 2]), w),
      [kernel],
      labelsFor(1, r),
      1e-3,
    );
  });

  test('maxPool2d: odd sizes, the gradient reaches only each window maximum', async () => {
    const r = new Random(13);
    const x = spacedTensor([2, 5, 4, 3], r);
    const w = randomTensor([2 * 2 * 3, CLASSES], r);
    await gradcheck((t) => matmul(t, reshape(t, maxPool2d(t, x), [2, 12]), w), [x, w], labelsFor(2, r), 1e-3);
  });

  test('conv -> relu -> pool -> conv -> flatten: every parameter', async () => {
    const r = new Random(14);
    const x = randomTensor([2, 8, 8, 1], r, false);
    const [k1, b1, k2, w] = [
      randomTensor([3, 3, 1, 4], r),
      randomTensor([4], r),
      randomTensor([3, 3, 4, 3], r),
      randomTensor([3, CLASSES], r),
    ];
    await gradcheck(
      (t) => {
        const c1 = reshape(t, biasAdd(t, reshape(t, conv2d(t, x, k1), [2 * 36, 4]), b1, true), [2, 6, 6, 4]);
        return matmul(t, reshape(t, conv2d(t, maxPool2d(t, c1), k2), [2, 3]), w);
      },
      [k1, b1, k2, w],
      labelsFor(2, r),
      1e-3,
    );
  });

  // BatchNormalization in training: the batch's statistics are functions of x (the gradient flows
  // through them); at inference the moving statistics are constants.
  function movingStats(channels: number, r: Random): Storage {
    const stats = new Float32Array(statsLength(channels));
    for (let c = 0; c < channels; c++) {
      stats[c] = r.uniform(-0.5, 0.5);
      stats[statsStride(channels) + c] = r.uniform(0.2, 2);
    }
    const storage = backend.alloc(stats.length);
    backend.write(storage, stats);
    return storage;
  }
  const bnOptions = { momentum: 0.99, epsilon: 1e-3 };

  test('batchNorm in training, after a dense ReLU layer: input, gamma, beta and the weights before', async () => {
    const r = new Random(21);
    const x = randomTensor([5, 4], r);
    const [w1, b1, gamma, beta, w2] = [
      randomTensor([4, 6], r),
      randomTensor([6], r),
      randomTensor([6], r),
      randomTensor([6], r),
      randomTensor([6, CLASSES], r),
    ];
    const moving = movingStats(6, r);
    await gradcheck(
      (t) => {
        t.training = { seed: 1, step: 0 };
        const h = batchNorm(t, dense(t, x, w1, b1, true), gamma, beta, moving, bnOptions);
        return matmul(t, h, w2);
      },
      [x, w1, b1, gamma, beta, w2],
      labelsFor(5, r),
      1e-3,
    );
  });

  test('batchNorm in training over conv channels (batch x height x width), 3 channels', async () => {
    const r = new Random(22);
    const x = randomTensor([2, 3, 3, 3], r);
    const [gamma, beta, w] = [randomTensor([3], r), randomTensor([3], r), randomTensor([27, CLASSES], r)];
    const moving = movingStats(3, r);
    await gradcheck(
      (t) => {
        t.training = { seed: 1, step: 0 };
        return matmul(t, reshape(t, batchNorm(t, x, gamma, beta, moving, bnOptions), [2, 27]), w);
      },
      [x, gamma, beta],
      labelsFor(2, r),
      1e-3,
    );
  });

  test('batchNorm at inference (moving statistics, constants): the input gradient', async () => {
    const r = new Random(23);
    const x = randomTensor([3, 4], r);
    const [gamma, beta, w] = [randomTensor([4], r), randomTensor([4], r), randomTensor([4, CLASSES], r)];
    const moving = movingStats(4, r);
    await gradcheck(
      (t) => matmul(t, batchNorm(t, x, gamma, beta, moving, bnOptions), w),
      [x],
      labelsFor(3, r),
    );
  });
});

function identity(n: number): Float32Array {
  const m = new Float32Array(n * n);
  for (let i = 0; i < n; i++) m[i * n + i] = 1;
  return m;
}

test('tape.release returns every temporary to the backend', () => {
  const r = new Random(7);
  const [x, w] = [randomTensor([4, 6], r, false), randomTensor([6, CLASSES], r)];
  const labels = labelsFor(4, r);
  const metrics = backend.alloc(4);
  const before = backend.bytesInUse;
  const tape = new Tape(backend);
  tape.backward(softmaxCrossEntropy(tape, matmul(tape, x, w), labels, metrics).loss);
  expect(w.grad).not.toBeNull();
  tape.release();
  expect(w.grad).toBeNull();
  expect(backend.bytesInUse).toBe(before);
});

test('backward must start from the loss', () => {
  const r = new Random(8);
  const [x, w] = [randomTensor([2, 3], r), randomTensor([3, CLASSES], r)];
  const tape = new Tape(backend);
  const logits = matmul(tape, x, w);
  softmaxCrossEntropy(tape, logits, labelsFor(2, r), backend.alloc(4));
  expect(() => tape.backward(logits)).toThrow(/loss/);
});
