import { type Backend, type Kernels, type Storage, VIEW_ALIGN } from '../backend';
import { CpuStorage, cpuKernels } from './kernels';

const cpu = (s: Storage) => s as CpuStorage;

// The kernel methods are the table's (cpu/kernels.ts), installed by the constructor.
export interface CpuBackend extends Kernels {}

/** The reference backend: every kernel as plain loops over typed arrays (cpu/kernels.ts). */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the interface above declares the installed kernel methods.
export class CpuBackend implements Backend {
  readonly name = 'cpu';
  bytesInUse = 0;

  constructor() {
    Object.assign(this, cpuKernels);
  }

  alloc(length: number): Storage {
    this.bytesInUse += length * 4;
    return new CpuStorage(length);
  }
  free(storage: Storage): void {
    if (!cpu(storage).isView) this.bytesInUse -= storage.length * 4;
  }
  view(storage: Storage, offset: number, length: number): Storage {
    if (offset % VIEW_ALIGN !== 0 || offset + length > storage.length)
      throw new Error(`view: ${length} words at ${offset} of ${storage.length}`);
    const s = cpu(storage);
    return new CpuStorage(length, s.f32.buffer as ArrayBuffer, s.f32.byteOffset / 4 + offset, true);
  }
  copy(dst: Storage, src: Storage, length: number): void {
    cpu(dst).u32.set(cpu(src).u32.subarray(0, length));
  }
  write(storage: Storage, data: Float32Array | Uint32Array): void {
    if (data instanceof Float32Array) cpu(storage).f32.set(data);
    else cpu(storage).u32.set(data);
  }
  uploadBytes(bytes: Uint8Array): Storage {
    const storage = this.alloc(Math.ceil(bytes.length / 4));
    cpu(storage).bytes.set(bytes);
    return storage;
  }
  fill(storage: Storage, value: number, length = storage.length): void {
    cpu(storage).f32.fill(value, 0, length);
  }
  async read(storage: Storage, length = storage.length): Promise<Float32Array> {
    return cpu(storage).f32.slice(0, length);
  }
  async readU32(storage: Storage, length = storage.length): Promise<Uint32Array> {
    return cpu(storage).u32.slice(0, length);
  }
  flush(): void {}
}
