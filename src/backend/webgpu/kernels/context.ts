// What a kernel wrapper needs from the backend: cached pipelines and uniforms, and a way to record
// one dispatch. Wrappers never create GPU objects themselves.

export interface KernelContext {
  readonly limits: GPUSupportedLimits;
  /** Invocations per workgroup for the one-dimensional kernels. */
  readonly workgroupSize: number;
  pipeline(id: string, code: string, constants?: Record<string, number | boolean>): GPUComputePipeline;
  /** A uniform buffer holding these u32 words (f32 values go in as their bits). */
  uniform(words: Uint32Array): GPUBuffer;
  /** Binds buffers at bindings 0, 1, 2, ... and records the dispatch. */
  dispatch(pipeline: GPUComputePipeline, buffers: GPUBuffer[], groupsX: number, groupsY?: number): void;
}

/** Enough workgroups for `elements` invocations, folded into a 2-D grid past the per-dimension limit. */
export function dispatch1d(
  ctx: KernelContext,
  pipeline: GPUComputePipeline,
  buffers: GPUBuffer[],
  elements: number,
): void {
  const groups = Math.max(1, Math.ceil(elements / ctx.workgroupSize));
  const maxX = ctx.limits.maxComputeWorkgroupsPerDimension;
  if (groups <= maxX) ctx.dispatch(pipeline, buffers, groups);
  else ctx.dispatch(pipeline, buffers, maxX, Math.ceil(groups / maxX));
}

export function u32s(...values: number[]): Uint32Array {
  const words = new Uint32Array(Math.max(4, values.length));
  words.set(values);
  return words;
}
