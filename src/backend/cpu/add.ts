/** Reference for shaders/add.wgsl: out += x. */
export function add(out: Float32Array, x: Float32Array, length: number): void {
  for (let i = 0; i < length; i++) out[i] += x[i];
}
