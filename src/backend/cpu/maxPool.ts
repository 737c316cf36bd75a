import type { PoolShape } from '../backend';

/**
 * Reference for shaders/maxPool.wgsl: y[n, oy, ox, c] = max over the 2x2 window at (2oy, 2ox);
 * argmax holds the flat index into x of the first maximum in row-major window order. An odd last
 * row or column is dropped (floor), as in Keras's valid padding.
 */
export function maxPool(y: Float32Array, argmax: Uint32Array, x: Float32Array, s: PoolShape): void {
  const { batch, height, width, channels } = s;
  const [oh, ow] = [Math.floor(height / 2), Math.floor(width / 2)];
  for (let n = 0; n < batch; n++)
    for (let oy = 0; oy < oh; oy++)
      for (let ox = 0; ox < ow; ox++)
        for (let c = 0; c < channels; c++) {
          let best = -1;
          for (let dy = 0; dy < 2; dy++)
            for (let dx = 0; dx < 2; dx++) {
              const i = ((n * height + 2 * oy + dy) * width + 2 * ox + dx) * channels + c;
              if (best < 0 || x[i] > x[best]) best = i;
            }
          const o = ((n * oh + oy) * ow + ox) * channels + c;
          y[o] = x[best];
          argmax[o] = best;
        }
}

/** Reference for shaders/maxPoolBackward.wgsl: dx[i] = dy[o] where argmax[o] = i, else 0. */
export function maxPoolBackward(dx: Float32Array, dy: Float32Array, argmax: Uint32Array, s: PoolShape): void {
  const { batch, height, width, channels } = s;
  dx.fill(0, 0, batch * height * width * channels);
  const outputs = batch * Math.floor(height / 2) * Math.floor(width / 2) * channels;
  for (let o = 0; o < outputs; o++) dx[argmax[o]] = dy[o];
}
