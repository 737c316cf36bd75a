// Device memory as the kernels see it (backend.ts re-exports it; regularizers.ts uses it too).

export interface Storage {
  /** Capacity in 32-bit words. */
  readonly length: number;
}
