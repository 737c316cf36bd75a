// Choosing the matmul variant for this adapter, beside the kernels it chooses between. Called from
// one place: warmUp (src/nn/warmUp.ts), through Backend.tuneMatmul.
import type { Backend, MatmulShape } from '../../backend';
import { MATMUL_VARIANTS, type MatmulVariant } from './context';

/** What the tuning needs of the WebGPU backend: its matmul, scratch storage, and the queue to wait on. */
export interface TunedBackend extends Pick<Backend, 'alloc' | 'free' | 'flush' | 'matmul'> {
  readonly device: GPUDevice;
  matmulVariant: MatmulVariant;
}

/**
 * Times each matmul variant on the model's shapes and keeps the fastest: workgroup-memory tiling
 * wins on GPUs, register blocking on CPU-backed adapters (see the shaders' headers). A first pass
 * runs shapes cut down to at most 64 x 128 x 256, so a variant that is slow on this adapter costs
 * milliseconds, not seconds; where everything is that fast (a real GPU) the full shapes decide.
 */
export async function tuneMatmul(
  backend: TunedBackend,
  shapes: MatmulShape[],
  repeats = 2,
): Promise<Record<MatmulVariant, number>> {
  const probe = shapes.map((s) => ({
    ...s,
    m: Math.min(s.m, 64),
    n: Math.min(s.n, 128),
    k: Math.min(s.k, 256),
  }));
  let times = await timeVariants(backend, probe, repeats);
  if (Math.min(...Object.values(times)) < 5) times = await timeVariants(backend, shapes, repeats);
  backend.matmulVariant = MATMUL_VARIANTS.reduce((best, v) => (times[v] < times[best] ? v : best));
  return times;
}

async function timeVariants(
  backend: TunedBackend,
  shapes: MatmulShape[],
  repeats: number,
): Promise<Record<MatmulVariant, number>> {
  const times = {} as Record<MatmulVariant, number>;
  const size = (s: MatmulShape) => Math.max(s.m * s.k, s.k * s.n, s.m * s.n);
  const scratch = Math.max(...shapes.map(size));
  const [a, b, c] = [backend.alloc(scratch), backend.alloc(scratch), backend.alloc(scratch)];
  const done = () => backend.device.queue.onSubmittedWorkDone();
  for (const variant of MATMUL_VARIANTS) {
    backend.matmulVariant = variant;
    for (const s of shapes) backend.matmul(c, a, b, s); // compiles the pipelines
    backend.flush();
    await done();
    const start = performance.now();
    for (let r = 0; r < repeats; r++) for (const s of shapes) backend.matmul(c, a, b, s);
    backend.flush();
    await done();
    times[variant] = (performance.now() - start) / repeats;
  }
  for (const s of [a, b, c]) backend.free(s);
  return times;
}
