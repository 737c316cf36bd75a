import type {
  Backend,
  ConfusionArgs,
  Conv2dShape,
  GatherBatchArgs,
  MatmulShape,
  PoolShape,
  RmspropHyper,
  SoftmaxXentArgs,
  Storage,
} from '../backend';
import { confusion } from './kernels/confusion';
import type { KernelContext } from './kernels/context';
import { conv2d, conv2dInputGrad, conv2dKernelGrad } from './kernels/conv2d';
import { add, biasAddRelu, reluBackward, sumRows } from './kernels/elementwise';
import { gatherBatch } from './kernels/gatherBatch';
import {
  canSkipZerosInA,
  MATMUL_VARIANTS,
  type MatmulVariant,
  matmul,
  matmulSparseA,
  nonzeroColumns,
  sparseIndexWords,
} from './kernels/matmul';
import { maxPool, maxPoolBackward } from './kernels/maxPool';
import { rmsprop } from './kernels/rmsprop';
import { softmaxXent } from './kernels/softmaxXent';
import { BindGroupCache, PipelineCache, UniformCache } from './pipelines';
import { BufferPool } from './pool';
import { KernelProfiler, type KernelTime } from './profiler';

class GpuStorage implements Storage {
  constructor(
    readonly buffer: GPUBuffer,
    readonly length: number,
  ) {}
}
const gpu = (s: Storage) => (s as GpuStorage).buffer;

const STORAGE_USAGE = GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST;
const STAGING_USAGE = GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST;

/**
 * Records kernels into one compute pass of one command encoder and submits on flush() or read(),
 * so a whole training step (or many) goes to the GPU as a single submit.
 */
export class WebGPUBackend implements Backend {
  readonly name = 'webgpu';
  readonly pool: BufferPool;
  readonly pipelines: PipelineCache;
  readonly uniforms: UniformCache;
  readonly bindGroups: BindGroupCache;
  matmulVariant: MatmulVariant = 'tiled';
  /** Dispatches recorded and command buffers submitted so far (for speed reports). */
  dispatches = 0;
  submits = 0;
  private encoder: GPUCommandEncoder | null = null;
  private pass: GPUComputePassEncoder | null = null;
  private readonly ctx: KernelContext;
  private profiler: KernelProfiler | null = null;

  constructor(readonly device: GPUDevice) {
    this.pool = new BufferPool(device);
    this.pipelines = new PipelineCache(device);
    this.uniforms = new UniformCache(device);
    this.bindGroups = new BindGroupCache(device);
    this.ctx = {
      limits: device.limits,
      workgroupSize: Math.min(64, device.limits.maxComputeInvocationsPerWorkgroup),
      pipeline: (id, code, constants) => this.pipelines.get(id, code, constants),
      uniform: (words) => this.uniforms.get(words),
      dispatch: (pipeline, buffers, x, y = 1) => {
        const bindGroup = this.bindGroups.get(pipeline, buffers);
        if (this.profiler) {
          // A pass of its own, stamped at both ends.
          this.endPass();
          if (this.profiler.full) this.flush();
          this.pass = this.commandEncoder().beginComputePass({
            timestampWrites: this.profiler.next(pipeline.label.split(':')[0]),
          });
        }
        const pass = this.computePass();
        pass.setPipeline(pipeline);
        pass.setBindGroup(0, bindGroup);
        pass.dispatchWorkgroups(x, y);
        this.dispatches++;
        if (this.profiler) this.endPass();
      },
    };
  }

  /** GPU objects created so far; a steady training step must leave this unchanged. */
  get createdObjects(): number {
    return this.pool.created + this.pipelines.created + this.uniforms.created + this.bindGroups.created;
  }

  private commandEncoder(): GPUCommandEncoder {
    this.encoder ??= this.device.createCommandEncoder();
    return this.encoder;
  }

  private computePass(): GPUComputePassEncoder {
    this.pass ??= this.commandEncoder().beginComputePass();
    return this.pass;
  }

  private endPass(): void {
    this.pass?.end();
    this.pass = null;
  }

  flush(): void {
    this.endPass();
    const afterSubmit = this.encoder && this.profiler ? this.profiler.resolve(this.encoder) : null;
    if (this.encoder) {
      this.device.queue.submit([this.encoder.finish()]);
      this.submits++;
    }
    this.encoder = null;
    afterSubmit?.();
  }

  /** Starts timing every dispatch on the GPU, by kernel id; false if the adapter cannot. */
  startProfile(): boolean {
    if (!this.device.features.has('timestamp-query')) return false;
    this.flush();
    this.profiler = new KernelProfiler(this.device);
    return true;
  }

