// maxPoolBackward: dx[argmax[o]] = dy[o] for every output o; the host clears dx first, so every
// other element (including a dropped odd last row or column) is 0.
//
// Scattered, one invocation per output: the 2x2 windows do not overlap, so no two outputs share
// an argmax and no atomics are needed. (A gather over dx, one invocation per input, did the same
// work with four times the invocations and index arithmetic, and ran 2-3x slower on SwiftShader.)
//
// Bindings: 0 dx (write), 1 dy, 2 argmax (u32), 3 dims {outputs}.
struct Dims { outputs: u32, pad0: u32, pad1: u32, pad2: u32 }

@group(0) @binding(0) var<storage, read_write> dx: array<f32>;
@group(0) @binding(1) var<storage, read> dy: array<f32>;
@group(0) @binding(2) var<storage, read> argmax: array<u32>;
@group(0) @binding(3) var<uniform> dims: Dims;

override WORKGROUP_SIZE: u32 = 64;

@compute @workgroup_size(WORKGROUP_SIZE)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let o = gid.x + gid.y * groups.x * WORKGROUP_SIZE;
  if (o >= dims.outputs) { return; }
  dx[argmax[o]] = dy[o];
}
