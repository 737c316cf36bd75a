import type { SoftmaxXentMode, Storage } from '../backend/backend';
import type { Tape } from './tape';
import { Tensor } from './tensor';

// The differentiable ops. Each one runs its forward kernel and records, right beside it, the
// backward rule that turns the output's gradient into its inputs' gradients.

/** [m,k]·[k,n] -> [m,n]. Backward: dA = dY·Bᵀ, dB = Aᵀ·dY (matmul with transposed reads). */
export function matmul(tape: Tape, a: Tensor, b: Tensor): Tensor {
  const [m, k] = a.shape;
  const [kb, n] = b.shape;
  if (k !== kb) throw new Error(`matmul: inner dimensions differ, [${a.shape}]·[${b.shape}]`);
  const out = tape.tensor([m, n], a.requiresGrad || b.requiresGrad);
  const sparseA = a.mostlyZeros;
  tape.backend.matmul(out.storage, a.storage, b.storage, { m, n, k, transA: false, transB: false, sparseA });
  tape.record(out, [a, b], (dy) => {
    const dyS = dy as Storage;
    let da: Storage | null = null;
    let db: Storage | null = null;
    if (a.requiresGrad) {
      da = tape.gradFor(a, m * k);
      tape.backend.matmul(da, dyS, b.storage, { m, n: k, k: n, transA: false, transB: true });
    }
    if (b.requiresGrad) {
      db = tape.gradFor(b, k * n);
      tape.backend.matmul(db, a.storage, dyS, { m: k, n, k: m, transA: true, transB: false, sparseA });
    }
    return [da, db];
  });
  return out;
}

/** x [rows,cols] + bias [cols], then ReLU if asked. Backward: the ReLU mask, and Σ over rows for the bias. */
export function biasAdd(tape: Tape, x: Tensor, bias: Tensor, relu: boolean): Tensor {
  const [rows, cols] = x.shape;
  if (bias.size !== cols) throw new Error(`biasAdd: bias of ${bias.size} for ${cols} columns`);
  const out = tape.tensor([rows, cols], x.requiresGrad || bias.requiresGrad);
  tape.backend.biasAddRelu(out.storage, x.storage, bias.storage, rows, cols, relu);
  tape.record(out, [x, bias], (dy) => {
    let dz = dy as Storage;
    if (relu) {
      dz = tape.alloc(rows * cols);
      // NOTE: masks on the saved output: out > 0 exactly where x + bias > 0.
      tape.backend.reluBackward(dz, dy as Storage, out.storage, rows * cols);
    }
    let dbias: Storage | null = null;
    if (bias.requiresGrad) {
      dbias = tape.gradFor(bias, cols);
      tape.backend.sumRows(dbias, dz, rows, cols);
    }
    return [dz, dbias];
  });
  return out;
}

/**
 * A dense layer, fused: x [m,k] · kernel [k,n] + bias, then ReLU if asked, in one matmul. Backward
 * in two: dx = dz·kernelᵀ (masked by x's own ReLU when x is one's output, which that ReLU's backward
 * then skips) and dkernel = xᵀ·dz with the bias gradient Σ_rows dz in the same dispatch. The
 * reference is matmul then biasAdd (tests/engine/gradcheck compares gradients).
 */
