import code from '../../../../shaders/gatherBatchAugmented.wgsl?raw';
import type { GatherBatchAugmentedArgs } from '../../backend';
import { dispatch1d, type KernelContext } from './context';

export function gatherBatchAugmented(ctx: KernelContext, a: GatherBatchAugmentedArgs): void {
  const { rows, width, height, ranges } = a;
  if (width * height !== a.pixelsPerImage)
    throw new Error(`gatherBatchAugmented: ${width}x${height} images are not ${a.pixelsPerImage} pixels`);
  const words = new Uint32Array(12); // Params, rounded up to a multiple of 16 bytes
  words.set([a.offset, rows, width, height, a.seed >>> 0, a.step >>> 0]);
  new Float32Array(words.buffer, 6 * 4, 3).set([ranges.shift, ranges.rotation, ranges.scale]);
  const pipeline = ctx.pipeline('gatherBatchAugmented', code, { WORKGROUP_SIZE: ctx.workgroupSize });
  dispatch1d(
    ctx,
    pipeline,
    [a.x, a.labels, a.images, a.labelBytes, a.order, ctx.uniform(words)],
    rows * a.pixelsPerImage,
  );
}
