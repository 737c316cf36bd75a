// matmul (tiled through workgroup memory): C[M,N] = op(A)[M,K] · op(B)[K,N]
//
// op(A) is A [M,K] row-major, or Aᵀ when TRANS_A (A stored [K,M]); likewise op(B) is B [K,N] or,
// when TRANS_B, B stored [N,K]. The backward pass needs A·B, Aᵀ·B and A·Bᵀ; the flags read the
// stored matrix in transposed order, so no transposed copy is ever made.
//
// Bindings (all kernels): outputs first, then inputs, then the uniform.
//   0 C: array<f32> (write)   1 A: array<f32>   2 B: array<f32>   3 dims: {M, N, K}
// then the epilogue's, shared with the register kernels (scripts/wgsl/matmulEpilogue.mjs, whose text
// is repeated below by hand): 4 bias [N], 5 mask [M, N], 6 sums [N] (write).
//
// Tiling: a workgroup of WG_X x WG_Y invocations computes a (WG_Y*4) x (WG_X*4) tile of C; each
// invocation owns a 4x4 block held in registers. The K dimension is walked in slabs of TILE_K: the
// whole workgroup stages a slab of op(A) and op(B) in workgroup memory, then each invocation reads
// it from there. Loads past the matrix edge read zero and stores past it are skipped, so any M, N, K
// works. Tile sizes are override constants, picked from device.limits by the host; M, N, K are a
// uniform, so one pipeline serves every batch size. This is the variant for real GPUs; see
// matmulRegister.wgsl for the one that wins on CPU-backed WebGPU.
struct Dims { m: u32, n: u32, k: u32, pad: u32 }

@group(0) @binding(0) var<storage, read_write> c: array<f32>;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read> b: array<f32>;
@group(0) @binding(3) var<uniform> dims: Dims;
@group(0) @binding(4) var<storage, read> bias: array<f32>;
@group(0) @binding(5) var<storage, read> mask: array<f32>;
@group(0) @binding(6) var<storage, read_write> sums: array<f32>;

override TRANS_A: bool = false;
override TRANS_B: bool = false;
override WG_X: u32 = 16;
override WG_Y: u32 = 16;
override TILE_K: u32 = 16;
const PER = 4u; // outputs per invocation along each axis

// Epilogue, in this order: + bias[col] (BIAS), max(0, ·) (RELU), zero where mask[row, col] <= 0
// (MASK: a ReLU's backward on its saved output). SUMS: the host dispatches one more row of
// workgroups, which writes sums[col] = Σ_k op(B)[k, col] (the bias gradient, when op(B) is dY).
override BIAS: bool = false;
override RELU: bool = false;
override MASK: bool = false;
override SUMS: bool = false;

fn finish(row: u32, col: u32, value: f32) -> f32 {
  var v = value;
  if (BIAS) { v += bias[col]; }
  if (RELU) { v = max(v, 0.0); }
  if (MASK) { v = select(0.0, v, mask[row * dims.n + col] > 0.0); }
  return v;
}

var<workgroup> tileA: array<f32, TILE_K * WG_Y * PER>; // [TILE_K][tileM]
var<workgroup> tileB: array<f32, TILE_K * WG_X * PER>; // [TILE_K][tileN]

fn loadA(row: u32, kk: u32) -> f32 {
  if (row >= dims.m || kk >= dims.k) { return 0.0; }
  if (TRANS_A) { return a[kk * dims.m + row]; }
  return a[row * dims.k + kk];
}

fn loadB(kk: u32, col: u32) -> f32 {
  if (kk >= dims.k || col >= dims.n) { return 0.0; }
  if (TRANS_B) { return b[col * dims.k + kk]; }
  return b[kk * dims.n + col];
}

@compute @workgroup_size(WG_X, WG_Y)
fn main(
  @builtin(workgroup_id) wg: vec3u,
  @builtin(local_invocation_id) lid: vec3u,
  @builtin(num_workgroups) groups: vec3u,
) {
  let tileM = WG_Y * PER;
  let tileN = WG_X * PER;
  let rowBase = wg.y * tileM;
  let colBase = wg.x * tileN;
  let flat = lid.y * WG_X + lid.x;
  let threads = WG_X * WG_Y;
  if (SUMS && wg.y == groups.y - 1u) {
    // The extra row of workgroups (uniform per workgroup, so returning skips no barrier unevenly).
    for (var col = colBase + flat; col < min(colBase + tileN, dims.n); col += threads) {
      var sum = 0.0;
      for (var kk = 0u; kk < dims.k; kk++) { sum += loadB(kk, col); }
      sums[col] = sum;
    }
    return;
  }

  var acc: array<f32, 16>;
  for (var k0 = 0u; k0 < dims.k; k0 += TILE_K) {
    for (var i = flat; i < TILE_K * tileM; i += threads) {
      let kk = i / tileM;
      let r = i % tileM;
      tileA[i] = loadA(rowBase + r, k0 + kk);
    }
    for (var i = flat; i < TILE_K * tileN; i += threads) {
      let kk = i / tileN;
      let col = i % tileN;
      tileB[i] = loadB(k0 + kk, colBase + col);
    }
    workgroupBarrier();
    for (var kk = 0u; kk < TILE_K; kk++) {
      var av: array<f32, 4>;
      var bv: array<f32, 4>;
      for (var i = 0u; i < PER; i++) {
        av[i] = tileA[kk * tileM + lid.y * PER + i];
        bv[i] = tileB[kk * tileN + lid.x * PER + i];
      }
      for (var i = 0u; i < PER; i++) {
        for (var j = 0u; j < PER; j++) {
          acc[i * PER + j] = fma(av[i], bv[j], acc[i * PER + j]);
        }
      }
    }
    workgroupBarrier();
  }

  for (var i = 0u; i < PER; i++) {
    let row = rowBase + lid.y * PER + i;
    for (var j = 0u; j < PER; j++) {
      let col = colBase + lid.x * PER + j;
      if (row < dims.m && col < dims.n) {
        c[row * dims.n + col] = finish(row, col, acc[i * PER + j]);
      }
    }
  }
}
