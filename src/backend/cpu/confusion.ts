export interface ConfusionRefArgs {
  rows: number;
  cols: number;
  offset: number;
  matrix: Uint32Array;
  predicted: Uint32Array;
  probs: Float32Array;
  logits: Float32Array;
  labels: Uint32Array;
}

/** Reference for shaders/confusion.wgsl: argmax, softmax and a count per (true, predicted) pair. */
export function confusion(a: ConfusionRefArgs): void {
  for (let r = 0; r < a.rows; r++) {
    const row = a.logits.subarray(r * a.cols, (r + 1) * a.cols);
    let arg = 0;
    for (let c = 1; c < a.cols; c++) if (row[c] > row[arg]) arg = c;
    let total = 0;
    for (let c = 0; c < a.cols; c++) total += Math.exp(row[c] - row[arg]);
    const at = a.offset + r;
    a.predicted[at] = arg;
    for (let c = 0; c < a.cols; c++) a.probs[at * a.cols + c] = Math.exp(row[c] - row[arg]) / total;
    a.matrix[a.labels[r] * a.cols + arg]++;
  }
}