export function dense(tape: Tape, x: Tensor, kernel: Tensor, bias: Tensor, relu: boolean): Tensor {
  const [m, k] = x.shape;
  const [kb, n] = kernel.shape;
  if (x.shape.length !== 2 || k !== kb)
    throw new Error(`dense: cannot multiply [${x.shape}]·[${kernel.shape}]`);
  if (bias.size !== n) throw new Error(`dense: bias of ${bias.size} for ${n} columns`);
  const b = tape.backend;
  const out = tape.tensor([m, n], x.requiresGrad || kernel.requiresGrad || bias.requiresGrad);
  const sparseA = x.mostlyZeros;
  b.matmul(
    out.storage,
    x.storage,
    kernel.storage,
    { m, n, k, transA: false, transB: false, sparseA, sparseIndex: x.sparseIndex?.rows },
    { bias: bias.storage, relu },
  );
  out.reluOutput = relu;
  tape.record(out, [x, kernel, bias], (dy) => {
    let dz = dy as Storage;
    if (relu && !tape.isMasked(dz)) {
      dz = tape.alloc(m * n);
      // NOTE: masks on the saved output: out > 0 exactly where x·W + b > 0.
      b.reluBackward(dz, dy as Storage, out.storage, m * n);
    }
    let dx: Storage | null = null;
    let dkernel: Storage | null = null;
    let dbias: Storage | null = null;
    if (x.requiresGrad) {
      dx = tape.gradFor(x, m * k);
      const mask = x.reluOutput ? x.storage : undefined;
      b.matmul(dx, dz, kernel.storage, { m, n: k, k: n, transA: false, transB: true }, { mask });
      if (mask) tape.markMasked(dx);
    }
    if (bias.requiresGrad) dbias = tape.gradFor(bias, n);
    if (kernel.requiresGrad) {
      dkernel = tape.gradFor(kernel, k * n);
      const shape = {
        m: k,
        n,
        k: m,
        transA: true,
        transB: false,
        sparseA,
        sparseIndex: x.sparseIndex?.columns ?? undefined,
      };
      b.matmul(dkernel, x.storage, dz, shape, { columnSums: dbias ?? undefined });
    } else if (dbias) {
      b.sumRows(dbias, dz, m, n);
    }
    return [dx, dkernel, dbias];
  });
  return out;
}

export interface SoftmaxXentResult {
  /** [1] the batch-mean cross-entropy; a loss, so backward() starts here. */
  loss: Tensor;
  /** [rows] u32 argmax of each row. */
  predictions: Storage;
}

/**
 * Softmax + categorical cross-entropy against class indices, fused. The logits' gradient
 * (p - onehot) / rows is written in the forward pass and handed back in backward. `metrics`
 * accumulates [lossSum, correct, seen, nonFinite] on the device.
 */
export function softmaxCrossEntropy(
  tape: Tape,
  logits: Tensor,
  labels: Storage,
  metrics: Storage,
): SoftmaxXentResult {
  const [rows, cols] = logits.shape;
  const training = logits.requiresGrad && tape.recordsGrad;
  const mode: SoftmaxXentMode = training ? 'train' : 'eval';
  const loss = tape.tensor([1], training);
  const dlogits = tape.alloc(training ? rows * cols : 1);
  const predictions = tape.alloc(rows);
  tape.backend.softmaxXent({
    mode,
    rows,
    cols,
    out: dlogits,
    metrics,
    loss: loss.storage,
    predictions,
    logits: logits.storage,
    labels,
  });
  tape.record(loss, [logits], () => [dlogits]);
  return { loss, predictions };
}

/** Row-wise softmax probabilities (inference only). */
export function softmax(tape: Tape, logits: Tensor): Tensor {
  const [rows, cols] = logits.shape;
  const probs = tape.tensor([rows, cols], false);
  const scratch = tape.alloc(1);
  const b = tape.backend;
  // predict mode reads no labels and writes no loss or metrics; they bind to a small scratch buffer.
  const predictions = tape.alloc(rows);
  const unused = tape.alloc(4);
  b.softmaxXent({
    mode: 'predict',
    rows,
    cols,
    out: probs.storage,
    metrics: unused,
    loss: scratch,
    predictions,
    logits: logits.storage,
    labels: tape.alloc(1),
  });
  return probs;
}

/** The same storage seen with another shape (Flatten, NHWC <-> rows): no copy either way. */
export function reshape(tape: Tape, x: Tensor, shape: readonly number[]): Tensor {
  const out = new Tensor(tape.backend, shape, x.storage, x.requiresGrad && tape.recordsGrad);
  if (out.size !== x.size)
    throw new Error(`reshape: [${x.shape}] has ${x.size} values, [${shape}] ${out.size}`);
  tape.record(out, [x], (dy) => [dy]);
  return out;
}
