// Every compute pipeline, bind group and uniform buffer comes from here, cached, so nothing is
// created once the first training step has run.

export class PipelineCache {
  created = 0;
  private readonly pipelines = new Map<string, GPUComputePipeline>();
  private readonly modules = new Map<string, GPUShaderModule>();

  constructor(private readonly device: GPUDevice) {}

  get(id: string, code: string, constants: Record<string, number | boolean> = {}): GPUComputePipeline {
    const key = `${id}:${JSON.stringify(constants)}`;
    let pipeline = this.pipelines.get(key);
    if (!pipeline) {
      let module = this.modules.get(id);
      if (!module) {
        module = this.device.createShaderModule({ label: id, code });
        this.modules.set(id, module);
      }
      const numeric: Record<string, number> = {};
      for (const [name, value] of Object.entries(constants)) numeric[name] = Number(value);
      pipeline = this.device.createComputePipeline({
        label: key,
        layout: 'auto',
        compute: { module, entryPoint: 'main', constants: numeric },
      });
      this.pipelines.set(key, pipeline);
      this.created++;
    }
    return pipeline;
  }
}

/**
 * Uniform buffers kept: more than the distinct shapes and batch offsets of an epoch of the default
 * run (about 600), so steady training creates none; contents that change every step (a changing
 * learning rate, augmentation's step) recycle the oldest.
 */
export const UNIFORM_CAPACITY = 2048;

/**
 * Uniform buffers keyed by their contents: the same shape always binds the same buffer. Bounded:
 * a learning rate that changes every step (the rate finder, a rate changed mid-run) and every
 * batch offset make new contents, so the least recently used buffers go once there are
 * `capacity`. An evicted buffer may still be bound in work recorded but not yet submitted, so it
 * is destroyed only after the next submit (afterSubmit), which WebGPU allows.
 */
export class UniformCache {
  created = 0;
  /** Bytes of the uniform buffers held now (counted in the page's memory meter). */
  bytesOwned = 0;
  private readonly buffers = new Map<string, GPUBuffer>();
  private retired: GPUBuffer[] = [];

  constructor(
    private readonly device: GPUDevice,
    readonly capacity: number,
  ) {}

  /** Uniform buffers held now: never more than `capacity`. */
  get size(): number {
    return this.buffers.size;
  }

  get(words: Uint32Array): GPUBuffer {
    const key = words.join(',');
    let buffer = this.buffers.get(key);
    if (buffer) {
      // Most recently used last: Map keeps insertion order, so the first entry is the oldest.
      this.buffers.delete(key);
      this.buffers.set(key, buffer);
      return buffer;
    }
    if (this.buffers.size >= this.capacity) this.evictOldest();
    buffer = this.device.createBuffer({
      size: Math.max(16, words.byteLength),
      usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
    });
    this.device.queue.writeBuffer(buffer, 0, words.buffer as ArrayBuffer, words.byteOffset, words.byteLength);
    this.buffers.set(key, buffer);
    this.bytesOwned += buffer.size;
    this.created++;
    return buffer;
  }

  /** Destroys the buffers evicted before this submit: no later work can bind them. */
  afterSubmit(): void {
    for (const buffer of this.retired) buffer.destroy();
    this.retired = [];
  }

  private evictOldest(): void {
    const [key, buffer] = this.buffers.entries().next().value as [string, GPUBuffer];
    this.buffers.delete(key);
    this.bytesOwned -= buffer.size;
    this.retired.push(buffer);
  }
}

/**
 * Uniform buffers for words that change at every call (Adam's bias-corrected step size), which the
 * content-keyed cache would turn into a new buffer a step: a few buffers per kernel id, rewritten
 * with queue.writeBuffer. A write lands before the next submit, so a buffer that recorded but not
 * yet submitted work binds is never rewritten: the first free one is taken, a new one made while
 * there are fewer than `size`, and only past that is the pending work submitted first. So there are
 * as many buffers (and bind groups) as calls in one command buffer, all made in the first one.
 */
export class UniformRing {
  created = 0;
  private readonly rings = new Map<string, GPUBuffer[]>();
  /** Buffers bound by recorded work that has not been submitted yet. */
  private readonly pending = new Set<GPUBuffer>();

  constructor(
    private readonly device: GPUDevice,
    private readonly size = 8,
  ) {}

  get(id: string, words: Uint32Array, submitPending: () => void): GPUBuffer {
    let ring = this.rings.get(id);
    if (!ring) {
      ring = [];
      this.rings.set(id, ring);
    }
    let buffer = ring.find((b) => !this.pending.has(b));
    if (!buffer && ring.length < this.size) {
      buffer = this.device.createBuffer({
        size: Math.max(16, Math.ceil(words.byteLength / 16) * 16),
        usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
      });
      ring.push(buffer);
      this.created++;
    }
    if (!buffer) {
      submitPending();
      buffer = ring[0];
    }
    this.device.queue.writeBuffer(buffer, 0, words.buffer as ArrayBuffer, words.byteOffset, words.byteLength);
    this.pending.add(buffer);
    return buffer;
  }

  /** Everything recorded so far has been submitted. */
  submitted(): void {
    this.pending.clear();
  }
}

/** Bind groups keyed by pipeline and the identity (and range, for a view) of each bound buffer. */
export class BindGroupCache {
  created = 0;
  private readonly groups = new Map<string, GPUBindGroup>();
  private readonly ids = new WeakMap<object, number>();
  private nextId = 0;

  constructor(private readonly device: GPUDevice) {}

  private idOf(object: object): number {
    let id = this.ids.get(object);
    if (id === undefined) {
      id = this.nextId++;
      this.ids.set(object, id);
    }
    return id;
  }

  get(pipeline: GPUComputePipeline, buffers: GPUBufferBinding[]): GPUBindGroup {
    const id = (b: GPUBufferBinding) => `${this.idOf(b.buffer)}@${b.offset ?? 0}+${b.size ?? ''}`;
    const key = `${this.idOf(pipeline)}:${buffers.map(id).join(',')}`;
    let group = this.groups.get(key);
    if (!group) {
      // NOTE: a bound buffer may be destroyed later; stale entries are harmless but hold memory,
      // so the cache starts over when it grows past anything one model needs.
      if (this.groups.size > 4096) this.groups.clear();
      group = this.device.createBindGroup({
        layout: pipeline.getBindGroupLayout(0),
        entries: buffers.map((resource, binding) => ({ binding, resource })),
      });
      this.groups.set(key, group);
      this.created++;
    }
    return group;
  }
}
