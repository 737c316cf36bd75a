import type { SoftmaxXentMode } from '../backend';

export interface SoftmaxXentRefArgs {
  mode: SoftmaxXentMode;
  rows: number;
  cols: number;
  out: Float32Array;
  metrics: Float32Array;
  loss: Float32Array;
  predictions: Uint32Array;
  logits: Float32Array;
  labels: Uint32Array;
}

/** Reference for shaders/softmaxXent.wgsl: stable softmax + cross-entropy, metrics accumulated. */
export function softmaxXent(a: SoftmaxXentRefArgs): void {
  let lossSum = 0;
  let correct = 0;
  let nonFinite = 0;
  for (let r = 0; r < a.rows; r++) {
    const row = a.logits.subarray(r * a.cols, (r + 1) * a.cols);
    let best = row[0];
    let arg = 0;
    for (let c = 1; c < a.cols; c++) {
      if (row[c] > best) {
        best = row[c];
        arg = c;
      }
    }
    let total = 0;
    for (let c = 0; c < a.cols; c++) total += Math.exp(row[c] - best);
    a.predictions[r] = arg;
    if (a.mode === 'predict') {
      for (let c = 0; c < a.cols; c++) a.out[r * a.cols + c] = Math.exp(row[c] - best) / total;
      continue;
    }
    const label = a.labels[r];
    const rowLoss = Math.log(total) - (row[label] - best);
    lossSum += rowLoss;
    if (!Number.isFinite(rowLoss)) nonFinite++;
    else if (arg === label) correct++;
    if (a.mode === 'train') {
      for (let c = 0; c < a.cols; c++) {
        const p = Math.exp(row[c] - best) / total;
        a.out[r * a.cols + c] = (p - (c === label ? 1 : 0)) / a.rows;
      }
    }
  }
  if (a.mode === 'predict') return;
  a.loss[0] = lossSum / a.rows;
  a.metrics[0] += lossSum;
  a.metrics[1] += correct;
  a.metrics[2] += a.rows;
  a.metrics[3] += nonFinite;
}
