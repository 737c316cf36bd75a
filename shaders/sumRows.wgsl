// sumRows: out[c] = Σ_r x[r, c], the bias gradient (sum of the upstream gradient over the batch).
//
// Layout: x row-major [rows, cols]; out [cols].
// Bindings: 0 out (write), 1 x, 2 dims {rows, cols}.
// One invocation per column, walking down the rows: neighbouring invocations read neighbouring
// addresses, so the loads coalesce on a GPU.
struct Dims { rows: u32, cols: u32, pad0: u32, pad1: u32 }

@group(0) @binding(0) var<storage, read_write> out: array<f32>;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<uniform> dims: Dims;

override WORKGROUP_SIZE: u32 = 64;

@compute @workgroup_size(WORKGROUP_SIZE)
fn main(@builtin(global_invocation_id) gid: vec3u) {
  let c = gid.x;
  if (c >= dims.cols) { return; }
  var sum = 0.0;
  for (var r = 0u; r < dims.rows; r++) {
    sum += x[r * dims.cols + c];
  }
  out[c] = sum;
}
