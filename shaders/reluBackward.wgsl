// reluBackward: dx[i] = dy[i] if y[i] > 0 else 0, where y = relu(·) is the saved forward output.
//
// NOTE: at exactly 0 the gradient is taken as 0 (y > 0 is false), as in TensorFlow and Keras.
// Bindings: 0 dx (write), 1 dy, 2 y, 3 dims {length}.
struct Dims { length: u32, pad0: u32, pad1: u32, pad2: u32 }

@group(0) @binding(0) var<storage, read_write> dx: array<f32>;
@group(0) @binding(1) var<storage, read> dy: array<f32>;
@group(0) @binding(2) var<storage, read> y: array<f32>;
@group(0) @binding(3) var<uniform> dims: Dims;

override WORKGROUP_SIZE: u32 = 64;

@compute @workgroup_size(WORKGROUP_SIZE)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = gid.x + gid.y * groups.x * WORKGROUP_SIZE;
  if (i >= dims.length) { return; }
  dx[i] = select(0.0, dy[i], y[i] > 0.0);
}
