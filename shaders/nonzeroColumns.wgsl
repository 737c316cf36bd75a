// nonzeroColumns: for each block of ROWS consecutive rows of op(A) [M, K], the columns k at which
// any of the block's values is nonzero, ascending, and how many. matmulSparseA.wgsl then loops over
// these columns only: a batch of MNIST images is about 80% zeros, so its matmuls (x·W and the
// weight gradient xᵀ·dY) skip most of their work. Only zeros (+0 and -0) are skipped; NaN counts as nonzero.
//
// One invocation per block (a serial scan over K keeps the list ascending; it reads A once, K/ROWS
// times less work than the matmul that uses it). TRANS_A reads A stored transposed, as matmul does.
// Bindings: 0 columns (u32 [blocks, K]), 1 counts (u32 [blocks]), 2 a, 3 dims {M, K}.
struct Dims { m: u32, k: u32, pad0: u32, pad1: u32 }

@group(0) @binding(0) var<storage, read_write> columns: array<u32>;
@group(0) @binding(1) var<storage, read_write> counts: array<u32>;
@group(0) @binding(2) var<storage, read> a: array<f32>;
@group(0) @binding(3) var<uniform> dims: Dims;

override TRANS_A: bool = false;
override ROWS: u32 = 4;
override WORKGROUP_SIZE: u32 = 64;

@compute @workgroup_size(WORKGROUP_SIZE)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let block = gid.x + gid.y * groups.x * WORKGROUP_SIZE;
  let row0 = block * ROWS;
  if (row0 >= dims.m) { return; }
  let rowEnd = min(row0 + ROWS, dims.m);
  // Element (r, k) of op(A) is a[r * rowStride + k * kStride].
  let rowStride = select(dims.k, 1u, TRANS_A);
  let kStride = select(1u, dims.m, TRANS_A);
  var count = 0u;
  for (var k = 0u; k < dims.k; k++) {
    var nonzero = false;
    for (var r = row0; r < rowEnd; r++) {
      // On the bits, not `!= 0.0`: WGSL lets a compiler assume there are no NaNs, and NaN must count.
      nonzero = nonzero || (bitcast<u32>(a[r * rowStride + k * kStride]) & 0x7fffffffu) != 0u;
    }
    if (nonzero) {
      columns[block * dims.k + count] = k;
      count++;
    }
  }
  counts[block] = count;
}