  /** GPU milliseconds and dispatch counts per kernel id since startProfile(). */
  async stopProfile(): Promise<Map<string, KernelTime>> {
    const profiler = this.profiler;
    if (!profiler) return new Map();
    this.flush();
    this.profiler = null;
    return profiler.finish();
  }

  alloc(length: number): Storage {
    return new GpuStorage(this.pool.acquire(length * 4, STORAGE_USAGE), length);
  }

  free(storage: Storage): void {
    this.pool.release(gpu(storage));
  }

  write(storage: Storage, data: Float32Array | Uint32Array): void {
    // queue.writeBuffer runs before any later submit, so work recorded earlier must go first.
    this.flush();
    this.device.queue.writeBuffer(
      gpu(storage),
      0,
      data.buffer as ArrayBuffer,
      data.byteOffset,
      data.byteLength,
    );
  }

  uploadBytes(bytes: Uint8Array): Storage {
    const words = new Uint8Array(Math.ceil(bytes.length / 4) * 4);
    words.set(bytes);
    const storage = this.alloc(words.length / 4);
    this.write(storage, new Uint32Array(words.buffer));
    return storage;
  }

  fill(storage: Storage, value: number, length = storage.length): void {
    if (value === 0) {
      this.endPass();
      this.commandEncoder().clearBuffer(gpu(storage), 0, length * 4);
    } else {
      this.write(storage, new Float32Array(length).fill(value));
    }
  }

  async read(storage: Storage, length = storage.length): Promise<Float32Array> {
    return new Float32Array(await this.readWords(storage, length));
  }

  async readU32(storage: Storage, length = storage.length): Promise<Uint32Array> {
    return new Uint32Array(await this.readWords(storage, length));
  }

  /** The one readback path: copy into a pooled staging buffer, submit, map, copy out. */
  private async readWords(storage: Storage, length: number): Promise<ArrayBuffer> {
    const bytes = length * 4;
    const staging = this.pool.acquire(bytes, STAGING_USAGE);
    this.endPass();
    this.commandEncoder().copyBufferToBuffer(gpu(storage), 0, staging, 0, bytes);
    this.flush();
    try {
      await staging.mapAsync(GPUMapMode.READ, 0, bytes);
      const copy = staging.getMappedRange(0, bytes).slice(0);
      staging.unmap();
      return copy;
    } finally {
      this.pool.release(staging);
    }
  }

