/** Reference for shaders/reluBackward.wgsl. NOTE: the gradient at exactly 0 is 0. */
export function reluBackward(dx: Float32Array, dy: Float32Array, y: Float32Array, length: number): void {
  for (let i = 0; i < length; i++) dx[i] = y[i] > 0 ? dy[i] : 0;
}
