import type { Conv2dShape, PoolShape, Storage } from '../backend/backend';
import type { Tape } from './tape';
import type { Tensor } from './tensor';

// The ConvNet's ops, NHWC (channels last, as Keras), each forward beside its backward rule.

/** Output pixels per partial sum of the kernel gradient (see conv2dKernelGrad.wgsl). */
const PIXELS_PER_SPLIT = 512;
const MAX_SPLITS = 128;

/**
 * x [batch, height, width, inC] ⊛ kernel [3, 3, inC, outC] -> [batch, height-2, width-2, outC]
 * (3x3, stride 1, valid). Backward: dx by the gathered transposed convolution, dkernel as
 * im2col(x)ᵀ·dy in split-K partial sums added by sumRows.
 */
export function conv2d(tape: Tape, x: Tensor, kernel: Tensor): Tensor {
  const [batch, height, width, inChannels] = x.shape;
  const [kh, kw, kin, outChannels] = kernel.shape;
  if (x.shape.length !== 4 || kh !== 3 || kw !== 3 || kin !== inChannels)
    throw new Error(`conv2d: cannot convolve [${x.shape}] with a [${kernel.shape}] kernel`);
  if (height < 3 || width < 3) throw new Error(`conv2d: a ${height}x${width} image is smaller than 3x3`);
  const shape: Conv2dShape = { batch, height, width, inChannels, outChannels };
  const out = tape.tensor([batch, height - 2, width - 2, outChannels], x.requiresGrad || kernel.requiresGrad);
  tape.backend.conv2d(out.storage, x.storage, kernel.storage, shape);
  tape.record(out, [x, kernel], (dy) => {
    const dyS = dy as Storage;
    let dx: Storage | null = null;
    let dkernel: Storage | null = null;
    if (x.requiresGrad) {
      dx = tape.alloc(x.size);
      tape.backend.conv2dInputGrad(dx, dyS, kernel.storage, shape);
    }
    if (kernel.requiresGrad) {
      const pixels = batch * (height - 2) * (width - 2);
      const splits = Math.min(MAX_SPLITS, Math.ceil(pixels / PIXELS_PER_SPLIT));
      dkernel = tape.gradFor(kernel, kernel.size);
      if (splits === 1) {
        tape.backend.conv2dKernelGrad(dkernel, x.storage, dyS, shape, 1);
      } else {
        const partial = tape.alloc(splits * kernel.size);
        tape.backend.conv2dKernelGrad(partial, x.storage, dyS, shape, splits);
        tape.backend.sumRows(dkernel, partial, splits, kernel.size);
      }
    }
    return [dx, dkernel];
  });
  return out;
}

/** 2x2 max pool, stride 2, floor. Backward: dy routed to each window's argmax, saved in forward. */
export function maxPool2d(tape: Tape, x: Tensor): Tensor {
  const [batch, height, width, channels] = x.shape;
  if (x.shape.length !== 4)
    throw new Error(`maxPool2d: expected [batch, height, width, channels], got [${x.shape}]`);
  const shape: PoolShape = { batch, height, width, channels };
  const out = tape.tensor([batch, Math.floor(height / 2), Math.floor(width / 2), channels], x.requiresGrad);
  const argmax = tape.alloc(Math.max(1, out.size));
  tape.backend.maxPool(out.storage, argmax, x.storage, shape);
  tape.record(out, [x], (dy) => {
    const dx = tape.alloc(x.size);
    tape.backend.maxPoolBackward(dx, dy as Storage, argmax, shape);
    return [dx];
  });
  return out;
}
