// shaders/matmulRegister.wgsl, matmulRegisterVec4.wgsl and matmulSparseA.wgsl: register-blocked
// matmul kernels on the template of registerBlock.mjs. Written by generate.mjs (npm run generate:wgsl).
import { epilogueBindings, epilogueText, scalarSums, vec4Sums } from './matmulEpilogue.mjs';
import { accumulators, columns, each, fmas, header, loadB, range } from './registerBlock.mjs';

const common = `struct Dims { m: u32, n: u32, k: u32, pad: u32 }

@group(0) @binding(0) var<storage, read_write> c: array<f32>;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read> b: array<BTYPE>;
@group(0) @binding(3) var<uniform> dims: Dims;
${epilogueBindings(4)}

override TRANS_A: bool = false;
override TRANS_B: bool = false;
// Invocations across N and M. 8 x 8 by default; narrower across N for a narrow C (N = 10), so
// that no SIMD lane idles on columns past N (see registerWorkgroup() in kernels/matmul.ts).
override WG_X: u32 = 8;
override WG_Y: u32 = 8;

fn store(row: u32, col0: u32, lo: vec4f, hi: vec4f) {
  if (row >= dims.m) { return; }
  let base = row * dims.n;
  let v = array<f32, 8>(lo.x, lo.y, lo.z, lo.w, hi.x, hi.y, hi.z, hi.w);
  for (var j = 0u; j < 8u; j++) {
    if (col0 + j < dims.n) { c[base + col0 + j] = finish(row, col0 + j, v[j]); }
  }
}
`;

const prologue = `@compute @workgroup_size(WG_X, WG_Y)
fn main(
  @builtin(global_invocation_id) gid: vec3u,
  @builtin(workgroup_id) wg: vec3u,
  @builtin(num_workgroups) groups: vec3u,
  @builtin(local_invocation_id) lid: vec3u,
) {
  // With SUMS the host adds one row of workgroups: its first row of invocations sums op(B)'s columns.
  if (SUMS && wg.y == groups.y - 1u) {
    if (lid.y == 0u) { columnSums(gid.x * 8u, 8u); }
    return;
  }
  let row0 = gid.y * 8u;
  let col0 = gid.x * 8u;
  if (row0 >= dims.m || col0 >= dims.n) { return; }
  let lastRow = dims.m - 1u;
  // Element (r, k) of op(A) is a[aRow_r + k * aStep].
  let aStep = select(1u, dims.m, TRANS_A);
  let aRowStride = select(dims.k, 1u, TRANS_A);
${each((r) => `  let aRow${r} = min(row0 + ${r}u, lastRow) * aRowStride;`)}
${accumulators}`;

const accumulate = fmas((r) => `a[aRow${r} + ak]`, '    ');
const epilogue = `  }
${each((r) => `  store(row0 + ${r}u, col0, lo${r}, hi${r});`)}
}
`;

const scalar = `${header('matmulRegister', 'register-blocked, no workgroup memory: C[M,N] = op(A)[M,K] · op(B)[K,N]', 'matmulRegister.mjs')}
// Same contract as matmul.wgsl (TRANS_A / TRANS_B read the stored matrix transposed; bindings
// 0 C, 1 A, 2 B, 3 dims {M, N, K}, and the epilogue's 4 bias, 5 mask, 6 sums). Each invocation computes an 8x8 block of C in sixteen vec4
// registers, reading A and B straight from storage with no barriers. The loop body is unrolled by
// hand: CPU-backed WebGPU (SwiftShader) is slow at dynamically indexed private arrays and at
// barriers, and runs this about 10x faster than the tiled kernel; real GPUs prefer the tiled one.
// The host times both at start-up and keeps the faster. matmulRegisterVec4.wgsl is this kernel
// for the common case where B can be read four columns at a time.
//
// Edges: row and column indices are clamped before loading, so loads need no branches; the
// clamped rows and columns compute values that are never stored.
${common.replace('BTYPE', 'f32')}${epilogueText}${scalarSums}
${prologue}
  let lastCol = dims.n - 1u;
  // Element (k, c) of op(B) is b[bCol_c + k * bStep].
  let bStep = select(dims.n, 1u, TRANS_B);
  let bColStride = select(1u, dims.k, TRANS_B);
${columns('bCol', 'lastCol', ' * bColStride')}
  for (var k = 0u; k < dims.k; k++) {
    let ak = k * aStep;
    let bk = k * bStep;
${loadB('b', 'bCol', 'bk')}
${accumulate}
${epilogue}`;

const vec4 = `${header('matmulRegisterVec4', 'matmulRegister.wgsl with B read as vec4, for B not transposed and N a', 'matmulRegister.mjs').replace('\n', '\n// multiple of 4 (the host checks; the weight matrices and batch gradients of the MLP qualify).\n')}
// Each invocation's eight columns are two aligned vec4 of B per k, so a k-step costs 2 loads of B
// instead of 8; on SwiftShader this runs about 15-25% faster than the scalar register kernel.
// TRANS_B must be false; bindings, tiling and edge handling are as in matmulRegister.wgsl.
${common.replace('BTYPE', 'vec4f')}${epilogueText}${vec4Sums}
${prologue}
  // Column quads of B: op(B) row k holds quads k * n4 .. k * n4 + n4 - 1.
  let n4 = dims.n / 4u;
  let lastQuad = n4 - 1u;
  let quadLo = min(col0 / 4u, lastQuad);
  let quadHi = min(col0 / 4u + 1u, lastQuad);
  for (var k = 0u; k < dims.k; k++) {
    let ak = k * aStep;
    let bLo = b[k * n4 + quadLo];
    let bHi = b[k * n4 + quadHi];
${accumulate}
${epilogue}`;

