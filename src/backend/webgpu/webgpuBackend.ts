import { type Backend, type Kernels, type MatmulShape, type Storage, VIEW_ALIGN } from '../backend';
import type { Binding, KernelContext, MatmulVariant } from './kernels/context';
import { tuneMatmul } from './kernels/matmulTuning';
import { bindKernels } from './kernels/table';
import { BindGroupCache, PipelineCache, UNIFORM_CAPACITY, UniformCache, UniformRing } from './pipelines';
import { BufferPool } from './pool';
import { KernelProfiler, type KernelTime } from './profiler';

class GpuStorage implements Storage {
  constructor(
    readonly buffer: GPUBuffer,
    readonly length: number,
    /** Bytes into the buffer: a view (Backend.view) starts past 0, and binds only its range. */
    readonly offset = 0,
    readonly isView = false,
  ) {}
}
const gpu = (s: Storage) => (s as GpuStorage).buffer;
const offsetOf = (s: Storage) => (s as GpuStorage).offset;
/** A whole buffer, or a view's range (rounded up to 16 bytes: kernels read vec4; the arena pads). */
const bindingOf = (b: Binding): GPUBufferBinding => {
  if (!(b instanceof GpuStorage)) return { buffer: b as GPUBuffer };
  if (!b.isView) return { buffer: b.buffer };
  return { buffer: b.buffer, offset: b.offset, size: Math.ceil(b.length / 4) * 16 };
};

const STORAGE_USAGE = GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST;
const STAGING_USAGE = GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST;

// The kernel methods are the table's (kernels/table.ts), installed by the constructor.
export interface WebGPUBackend extends Kernels {}

/**
 * Records kernels into one compute pass of one command encoder and submits on flush() or read(),
 * so a whole training step (or many) goes to the GPU as a single submit.
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the interface above declares the installed kernel methods.
export class WebGPUBackend implements Backend {
  readonly name = 'webgpu';
  readonly pool: BufferPool;
  readonly pipelines: PipelineCache;
  readonly uniforms: UniformCache;
  readonly changingUniforms: UniformRing;
  readonly bindGroups: BindGroupCache;
  matmulVariant: MatmulVariant = 'tiled';
  /** Dispatches recorded and command buffers submitted so far (for speed reports). */
  dispatches = 0;
  submits = 0;
  private encoder: GPUCommandEncoder | null = null;
  private pass: GPUComputePassEncoder | null = null;
  private readonly ctx: KernelContext;
  private profiler: KernelProfiler | null = null;

  constructor(
    readonly device: GPUDevice,
    { uniformCapacity = UNIFORM_CAPACITY }: { uniformCapacity?: number } = {},
  ) {
    this.pool = new BufferPool(device);
    this.pipelines = new PipelineCache(device);
    this.uniforms = new UniformCache(device, uniformCapacity);
    this.changingUniforms = new UniformRing(device);
    this.bindGroups = new BindGroupCache(device);
    const backend = this;
    const unused = this.alloc(4);
    this.ctx = {
      unused,
      limits: device.limits,
      workgroupSize: Math.min(64, device.limits.maxComputeInvocationsPerWorkgroup),
      get matmulVariant() {
        return backend.matmulVariant;
      },
      pipeline: (id, code, constants) => this.pipelines.get(id, code, constants),
      uniform: (words) => this.uniforms.get(words),
      changingUniform: (id, words) => this.changingUniforms.get(id, words, () => this.flush()),
      alloc: (length) => this.alloc(length),
      free: (storage) => this.free(storage),
      clear: (storage, length) => this.fill(storage, 0, length),
      dispatch: (pipeline, bindings, x, y = 1) => {
        const bindGroup = this.bindGroups.get(pipeline, bindings.map(bindingOf));
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
    Object.assign(this, bindKernels(this.ctx));
  }

  /** The register variant skips zero terms of a batch, over the index its gather builds. */
  get skipsZeros(): boolean {
    return this.matmulVariant === 'register';
  }

  /** GPU objects created so far; a steady training step must leave this unchanged. */
  get createdObjects(): number {
    return (
      this.pool.created +
      this.pipelines.created +
      this.uniforms.created +
      this.changingUniforms.created +
      this.bindGroups.created
    );
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
    this.changingUniforms.submitted();
    this.encoder = null;
    this.uniforms.afterSubmit();
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
    if (!(storage as GpuStorage).isView) this.pool.release(gpu(storage));
  }

  view(storage: Storage, offset: number, length: number): Storage {
    if (offset % VIEW_ALIGN !== 0 || offset + length > storage.length)
      throw new Error(`view: ${length} words at ${offset} of ${storage.length}`);
    return new GpuStorage(gpu(storage), length, offsetOf(storage) + offset * 4, true);
  }

  copy(dst: Storage, src: Storage, length: number): void {
    this.endPass();
    this.commandEncoder().copyBufferToBuffer(gpu(src), offsetOf(src), gpu(dst), offsetOf(dst), length * 4);
  }

  write(storage: Storage, data: Float32Array | Uint32Array): void {
    // queue.writeBuffer runs before any later submit, so work recorded earlier must go first.
    this.flush();
    this.device.queue.writeBuffer(
      gpu(storage),
      offsetOf(storage),
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
      this.commandEncoder().clearBuffer(gpu(storage), offsetOf(storage), length * 4);
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
    this.commandEncoder().copyBufferToBuffer(gpu(storage), offsetOf(storage), staging, 0, bytes);
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

  /** Picks this adapter's matmul variant (kernels/matmulTuning.ts); warmUp is the one caller. */
  tuneMatmul(shapes: MatmulShape[], repeats = 2): Promise<Record<MatmulVariant, number>> {
    return tuneMatmul(this, shapes, repeats);
  }
}
