// Every GPU buffer comes from here. Freed buffers wait in a free list keyed by size bucket and
// usage, so a training step that frees and allocates the same shapes creates nothing new.

/** Sizes round up to a power of two (at least 256 B) so a 96-row batch reuses a 128-row buffer. */
export function bucketBytes(bytes: number): number {
  return Math.max(256, 2 ** Math.ceil(Math.log2(Math.max(bytes, 1))));
}

export class BufferPool {
  /** Buffers ever created, for tests that prove a step allocates nothing. */
  created = 0;
  /** Bytes of buffers handed out and not yet released. */
  bytesInUse = 0;
  /** Bytes of all buffers this pool owns (in use or free). */
  bytesOwned = 0;
  private readonly free = new Map<string, GPUBuffer[]>();

  constructor(private readonly device: GPUDevice) {}

  acquire(bytes: number, usage: GPUBufferUsageFlags): GPUBuffer {
    const size = bucketBytes(bytes);
    const key = `${size}:${usage}`;
    let buffer = this.free.get(key)?.pop();
    if (!buffer) {
      buffer = this.device.createBuffer({ size, usage });
      this.created++;
      this.bytesOwned += size;
    }
    this.bytesInUse += size;
    return buffer;
  }

  release(buffer: GPUBuffer): void {
    const key = `${buffer.size}:${buffer.usage}`;
    const list = this.free.get(key) ?? [];
    this.free.set(key, list);
    list.push(buffer);
    this.bytesInUse -= buffer.size;
  }

  /** Destroys the free buffers (after a run ends). Buffers in use are untouched. */
  trim(): void {
    for (const list of this.free.values()) {
      for (const buffer of list) {
        this.bytesOwned -= buffer.size;
        buffer.destroy();
      }
    }
    this.free.clear();
  }
}
