/** Reference for shaders/biasAddRelu.wgsl. */
export function biasAddRelu(
  out: Float32Array,
  x: Float32Array,
  bias: Float32Array,
  rows: number,
  cols: number,
  relu: boolean,
): void {
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const v = x[r * cols + c] + bias[c];
      out[r * cols + c] = relu ? Math.max(v, 0) : v;
    }
  }
}
