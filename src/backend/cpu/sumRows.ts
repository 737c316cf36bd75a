/** Reference for shaders/sumRows.wgsl: out[c] = Σ_r x[r, c]. */
export function sumRows(out: Float32Array, x: Float32Array, rows: number, cols: number): void {
  for (let c = 0; c < cols; c++) {
    let sum = 0;
    for (let r = 0; r < rows; r++) sum += x[r * cols + c];
    out[c] = sum;
  }
}
