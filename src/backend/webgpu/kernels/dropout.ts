import code from '../../../../shaders/dropout.wgsl?raw';
import type { DropoutMask, Storage } from '../../backend';
import { dropoutScale, dropoutThreshold } from '../../dropoutMask';
import { dispatch1d, type KernelContext } from './context';

/** Inverted dropout, one invocation per element; the threshold and scale are computed here once. */
export function dropout(
  ctx: KernelContext,
  out: Storage,
  x: Storage,
  length: number,
  mask: DropoutMask,
): void {
  const words = new Uint32Array(8);
  words.set([length, mask.seed >>> 0, mask.step >>> 0, mask.salt >>> 0, dropoutThreshold(mask.rate)]);
  new Float32Array(words.buffer, 20, 1)[0] = dropoutScale(mask.rate);
  const pipeline = ctx.pipeline('dropout', code, { WORKGROUP_SIZE: ctx.workgroupSize });
  // The step changes every call: a ring of uniforms, as Adam's step size.
  dispatch1d(ctx, pipeline, [out, x, ctx.changingUniform('dropout', words)], length);
}
