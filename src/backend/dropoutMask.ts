// The numbers a dropout mask is drawn with, shared by the reference (cpu/dropout.ts) and the
// WebGPU wrapper (webgpu/kernels/dropout.ts), so both keep exactly the same units.

/** The u32 a kept unit's hash must reach: floor(rate · 2^32), so P(kept) = 1 − rate. */
export function dropoutThreshold(rate: number): number {
  return Math.min(2 ** 32 - 1, Math.floor(rate * 2 ** 32));
}

/** 1 / (1 − rate) as f32: what a kept unit is multiplied by in training. */
export function dropoutScale(rate: number): number {
  return Math.fround(1 / (1 - rate));
}
