// maxPool: y[n,oy,ox,c] = max of x over the 2x2 window at (2oy, 2ox), stride 2, NHWC; an odd last
// row or column is dropped (floor, Keras's valid padding). argmax[o] is the flat index into x of
// the window's first maximum in row-major order, which is all the backward pass needs.
//
// Bindings: 0 y (write), 1 argmax (write, u32), 2 x, 3 dims {batch, height, width, channels}.
// One invocation per output element, folded into a 2-D grid for large tensors.
struct Dims { batch: u32, height: u32, width: u32, channels: u32 }

@group(0) @binding(0) var<storage, read_write> y: array<f32>;
@group(0) @binding(1) var<storage, read_write> argmax: array<u32>;
@group(0) @binding(2) var<storage, read> x: array<f32>;
@group(0) @binding(3) var<uniform> dims: Dims;

override WORKGROUP_SIZE: u32 = 64;

@compute @workgroup_size(WORKGROUP_SIZE)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let o = gid.x + gid.y * groups.x * WORKGROUP_SIZE;
  let outH = dims.height / 2u;
  let outW = dims.width / 2u;
  if (o >= dims.batch * outH * outW * dims.channels) { return; }
  let c = o % dims.channels;
  let pixel = o / dims.channels;
  let ox = pixel % outW;
  let oy = (pixel / outW) % outH;
  let n = pixel / (outW * outH);
  let topLeft = ((n * dims.height + 2u * oy) * dims.width + 2u * ox) * dims.channels + c;
  let row = dims.width * dims.channels;
  var best = topLeft;
  for (var i = 1u; i < 4u; i++) {
    let at = topLeft + (i / 2u) * row + (i % 2u) * dims.channels;
    if (x[at] > x[best]) { best = at; }
  }
  y[o] = x[best];
  argmax[o] = best;
}
