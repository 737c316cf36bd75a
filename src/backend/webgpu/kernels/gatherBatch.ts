import code from '../../../../shaders/gatherBatch.wgsl?raw';
import type { GatherBatchArgs } from '../../backend';
import { SPARSE_ROWS, sparseIndexLayout } from '../../sparseIndex';
import { dispatch1d, type KernelContext, u32s } from './context';

export function gatherBatch(ctx: KernelContext, a: GatherBatchArgs): void {
  const { rows, pixelsPerImage } = a;
  const quads = pixelsPerImage % 4 === 0;
  const pipeline = ctx.pipeline('gatherBatch', code, {
    WORKGROUP_SIZE: ctx.workgroupSize,
    QUADS: quads,
    ROWS: SPARSE_ROWS,
  });
  const parts = a.index?.parts ?? 0;
  const l = sparseIndexLayout(rows, pixelsPerImage, a.index?.parts ?? 1);
  const params = ctx.uniform(
    u32s(a.offset, rows, pixelsPerImage, parts, l.rowCounts, l.rowColumns, l.pixelCounts, l.pixelColumns),
  );
  // One invocation per pixel (or word of four), then one per index block.
  const gathers = quads ? (rows * pixelsPerImage) / 4 : rows * pixelsPerImage;
  const blocks = (parts >= 1 ? l.rowWords.counts : 0) + (parts === 2 ? l.pixelWords.counts : 0);
  const index = a.index?.storage ?? ctx.unused;
  dispatch1d(
    ctx,
    pipeline,
    [a.x, a.labels, a.images, a.labelBytes, a.order, params, index],
    gathers + blocks,
  );
}
