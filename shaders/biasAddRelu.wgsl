// biasAddRelu: out[r, c] = f(x[r, c] + bias[c]), f = max(0, ·) when RELU, identity otherwise.
//
// Layout: x and out row-major [rows, cols]; bias [cols]. out may not alias x.
// Bindings: 0 out (write), 1 x, 2 bias, 3 dims {rows, cols}.
// One invocation per element; the grid may be 2-D when there are more than 65535 workgroups.
struct Dims { rows: u32, cols: u32, pad0: u32, pad1: u32 }

@group(0) @binding(0) var<storage, read_write> out: array<f32>;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> bias: array<f32>;
@group(0) @binding(3) var<uniform> dims: Dims;

override RELU: bool = true;
override WORKGROUP_SIZE: u32 = 64;

@compute @workgroup_size(WORKGROUP_SIZE)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = gid.x + gid.y * groups.x * WORKGROUP_SIZE;
  if (i >= dims.rows * dims.cols) { return; }
  let v = x[i] + bias[i % dims.cols];
  out[i] = select(v, max(v, 0.0), RELU);
}
