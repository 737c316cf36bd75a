// Per-kernel GPU time from timestamp queries (adapters with 'timestamp-query' only). While a
// profile is on, every dispatch gets a compute pass of its own whose start and end are stamped;
// that changes scheduling a little, so profile to compare kernels, not to time a whole step.

export interface KernelTime {
  ms: number;
  count: number;
}

const CAPACITY = 1024; // timestamps per query set: 512 dispatches between resolves

export class KernelProfiler {
  readonly totals = new Map<string, KernelTime>();
  private readonly querySet: GPUQuerySet;
  private labels: string[] = [];
  private readonly pending: Promise<void>[] = [];

  constructor(private readonly device: GPUDevice) {
    this.querySet = device.createQuerySet({ type: 'timestamp', count: CAPACITY });
  }

  get full(): boolean {
    return this.labels.length * 2 >= CAPACITY;
  }

  /** Timestamp writes for the pass of one more dispatch of `label`. */
  next(label: string): GPUComputePassTimestampWrites {
    const index = this.labels.length * 2;
    this.labels.push(label);
    return { querySet: this.querySet, beginningOfPassWriteIndex: index, endOfPassWriteIndex: index + 1 };
  }

  /** Records the resolve of this batch of queries into `encoder`; call afterSubmit() once submitted. */
  resolve(encoder: GPUCommandEncoder): (() => void) | null {
    const count = this.labels.length * 2;
    if (count === 0) return null;
    const labels = this.labels;
    this.labels = [];
    const resolved = this.device.createBuffer({
      size: count * 8,
      usage: GPUBufferUsage.QUERY_RESOLVE | GPUBufferUsage.COPY_SRC,
    });
    const staging = this.device.createBuffer({
      size: count * 8,
      usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
    });
    encoder.resolveQuerySet(this.querySet, 0, count, resolved, 0);
    encoder.copyBufferToBuffer(resolved, 0, staging, 0, count * 8);
    return () => {
      this.pending.push(
        staging.mapAsync(GPUMapMode.READ).then(() => {
          const stamps = new BigInt64Array(staging.getMappedRange());
          labels.forEach((label, i) => {
            const ms = Number(stamps[2 * i + 1] - stamps[2 * i]) / 1e6;
            const total = this.totals.get(label) ?? { ms: 0, count: 0 };
            this.totals.set(label, { ms: total.ms + Math.max(0, ms), count: total.count + 1 });
          });
          staging.destroy();
          resolved.destroy();
        }),
      );
    };
  }

  async finish(): Promise<Map<string, KernelTime>> {
    await Promise.all(this.pending);
    this.querySet.destroy();
    return this.totals;
  }
}