  matmul(out: Storage, a: Storage, b: Storage, shape: MatmulShape): void {
    // The sparse path belongs to the register family (CPU-backed adapters, where skipping halves the
    // step); where tiling won the tuning, a GPU runs the dense kernel.
    if (this.matmulVariant === 'register' && canSkipZerosInA(shape)) {
      const words = sparseIndexWords(shape);
      // Scratch for this dispatch only: the kernels that use it are recorded in order, and any
      // later write() flushes them first, so the pool may hand these buffers out again at once.
      const columns = this.alloc(words.columns);
      const counts = this.alloc(words.counts);
      this.nonzeroColumns(columns, counts, a, shape);
      matmulSparseA(this.ctx, gpu(out), gpu(a), gpu(b), gpu(columns), gpu(counts), shape);
      this.free(counts);
      this.free(columns);
      return;
    }
    matmul(this.ctx, this.matmulVariant, gpu(out), gpu(a), gpu(b), shape);
  }
  /** The sparse path's index: see nonzeroColumns.wgsl (public for its test). */
  nonzeroColumns(columns: Storage, counts: Storage, a: Storage, shape: MatmulShape): void {
    nonzeroColumns(this.ctx, gpu(columns), gpu(counts), gpu(a), shape);
  }
  biasAddRelu(out: Storage, x: Storage, bias: Storage, rows: number, cols: number, relu: boolean): void {
    biasAddRelu(this.ctx, gpu(out), gpu(x), gpu(bias), rows, cols, relu);
  }
  reluBackward(dx: Storage, dy: Storage, y: Storage, length: number): void {
    reluBackward(this.ctx, gpu(dx), gpu(dy), gpu(y), length);
  }
  sumRows(out: Storage, x: Storage, rows: number, cols: number): void {
    sumRows(this.ctx, gpu(out), gpu(x), rows, cols);
  }
  add(out: Storage, x: Storage, length: number): void {
    add(this.ctx, gpu(out), gpu(x), length);
  }
  softmaxXent(a: SoftmaxXentArgs): void {
    softmaxXent(this.ctx, a.mode, a.rows, a.cols, {
      out: gpu(a.out),
      metrics: gpu(a.metrics),
      loss: gpu(a.loss),
      predictions: gpu(a.predictions),
      logits: gpu(a.logits),
      labels: gpu(a.labels),
    });
  }
  rmsprop(param: Storage, meanSquare: Storage, grad: Storage, length: number, hyper: RmspropHyper): void {
    rmsprop(this.ctx, gpu(param), gpu(meanSquare), gpu(grad), length, hyper);
  }
  gatherBatch(a: GatherBatchArgs): void {
    const buffers = {
      x: gpu(a.x),
      labels: gpu(a.labels),
      images: gpu(a.images),
      labelBytes: gpu(a.labelBytes),
      order: gpu(a.order),
    };
    gatherBatch(this.ctx, buffers, a.offset, a.rows, a.pixelsPerImage);
  }
  confusion(a: ConfusionArgs): void {
    const buffers = {
      matrix: gpu(a.matrix),
      predicted: gpu(a.predicted),
      probs: gpu(a.probs),
      logits: gpu(a.logits),
      labels: gpu(a.labels),
    };
    confusion(this.ctx, buffers, a.rows, a.cols, a.offset);
  }
  conv2d(y: Storage, x: Storage, kernel: Storage, shape: Conv2dShape): void {
    conv2d(this.ctx, gpu(y), gpu(x), gpu(kernel), shape);
  }
  conv2dInputGrad(dx: Storage, dy: Storage, kernel: Storage, shape: Conv2dShape): void {
    conv2dInputGrad(this.ctx, gpu(dx), gpu(dy), gpu(kernel), shape);
  }
  conv2dKernelGrad(out: Storage, x: Storage, dy: Storage, shape: Conv2dShape, splits: number): void {
    conv2dKernelGrad(this.ctx, gpu(out), gpu(x), gpu(dy), shape, splits);
  }
  maxPool(y: Storage, argmax: Storage, x: Storage, shape: PoolShape): void {
    maxPool(this.ctx, gpu(y), gpu(argmax), gpu(x), shape);
  }
  maxPoolBackward(dx: Storage, dy: Storage, argmax: Storage, shape: PoolShape): void {
    this.fill(dx, 0, shape.batch * shape.height * shape.width * shape.channels);
    maxPoolBackward(this.ctx, gpu(dx), gpu(dy), gpu(argmax), shape);
  }

  /**
   * Times each matmul variant on the model's shapes and keeps the fastest: workgroup-memory tiling
   * wins on GPUs, register blocking on CPU-backed adapters (see the shaders' headers). A first
   * pass runs shapes cut down to at most 64 x 128 x 256, so a variant that is slow on this adapter
   * costs milliseconds, not seconds; where everything is that fast (a real GPU) the full shapes
   * decide.
   */
  async tuneMatmul(shapes: MatmulShape[], repeats = 2): Promise<Record<MatmulVariant, number>> {
    const probe = shapes.map((s) => ({
      ...s,
      m: Math.min(s.m, 64),
      n: Math.min(s.n, 128),
      k: Math.min(s.k, 256),
    }));
    let times = await this.timeMatmulVariants(probe, repeats);
    if (Math.min(...Object.values(times)) < 5) times = await this.timeMatmulVariants(shapes, repeats);
    this.matmulVariant = MATMUL_VARIANTS.reduce((best, v) => (times[v] < times[best] ? v : best));
    return times;
  }

  private async timeMatmulVariants(
    shapes: MatmulShape[],
    repeats: number,
  ): Promise<Record<MatmulVariant, number>> {
    const times = {} as Record<MatmulVariant, number>;
    const size = (s: MatmulShape) => Math.max(s.m * s.k, s.k * s.n, s.m * s.n);
    const scratch = Math.max(...shapes.map(size));
    const [a, b, c] = [this.alloc(scratch), this.alloc(scratch), this.alloc(scratch)];
    for (const variant of MATMUL_VARIANTS) {
      this.matmulVariant = variant;
      for (const s of shapes) this.matmul(c, a, b, s); // compiles the pipelines
      this.flush();
      await this.device.queue.onSubmittedWorkDone();
      const start = performance.now();
      for (let r = 0; r < repeats; r++) for (const s of shapes) this.matmul(c, a, b, s);
      this.flush();
      await this.device.queue.onSubmittedWorkDone();
      times[variant] = (performance.now() - start) / repeats;
    }
    for (const s of [a, b, c]) this.free(s);
    return times;
  }
}
