// add: out[i] += x[i]. Accumulates a second gradient into a tensor's gradient (a tensor used twice).
//
// Bindings: 0 out (read-write), 1 x, 2 dims {length}.
struct Dims { length: u32, pad0: u32, pad1: u32, pad2: u32 }

@group(0) @binding(0) var<storage, read_write> out: array<f32>;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<uniform> dims: Dims;

override WORKGROUP_SIZE: u32 = 64;

@compute @workgroup_size(WORKGROUP_SIZE)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = gid.x + gid.y * groups.x * WORKGROUP_SIZE;
  if (i >= dims.length) { return; }
  out[i] += x[i];
}
