// What a kernel wrapper needs from the backend: cached pipelines and uniforms, a way to record one
// dispatch (it unwraps the Storage it is given), and scratch storage from the pool. Wrappers never
// create GPU objects themselves.
import type { Storage } from '../../backend';

/** Two tested matmul variants (matmul.ts); matmulTuning.ts times both on the real shapes and keeps the faster. */
export type MatmulVariant = 'tiled' | 'register';
export const MATMUL_VARIANTS: MatmulVariant[] = ['tiled', 'register'];

/** What a dispatch binds: storage (unwrapped to its buffer) or a uniform buffer. */
export type Binding = Storage | GPUBuffer;

export interface KernelContext {
  readonly limits: GPUSupportedLimits;
  /** Invocations per workgroup for the one-dimensional kernels. */
  readonly workgroupSize: number;
  /** A small storage buffer bound where a kernel's optional binding is not used (never written). */
  readonly unused: Storage;
  /** The matmul variant the tuning chose (matmulTuning.ts). */
  readonly matmulVariant: MatmulVariant;
  pipeline(id: string, code: string, constants?: Record<string, number | boolean>): GPUComputePipeline;
  /** A uniform buffer holding these u32 words (f32 values go in as their bits). */
  uniform(words: Uint32Array): GPUBuffer;
  /**
   * A uniform buffer for words that differ at every call (Adam's step size), taken from a small
   * ring kept for `id`: nothing is created once the ring is full, and recording order is kept.
   */
  changingUniform(id: string, words: Uint32Array): GPUBuffer;
  /** Binds these at bindings 0, 1, 2, ... and records the dispatch. */
  dispatch(pipeline: GPUComputePipeline, bindings: Binding[], groupsX: number, groupsY?: number): void;
  /** Scratch storage from the pool, and giving it back (recorded work keeps its order). */
  alloc(length: number): Storage;
  free(storage: Storage): void;
  /** Zeroes the first `length` words, in recording order. */
  clear(storage: Storage, length: number): void;
}

/** Enough workgroups for `elements` invocations, folded into a 2-D grid past the per-dimension limit. */
export function dispatch1d(
  ctx: KernelContext,
  pipeline: GPUComputePipeline,
  bindings: Binding[],
  elements: number,
): void {
  const groups = Math.max(1, Math.ceil(elements / ctx.workgroupSize));
  const maxX = ctx.limits.maxComputeWorkgroupsPerDimension;
  if (groups <= maxX) ctx.dispatch(pipeline, bindings, groups);
  else ctx.dispatch(pipeline, bindings, maxX, Math.ceil(groups / maxX));
}

export function u32s(...values: number[]): Uint32Array {
  const words = new Uint32Array(Math.max(4, values.length));
  words.set(values);
  return words;
}
