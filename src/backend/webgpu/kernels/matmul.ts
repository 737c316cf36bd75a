import tiledCode from '../../../../shaders/matmul.wgsl?raw';
import registerCode from '../../../../shaders/matmulRegister.wgsl?raw';
import registerVec4Code from '../../../../shaders/matmulRegisterVec4.wgsl?raw';
import sparseACode from '../../../../shaders/matmulSparseA.wgsl?raw';
import nonzeroColumnsCode from '../../../../shaders/nonzeroColumns.wgsl?raw';
import type { MatmulEpilogue, MatmulShape, SparseIndex, Storage } from '../../backend';
import { SPARSE_ROWS, sparseIndexWords } from '../../sparseIndex';
import { type Binding, dispatch1d, type KernelContext, u32s } from './context';

/** Workgroup shape for the tiled kernel: the largest that the device's limits allow. */
export function tiledConfig(limits: GPUSupportedLimits): { wgX: number; wgY: number; tileK: number } {
  for (const wg of [16, 8, 4]) {
    const tileK = 16;
    const sharedBytes = 2 * tileK * wg * 4 * 4;
    if (
      wg * wg <= limits.maxComputeInvocationsPerWorkgroup &&
      sharedBytes <= limits.maxComputeWorkgroupStorageSize
    ) {
      return { wgX: wg, wgY: wg, tileK };
    }
  }
  return { wgX: 4, wgY: 4, tileK: 4 };
}

export function canReadBAsVec4(s: MatmulShape): boolean {
  return !s.transB && s.n % 4 === 0;
}

/**
 * Workgroup of the register kernels: 8 columns per invocation, so a narrow C (the 10 classes) gets
 * 2 invocations across instead of 8, 6 of which would only idle; 8 rows of invocations either way.
 */
export function registerWorkgroup(n: number): { wgX: number; wgY: number } {
  const across = Math.ceil(n / 8);
  return { wgX: across <= 1 ? 1 : across <= 2 ? 2 : across <= 4 ? 4 : 8, wgY: 8 };
}

/**
 * The epilogue's override flags and its three bindings. A part that is off binds A in a read-only
 * slot and ctx.unused in the writable one (a buffer bound writable may not be bound twice).
 */
function epilogueParts(ctx: KernelContext, s: MatmulShape, a: Storage, e: MatmulEpilogue) {
  if (e.columnSums && s.transB) throw new Error('matmul: columnSums needs transB false');
  const flags = { BIAS: !!e.bias, RELU: !!e.relu, MASK: !!e.mask, SUMS: !!e.columnSums };
  const bindings: Binding[] = [e.bias ?? a, e.mask ?? a, e.columnSums ?? ctx.unused];
  // One more row of workgroups computes the column sums (see matmulEpilogue.mjs).
  return { flags, bindings, extraRows: e.columnSums ? 1 : 0 };
}

/**
 * C = op(A)·op(B), then the epilogue, in the tuned variant. The sparse path belongs to the
 * register family (CPU-backed adapters, where skipping halves the step); where tiling won the
 * tuning, a GPU runs the dense kernel.
 */
export function matmul(
  ctx: KernelContext,
  out: Storage,
  a: Storage,
  b: Storage,
  s: MatmulShape,
  epilogue: MatmulEpilogue = {},
): void {
  const { flags: parts, bindings: tail, extraRows } = epilogueParts(ctx, s, a, epilogue);
  if (ctx.matmulVariant === 'register' && canSkipZerosInA(s)) {
    if (s.sparseIndex) {
      matmulSparseA(ctx, out, a, b, s.sparseIndex, s, epilogue);
      return;
    }
    const words = sparseIndexWords(s);
    // Scratch for this dispatch only: the kernels that use it are recorded in order, and any later
    // write() flushes them first, so the pool may hand these buffers out again at once.
    const index = { columns: ctx.alloc(words.columns), counts: ctx.alloc(words.counts) };
    nonzeroColumns(ctx, index.columns, index.counts, a, s);
    matmulSparseA(ctx, out, a, b, index, s, epilogue);
    ctx.free(index.counts);
    ctx.free(index.columns);
    return;
  }
  const dims = ctx.uniform(u32s(s.m, s.n, s.k));
  const flags = { TRANS_A: s.transA, TRANS_B: s.transB, ...parts };
  if (ctx.matmulVariant === 'register') {
    // B read four columns at a time where its layout allows (see matmulRegisterVec4.wgsl).
    const { wgX, wgY } = registerWorkgroup(s.n);
    const constants = { ...flags, WG_X: wgX, WG_Y: wgY };
    const pipeline = canReadBAsVec4(s)
      ? ctx.pipeline('matmulRegisterVec4', registerVec4Code, constants)
      : ctx.pipeline('matmulRegister', registerCode, constants);
    const rows = Math.ceil(s.m / (8 * wgY)) + extraRows;
    ctx.dispatch(pipeline, [out, a, b, dims, ...tail], Math.ceil(s.n / (8 * wgX)), rows);
    return;
  }
  const { wgX, wgY, tileK } = tiledConfig(ctx.limits);
  const pipeline = ctx.pipeline('matmul', tiledCode, { ...flags, WG_X: wgX, WG_Y: wgY, TILE_K: tileK });
  const rows = Math.ceil(s.m / (wgY * 4)) + extraRows;
  ctx.dispatch(pipeline, [out, a, b, dims, ...tail], Math.ceil(s.n / (wgX * 4)), rows);
}

/** The sparse path reads B as vec4, like matmulRegisterVec4. */
export function canSkipZerosInA(s: MatmulShape): boolean {
  return s.sparseA === true && canReadBAsVec4(s);
}

/**
 * For each block of SPARSE_ROWS rows of op(A): the columns where the block has a nonzero, and how
 * many (nonzeroColumns.wgsl). `columns` and `counts` hold sparseIndexWords(s) words.
 */
export function nonzeroColumns(
  ctx: KernelContext,
  columns: Storage,
  counts: Storage,
  a: Storage,
  s: MatmulShape,
): void {
  const pipeline = ctx.pipeline('nonzeroColumns', nonzeroColumnsCode, {
    TRANS_A: s.transA,
    ROWS: SPARSE_ROWS,
    WORKGROUP_SIZE: ctx.workgroupSize,
  });
  dispatch1d(ctx, pipeline, [columns, counts, a, ctx.uniform(u32s(s.m, s.k))], Math.ceil(s.m / SPARSE_ROWS));
}

/** C = op(A)·B over the index that nonzeroColumns() built for A (matmulSparseA.wgsl), then the epilogue. */
export function matmulSparseA(
  ctx: KernelContext,
  out: Storage,
  a: Storage,
  b: Storage,
  index: SparseIndex,
  s: MatmulShape,
  epilogue: MatmulEpilogue = {},
): void {
  const { flags, bindings, extraRows } = epilogueParts(ctx, s, a, epilogue);
  const pipeline = ctx.pipeline('matmulSparseA', sparseACode, { TRANS_A: s.transA, ...flags });
  const dims = ctx.uniform(u32s(s.m, s.n, s.k));
  // 8x8 invocations per workgroup, each 4 rows x 16 columns.
  ctx.dispatch(
    pipeline,
    [out, a, b, index.columns, index.counts, dims, ...bindings],
    Math.ceil(s.n / 128),
    Math.ceil(s.m / 32) + extraRows,
  );
}
