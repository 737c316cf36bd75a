// maxPoolBackward: dx[i] = dy[o] if i is the argmax of output o's window, else 0.
//
// Gathered, one invocation per element of dx: the 2x2 windows do not overlap, so element i can
// only belong to the window o = (n, y/2, x/2, c), and it receives dy[o] exactly when argmax[o] = i.
// Elements in a dropped odd last row or column receive 0. No atomics, and no separate clear.
//
// Bindings: 0 dx (write), 1 dy, 2 argmax (u32), 3 dims {batch, height, width, channels}.
struct Dims { batch: u32, height: u32, width: u32, channels: u32 }

@group(0) @binding(0) var<storage, read_write> dx: array<f32>;
@group(0) @binding(1) var<storage, read> dy: array<f32>;
@group(0) @binding(2) var<storage, read> argmax: array<u32>;
@group(0) @binding(3) var<uniform> dims: Dims;

override WORKGROUP_SIZE: u32 = 64;

@compute @workgroup_size(WORKGROUP_SIZE)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = gid.x + gid.y * groups.x * WORKGROUP_SIZE;
  if (i >= dims.batch * dims.height * dims.width * dims.channels) { return; }
  let outH = dims.height / 2u;
  let outW = dims.width / 2u;
  let c = i % dims.channels;
  let pixel = i / dims.channels;
  let x = pixel % dims.width;
  let y = (pixel / dims.width) % dims.height;
  let n = pixel / (dims.width * dims.height);
  var grad = 0.0;
  if (y / 2u < outH && x / 2u < outW) {
    let o = ((n * outH + y / 2u) * outW + x / 2u) * dims.channels + c;
    grad = select(0.0, dy[o], argmax[o] == i);
  }
  dx[i] = grad;
}
