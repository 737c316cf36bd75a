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
import { add } from './add';
import { biasAddRelu } from './biasAddRelu';
import { confusion } from './confusion';
import { conv2d, conv2dInputGrad, conv2dKernelGrad } from './conv2d';
import { gatherBatch } from './gatherBatch';
import { matmul } from './matmul';
import { maxPool, maxPoolBackward } from './maxPool';
import { reluBackward } from './reluBackward';
import { rmsprop } from './rmsprop';
import { softmaxXent } from './softmaxXent';
import { sumRows } from './sumRows';

/** Words in memory, seen as f32, u32 or bytes, like a GPU storage buffer. */
class CpuStorage implements Storage {
  readonly f32: Float32Array;
  readonly u32: Uint32Array;
  readonly bytes: Uint8Array;
  constructor(readonly length: number) {
    const words = new ArrayBuffer(length * 4);
    this.f32 = new Float32Array(words);
    this.u32 = new Uint32Array(words);
    this.bytes = new Uint8Array(words);
  }
}

const cpu = (s: Storage) => s as CpuStorage;

/** The reference backend: every kernel as plain loops over typed arrays. */
export class CpuBackend implements Backend {
  readonly name = 'cpu';
  bytesInUse = 0;

  alloc(length: number): Storage {
    this.bytesInUse += length * 4;
    return new CpuStorage(length);
  }
  free(storage: Storage): void {
    this.bytesInUse -= storage.length * 4;
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

  matmul(out: Storage, a: Storage, b: Storage, shape: MatmulShape): void {
    matmul(cpu(out).f32, cpu(a).f32, cpu(b).f32, shape);
  }
  biasAddRelu(out: Storage, x: Storage, bias: Storage, rows: number, cols: number, relu: boolean): void {
    biasAddRelu(cpu(out).f32, cpu(x).f32, cpu(bias).f32, rows, cols, relu);
  }
  reluBackward(dx: Storage, dy: Storage, y: Storage, length: number): void {
    reluBackward(cpu(dx).f32, cpu(dy).f32, cpu(y).f32, length);
  }
  sumRows(out: Storage, x: Storage, rows: number, cols: number): void {
    sumRows(cpu(out).f32, cpu(x).f32, rows, cols);
  }
  add(out: Storage, x: Storage, length: number): void {
    add(cpu(out).f32, cpu(x).f32, length);
  }
  softmaxXent(a: SoftmaxXentArgs): void {
    softmaxXent({
      mode: a.mode,
      rows: a.rows,
      cols: a.cols,
      out: cpu(a.out).f32,
      metrics: cpu(a.metrics).f32,
      loss: cpu(a.loss).f32,
      predictions: cpu(a.predictions).u32,
      logits: cpu(a.logits).f32,
      labels: cpu(a.labels).u32,
    });
  }
  rmsprop(param: Storage, meanSquare: Storage, grad: Storage, length: number, hyper: RmspropHyper): void {
    rmsprop(cpu(param).f32, cpu(meanSquare).f32, cpu(grad).f32, length, hyper);
  }
  gatherBatch(a: GatherBatchArgs): void {
    gatherBatch(
      cpu(a.x).f32,
      cpu(a.labels).u32,
      cpu(a.images).bytes,
      cpu(a.labelBytes).bytes,
      cpu(a.order).u32,
      a.offset,
      a.rows,
      a.pixelsPerImage,
    );
  }
  confusion(a: ConfusionArgs): void {
    confusion({
      rows: a.rows,
      cols: a.cols,
      offset: a.offset,
      matrix: cpu(a.matrix).u32,
      predicted: cpu(a.predicted).u32,
      probs: cpu(a.probs).f32,
      logits: cpu(a.logits).f32,
      labels: cpu(a.labels).u32,
    });
  }
  conv2d(y: Storage, x: Storage, kernel: Storage, shape: Conv2dShape): void {
    conv2d(cpu(y).f32, cpu(x).f32, cpu(kernel).f32, shape);
  }
  conv2dInputGrad(dx: Storage, dy: Storage, kernel: Storage, shape: Conv2dShape): void {
    conv2dInputGrad(cpu(dx).f32, cpu(dy).f32, cpu(kernel).f32, shape);
  }
  conv2dKernelGrad(out: Storage, x: Storage, dy: Storage, shape: Conv2dShape, splits: number): void {
    conv2dKernelGrad(cpu(out).f32, cpu(x).f32, cpu(dy).f32, shape, splits);
  }
  maxPool(y: Storage, argmax: Storage, x: Storage, shape: PoolShape): void {
    maxPool(cpu(y).f32, cpu(argmax).u32, cpu(x).f32, shape);
  }
  maxPoolBackward(dx: Storage, dy: Storage, argmax: Storage, shape: PoolShape): void {
    maxPoolBackward(cpu(dx).f32, cpu(dy).f32, cpu(argmax).u32, shape);
  }
}