// Sparse A: 4 rows x 16 columns per invocation (4 rows per block of nonzeroColumns.wgsl; fewer rows
// per block skip more, since a block's column is kept when any of its rows is nonzero).
const SPARSE_ROWS = 4;
const SPARSE_QUADS = 4;
const sparse = `${header('matmulSparseA', 'C[M,N] = op(A)[M,K] · B[K,N] for an A that is mostly zeros (a batch of images),', 'matmulRegister.mjs').replace('\n', '\n// visiting only the k at which a block of rows of op(A) has a nonzero (from nonzeroColumns.wgsl).\n')}
// Each invocation computes ${SPARSE_ROWS} rows x ${4 * SPARSE_QUADS} columns of C (one block of nonzeroColumns: its
// rows are row0 .. row0 + ${SPARSE_ROWS - 1}). The loop runs over that block's column list, so the work skipped
// is skipped for real (on SwiftShader a branch around zero terms would still execute both sides; a
// shorter loop does not). Skipping a zero term leaves every sum unchanged, with one exception: 0·∞
// would be NaN. TRANS_A as in matmulRegister.wgsl; B is read as vec4, so N must be a multiple of 4
// and TRANS_B false (the host checks). Rows and columns past the edges are clamped and not stored.
//
// Bindings: 0 C, 1 A, 2 B (vec4), 3 columns (u32 [blocks, K]), 4 counts (u32 [blocks]), 5 dims {M, N, K},
// then the epilogue's (matmul.wgsl): 6 bias, 7 mask, 8 sums.
struct Dims { m: u32, n: u32, k: u32, pad: u32 }

@group(0) @binding(0) var<storage, read_write> c: array<f32>;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read> b: array<vec4f>;
@group(0) @binding(3) var<storage, read> columns: array<u32>;
@group(0) @binding(4) var<storage, read> counts: array<u32>;
@group(0) @binding(5) var<uniform> dims: Dims;
${epilogueBindings(6)}

override TRANS_A: bool = false;
${epilogueText}${vec4Sums}
fn store(row: u32, col: u32, v: vec4f) {
  if (row >= dims.m) { return; }
  let base = row * dims.n + col;
  let values = array<f32, 4>(v.x, v.y, v.z, v.w);
  for (var j = 0u; j < 4u; j++) {
    if (col + j < dims.n) { c[base + j] = finish(row, col + j, values[j]); }
  }
}

@compute @workgroup_size(8, 8)
fn main(
  @builtin(global_invocation_id) gid: vec3u,
  @builtin(workgroup_id) wg: vec3u,
  @builtin(num_workgroups) groups: vec3u,
  @builtin(local_invocation_id) lid: vec3u,
) {
  if (SUMS && wg.y == groups.y - 1u) {
    if (lid.y == 0u) { columnSums(gid.x * ${4 * SPARSE_QUADS}u, ${4 * SPARSE_QUADS}u); }
    return;
  }
  let block = gid.y;
  let row0 = block * ${SPARSE_ROWS}u;
  let col0 = gid.x * ${4 * SPARSE_QUADS}u;
  if (row0 >= dims.m || col0 >= dims.n) { return; }
  let lastRow = dims.m - 1u;
  // Element (r, k) of op(A) is a[aRow_r + k * aStep].
  let aStep = select(1u, dims.m, TRANS_A);
  let aRowStride = select(dims.k, 1u, TRANS_A);
${range(SPARSE_ROWS)
  .map((r) => `  let aRow${r} = min(row0 + ${r}u, lastRow) * aRowStride;`)
  .join('\n')}
  // Column quads of B: row k holds quads k * n4 .. k * n4 + n4 - 1.
  let n4 = dims.n / 4u;
  let lastQuad = n4 - 1u;
${range(SPARSE_QUADS)
  .map((q) => `  let quad${q} = min(col0 / 4u + ${q}u, lastQuad);`)
  .join('\n')}
${range(SPARSE_ROWS)
  .flatMap((r) => range(SPARSE_QUADS).map((q) => `  var c${r}${q} = vec4f(0.0);`))
  .join('\n')}
  let list = block * dims.k;
  let count = counts[block];
  for (var i = 0u; i < count; i++) {
    let k = columns[list + i];
${range(SPARSE_QUADS)
  .map((q) => `    let b${q} = b[k * n4 + quad${q}];`)
  .join('\n')}
${range(SPARSE_ROWS)
  .map(
    (r) =>
      `    let a${r} = vec4f(a[aRow${r} + k * aStep]);\n` +
      range(SPARSE_QUADS)
        .map((q) => `    c${r}${q} = fma(a${r}, b${q}, c${r}${q});`)
        .join('\n'),
  )
  .join('\n')}
  }
${range(SPARSE_ROWS)
  .flatMap((r) => range(SPARSE_QUADS).map((q) => `  store(row0 + ${r}u, col0 + ${4 * q}u, c${r}${q});`))
  .join('\n')}
}
`;

export function matmulRegisterShaders() {
  return { 'matmulRegister.wgsl': scalar, 'matmulRegisterVec4.wgsl': vec4, 'matmulSparseA.wgsl': sparse };
}
