// matmulRegister (register-blocked, no workgroup memory): C[M,N] = op(A)[M,K] · op(B)[K,N]
//
// Same contract as matmul.wgsl (TRANS_A / TRANS_B read the stored matrix transposed; bindings
// 0 C, 1 A, 2 B, 3 dims {M, N, K}). Each invocation computes an 8x8 block of C in sixteen vec4
// registers, reading A and B straight from storage with no barriers. The loop body is unrolled by
// hand: CPU-backed WebGPU (SwiftShader) is slow at dynamically indexed private arrays and at
// barriers, and runs this about 10x faster than the tiled kernel; real GPUs prefer the tiled one.
// The host times both at start-up and keeps the faster.
//
// Edges: row and column indices are clamped before loading, so loads need no branches; the
// clamped rows and columns compute values that are never stored.
struct Dims { m: u32, n: u32, k: u32, pad: u32 }

@group(0) @binding(0) var<storage, read_write> c: array<f32>;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read> b: array<f32>;
@group(0) @binding(3) var<uniform> dims: Dims;

override TRANS_A: bool = false;
override TRANS_B: bool = false;

fn store(row: u32, col0: u32, lo: vec4f, hi: vec4f) {
  if (row >= dims.m) { return; }
  let base = row * dims.n;
  let v = array<f32, 8>(lo.x, lo.y, lo.z, lo.w, hi.x, hi.y, hi.z, hi.w);
  for (var j = 0u; j < 8u; j++) {
    if (col0 + j < dims.n) { c[base + col0 + j] = v[j]; }
  }
}

@compute @workgroup_size(8, 8)
fn main(@builtin(global_invocation_id) gid: vec3u) {
  let row0 = gid.y * 8u;
  let col0 = gid.x * 8u;
  if (row0 >= dims.m || col0 >= dims.n) { return; }
  let lastRow = dims.m - 1u;
  let lastCol = dims.n - 1u;
  // Element (r, k) of op(A) is a[aRow_r + k * aStep]; element (k, c) of op(B) is b[bCol_c + k * bStep].
  let aStep = select(1u, dims.m, TRANS_A);
  let aRowStride = select(dims.k, 1u, TRANS_A);
  let bStep = select(dims.n, 1u, TRANS_B);
  let bColStride = select(1u, dims.k, TRANS_B);

  let aRow0 = min(row0 + 0u, lastRow) * aRowStride;
  let aRow1 = min(row0 + 1u, lastRow) * aRowStride;
  let aRow2 = min(row0 + 2u, lastRow) * aRowStride;
  let aRow3 = min(row0 + 3u, lastRow) * aRowStride;
  let aRow4 = min(row0 + 4u, lastRow) * aRowStride;
  let aRow5 = min(row0 + 5u, lastRow) * aRowStride;
  let aRow6 = min(row0 + 6u, lastRow) * aRowStride;
  let aRow7 = min(row0 + 7u, lastRow) * aRowStride;
  let bCol0 = min(col0 + 0u, lastCol) * bColStride;
  let bCol1 = min(col0 + 1u, lastCol) * bColStride;
  let bCol2 = min(col0 + 2u, lastCol) * bColStride;
  let bCol3 = min(col0 + 3u, lastCol) * bColStride;
  let bCol4 = min(col0 + 4u, lastCol) * bColStride;
  let bCol5 = min(col0 + 5u, lastCol) * bColStride;
  let bCol6 = min(col0 + 6u, lastCol) * bColStride;
  let bCol7 = min(col0 + 7u, lastCol) * bColStride;
  var lo0 = vec4f(0.0);
  var hi0 = vec4f(0.0);
  var lo1 = vec4f(0.0);
  var hi1 = vec4f(0.0);
  var lo2 = vec4f(0.0);
  var hi2 = vec4f(0.0);
  var lo3 = vec4f(0.0);
  var hi3 = vec4f(0.0);
  var lo4 = vec4f(0.0);
  var hi4 = vec4f(0.0);
  var lo5 = vec4f(0.0);
  var hi5 = vec4f(0.0);
  var lo6 = vec4f(0.0);
  var hi6 = vec4f(0.0);
  var lo7 = vec4f(0.0);
  var hi7 = vec4f(0.0);
  for (var k = 0u; k < dims.k; k++) {
    let ak = k * aStep;
    let bk = k * bStep;
    let bLo = vec4f(b[bCol0 + bk], b[bCol1 + bk], b[bCol2 + bk], b[bCol3 + bk]);
    let bHi = vec4f(b[bCol4 + bk], b[bCol5 + bk], b[bCol6 + bk], b[bCol7 + bk]);
    let a0 = a[aRow0 + ak];
    lo0 = fma(vec4f(a0), bLo, lo0);
    hi0 = fma(vec4f(a0), bHi, hi0);
    let a1 = a[aRow1 + ak];
    lo1 = fma(vec4f(a1), bLo, lo1);
    hi1 = fma(vec4f(a1), bHi, hi1);
    let a2 = a[aRow2 + ak];
    lo2 = fma(vec4f(a2), bLo, lo2);
    hi2 = fma(vec4f(a2), bHi, hi2);
    let a3 = a[aRow3 + ak];
    lo3 = fma(vec4f(a3), bLo, lo3);
    hi3 = fma(vec4f(a3), bHi, hi3);
    let a4 = a[aRow4 + ak];
    lo4 = fma(vec4f(a4), bLo, lo4);
    hi4 = fma(vec4f(a4), bHi, hi4);
    let a5 = a[aRow5 + ak];
    lo5 = fma(vec4f(a5), bLo, lo5);
    hi5 = fma(vec4f(a5), bHi, hi5);
    let a6 = a[aRow6 + ak];
    lo6 = fma(vec4f(a6), bLo, lo6);
    hi6 = fma(vec4f(a6), bHi, hi6);
    let a7 = a[aRow7 + ak];
    lo7 = fma(vec4f(a7), bLo, lo7);
    hi7 = fma(vec4f(a7), bHi, hi7);
  }
  store(row0 + 0u, col0, lo0, hi0);
  store(row0 + 1u, col0, lo1, hi1);
  store(row0 + 2u, col0, lo2, hi2);
  store(row0 + 3u, col0, lo3, hi3);
  store(row0 + 4u, col0, lo4, hi4);
  store(row0 + 5u, col0, lo5, hi5);
  store(row0 + 6u, col0, lo6, hi6);
  store(row0 + 7u, col0, lo7, hi7);
}
