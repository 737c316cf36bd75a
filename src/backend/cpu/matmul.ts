import type { MatmulShape } from '../backend';

/** Reference for shaders/matmul.wgsl and matmulRegister.wgsl. */
export function matmul(out: Float32Array, a: Float32Array, b: Float32Array, s: MatmulShape): void {
  for (let i = 0; i < s.m; i++) {
    for (let j = 0; j < s.n; j++) {
      let sum = 0;
      for (let p = 0; p < s.k; p++) {
        const av = s.transA ? a[p * s.m + i] : a[i * s.k + p];
        const bv = s.transB ? b[j * s.k + p] : b[p * s.n + j];
        sum += av * bv;
      }
      out[i * s.n + j] = sum;
    }
  }
}
