import type { Conv2dShape } from '../backend';

// References for shaders/conv2d.wgsl, conv2dInputGrad.wgsl and conv2dKernelGrad.wgsl: the
// convolution's three sums written out as plain loops over NHWC tensors. The kernel is indexed
// [ky, kx, ci, co], Keras's layout, which is also the [9*inC, outC] matrix the GPU multiplies.

/** y[n, oy, ox, co] = Σ_{ky, kx, ci} x[n, oy+ky, ox+kx, ci] · w[ky, kx, ci, co] */
export function conv2d(y: Float32Array, x: Float32Array, w: Float32Array, s: Conv2dShape): void {
  const { batch, height, width, inChannels: cin, outChannels: cout } = s;
  const [oh, ow] = [height - 2, width - 2];
  for (let n = 0; n < batch; n++)
    for (let oy = 0; oy < oh; oy++)
      for (let ox = 0; ox < ow; ox++)
        for (let co = 0; co < cout; co++) {
          let sum = 0;
          for (let ky = 0; ky < 3; ky++)
            for (let kx = 0; kx < 3; kx++)
              for (let ci = 0; ci < cin; ci++)
                sum +=
                  x[((n * height + oy + ky) * width + ox + kx) * cin + ci] *
                  w[((ky * 3 + kx) * cin + ci) * cout + co];
          y[((n * oh + oy) * ow + ox) * cout + co] = sum;
        }
}

/** dx[n, y, x, ci] = Σ_{ky, kx, co} dy[n, y-ky, x-kx, co] · w[ky, kx, ci, co], over valid outputs. */
export function conv2dInputGrad(dx: Float32Array, dy: Float32Array, w: Float32Array, s: Conv2dShape): void {
  const { batch, height, width, inChannels: cin, outChannels: cout } = s;
  const [oh, ow] = [height - 2, width - 2];
  for (let n = 0; n < batch; n++)
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++)
        for (let ci = 0; ci < cin; ci++) {
          let sum = 0;
          for (let ky = 0; ky < 3; ky++)
            for (let kx = 0; kx < 3; kx++) {
              const [oy, ox] = [y - ky, x - kx];
              if (oy < 0 || oy >= oh || ox < 0 || ox >= ow) continue;
              for (let co = 0; co < cout; co++)
                sum += dy[((n * oh + oy) * ow + ox) * cout + co] * w[((ky * 3 + kx) * cin + ci) * cout + co];
            }
          dx[((n * height + y) * width + x) * cin + ci] = sum;
        }
}

/**
 * dw[ky, kx, ci, co] = Σ_{n, oy, ox} x[n, oy+ky, ox+kx, ci] · dy[n, oy, ox, co], split into
 * `splits` partial sums over consecutive slices of ceil(pixels / splits) output pixels.
 */
export function conv2dKernelGrad(
  out: Float32Array,
  x: Float32Array,
  dy: Float32Array,
  s: Conv2dShape,
  splits: number,
): void {
  const { height, width, inChannels: cin, outChannels: cout } = s;
  const [oh, ow] = [height - 2, width - 2];
  const pixels = s.batch * oh * ow;
  const chunk = Math.ceil(pixels / splits);
  const size = 9 * cin * cout;
  out.fill(0, 0, splits * size);
  for (let p = 0; p < pixels; p++) {
    const split = Math.floor(p / chunk);
    const [n, oy, ox] = [Math.floor(p / (oh * ow)), Math.floor(p / ow) % oh, p % ow];
    for (let ky = 0; ky < 3; ky++)
      for (let kx = 0; kx < 3; kx++)
        for (let ci = 0; ci < cin; ci++) {
          const xv = x[((n * height + oy + ky) * width + ox + kx) * cin + ci];
          const row = split * size + ((ky * 3 + kx) * cin + ci) * cout;
          for (let co = 0; co < cout; co++) out[row + co] += xv * dy[p * cout + co];
        }
  }
}
