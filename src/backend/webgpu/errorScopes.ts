// Validation and out-of-memory errors, caught where they happen instead of as uncaptured errors.
// https://www.w3.org/TR/webgpu/#error-scopes: an error goes to the innermost open scope of its
// filter, so everything done on the device between open() and close() reports here.

/**
 * A pair of error scopes (validation inside, out-of-memory outside) that can be closed and reopened,
 * for example at every metrics report of a training run: errors surface within one report.
 */
export class ErrorScopes {
  private opened = false;

  constructor(private readonly device: GPUDevice) {}

  open(): void {
    if (this.opened) return;
    this.device.pushErrorScope('out-of-memory');
    this.device.pushErrorScope('validation');
    this.opened = true;
  }

  /** The first error since open(), out-of-memory first; null if none (or the device is lost). */
  async close(): Promise<GPUError | null> {
    if (!this.opened) return null;
    this.opened = false;
    try {
      const validation = await this.device.popErrorScope();
      const outOfMemory = await this.device.popErrorScope();
      return outOfMemory ?? validation;
    } catch {
      // NOTE: older implementations reject instead of resolving null once the device is lost;
      // the loss itself is reported through device.lost.
      return null;
    }
  }
}

/** The error in words, for the page: what kind it is, then the implementation's own message. */
export function describeGpuError(error: GPUError): string {
  const message = error.message.replace(/\s+/g, ' ').trim();
  if (error instanceof GPUOutOfMemoryError)
    return `The GPU ran out of memory (${message}). Try fewer hidden units or a smaller batch.`;
  if (error instanceof GPUValidationError) return `The GPU refused a command: ${message}`;
  return `GPU error: ${message}`;
}
